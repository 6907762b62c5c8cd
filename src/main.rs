fn main() { binance_audit::placeholder(); }
