//! The address verdicts as text (by display width, 80 columns and up) and as
//! json.

use colored::Colorize;
use serde_json::{Value, json};

use super::reasons::{format_text, network_text, summarise, who};
use super::{Item, KINDS, Kind, MAX_SHOWN, SourceState, Sources};
use crate::address::{self, Imitation, KnownIndex, Parsed, Verdict, middle_marker};
use crate::cli::AddressArgs;
use crate::collect::binance::ApiError;
use crate::i18n::{Lang, tr};
use crate::text::pad;

const FIELD: usize = 13;

pub(super) fn render_text(
    items: &[Item],
    index: &KnownIndex,
    sources: &Sources,
    args: &AddressArgs,
    lang: Lang,
    opts: &crate::report::RenderOptions,
    requests: &[crate::net::NetRequest],
) -> String {
    let (verbose, width) = (opts.verbose, opts.width);
    use std::fmt::Write;
    let mut o = String::new();
    let field = |en: &str, ja: &str| format!("  {}", pad(tr(lang, en, ja), FIELD));
    let indent = " ".repeat(2 + FIELD);
    // A labelled line wrapped to the terminal, continuation under the value.
    let line =
        |label: &str, value: &str| crate::text::fill(label, 2 + FIELD, 2 + FIELD, value, width);
    for it in items {
        let p = &it.parsed;
        let head = pad(it.kind.label(lang), 13);
        let head = match it.kind {
            Kind::Known => head.green().bold(),
            Kind::LookAlike => head.red().bold(),
            Kind::Invalid => head.red(),
            Kind::New => head.yellow().bold(),
            Kind::NotCompared => head.yellow(),
        };
        let _ = writeln!(o, "{head} {}", address::escape(&p.input, MAX_SHOWN));
        let _ = writeln!(
            o,
            "{}",
            line(&field("network", "ネットワーク"), network_text(p).get(lang))
        );
        if let Some(c) = &args.coin {
            let _ = writeln!(
                o,
                "{}",
                line(&field("coin", "通貨"), &address::escape(c.trim(), 16))
            );
        }
        let _ = writeln!(
            o,
            "{}",
            line(&field("format", "形式"), format_text(&p.format).get(lang))
        );
        match &it.verdict {
            Verdict::Known { matches, resembles } => {
                for (i, t) in summarise(matches, index).iter().enumerate() {
                    let f = if i == 0 {
                        field("yours", "登録")
                    } else {
                        indent.clone()
                    };
                    let _ = writeln!(o, "{}", line(&f, t.get(lang)));
                }
                for im in resembles.iter().take(3) {
                    let addr = im
                        .entries
                        .first()
                        .and_then(|&e| index.get(e))
                        .map(|k| address::escape(&k.address, MAX_SHOWN))
                        .unwrap_or_default();
                    let _ = writeln!(o, "{}{addr}", field("look-alike", "類似"));
                    for t in summarise(&im.entries, index) {
                        let _ = writeln!(o, "{}", line(&indent, t.get(lang)));
                    }
                }
            }
            Verdict::LookAlike {
                imitates,
                also_known,
            } => {
                for im in imitates.iter().take(3) {
                    lookalike_block(&mut o, p, im, index, lang);
                }
                if imitates.len() > 3 {
                    let _ = writeln!(
                        o,
                        "{indent}{}",
                        match lang {
                            Lang::En => format!("… and {} more look-alike(s)", imitates.len() - 3),
                            Lang::Ja => format!("…ほか{}件の類似アドレス", imitates.len() - 3),
                        }
                    );
                }
                for t in summarise(also_known, index) {
                    let _ = writeln!(o, "{}", line(&field("itself", "この宛先"), t.get(lang)));
                }
            }
            _ => {}
        }
        for (i, r) in it.reasons.iter().enumerate() {
            let f = if i == 0 {
                field("why", "理由")
            } else {
                indent.clone()
            };
            let _ = writeln!(o, "{}", line(&f, r.get(lang)));
        }
        let _ = writeln!(o);
    }
    if items.len() > 1 {
        let parts: Vec<String> = KINDS
            .iter()
            .map(|k| {
                format!(
                    "{} {}",
                    k.label(lang).to_lowercase(),
                    items.iter().filter(|i| i.kind == *k).count()
                )
            })
            .collect();
        let _ = match lang {
            Lang::En => writeln!(o, "Checked {}: {}.", items.len(), parts.join(", ")),
            Lang::Ja => writeln!(o, "{}件を確認: {}", items.len(), parts.join("、")),
        };
    }
    let _ = writeln!(o, "{}", tr(lang, "Compared with:", "照合対象:").bold());
    for (en, ja, s) in [
        ("address book", "出金アドレス帳", &sources.address_book),
        (
            "withdrawal history (90 days)",
            "出金履歴（90日）",
            &sources.withdrawal_history,
        ),
        ("--known files", "--known ファイル", &sources.known_files),
    ] {
        let state = match (s, lang) {
            (SourceState::Read { count }, Lang::En) => format!("{count} record(s)"),
            (SourceState::Read { count }, Lang::Ja) => format!("{count}件"),
            (SourceState::Skipped { reason }, Lang::En) => {
                format!("not read: {}", address::escape(reason, 300))
            }
            (SourceState::Skipped { reason }, Lang::Ja) => {
                format!("未取得: {}", address::escape(&skipped_ja(reason), 300))
            }
            (SourceState::Failed { reason }, Lang::En) => {
                format!("{} {}", "FAILED:".red(), address::escape(reason, 300))
            }
            (SourceState::Failed { reason }, Lang::Ja) => {
                format!("{} {}", "取得失敗:".red(), address::escape(reason, 300))
            }
        };
        let label = format!("  {}", pad(tr(lang, en, ja), 30));
        let _ = writeln!(o, "{}", crate::text::fill(&label, 32, 32, &state, width));
    }
    if verbose || !requests.is_empty() {
        let _ = writeln!(o);
        crate::report::text::network_section(&mut o, requests, lang);
    }
    o
}

/// The fixed reasons a source is skipped, in Japanese; others (from the
/// API client) stay as they are.
pub(super) fn skipped_ja(reason: &str) -> String {
    match reason {
        "offline (--offline)" => "オフライン（--offline）".into(),
        "no --known file given" => "--known ファイルの指定なし".into(),
        r if r == ApiError::NoCredentials.to_string() => {
            "APIキーが設定されていません（BINANCE_API_KEY / 設定ファイル）".into()
        }
        r => r.into(),
    }
}

pub(super) fn lookalike_block(
    o: &mut String,
    p: &Parsed,
    im: &Imitation,
    index: &KnownIndex,
    lang: Lang,
) {
    use std::fmt::Write;
    let Some(target) = im.entries.first().and_then(|&i| index.get(i)) else {
        return;
    };
    let field = |en: &str, ja: &str| format!("  {}", pad(tr(lang, en, ja), FIELD));
    let _ = writeln!(
        o,
        "{}{}",
        field("imitates", "偽装対象"),
        who(target).get(lang)
    );
    for t in summarise(&im.entries[1..], index) {
        let _ = writeln!(o, "{}{}", " ".repeat(2 + FIELD), t.get(lang));
    }
    let mine = address::escape(&p.input, MAX_SHOWN);
    let theirs = address::escape(&target.address, MAX_SHOWN);
    let _ = writeln!(o, "{}{}", field("checked", "確認対象"), mine);
    let _ = writeln!(o, "{}{}", field("yours", "あなたの"), theirs);
    let marker = middle_marker(
        p.fixed,
        im.prefix,
        im.suffix,
        mine.chars().count(),
        theirs.chars().count(),
    );
    let _ = writeln!(o, "{}{}", " ".repeat(2 + FIELD), marker.red().bold());
}

pub(super) fn summary_json(items: &[Item]) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("total".into(), json!(items.len()));
    for k in KINDS {
        m.insert(
            k.name().into(),
            json!(items.iter().filter(|i| i.kind == k).count()),
        );
    }
    Value::Object(m)
}

pub(super) fn json_item(it: &Item, n: usize, index: &KnownIndex, lang: Lang) -> Value {
    let p = &it.parsed;
    let records = |ids: &[usize]| -> Vec<Value> {
        ids.iter()
            .filter_map(|&i| index.get(i))
            .filter_map(|k| serde_json::to_value(k).ok())
            .collect()
    };
    let (matches, imitates) = match &it.verdict {
        Verdict::Known { matches, resembles } => (
            records(matches),
            resembles
                .iter()
                .map(|im| {
                    json!({
                        "address": im.entries.first().and_then(|&i| index.get(i)).map(|k| k.address.clone()),
                        "shared_prefix": im.prefix,
                        "shared_suffix": im.suffix,
                        "records": records(&im.entries),
                        "suspect": true,
                    })
                })
                .collect(),
        ),
        Verdict::LookAlike { imitates, also_known } => (
            records(also_known),
            imitates
                .iter()
                .map(|im| {
                    json!({
                        "address": im.entries.first().and_then(|&i| index.get(i)).map(|k| k.address.clone()),
                        "shared_prefix": im.prefix,
                        "shared_suffix": im.suffix,
                        "records": records(&im.entries),
                    })
                })
                .collect(),
        ),
        _ => (vec![], vec![]),
    };
    let en: Vec<&str> = it.reasons.iter().map(|r| r.en.as_str()).collect();
    let ja: Vec<&str> = it.reasons.iter().map(|r| r.ja.as_str()).collect();
    json!({
        "index": n,
        "input": p.input,
        "verdict": it.kind,
        "network": p.network,
        "family": p.family,
        "network_inferred": p.inferred,
        "format": p.format,
        "memo_missing": it.memo_missing,
        "matches": matches,
        "imitates": imitates,
        "reasons": if lang == Lang::Ja { &ja } else { &en },
        "reasons_en": en,
        "reasons_ja": ja,
    })
}
