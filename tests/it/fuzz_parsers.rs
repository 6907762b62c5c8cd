//! Property tests for the parsers of server answers: the Pwned Passwords range
//! body and Binance's JSON. Any bytes must give a value or an error, never a
//! panic, and a padding line (count 0) must never count as a hit.
//! Longer run: `PROPTEST_CASES=200000 cargo test --release --test fuzz_parsers`.

use binance_audit::collect::binance::client::parse_json;
use binance_audit::collect::binance::model::{
    AccountInfo, AccountStatus, ApiRestrictions, ApiTradingStatus, SpotAccount, WithdrawAddress,
    WithdrawQuota,
};
use binance_audit::collect::breach::range::find_suffix;
use proptest::prelude::*;

const SUFFIX: &str = "1E4C9B93F3F0682250B6CF8331B7EE68FD8";

const VALID: &[&str] = &[
    r#"{"ipRestrict": true, "createTime": 1761955200000, "enableReading": true, "enableWithdrawals": false, "enableFutures": true, "enableNewThing": true}"#,
    r#"[{"address": "bc1qexample", "addressTag": "", "coin": "BTC", "name": "cold", "network": "BTC", "whiteStatus": true}]"#,
    r#"{"wdQuota": "8000000.00000000", "usedWdQuota": "12.5"}"#,
    r#"{"canTrade": true, "canWithdraw": false, "canDeposit": true, "balances": [{"asset": "BTC", "free": "1", "locked": "0"}], "uid": 123456789012345678}"#,
    r#"{"data": {"isLocked": true, "plannedRecoverTime": 1764032400000}}"#,
    r#"{"data": "Normal"}"#,
];

fn parse_all(body: &[u8]) {
    if let Ok(r) = parse_json::<ApiRestrictions>(body) {
        let _ = r.trading_permissions();
        let _ = r.unknown_permissions();
    }
    let _ = parse_json::<Vec<WithdrawAddress>>(body);
    let _ = parse_json::<WithdrawQuota>(body);
    let _ = parse_json::<SpotAccount>(body);
    let _ = parse_json::<ApiTradingStatus>(body);
    let _ = parse_json::<AccountStatus>(body);
    let _ = parse_json::<AccountInfo>(body);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn binance_json_any_bytes(body in prop::collection::vec(any::<u8>(), 0..300)) {
        parse_all(&body);
    }

    #[test]
    fn binance_json_mutated(which in 0usize..VALID.len(), pos in 0usize..400, byte in any::<u8>(), cut in 0usize..400) {
        let mut body = VALID[which].as_bytes().to_vec();
        let p = pos % body.len();
        body[p] = byte;
        parse_all(&body);
        let c = cut % body.len();
        parse_all(&body[..c]);
    }

    #[test]
    fn range_body_any_bytes(body in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = find_suffix(&body, SUFFIX);
    }

    #[test]
    fn padding_never_counts(lines in prop::collection::vec("[0-9A-F]{35}", 0..30), crlf in any::<bool>()) {
        let sep = if crlf { "\r\n" } else { "\n" };
        let mut body: Vec<String> = lines.iter().map(|s| format!("{s}:0")).collect();
        body.push(format!("{SUFFIX}:0"));
        let text = body.join(sep);
        // The planted suffix appears only as padding (count 0): not found.
        prop_assert_eq!(find_suffix(text.as_bytes(), SUFFIX).ok(), Some(0));
        let hit = format!("{text}{sep}{}:7", SUFFIX.to_lowercase());
        prop_assert_eq!(find_suffix(hit.as_bytes(), SUFFIX).ok(), Some(7));
    }
}
