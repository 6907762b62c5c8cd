//! What each verdict says: who a matching address belongs to, and the reasons
//! in both languages.

use super::{Item, Kind, SourceState, Sources};
use crate::address::{self, FormatCheck, Known, KnownIndex, Origin, Parsed, Verdict};
use crate::cli::AddressArgs;
use crate::i18n::Text;

pub(super) fn who(k: &Known) -> Text {
    let net = k.network.as_deref().unwrap_or("?");
    let label = if k.label.is_empty() {
        String::new()
    } else {
        format!("\"{}\" ", k.label)
    };
    match &k.origin {
        Origin::AddressBook {
            coin, whitelisted, ..
        } => {
            let (we, wj) = match whitelisted {
                Some(true) => ("whitelisted", "ホワイトリスト登録済み"),
                Some(false) => ("not whitelisted", "ホワイトリスト未登録"),
                None => ("whitelist state unknown", "ホワイトリスト状態不明"),
            };
            Text::new(
                format!("address book {label}({net}, {coin}, {we})"),
                format!("出金アドレス帳 {}（{net}、{coin}、{wj}）", label.trim_end()),
            )
        }
        Origin::Withdrawal { time, amount, coin } => {
            let when = time
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_else(|| "?".into());
            Text::new(
                format!("sent before: {when}, {amount} {coin} ({net})"),
                format!("過去の送金先: {when}、{amount} {coin}（{net}）"),
            )
        }
        Origin::KnownFile { line } => Text::new(
            format!("--known {label}(line {line})"),
            format!("--known {}（{line}行目）", label.trim_end()),
        ),
    }
}

/// The records worth showing for one address: the book entry and known-file
/// lines, then the latest withdrawal and how many there were.
pub(super) fn summarise(entries: &[usize], index: &KnownIndex) -> Vec<Text> {
    let mut out = Vec::new();
    let mut sent: Vec<&Known> = Vec::new();
    for &i in entries {
        let Some(k) = index.get(i) else { continue };
        match k.origin {
            Origin::Withdrawal { .. } => sent.push(k),
            _ => out.push(who(k)),
        }
    }
    sent.sort_by_key(|k| match &k.origin {
        Origin::Withdrawal { time, .. } => *time,
        _ => None,
    });
    if let Some(last) = sent.last() {
        let mut t = who(last);
        if sent.len() > 1 {
            t.en.push_str(&format!(" — the latest of {} withdrawals", sent.len()));
            t.ja.push_str(&format!("（{}回の出金のうち最新）", sent.len()));
        }
        out.push(t);
    }
    out
}

pub(super) fn reasons(
    item: &Item,
    index: &KnownIndex,
    args: &AddressArgs,
    sources: &Sources,
) -> Vec<Text> {
    let p = &item.parsed;
    let mut r = Vec::new();
    match &item.verdict {
        Verdict::Invalid => {
            if let FormatCheck::Invalid { reason } = &p.format {
                r.push(Text::new(
                    format!("{}. Do not send to it.", reason.en),
                    format!("{}。送金しないでください。", reason.ja),
                ));
            }
        }
        Verdict::LookAlike {
            imitates,
            also_known,
        } => {
            if let Some(im) = imitates.first() {
                let fixed = if p.fixed > 0 {
                    format!(
                        " (after {})",
                        &p.canonical[..p.fixed.min(p.canonical.len())]
                    )
                } else {
                    String::new()
                };
                let fixed_ja = if p.fixed > 0 {
                    format!(
                        "（{} の後）",
                        &p.canonical[..p.fixed.min(p.canonical.len())]
                    )
                } else {
                    String::new()
                };
                r.push(Text::new(
                    format!(
                        "Same first {} and last {} characters{fixed} as an address of yours, but different in the middle. This is how address poisoning works: an attacker makes an address whose ends match yours and plants it in your history. Do not send.",
                        im.prefix, im.suffix
                    ),
                    format!(
                        "あなたのアドレスと先頭{}文字・末尾{}文字{fixed_ja}が同じで、途中が異なります。これはアドレスポイズニングの手口です。攻撃者は両端が一致するアドレスを作り、あなたの履歴に紛れ込ませます。送金しないでください。",
                        im.prefix, im.suffix
                    ),
                ));
            }
            if !also_known.is_empty() {
                r.push(Text::new(
                    "You have sent to this look-alike before: if that was not meant, those funds went to the imitator — see `binance-audit incident breach`.",
                    "この偽装アドレスには過去に送金しています。意図したものでなければ、その資金は偽装者に渡っています。`binance-audit incident breach` を参照してください。",
                ));
            }
        }
        Verdict::Known { matches, resembles } => {
            r.push(Text::new(
                "The same address as one of yours. Still compare the whole address, not just its ends, before you confirm.",
                "あなたのアドレスと同一です。確定する前に、両端だけでなくアドレス全体を照合してください。",
            ));
            if !resembles.is_empty() {
                r.push(Text::new(
                    "A past withdrawal went to a look-alike of this address (shown under \"look-alike\"): check that it reached whom you meant — if not, see `binance-audit incident breach`.",
                    "この宛先に酷似したアドレスへの過去の出金があります（「類似」に表示）。意図した相手に届いたか確認し、そうでなければ `binance-audit incident breach` を参照してください。",
                ));
            }
            if let Some(n) = &p.network {
                let other: Vec<String> = matches
                    .iter()
                    .filter_map(|&i| index.get(i))
                    .filter_map(|k| k.network.clone())
                    .filter(|kn| !kn.eq_ignore_ascii_case(n))
                    .collect();
                if !other.is_empty()
                    && matches.iter().all(|&i| {
                        index
                            .get(i)
                            .and_then(|k| k.network.as_deref())
                            .is_none_or(|kn| !kn.eq_ignore_ascii_case(n))
                    })
                {
                    r.push(Text::new(
                        format!("Recorded for {}, not {n}: make sure the receiving side accepts {n}.", other[0]),
                        format!("記録は {} 向けで、{n} ではありません。受取側が {n} に対応していることを確認してください。", other[0]),
                    ));
                }
            }
        }
        Verdict::New if item.kind == Kind::NotCompared => {
            // A failure is already in the reader's language (see read_binance).
            let (why, why_ja) = match (&sources.address_book, &sources.known_files) {
                (SourceState::Skipped { reason }, _) => {
                    (reason.clone(), super::render::skipped_ja(reason))
                }
                (SourceState::Failed { reason }, _) => (reason.clone(), reason.clone()),
                _ => (String::new(), String::new()),
            };
            r.push(Text::new(
                format!("Nothing to compare it with ({why}); give --known FILE or an API key to compare it with your own addresses."),
                format!("照合対象がありません（{why_ja}）。自分のアドレスと照合するには --known FILE またはAPIキーを指定してください。"),
            ));
        }
        Verdict::New => {
            r.push(Text::new(
                format!(
                    "Not any of your {} known address record(s), and not like any of them. Confirm it out of band before sending: ask the recipient over another channel (a call, in person), send a small test amount first and have its arrival confirmed.",
                    index.len()
                ),
                format!(
                    "既知の{}件のアドレス記録のどれとも一致せず、似てもいません。送金前に別の経路で確認してください（電話や対面で受取人に確認し、まず少額を送って着金を確認してもらう）。",
                    index.len()
                ),
            ));
        }
    }
    if item.memo_missing {
        let net = p
            .network
            .clone()
            .unwrap_or_else(|| p.family.name().to_string());
        r.push(Text::new(
            format!("Deposits to an exchange on {net} usually need a memo or tag, and none was given (--memo): without it the funds may not be credited."),
            format!("{net} で取引所へ入金する場合は通常メモ（タグ）が必要ですが、指定されていません（--memo）。メモがないと入金が反映されないことがあります。"),
        ));
    }
    if let Some(coin) = &args.coin
        && let Verdict::Known { matches, .. } = &item.verdict
    {
        let coins: Vec<String> = matches
            .iter()
            .filter_map(|&i| index.get(i))
            .filter_map(|k| match &k.origin {
                Origin::AddressBook { coin, .. } | Origin::Withdrawal { coin, .. } => {
                    Some(coin.clone())
                }
                Origin::KnownFile { .. } => None,
            })
            .filter(|c| !c.is_empty())
            .collect();
        if !coins.is_empty() && !coins.iter().any(|c| c.eq_ignore_ascii_case(coin.trim())) {
            let coin = address::escape(coin.trim(), 16);
            r.push(Text::new(
                format!("Recorded for {}, never for {coin}.", coins[0]),
                format!("記録は {} 向けで、{coin} の記録はありません。", coins[0]),
            ));
        }
    }
    r
}

pub(super) fn format_text(f: &FormatCheck) -> Text {
    match f {
        FormatCheck::Valid {
            scheme,
            checksum,
            note,
        } => {
            let mut t = if *checksum {
                Text::new(
                    format!("{scheme}: checksum valid"),
                    format!("{scheme}: チェックサム正常"),
                )
            } else {
                Text::new(
                    format!("{scheme}: format valid"),
                    format!("{scheme}: 形式は正常"),
                )
            };
            if let Some(n) = note {
                t.en.push_str(&format!(" ({})", n.en));
                t.ja.push_str(&format!("（{}）", n.ja));
            }
            t
        }
        FormatCheck::Invalid { reason } => reason.clone(),
        FormatCheck::NotChecked { reason } => reason.clone(),
    }
}

pub(super) fn network_text(p: &Parsed) -> Text {
    match (&p.network, p.family) {
        (Some(n), address::Family::Other) => Text::new(n.clone(), n.clone()),
        (Some(n), f) if n != f.name() => Text::new(
            format!("{n} ({})", f.name()),
            format!("{n}（{}）", f.name()),
        ),
        (Some(n), _) => Text::new(n.clone(), n.clone()),
        (None, address::Family::Other) => Text::new(
            "unknown (pass --network)",
            "不明（--network で指定してください）",
        ),
        (None, f) => Text::new(
            format!(
                "{} (told from the address's shape; pass --network to be sure)",
                f.name()
            ),
            format!(
                "{}（アドレスの形から推定。確実にするには --network を指定）",
                f.name()
            ),
        ),
    }
}
