//! Request signing as Binance documents it: build the percent-encoded query
//! once, sign exactly that string, append `signature` last. HMAC-SHA256 gives
//! hex; Ed25519 and RSA-PKCS1v15-SHA256 give base64, which is URL-encoded.

use std::fmt;

use crate::i18n::Msg;
use crate::msg;

use base64::Engine;
use hmac::{KeyInit, Mac};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use secrecy::{ExposeSecret, SecretSlice};
use sha2::Sha256;
use zeroize::Zeroizing;

/// RFC 3986 unreserved characters stay; every other byte becomes `%XX`.
/// Binance rejects signatures over un-encoded non-ASCII since 2026-01-15.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `name=value&…` in the given order, every name and value percent-encoded.
/// This exact string is both signed and sent.
pub fn encode_query(params: &[(&str, String)]) -> String {
    params
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                utf8_percent_encode(k, QUERY_VALUE),
                utf8_percent_encode(v, QUERY_VALUE)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Why a private key cannot sign. The shape of the key is described, never
/// its content.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error(
        "the private key is encrypted and no passphrase was given: set BINANCE_API_PRIVATE_KEY_PASSPHRASE or BINANCE_API_PRIVATE_KEY_PASSPHRASE_FILE, or run in a terminal to be asked"
    )]
    NoPassphrase,
    #[error(
        "the encrypted private key could not be opened: wrong passphrase, or not an Ed25519/RSA PKCS#8 key"
    )]
    WrongPassphrase,
    #[error(
        "the private key is in PKCS#1 form; convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8"
    )]
    Pkcs1,
    #[error(
        "the private key is in OpenSSH form; Binance keys are PKCS#8 PEM (openssl genpkey -algorithm ed25519 -out key.pem)"
    )]
    OpenSsh,
    #[error("the private key file is not a PEM private key (expected -----BEGIN PRIVATE KEY-----)")]
    NotPem,
    #[error("the private key is neither an Ed25519 nor an RSA PKCS#8 key (or the file is damaged)")]
    UnknownKey,
    #[error("RSA signing failed (is the key damaged?)")]
    RsaFailed,
}

impl SignError {
    pub fn msg(&self) -> Msg {
        match self {
            SignError::NoPassphrase => msg!("binance-sign-no-passphrase"),
            SignError::WrongPassphrase => msg!("binance-sign-wrong-passphrase"),
            SignError::Pkcs1 => msg!("binance-sign-pkcs1"),
            SignError::OpenSsh => msg!("binance-sign-openssh"),
            SignError::NotPem => msg!("binance-sign-not-pem"),
            SignError::UnknownKey => msg!("binance-sign-unknown-key"),
            SignError::RsaFailed => msg!("binance-sign-rsa-failed"),
        }
    }
}

/// How requests are signed; the variant follows the key the user configured.
pub enum Signer {
    /// Binance-generated secret key (shared with Binance).
    Hmac(SecretSlice<u8>),
    /// User-generated Ed25519 key: the private half never leaves this machine.
    Ed25519(Box<ed25519_dalek::SigningKey>),
    /// User-generated RSA key (PKCS#1 v1.5 with SHA-256).
    Rsa(Box<rsa::PrivateKey>),
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signer::{}([REDACTED])", self.key_type())
    }
}

impl Signer {
    pub fn hmac(secret: &[u8]) -> Signer {
        Signer::Hmac(SecretSlice::from(secret.to_vec()))
    }

    /// A PKCS#8 PEM private key, Ed25519 or RSA, detected from the key itself.
    /// Errors describe the key's shape, never its content.
    pub fn from_pkcs8_pem(pem: &str) -> Result<Signer, SignError> {
        Self::from_pkcs8_pem_with(pem, None)
    }

    /// Whether the PEM is an encrypted PKCS#8 key (needs a passphrase).
    pub fn is_encrypted_pem(pem: &str) -> bool {
        pem.contains("BEGIN ENCRYPTED PRIVATE KEY")
    }

    /// A PKCS#8 key, decrypted with `passphrase` when it is encrypted
    /// (PBES2 as `openssl pkcs8 -topk8` writes it). Errors never quote either.
    pub fn from_pkcs8_pem_with(
        pem: &str,
        passphrase: Option<&secrecy::SecretString>,
    ) -> Result<Signer, SignError> {
        // One pkcs8 crate serves both key types.
        use ed25519_dalek::pkcs8::DecodePrivateKey as _;
        if Self::is_encrypted_pem(pem) {
            let Some(pass) = passphrase else {
                return Err(SignError::NoPassphrase);
            };
            use secrecy::ExposeSecret as _;
            let pw = pass.expose_secret().as_bytes();
            if let Ok(k) = ed25519_dalek::SigningKey::from_pkcs8_encrypted_pem(pem, pw) {
                return Ok(Signer::Ed25519(Box::new(k)));
            }
            return match rsa::PrivateKey::from_pkcs8_encrypted_pem(pem, pw) {
                Ok(k) => Ok(Signer::Rsa(Box::new(k))),
                Err(_) => Err(SignError::WrongPassphrase),
            };
        }
        if pem.contains("BEGIN RSA PRIVATE KEY") {
            return Err(SignError::Pkcs1);
        }
        if pem.contains("BEGIN OPENSSH PRIVATE KEY") {
            return Err(SignError::OpenSsh);
        }
        if !pem.contains("BEGIN PRIVATE KEY") {
            return Err(SignError::NotPem);
        }
        if let Ok(k) = ed25519_dalek::SigningKey::from_pkcs8_pem(pem) {
            return Ok(Signer::Ed25519(Box::new(k)));
        }
        match rsa::PrivateKey::from_pkcs8_pem(pem) {
            Ok(k) => Ok(Signer::Rsa(Box::new(k))),
            Err(_) => Err(SignError::UnknownKey),
        }
    }

    pub fn key_type(&self) -> &'static str {
        match self {
            Signer::Hmac(_) => "hmac",
            Signer::Ed25519(_) => "ed25519",
            Signer::Rsa(_) => "rsa",
        }
    }

    /// The signature as it appears in the query: hex, or URL-encoded base64.
    pub fn sign(&self, payload: &str) -> Result<String, SignError> {
        match self {
            Signer::Hmac(secret) => Ok(hmac_sha256_hex(secret.expose_secret(), payload)),
            Signer::Ed25519(key) => {
                use ed25519_dalek::Signer as _;
                let sig = key.sign(payload.as_bytes());
                Ok(url_base64(&sig.to_bytes()))
            }
            Signer::Rsa(key) => {
                use rsa::signature::{SignatureEncoding as _, Signer as _};
                let signer = rsa::pkcs1v15::SigningKey::<Sha256>::new((**key).clone());
                let sig = signer
                    .try_sign(payload.as_bytes())
                    .map_err(|_| SignError::RsaFailed)?;
                Ok(url_base64(&sig.to_bytes()))
            }
        }
    }
}

pub fn hmac_sha256_hex(secret: &[u8], payload: &str) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = match Hmac256::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => unreachable!("HMAC takes keys of any length"),
    };
    mac.update(payload.as_bytes());
    let tag = Zeroizing::new(mac.finalize().into_bytes().to_vec());
    hex::encode(&*tag)
}

type Hmac256 = hmac::Hmac<Sha256>;

fn url_base64(bytes: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    utf8_percent_encode(&b64, QUERY_VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC_SECRET: &str = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    const RFC8032_PEM: &str = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n";

    #[test]
    fn binance_published_hmac_vector() {
        let payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        assert_eq!(
            Signer::hmac(DOC_SECRET.as_bytes()).sign(payload).unwrap(),
            "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"
        );
    }

    #[test]
    fn hmac_over_encoded_query() {
        let q = encode_query(&[
            ("recvWindow", "5000".into()),
            ("timestamp", "1764028800000".into()),
        ]);
        assert_eq!(q, "recvWindow=5000&timestamp=1764028800000");
        assert_eq!(
            hmac_sha256_hex(DOC_SECRET.as_bytes(), &q),
            "474d5a1a93d03937885c3f99859cff223b7bb4efcb2afb4c6274d9aa64ea030d"
        );
    }

    #[test]
    fn non_ascii_is_encoded_before_signing() {
        let q = encode_query(&[
            ("symbol", "１２３４５６".into()),
            ("side", "BUY".into()),
            ("type", "LIMIT".into()),
            ("timeInForce", "GTC".into()),
            ("quantity", "1".into()),
            ("price", "0.1".into()),
            ("recvWindow", "5000".into()),
            ("timestamp", "1499827319559".into()),
        ]);
        assert!(q.starts_with("symbol=%EF%BC%91%EF%BC%92"), "{q}");
        assert_eq!(
            hmac_sha256_hex(DOC_SECRET.as_bytes(), &q),
            "e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3"
        );
        let q = encode_query(&[
            ("email", "sub@example.com".into()),
            ("subAccountApiKey", "abc".into()),
            ("timestamp", "1764028800000".into()),
        ]);
        assert_eq!(
            q,
            "email=sub%40example.com&subAccountApiKey=abc&timestamp=1764028800000"
        );
        assert_eq!(
            hmac_sha256_hex(DOC_SECRET.as_bytes(), &q),
            "337b7e3e86a8ff63e49efbffbd9f60137df35f5f36f9984eb9dec2c551160ad6"
        );
    }

    #[test]
    fn ed25519_rfc8032_vector_url_encoded() {
        let s = Signer::from_pkcs8_pem(RFC8032_PEM).unwrap();
        assert_eq!(s.key_type(), "ed25519");
        assert_eq!(
            s.sign("timestamp=1764028800000").unwrap(),
            "YwmaRvYnbWzQyEIqCBlaviVHtSdPuleR%2FjVDWo5s2lGTbzKgGbmJfe4%2FzBiNJ9B8yswiqGZ4OluFYp12jVaECA%3D%3D"
        );
        let sig = s.sign("recvWindow=5000&timestamp=1764028800000").unwrap();
        let decoded = percent_encoding::percent_decode_str(&sig)
            .decode_utf8()
            .unwrap();
        assert_eq!(
            decoded,
            "rSORWIadXhFv1mXZKRne1w9q/KQ6/sCDMsA4MslDflcwbcEKIUMt1VKjCD/ytuwyusBUgwQ1KPr5y6gNux9GCQ=="
        );
    }

    #[test]
    fn rsa_fixture_signs_and_verifies() {
        use rsa::pkcs8::DecodePublicKey as _;
        use rsa::signature::Verifier as _;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/binance");
        let pem = std::fs::read_to_string(dir.join("rsa-test-key.pem")).unwrap();
        let s = Signer::from_pkcs8_pem(&pem).unwrap();
        assert_eq!(s.key_type(), "rsa");
        let payload = "recvWindow=5000&timestamp=1764028800000";
        let sig = s.sign(payload).unwrap();
        let b64 = percent_encoding::percent_decode_str(&sig)
            .decode_utf8()
            .unwrap();
        let raw = base64::engine::general_purpose::STANDARD
            .decode(b64.as_bytes())
            .unwrap();
        assert_eq!(raw.len(), 256);
        let public = std::fs::read_to_string(dir.join("rsa-test-key.pub.pem")).unwrap();
        let public = rsa::PublicKey::from_public_key_pem(&public).unwrap();
        let verifier = rsa::pkcs1v15::VerifyingKey::<Sha256>::new(public);
        let sig = rsa::pkcs1v15::Signature::try_from(raw.as_slice()).unwrap();
        verifier.verify(payload.as_bytes(), &sig).unwrap();
        assert!(verifier.verify(b"timestamp=1", &sig).is_err());
    }

    #[test]
    fn wrong_key_shapes_are_explained_without_content() {
        for (pem, expect) in [
            ("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n", "PKCS#1"),
            ("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n", "encrypted"),
            ("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n", "OpenSSH"),
            ("hello", "not a PEM"),
            (
                "-----BEGIN PRIVATE KEY-----\nQUJDREVGR0g=\n-----END PRIVATE KEY-----\n",
                "neither",
            ),
        ] {
            let e = Signer::from_pkcs8_pem(pem).unwrap_err().to_string();
            assert!(e.contains(expect), "{e}");
            assert!(!e.contains("AAAA") && !e.contains("QUJD"), "{e}");
        }
    }

    #[test]
    fn debug_hides_keys() {
        let s = Signer::hmac(DOC_SECRET.as_bytes());
        let d = format!("{s:?}");
        assert!(!d.contains("Nhq"), "{d}");
        let s = Signer::from_pkcs8_pem(RFC8032_PEM).unwrap();
        assert_eq!(format!("{s:?}"), "Signer::ed25519([REDACTED])");
    }
}
