//! The network door's errors as messages, for every caller that shows one
//! (the Binance client, the breach lookup, status). `net.rs` words its errors
//! in English (`Display`); the catalogue says each known shape in every
//! language. Text that came from outside (an OS or TLS message, a host) is
//! an argument: quoted in a Japanese sentence, never translated.

use crate::i18n::Msg;
use crate::msg;
use crate::net::NetError;

/// Outside text as it came: quoted in Japanese.
pub fn outside(text: &str) -> Msg {
    msg!("binance-outside", text = text)
}

/// A network error as a message: the network door words its own errors.
pub fn net_error(e: &NetError) -> Msg {
    e.msg()
}

/// Why a connection failed: `net`'s own advice for a name that did not
/// resolve is a message of ours; the OS's words are outside text.
pub fn connect_detail(d: &str) -> Msg {
    if let Some(host) = d
        .strip_prefix(crate::net::DNS_FAILED)
        .and_then(|r| r.strip_suffix(crate::net::DNS_ADVICE))
    {
        return msg!("binance-net-dns", host = host);
    }
    outside(d)
}

/// The TLS failure as `net` words it.
pub fn tls(detail: &str) -> Msg {
    if detail.contains("intercepted") {
        msg!("binance-net-tls-intercepted", detail = detail)
    } else {
        msg!("binance-net-tls-refused", detail = detail)
    }
}

/// An earlier error kept only as its English text (`HostDown`, `NotSent`):
/// the known shapes become messages again, anything else is outside text.
pub fn earlier(cause: &str) -> Msg {
    if let Some(d) = cause.strip_prefix("could not connect: ") {
        return msg!("binance-net-connect", detail = connect_detail(d));
    }
    if let Some(s) = cause
        .strip_prefix("timed out after ")
        .and_then(|r| r.strip_suffix(" s"))
    {
        return msg!("binance-net-timeout", secs = s);
    }
    if let Some(s) = cause
        .strip_prefix("the run's time limit of ")
        .and_then(|r| r.strip_suffix(" s was reached; not sent"))
    {
        return msg!("binance-net-deadline", secs = s);
    }
    if let Some(rest) = cause.strip_prefix("not sent: ")
        && let Some((host, c)) = rest.split_once(" did not answer earlier in this run (")
    {
        let c = c.strip_suffix(')').unwrap_or(c);
        return msg!("binance-net-host-down", host = host, cause = earlier(c));
    }
    outside(cause)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collect::binance::ApiError;
    use crate::i18n::Lang;

    #[test]
    fn english_is_the_display_text_and_japanese_keeps_outside_text_quoted() {
        let e = NetError::Connect(crate::net::ConnectCause::Other("tcp connect error".into()));
        assert_eq!(net_error(&e).render(Lang::En), e.to_string());
        assert_eq!(
            net_error(&e).render(Lang::Ja),
            "接続できませんでした：「tcp connect error」"
        );
        let dns = NetError::Connect(crate::net::ConnectCause::Dns {
            host: "api.pwnedpasswords.com".into(),
        });
        assert_eq!(net_error(&dns).render(Lang::En), dns.to_string());
        let ja = net_error(&dns).render(Lang::Ja);
        assert!(
            ja.contains("api.pwnedpasswords.com の名前解決（DNS）に失敗しました")
                && !ja.contains("lookup"),
            "{ja}"
        );
        let down = NetError::HostDown {
            host: "api.binance.com".into(),
            cause: Box::new(NetError::Timeout(5)),
        };
        assert_eq!(net_error(&down).render(Lang::En), down.to_string());
        assert!(
            net_error(&down)
                .render(Lang::Ja)
                .contains("5秒以内に応答がありませんでした")
        );
        let r = ApiError::Rejected {
            status: 401,
            code: -2015,
            msg: "Invalid API-key, IP, or permissions for action, request ip: 203.0.113.7".into(),
        };
        assert!(r.msg().render(Lang::Ja).contains("203.0.113.7"));
    }

    #[test]
    fn every_net_error_reads_in_english_as_net_words_it() {
        for e in [
            NetError::Offline,
            NetError::Timeout(15),
            NetError::Status {
                status: 503,
                retry_after: None,
                body: String::new(),
            },
            NetError::Body("reset".into()),
            NetError::TooLarge(32),
            NetError::Deadline(120),
            NetError::Tls(crate::net::TlsFailure::Refused {
                host: "x".into(),
                reason: "y".into(),
            }),
            NetError::Tls(crate::net::TlsFailure::Intercepted {
                service: "Binance".into(),
                host: "api.binance.com".into(),
            }),
            NetError::HostDown {
                host: "h".into(),
                cause: Box::new(NetError::Deadline(3)),
            },
        ] {
            assert_eq!(net_error(&e).render(Lang::En), e.to_string());
            assert!(!net_error(&e).render(Lang::Ja).is_empty());
        }
    }
}
