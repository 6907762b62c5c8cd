//! The network and Binance API errors in the reader's language, keyed by the
//! error's variant (the stable code): the `Display` texts in `net.rs` and
//! `binance/client.rs` are the English ones. Text that came from outside
//! (an OS or TLS message, Binance's own `msg`) is quoted as it came, in
//! 「…」, never translated.

use crate::collect::binance::client::ApiError;
use crate::i18n::Lang;
use crate::net::NetError;

/// Outside text in a Japanese sentence.
fn quoted(s: &str) -> String {
    format!("「{}」", s.trim())
}

/// A network error as a message, for engine code that keeps no language.
/// Transitional, until `NetError` says itself as a `Msg` (net.rs): both
/// renderings are made here so the sentence stays word for word the same.
pub fn net_error_msg(e: &NetError) -> crate::i18n::Msg {
    crate::msg!(
        "engine-said-in-both",
        en = e.to_string(),
        ja = net_error(e, Lang::Ja)
    )
}

pub fn net_error(e: &NetError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        NetError::Offline => "オフラインモード: ネットワーク要求は送信していません".into(),
        NetError::Timeout(s) => format!("{s}秒以内に応答がありませんでした"),
        NetError::Connect(d) => format!("接続できませんでした: {}", connect_detail(d)),
        NetError::Status { status, .. } => format!("HTTP {status} が返されました"),
        NetError::Body(d) => format!("応答を読み取れませんでした: {}", quoted(d)),
        NetError::TooLarge(mib) => {
            format!("応答が、このツールが読み込む上限の {mib} MiB を超えています")
        }
        NetError::Deadline(s) => {
            format!("この実行の制限時間（{s}秒）に達したため、送信していません")
        }
        NetError::HostDown { host, cause } => format!(
            "送信していません: {host} はこの実行中に先に応答しませんでした（{}）",
            earlier(cause)
        ),
        NetError::Tls(d) => tls(d),
    }
}

/// Why a connection failed: `net`'s own advice for a name that did not
/// resolve is said again in Japanese; the OS's words are quoted.
fn connect_detail(d: &str) -> String {
    if let Some(host) = d
        .strip_prefix(crate::net::DNS_FAILED)
        .and_then(|r| r.strip_suffix(crate::net::DNS_ADVICE))
    {
        return format!(
            "{host} の名前解決（DNS）に失敗しました。インターネット接続、DNSまたはプロキシの設定を確認してください"
        );
    }
    quoted(d)
}

/// The TLS failure as `net` words it, in Japanese.
fn tls(detail: &str) -> String {
    if detail.contains("intercepted") {
        "HTTPS通信が傍受されている可能性があります（プロキシまたはウイルス対策ソフト）。提示された証明書はこのホスト向けに発行されたものではありません。このホストのHTTPS検査をオフにするか別のネットワークを使い、原因がわかるまでキーやパスワードを入力しないでください".into()
    } else {
        format!("TLS証明書が拒否されました: {}", quoted(detail))
    }
}

/// An earlier error kept only as its English text (`HostDown`, `NotSent`):
/// the known shapes are said again in Japanese, anything else is quoted.
fn earlier(cause: &str) -> String {
    if let Some(d) = cause.strip_prefix("could not connect: ") {
        return format!("接続できませんでした: {}", connect_detail(d));
    }
    if let Some(s) = cause
        .strip_prefix("timed out after ")
        .and_then(|r| r.strip_suffix(" s"))
    {
        return format!("{s}秒以内に応答がありませんでした");
    }
    if let Some(s) = cause
        .strip_prefix("the run's time limit of ")
        .and_then(|r| r.strip_suffix(" s was reached; not sent"))
    {
        return format!("この実行の制限時間（{s}秒）に達したため、送信していません");
    }
    if let Some(rest) = cause.strip_prefix("not sent: ")
        && let Some((host, c)) = rest.split_once(" did not answer earlier in this run (")
    {
        let c = c.strip_suffix(')').unwrap_or(c);
        return format!(
            "送信していません: {host} はこの実行中に先に応答しませんでした（{}）",
            earlier(c)
        );
    }
    quoted(cause)
}

/// `…, request ip: 203.0.113.7` → the IP Binance saw.
fn request_ip(msg: &str) -> Option<&str> {
    let i = msg.to_ascii_lowercase().find("request ip:")?;
    let ip = msg[i + "request ip:".len()..]
        .trim()
        .split(|c: char| !(c.is_ascii_hexdigit() || c == '.' || c == ':'))
        .next()?;
    (!ip.is_empty()).then_some(ip)
}

const NTP: &str = "時刻の自動同期（NTP）を有効にして、もう一度実行してください";

pub fn api_error(e: &ApiError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        ApiError::Tls { detail } => tls(detail),
        ApiError::NoCredentials => "APIキーがありません: BINANCE_API_KEY と BINANCE_API_SECRET（または BINANCE_API_PRIVATE_KEY_FILE）を設定してください".into(),
        ApiError::Offline => "オフラインモード: Binanceには接続していません".into(),
        ApiError::Rejected { code, msg, status } => match code {
            -2015 => {
                let ip = request_ip(msg)
                    .map(|ip| format!("（Binanceから見えたIP: {ip}）"))
                    .unwrap_or_default();
                format!(
                    "BinanceがAPIキーを拒否しました（-2015 「Invalid API-key, IP, or permissions for action」）。主な原因: \
                     (1) APIキーとシークレット／秘密鍵の組み合わせが違う — 両方をもう一度コピーしてください。\
                     (2) この端末のIP{ip}がキーのIP許可リストにない — これは良い状態です。許可した端末から実行するか、プロフィール → API管理 → 制限を編集 でこのIPを追加してください。\
                     (3) キーの「読み取りを有効にする」がオフ — プロフィール → API管理 でオンにしてください"
                )
            }
            -2008 => "BinanceはこのAPIキーを認識していません（-2008 「Invalid Api-Key ID」）。削除されたか期限切れです（IP制限のない未使用のキーはBinanceが削除します）。またはテストネット／デモ用のキーです。プロフィール → API管理 で読み取り専用のキーを新しく作成してください".into(),
            -2014 => "BinanceがAPIキーの形式を拒否しました（-2014）。打ち間違い、空白、改行が入っています。プロフィール → API管理 からもう一度コピーしてください".into(),
            -1021 => format!("Binanceがリクエストの時刻を拒否しました（-1021）。補正後もこの端末の時計がBinanceの時刻から離れすぎています。{NTP}"),
            -1022 => "Binanceが署名を無効と判定しました（-1022）。シークレットまたは秘密鍵がこのAPIキーのものではないか、種類が違います。BINANCE_API_SECRET / BINANCE_API_PRIVATE_KEY_FILE をプロフィール → API管理 の内容と照らし合わせてください".into(),
            -1002 => "このキーにはこのリクエストの権限がないとBinanceが応答しました（-1002）。サブアカウントのキーでは、マスターアカウントの一部のデータを読めません".into(),
            -1003 => "Binanceのレート制限に達しました（-1003）。Binanceの求めどおり停止しました。数分後にもう一度実行してください".into(),
            -1000 | -1007 | -1008 => format!(
                "Binanceが応答できませんでした（{code}: 混雑または内部のタイムアウト）。しばらくしてからもう一度お試しください"
            ),
            _ if msg.is_empty() => format!("Binanceがエラー {code} を返しました（HTTP {status}）"),
            _ => format!("Binanceがエラー {code} を返しました（HTTP {status}）: {}", quoted(msg)),
        },
        ApiError::Clock { corrected: true } => format!(
            "Binanceがリクエストの時刻を拒否しました（-1021）。補正後もこの端末の時計がBinanceの時刻から離れすぎています。{NTP}"
        ),
        ApiError::Clock { corrected: false } => format!(
            "Binanceがリクエストの時刻を拒否しました（-1021）。この端末の時計がBinanceの時刻から離れすぎており、補正のためのBinanceの時刻も読めませんでした。{NTP}"
        ),
        ApiError::NotSent(why) => format!("Binanceには問い合わせていません: {}", earlier(why)),
        ApiError::RateLimited { retry_after } => format!(
            "Binanceのレート制限に達しました（HTTP 429）。このエンドポイントは再び呼び出していません{}。再試行していないので、制限を悪化させていません",
            retry_after
                .map(|s| format!("（Binanceの求めどおり{s}秒お待ちください）"))
                .unwrap_or_default()
        ),
        ApiError::Banned { retry_after } => format!(
            "リクエストが多すぎたため、BinanceがこのIPを一時的に禁止しました（HTTP 418）。以降の呼び出しはすべて止めました{}。それまでこのIPからBinanceに対してツールを実行しないでください",
            retry_after
                .map(|s| format!("（禁止は{s}秒続きます）"))
                .unwrap_or_default()
        ),
        ApiError::Server { status, attempts } => format!(
            "Binanceのサーバーエラー（HTTP {status}、{attempts}回試行）。Binance側の問題です。しばらくしてからもう一度お試しください"
        ),
        ApiError::Http { status: 403 } => "Binanceのファイアウォールがリクエストを拒否しました（HTTP 403）。5分以上待ってからもう一度実行してください".into(),
        ApiError::Http { status } => format!("BinanceがHTTP {status} を返しました"),
        ApiError::Timeout { secs, attempts } => format!(
            "Binanceが{secs}秒以内に応答しませんでした（{attempts}回試行）。接続を確認するか、--timeout を大きくしてください"
        ),
        ApiError::Connect { detail, attempts } => format!(
            "Binanceに接続できませんでした（{attempts}回試行）: {}",
            connect_detail(detail)
        ),
        ApiError::TooLarge { mib } => {
            format!("Binanceの応答が、このツールが読み込む上限の {mib} MiB を超えています")
        }
        // The detail is ours, written in the reader's language (client.rs).
        ApiError::BadJson { detail } => format!(
            "Binanceの応答を読み取れませんでした（想定したJSONではありません: {detail}）"
        ),
        ApiError::Signing(e) => format!("リクエストに署名できませんでした: {}", quoted(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_display_text_and_japanese_keeps_outside_text_quoted() {
        let e = NetError::Connect("tcp connect error".into());
        assert_eq!(net_error(&e, Lang::En), e.to_string());
        assert_eq!(
            net_error(&e, Lang::Ja),
            "接続できませんでした: 「tcp connect error」"
        );
        let dns = NetError::Connect(format!(
            "{}api.pwnedpasswords.com{}",
            crate::net::DNS_FAILED,
            crate::net::DNS_ADVICE
        ));
        let ja = net_error(&dns, Lang::Ja);
        assert!(
            ja.contains("api.pwnedpasswords.com の名前解決（DNS）に失敗しました")
                && !ja.contains("lookup"),
            "{ja}"
        );
        let down = NetError::HostDown {
            host: "api.binance.com".into(),
            cause: NetError::Timeout(5).to_string(),
        };
        assert!(net_error(&down, Lang::Ja).contains("5秒以内に応答がありませんでした"));
        let r = ApiError::Rejected {
            status: 401,
            code: -2015,
            msg: "Invalid API-key, IP, or permissions for action, request ip: 203.0.113.7".into(),
        };
        assert!(api_error(&r, Lang::Ja).contains("203.0.113.7"));
    }
}
