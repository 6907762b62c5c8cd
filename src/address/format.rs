//! Address formats and checksums, per network. Every parser here takes any
//! string and answers; none may panic (tests/address_fuzz in this module's
//! tests), and none claims more than its scheme checks: SOL and raw TON
//! addresses carry no checksum, and networks without a parser are "format
//! not checked", never "valid".

use serde::Serialize;
use sha2::{Digest, Sha256};
use sha3::Keccak256;

use crate::i18n::Msg;
use crate::msg;

/// Longer than any address of any network this knows; longer input is
/// refused before any decoding (Base58 decoding is quadratic in length).
pub const MAX_LEN: usize = 128;

/// Addresses that compare with each other: every EVM network shares one
/// address space, so a look-alike on BSC of an ETH address counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Evm,
    Btc,
    Tron,
    Ltc,
    Doge,
    Xrp,
    Sol,
    Ton,
    /// A network this has no parser for.
    Other,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Evm => "EVM",
            Family::Btc => "BTC",
            Family::Tron => "TRON",
            Family::Ltc => "LTC",
            Family::Doge => "DOGE",
            Family::Xrp => "XRP",
            Family::Sol => "SOL",
            Family::Ton => "TON",
            Family::Other => "other",
        }
    }

    /// What the address is compared in: EVM addresses and Bech32 ignore
    /// case; Base58 and the rest do not.
    pub fn case_insensitive(self) -> bool {
        matches!(self, Family::Evm)
    }
}

/// Binance network names of EVM chains (the same 0x… address on each).
pub const EVM_NETWORKS: &[&str] = &[
    "ETH",
    "BSC",
    "ARBITRUM",
    "OPTIMISM",
    "BASE",
    "MATIC",
    "POLYGON",
    "AVAXC",
    "OPBNB",
    "ZKSYNCERA",
    "LINEA",
    "SCROLL",
    "MANTA",
    "MANTLE",
    "FTM",
    "SONIC",
    "CELO",
    "ETC",
    "BLAST",
    "KAVAEVM",
];

/// Networks where exchange deposits usually need a memo or tag: without
/// one, the exchange cannot tell whose deposit it is.
pub const MEMO_NETWORKS: &[&str] = &[
    "XRP", "XLM", "EOS", "TON", "ATOM", "BNB", "HBAR", "IOST", "KAVA", "STX",
];

/// The family of a Binance network name (case-insensitive).
pub fn family_of(network: &str) -> Family {
    let n = network.trim().to_ascii_uppercase();
    if EVM_NETWORKS.contains(&n.as_str()) {
        return Family::Evm;
    }
    match n.as_str() {
        "BTC" | "SEGWITBTC" | "BITCOIN" => Family::Btc,
        "TRX" | "TRON" | "TRC20" => Family::Tron,
        "LTC" => Family::Ltc,
        "DOGE" => Family::Doge,
        "XRP" => Family::Xrp,
        "SOL" | "SOLANA" => Family::Sol,
        "TON" => Family::Ton,
        _ => Family::Other,
    }
}

pub fn needs_memo(network: Option<&str>, family: Family) -> bool {
    let n = network.map(|n| n.trim().to_ascii_uppercase());
    match n {
        Some(n) => MEMO_NETWORKS.contains(&n.as_str()),
        None => matches!(family, Family::Xrp | Family::Ton),
    }
}

/// A guess at the family from the address's shape alone.
pub fn infer(addr: &str) -> Option<Family> {
    let a = addr.trim();
    let len = a.len();
    if len > MAX_LEN || !a.is_ascii() {
        return None;
    }
    let lower = a.to_ascii_lowercase();
    if lower.starts_with("0x") {
        return Some(Family::Evm);
    }
    if lower.starts_with("bc1") {
        return Some(Family::Btc);
    }
    if lower.starts_with("ltc1") {
        return Some(Family::Ltc);
    }
    if is_ton_raw(a) || (len == 48 && ["EQ", "UQ", "kQ", "0Q"].iter().any(|p| a.starts_with(p))) {
        return Some(Family::Ton);
    }
    if !a.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    match a.as_bytes().first() {
        Some(b'T') if len == 34 => return Some(Family::Tron),
        Some(b'1' | b'3') if (25..=35).contains(&len) => return Some(Family::Btc),
        Some(b'r') if (25..=35).contains(&len) => return Some(Family::Xrp),
        Some(b'L' | b'M') if len == 34 => return Some(Family::Ltc),
        Some(b'D') if len == 34 => return Some(Family::Doge),
        _ => {}
    }
    if (32..=44).contains(&len) && bs58::decode(a).into_vec().is_ok_and(|v| v.len() == 32) {
        return Some(Family::Sol);
    }
    None
}

/// What the format check found. The sentences are `Msg`s; json writes
/// them in both languages (cmd/address/render.rs).
#[derive(Clone, Debug, PartialEq)]
pub enum FormatCheck {
    /// The scheme's rules hold. `checksum` is false when the scheme or this
    /// spelling carries none (SOL, all-lowercase EVM), so a typo would pass.
    Valid {
        scheme: &'static str,
        checksum: bool,
        note: Option<Msg>,
    },
    Invalid {
        reason: Msg,
    },
    NotChecked {
        reason: Msg,
    },
}

impl FormatCheck {
    pub fn is_invalid(&self) -> bool {
        matches!(self, FormatCheck::Invalid { .. })
    }
}

/// One address, checked and reduced to what comparisons use.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The input, trimmed.
    pub input: String,
    pub family: Family,
    /// Network as given, or None when inferred from the shape.
    pub network: Option<String>,
    /// True when the family came from the address's shape.
    pub inferred: bool,
    pub format: FormatCheck,
    /// The form compared for "is it the same address".
    pub canonical: String,
    /// Bytes of `canonical` that every address of its kind starts with
    /// (`0x`, `bc1q`, `T`, `r`): look-alike ends are counted after them.
    pub fixed: usize,
}

impl Parsed {
    /// The part after the fixed prefix, as compared for look-alikes.
    pub fn body(&self) -> &str {
        self.canonical.get(self.fixed..).unwrap_or("")
    }
}

fn invalid(reason: Msg) -> FormatCheck {
    FormatCheck::Invalid { reason }
}

fn valid(scheme: &'static str, checksum: bool) -> FormatCheck {
    FormatCheck::Valid {
        scheme,
        checksum,
        note: None,
    }
}

/// Check `addr` as an address of `network` (a Binance network name), or of
/// the network its shape suggests when `network` is None.
pub fn parse(addr: &str, network: Option<&str>) -> Parsed {
    let input = addr.trim().to_string();
    let network = network
        .map(|n| n.trim().to_ascii_uppercase())
        .filter(|n| !n.is_empty());
    let (family, inferred) = match &network {
        Some(n) => (family_of(n), false),
        None => match infer(&input) {
            Some(f) => (f, true),
            None => (Family::Other, true),
        },
    };
    let mut p = Parsed {
        canonical: input.clone(),
        input,
        family,
        network,
        inferred,
        format: FormatCheck::NotChecked {
            reason: Msg::verbatim(""),
        },
        fixed: 0,
    };
    if p.input.is_empty() {
        p.format = invalid(msg!("address-format-empty"));
        return p;
    }
    if p.input.chars().count() > MAX_LEN {
        p.format = invalid(msg!("address-format-too-long", max = MAX_LEN));
        return p;
    }
    if let Some(c) = p
        .input
        .chars()
        .find(|c| c.is_whitespace() || c.is_control())
    {
        p.format = invalid(msg!(
            "address-format-space",
            code = format!("{:04X}", c as u32)
        ));
        return p;
    }
    match family {
        Family::Evm => evm(&mut p),
        Family::Btc => btc_like(&mut p, "bc", &[(0x00, "1"), (0x05, "3")], "BTC"),
        Family::Ltc => btc_like(
            &mut p,
            "ltc",
            &[(0x30, "L"), (0x32, "M"), (0x05, "3")],
            "LTC",
        ),
        Family::Doge => base58_only(&mut p, &[(0x1e, "D"), (0x16, "9/A")], "DOGE"),
        Family::Tron => base58_only(&mut p, &[(0x41, "T")], "TRON"),
        Family::Xrp => xrp(&mut p),
        Family::Sol => sol(&mut p),
        Family::Ton => ton(&mut p),
        Family::Other => {
            p.format = FormatCheck::NotChecked {
                reason: match &p.network {
                    Some(n) => msg!("address-format-no-parser", network = n),
                    None => msg!("address-format-unknown-network"),
                },
            };
        }
    }
    p
}

fn evm(p: &mut Parsed) {
    let s = p.input.as_str();
    let Some(body) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) else {
        p.format = invalid(msg!("address-format-evm-prefix"));
        return;
    };
    if body.len() != 40 || !body.bytes().all(|b| b.is_ascii_hexdigit()) {
        let count = body.chars().count();
        p.format = invalid(if body.bytes().all(|b| b.is_ascii_hexdigit()) {
            msg!("address-format-evm-length", count = count)
        } else {
            msg!("address-format-evm-not-hex", count = count)
        });
        return;
    }
    p.canonical = format!("0x{}", body.to_ascii_lowercase());
    p.fixed = 2;
    let lower = body.bytes().all(|b| !b.is_ascii_uppercase());
    let upper = body.bytes().all(|b| !b.is_ascii_lowercase());
    if lower || upper {
        p.format = FormatCheck::Valid {
            scheme: "EIP-55",
            checksum: false,
            note: Some(msg!("address-format-eip55-one-case")),
        };
        return;
    }
    if eip55(body) == body {
        p.format = valid("EIP-55", true);
    } else {
        p.format = invalid(msg!("address-format-eip55-mismatch"));
    }
}

/// The EIP-55 spelling of 40 hex digits (no `0x`).
pub fn eip55(hex40: &str) -> String {
    let lower = hex40.to_ascii_lowercase();
    let hash = Keccak256::digest(lower.as_bytes());
    lower
        .char_indices()
        .map(|(i, c)| {
            let byte = hash.get(i / 2).copied().unwrap_or(0);
            let nibble = if i % 2 == 0 { byte >> 4 } else { byte & 0x0f };
            if c.is_ascii_alphabetic() && nibble >= 8 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

/// Base58Check: the payload without its checksum, if the checksum holds.
/// Computed here with `sha2` (already a dependency) rather than bs58's
/// `check` feature, which would pull a second sha2 version.
pub fn base58check(s: &str, alphabet: &'static bs58::Alphabet) -> Result<Vec<u8>, Msg> {
    let raw = bs58::decode(s)
        .with_alphabet(alphabet)
        .into_vec()
        .map_err(|e| msg!("address-format-not-base58", error = e.to_string()))?;
    if raw.len() < 5 {
        return Err(msg!("address-format-base58-short"));
    }
    let (payload, check) = raw.split_at(raw.len() - 4);
    let digest = Sha256::digest(Sha256::digest(payload));
    if digest.get(..4) != Some(check) {
        return Err(msg!("address-format-base58-mismatch"));
    }
    Ok(payload.to_vec())
}

/// Base58Check with a one-byte version and a 20-byte hash, as BTC legacy,
/// P2SH, TRON, LTC and DOGE use.
fn base58_versioned(
    p: &mut Parsed,
    versions: &[(u8, &str)],
    what: &str,
    alphabet: &'static bs58::Alphabet,
) {
    match base58check(&p.input, alphabet) {
        Err(reason) => p.format = FormatCheck::Invalid { reason },
        Ok(payload) => {
            let ok =
                payload.len() == 21 && versions.iter().any(|(v, _)| payload.first() == Some(v));
            if ok {
                p.format = valid("Base58Check", true);
                p.fixed = 1;
            } else {
                // The starts as a list in the reader's language.
                let mut starts = versions.iter().map(|(_, s)| Msg::verbatim(*s));
                let first = starts.next().unwrap_or_else(|| Msg::verbatim(""));
                let starts = starts.fold(first, |list, next| {
                    msg!("address-format-list", list = list, next = next)
                });
                p.format = invalid(msg!(
                    "address-format-wrong-version",
                    what = what,
                    starts = starts
                ));
            }
        }
    }
}

fn base58_only(p: &mut Parsed, versions: &[(u8, &str)], what: &str) {
    base58_versioned(p, versions, what, bs58::Alphabet::BITCOIN);
}

/// BTC and LTC: Bech32/Bech32m (segwit, taproot) or Base58Check (legacy, P2SH).
fn btc_like(p: &mut Parsed, hrp: &str, versions: &[(u8, &str)], what: &str) {
    let lower = p.input.to_ascii_lowercase();
    if lower.starts_with(&format!("{hrp}1")) {
        match bech32::segwit::decode(&p.input) {
            Ok((h, version, _program)) if h.to_lowercase() == hrp => {
                p.canonical = lower;
                // hrp, separator and witness version: `bc1q`, `bc1p`.
                p.fixed = hrp.len() + 2;
                p.format = valid(
                    if version == bech32::segwit::VERSION_0 {
                        "Bech32 (BIP-173)"
                    } else {
                        "Bech32m (BIP-350)"
                    },
                    true,
                );
            }
            Ok((h, _, _)) => {
                p.format = invalid(msg!("address-format-segwit-other", hrp = h.to_string()))
            }
            Err(e) => p.format = invalid(msg!("address-format-not-bech32", error = e.to_string())),
        }
        return;
    }
    base58_versioned(p, versions, what, bs58::Alphabet::BITCOIN);
}

fn xrp(p: &mut Parsed) {
    // XRP uses Base58Check with its own alphabet; classic addresses start with r.
    base58_versioned(p, &[(0x00, "r")], "XRP", bs58::Alphabet::RIPPLE);
}

fn sol(p: &mut Parsed) {
    match bs58::decode(&p.input).into_vec() {
        Ok(v) if v.len() == 32 => {
            p.format = FormatCheck::Valid {
                scheme: "Base58 (32 bytes)",
                checksum: false,
                note: Some(msg!("address-format-sol-no-checksum")),
            }
        }
        Ok(v) => p.format = invalid(msg!("address-format-sol-length", bytes = v.len())),
        Err(e) => p.format = invalid(msg!("address-format-not-base58", error = e.to_string())),
    }
}

fn is_ton_raw(s: &str) -> bool {
    let Some((wc, hash)) = s.split_once(':') else {
        return false;
    };
    let wc = wc.strip_prefix('-').unwrap_or(wc);
    !wc.is_empty()
        && wc.len() <= 3
        && wc.bytes().all(|b| b.is_ascii_digit())
        && hash.len() == 64
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// CRC-16/XMODEM, the checksum of TON's user-friendly addresses.
fn crc16_xmodem(data: &[u8]) -> u16 {
    let mut crc: u16 = 0;
    for &b in data {
        crc ^= u16::from(b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

fn ton(p: &mut Parsed) {
    use base64::Engine;
    if is_ton_raw(&p.input) {
        p.canonical = p.input.to_ascii_lowercase();
        p.format = FormatCheck::Valid {
            scheme: "TON raw",
            checksum: false,
            note: Some(msg!("address-format-ton-raw")),
        };
        return;
    }
    // Both base64 alphabets are in use; compare in the URL-safe one.
    let url_safe: String = p
        .input
        .chars()
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            c => c,
        })
        .collect();
    let bytes = if p.input.len() == 48 {
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(url_safe.as_bytes())
            .ok()
    } else {
        None
    };
    let Some(bytes) = bytes.filter(|b| b.len() == 36) else {
        p.format = invalid(msg!("address-format-ton-length"));
        return;
    };
    let (body, check) = bytes.split_at(34);
    let crc = crc16_xmodem(body).to_be_bytes();
    if check != crc {
        p.format = invalid(msg!("address-format-ton-mismatch"));
        return;
    }
    if !matches!(body.first().map(|f| f & 0x7f), Some(0x11 | 0x51)) {
        p.format = invalid(msg!("address-format-ton-flag"));
        return;
    }
    p.canonical = url_safe;
    p.fixed = 2;
    p.format = valid("TON user-friendly (CRC16)", true);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(a: &str, net: Option<&str>) -> Parsed {
        let p = parse(a, net);
        assert!(
            matches!(p.format, FormatCheck::Valid { .. }),
            "{a}: {:?}",
            p.format
        );
        p
    }

    fn bad(a: &str, net: Option<&str>) {
        let p = parse(a, net);
        assert!(
            p.format.is_invalid(),
            "{a} should be invalid: {:?}",
            p.format
        );
    }

    /// The examples in EIP-55 itself.
    const EIP55: &[&str] = &[
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
    ];

    #[test]
    fn eip55_examples_from_the_eip() {
        for a in EIP55 {
            let p = ok(a, Some("ETH"));
            let body = &a[2..];
            let mixed = body.bytes().any(|b| b.is_ascii_lowercase())
                && body.bytes().any(|b| b.is_ascii_uppercase());
            // The all-caps and all-lowercase examples are valid without
            // being the checksummed spelling.
            if mixed {
                assert_eq!(eip55(body), body);
            }
            assert_eq!(p.canonical, a.to_ascii_lowercase());
            assert_eq!(p.fixed, 2);
        }
        // One letter's case flipped breaks the checksum.
        bad("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", Some("BSC"));
        bad("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", None);
        bad("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", Some("ETH"));
        bad("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", Some("ETH"));
        bad("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", Some("ETH"));
        let p = ok("0x52908400098527886e0f7030069857d2e4169ee7", None);
        assert!(matches!(
            p.format,
            FormatCheck::Valid {
                checksum: false,
                ..
            }
        ));
        assert_eq!(p.family, Family::Evm);
        assert!(p.inferred);
    }

    #[test]
    fn bip173_and_bip350_addresses() {
        // Valid mainnet vectors from BIP-173 and BIP-350.
        for a in [
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
            "BC1SW50QGDZ25J",
            "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        ] {
            let p = ok(a, Some("BTC"));
            assert_eq!(p.canonical, a.to_ascii_lowercase());
            assert_eq!(p.fixed, 4);
            assert_eq!(parse(a, None).family, Family::Btc);
        }
        let p = ok("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", None);
        assert!(matches!(
            p.format,
            FormatCheck::Valid {
                scheme: "Bech32 (BIP-173)",
                ..
            }
        ));
        let p = ok(
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            None,
        );
        assert!(matches!(
            p.format,
            FormatCheck::Valid {
                scheme: "Bech32m (BIP-350)",
                ..
            }
        ));
        // Invalid vectors from BIP-350 (and BIP-173's mixed case).
        for a in [
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
            "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
            "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",
            "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",
            "bc1pw5dgrnzv",
            "bc1r0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",
            "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",
            "bc1gmk9yu",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
            "bc1QW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        ] {
            bad(a, Some("BTC"));
            bad(a, None);
        }
        // Valid Bech32, but testnet: not a BTC mainnet address.
        bad(
            "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
            Some("BTC"),
        );
    }

    #[test]
    fn base58check_vectors() {
        // Well-known mainnet addresses: the genesis coinbase (P2PKH), BIP-13's
        // P2SH example, TRON's USDT contract, the XRP genesis account.
        let p = ok("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", None);
        assert_eq!((p.family, p.fixed), (Family::Btc, 1));
        ok("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", Some("BTC"));
        let p = ok("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", None);
        assert_eq!((p.family, p.fixed), (Family::Tron, 1));
        let p = ok("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", None);
        assert_eq!(p.family, Family::Xrp);
        ok("LM2WMpR1Rp6j3Sa59cMXMs1SPzj9eXpGc1", Some("LTC"));
        ok("DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L", Some("DOGE"));
        // One character changed.
        bad("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", None);
        bad("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T", None);
        bad("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTi", Some("XRP"));
        // Characters outside the alphabet (0, O, I, l).
        bad("1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf0a", None);
        // A valid BTC address is not a TRON address.
        bad("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", Some("TRX"));
        // Raw Base58Check round trip with a hand-made payload.
        let payload = [0x41u8; 21];
        let mut raw = payload.to_vec();
        raw.extend_from_slice(&Sha256::digest(Sha256::digest(payload))[..4]);
        let s = bs58::encode(raw).into_string();
        assert_eq!(base58check(&s, bs58::Alphabet::BITCOIN).unwrap(), payload);
    }

    #[test]
    fn sol_and_ton() {
        let p = ok("So11111111111111111111111111111111111111112", Some("SOL"));
        assert!(matches!(
            p.format,
            FormatCheck::Valid {
                checksum: false,
                ..
            }
        ));
        bad("So1111111111111111111111111111111111111111", Some("SOL"));
        // A user-friendly TON address built here: flags 0x11, workchain 0.
        use base64::Engine;
        let mut b = vec![0x11u8, 0x00];
        b.extend([7u8; 32]);
        let crc = crc16_xmodem(&b).to_be_bytes();
        b.extend(crc);
        let s = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&b);
        assert_eq!(s.len(), 48);
        let p = ok(&s, None);
        assert_eq!(p.family, Family::Ton);
        b[35] ^= 1;
        let s2 = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&b);
        bad(&s2, Some("TON"));
        // CRC-16/XMODEM check value.
        assert_eq!(crc16_xmodem(b"123456789"), 0x31C3);
        ok(
            "0:0000000000000000000000000000000000000000000000000000000000000000",
            Some("TON"),
        );
    }

    #[test]
    fn unknown_networks_are_not_checked() {
        let p = parse("anything-at-all", Some("XLM"));
        assert!(matches!(p.format, FormatCheck::NotChecked { .. }));
        assert!(needs_memo(p.network.as_deref(), p.family));
        let p = parse("hello", None);
        assert!(matches!(p.format, FormatCheck::NotChecked { .. }));
        assert!(parse("", None).format.is_invalid());
        assert!(parse(&"1".repeat(500), None).format.is_invalid());
        assert!(parse("0x12 34", Some("ETH")).format.is_invalid());
    }

    #[test]
    fn memo_networks() {
        assert!(needs_memo(Some("xrp"), Family::Xrp));
        assert!(needs_memo(None, Family::Ton));
        assert!(!needs_memo(Some("ETH"), Family::Evm));
    }

    proptest::proptest! {
        #[test]
        fn no_parser_panics(s in ".{0,200}", net in proptest::sample::select(vec![
            "", "ETH", "BSC", "BTC", "TRX", "LTC", "DOGE", "XRP", "SOL", "TON", "XLM",
        ])) {
            let net = if net.is_empty() { None } else { Some(net) };
            let _ = parse(&s, net);
            let _ = infer(&s);
        }

        #[test]
        fn address_shaped_input_never_panics(s in "(0x|bc1|T|r|1|3|EQ|ltc1)[0-9A-Za-z_+/:-]{0,90}") {
            for net in [None, Some("ETH"), Some("BTC"), Some("TRX"), Some("XRP"), Some("SOL"), Some("TON"), Some("LTC")] {
                let _ = parse(&s, net);
            }
        }
    }
}
