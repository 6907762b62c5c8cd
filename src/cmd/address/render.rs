//! The address verdicts as text (by display width, 80 columns and up) and as
//! json.

use colored::Colorize;
use serde_json::{Value, json};

use super::reasons::{format_text, network_text, summarise, who};
use super::{Item, KINDS, Kind, MAX_SHOWN, SourceState, Sources};
use crate::address::{self, Imitation, KnownIndex, Parsed, Verdict};
use crate::cli::AddressArgs;
use crate::collect::binance::ApiError;
use crate::i18n::{Lang, Msg};
use crate::text::pad;
use crate::{msg, t};

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
    let field = |m: Msg| format!("  {}", pad(&m.render(lang), FIELD));
    let indent = " ".repeat(2 + FIELD);
    // A labelled line wrapped to the terminal, continuation under the value.
    let line =
        |label: &str, value: &str| crate::text::fill(label, 2 + FIELD, 2 + FIELD, value, width);
    for it in items {
        let p = &it.parsed;
        let head = pad(&it.kind.label(lang), 13);
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
            line(
                &field(msg!("address-field-network")),
                &network_text(p).render(lang)
            )
        );
        if let Some(c) = &args.coin {
            let _ = writeln!(
                o,
                "{}",
                line(
                    &field(msg!("address-field-coin")),
                    &address::escape(c.trim(), 16)
                )
            );
        }
        let _ = writeln!(
            o,
            "{}",
            line(
                &field(msg!("address-field-format")),
                &format_text(&p.format).render(lang)
            )
        );
        match &it.verdict {
            Verdict::Known { matches, resembles } => {
                for (i, t) in summarise(matches, index).iter().enumerate() {
                    let f = if i == 0 {
                        field(msg!("address-field-yours"))
                    } else {
                        indent.clone()
                    };
                    let _ = writeln!(o, "{}", line(&f, &t.render(lang)));
                }
                for im in resembles.iter().take(3) {
                    let Some(k) = im.entries.first().and_then(|&e| index.get(e)) else {
                        continue;
                    };
                    let labels = [
                        pad(&t!(lang, "address-field-itself"), FIELD - 1),
                        pad(&t!(lang, "address-field-look-alike"), FIELD - 1),
                    ];
                    pair_block(&mut o, &labels, &pair(p, &k.address), width);
                    for t in summarise(&im.entries, index) {
                        let _ = writeln!(o, "{}", line(&indent, &t.render(lang)));
                    }
                }
            }
            Verdict::LookAlike {
                imitates,
                also_known,
            } => {
                for im in imitates.iter().take(3) {
                    lookalike_block(&mut o, p, im, index, lang, width);
                }
                if imitates.len() > 3 {
                    let _ = writeln!(
                        o,
                        "{indent}{}",
                        t!(lang, "address-more-lookalikes", n = imitates.len() - 3)
                    );
                }
                for t in summarise(also_known, index) {
                    let _ = writeln!(
                        o,
                        "{}",
                        line(&field(msg!("address-field-itself")), &t.render(lang))
                    );
                }
            }
            _ => {}
        }
        for (i, r) in it.reasons.iter().enumerate() {
            let f = if i == 0 {
                field(msg!("address-field-why"))
            } else {
                indent.clone()
            };
            let _ = writeln!(o, "{}", line(&f, &r.render(lang)));
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
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let _ = writeln!(
            o,
            "{}",
            t!(
                lang,
                "address-summary",
                n = items.len(),
                parts = crate::i18n::join(lang, &parts)
            )
        );
    }
    let _ = writeln!(o, "{}", t!(lang, "address-compared-with").bold());
    for (name, s) in [
        (msg!("address-source-book"), &sources.address_book),
        (msg!("address-source-history"), &sources.withdrawal_history),
        (msg!("address-source-known"), &sources.known_files),
    ] {
        let state = match s {
            SourceState::Read { count } => t!(lang, "address-source-records", n = *count),
            SourceState::Skipped { reason } => t!(
                lang,
                "address-source-not-read",
                reason = address::escape(&skipped(reason).render(lang), 300)
            ),
            SourceState::Failed { reason } => format!(
                "{} {}",
                t!(lang, "address-source-failed").red(),
                address::escape(reason, 300)
            ),
        };
        let label = format!("  {}", pad(&name.render(lang), 30));
        let _ = writeln!(o, "{}", crate::text::fill(&label, 32, 32, &state, width));
    }
    if verbose || !requests.is_empty() {
        let _ = writeln!(o);
        crate::report::text::network_section(&mut o, requests, lang, width);
    }
    o
}

/// The fixed reasons a source is skipped, from the catalogue; others (from
/// the API client) stay as they are. The sources' json keeps the English
/// words these are recognised by.
pub(super) fn skipped(reason: &str) -> Msg {
    match reason {
        super::OFFLINE => msg!("address-skipped-offline"),
        super::NO_KNOWN => msg!("address-skipped-no-known"),
        r if r == ApiError::NoCredentials.to_string() => msg!("address-skipped-no-key"),
        r => Msg::verbatim(r),
    }
}

pub(super) fn lookalike_block(
    o: &mut String,
    p: &Parsed,
    im: &Imitation,
    index: &KnownIndex,
    lang: Lang,
    width: usize,
) {
    use std::fmt::Write;
    let Some(target) = im.entries.first().and_then(|&i| index.get(i)) else {
        return;
    };
    let field = |m: Msg| format!("  {}", pad(&m.render(lang), FIELD));
    let _ = writeln!(
        o,
        "{}",
        crate::text::fill(
            &field(msg!("address-field-imitates")),
            2 + FIELD,
            2 + FIELD,
            &who(target).render(lang),
            width
        )
    );
    for t in summarise(&im.entries[1..], index) {
        let indent = " ".repeat(2 + FIELD);
        let _ = writeln!(
            o,
            "{}",
            crate::text::fill(&indent, 2 + FIELD, 2 + FIELD, &t.render(lang), width)
        );
    }
    let labels = [
        pad(&t!(lang, "address-field-checked"), FIELD - 1),
        pad(&t!(lang, "address-field-your-address"), FIELD - 1),
    ];
    pair_block(o, &labels, &pair(p, &target.address), width);
}

/// The checked address and one it resembles, both whole: look-alikes are
/// told apart only in the characters their ends hide.
pub(super) fn pair(p: &Parsed, other: &str) -> address::diff::Pair {
    address::diff::Pair::new(&p.input, other, p.family.case_insensitive())
}

/// Both rows under each other at the value column, carets under the
/// differing characters (red when colour is on; the carets carry the mark
/// without it).
pub(super) fn pair_block(
    o: &mut String,
    labels: &[String; 2],
    pair: &address::diff::Pair,
    width: usize,
) {
    use address::diff::Line;
    use std::fmt::Write;
    for l in address::diff::lines([&labels[0], &labels[1]], pair, 2, width) {
        let _ = match l {
            Line::Address(s) => writeln!(o, "{s}"),
            Line::Carets(s) => writeln!(o, "{}", s.red().bold()),
        };
    }
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
    // Character ranges of `input` that differ from the look-alike, and of
    // the look-alike's `address` (only when the two differ in length).
    let ranges = |im: &Imitation| {
        let pr = im
            .entries
            .first()
            .and_then(|&i| index.get(i))
            .map(|k| pair(p, &k.address));
        (
            pr.as_ref().map(|x| x.differs.clone()),
            pr.and_then(|x| x.differs_second),
        )
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
                        "differs": ranges(im).0,
                        "differs_address": ranges(im).1,
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
                        "differs": ranges(im).0,
                        "differs_address": ranges(im).1,
                    })
                })
                .collect(),
        ),
        _ => (vec![], vec![]),
    };
    let en: Vec<String> = it.reasons.iter().map(|r| r.render(Lang::En)).collect();
    let ja: Vec<String> = it.reasons.iter().map(|r| r.render(Lang::Ja)).collect();
    json!({
        "index": n,
        "input": p.input,
        "verdict": it.kind,
        "network": p.network,
        "family": p.family,
        "network_inferred": p.inferred,
        "format": format_json(&p.format),
        "memo_missing": it.memo_missing,
        "matches": matches,
        "imitates": imitates,
        "reasons": it.reasons.iter().map(|r| r.render(lang)).collect::<Vec<_>>(),
        "reasons_en": en,
        "reasons_ja": ja,
    })
}

/// The format check as json: its sentences in both languages, as
/// `{"en": …, "ja": …}`.
fn format_json(f: &address::FormatCheck) -> Value {
    use address::FormatCheck as F;
    let both = |m: &Msg| json!({"en": m.render(Lang::En), "ja": m.render(Lang::Ja)});
    match f {
        F::Valid {
            scheme,
            checksum,
            note,
        } => {
            let mut v = json!({"state": "valid", "scheme": scheme, "checksum": checksum});
            if let (Some(n), Some(m)) = (note, v.as_object_mut()) {
                m.insert("note".into(), both(n));
            }
            v
        }
        F::Invalid { reason } => json!({"state": "invalid", "reason": both(reason)}),
        F::NotChecked { reason } => json!({"state": "not_checked", "reason": both(reason)}),
    }
}
