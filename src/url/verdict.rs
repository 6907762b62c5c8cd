//! The verdict as shown to people and programs, with reasons in English and
//! Japanese.

use serde::{Deserialize, Serialize};

use super::assess::{Assessment, Detail, Notes, split_host};
use super::domains::Knowledge;
use super::parse::{HostKind, Parsed, Scheme};
use super::technique::Technique;
use crate::i18n::{Lang, Text};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VerdictKind {
    /// A genuine Binance host, https, default port.
    Official,
    /// Imitates Binance.
    Phishing,
    /// Cannot be verified and shows a risk sign.
    Suspicious,
    /// Nothing to do with Binance and no risk sign.
    #[default]
    Unrelated,
    /// Not a URL or host.
    Invalid,
}

impl VerdictKind {
    pub fn name(self) -> &'static str {
        match self {
            VerdictKind::Official => "official",
            VerdictKind::Phishing => "phishing",
            VerdictKind::Suspicious => "suspicious",
            VerdictKind::Unrelated => "unrelated",
            VerdictKind::Invalid => "invalid",
        }
    }

    /// Order used to combine signs: the worst one wins.
    pub fn severity(self) -> u8 {
        match self {
            VerdictKind::Invalid => 0,
            VerdictKind::Unrelated => 1,
            VerdictKind::Official => 2,
            VerdictKind::Suspicious => 3,
            VerdictKind::Phishing => 4,
        }
    }

    /// Does this verdict make the command exit with 1?
    pub fn is_alarm(self) -> bool {
        matches!(self, VerdictKind::Phishing | VerdictKind::Suspicious)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (VerdictKind::Official, Lang::En) => "OFFICIAL",
            (VerdictKind::Phishing, Lang::En) => "PHISHING",
            (VerdictKind::Suspicious, Lang::En) => "SUSPICIOUS",
            (VerdictKind::Unrelated, Lang::En) => "UNRELATED",
            (VerdictKind::Invalid, Lang::En) => "INVALID",
            (VerdictKind::Official, Lang::Ja) => "正規",
            (VerdictKind::Phishing, Lang::Ja) => "フィッシング",
            (VerdictKind::Suspicious, Lang::Ja) => "要注意",
            (VerdictKind::Unrelated, Lang::Ja) => "無関係",
            (VerdictKind::Invalid, Lang::Ja) => "無効",
        }
    }
}

/// A host name in the form DNS uses and the form people read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostNames {
    pub ascii: String,
    pub unicode: String,
}

/// The full verdict for one input. `reasons` holds both languages; the CLI
/// renders the chosen one (see `cli.rs`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub input: String,
    pub verdict: VerdictKind,
    pub techniques: Vec<Technique>,
    /// The genuine domain imitated, if any.
    pub impersonates: Option<String>,
    /// Whose domain that is ("Binance", "BNB Chain").
    #[serde(default)]
    pub imitated_brand: Option<String>,
    pub host: Option<HostNames>,
    /// Registrable domain (Public Suffix List) of the host, if it has one.
    pub registrable_domain: Option<String>,
    pub reasons: Vec<Text>,
}

/// Which languages a verdict's reasons are written in. A million-line jsonl
/// run shows one language, and formatting the other costs as much as the
/// verdict itself, so the shell asks only for what it prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Wording {
    #[default]
    Both,
    /// Only this language; the other side of each `Text` is left empty.
    Only(Lang),
}

impl Wording {
    pub fn en(self) -> bool {
        self != Wording::Only(Lang::Ja)
    }
    pub fn ja(self) -> bool {
        self != Wording::Only(Lang::En)
    }
}

/// A reason in the languages `$w` asks for; the other is never formatted.
macro_rules! t {
    ($w:expr, $en:expr, $ja:expr $(,)?) => {
        Text {
            en: if $w.en() { $en } else { String::new() },
            ja: if $w.ja() { $ja } else { String::new() },
        }
    };
}

/// Quote user-controlled text for a reason: bounded and printable.
pub(crate) fn q(s: &str) -> std::borrow::Cow<'_, str> {
    // Host names are short printable ASCII nearly always: no copy for them.
    if s.len() <= 80 && s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out: String = s
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .take(80)
        .collect();
    if s.chars().count() > 80 {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

pub(crate) use crate::escape::is_bidi_control;

pub(crate) fn build_verdict(
    k: &Knowledge,
    input: &str,
    a: &Assessment,
    p: Option<&Parsed<'_>>,
    detail: &Detail,
    w: Wording,
) -> Verdict {
    let (host, registrable, suffix) = match p {
        Some(p) if !p.host.is_empty() => {
            let names = HostNames {
                ascii: p.host.to_string(),
                unicode: p.host_unicode.unwrap_or(p.host).to_string(),
            };
            let (reg, suffix) = if p.host_kind == HostKind::Domain {
                let (reg, suffix, _) = split_host(p.host);
                (Some(reg.to_string()), suffix)
            } else {
                (None, "")
            };
            (Some(names), reg, suffix)
        }
        _ => (None, None, ""),
    };
    let mut v = Verdict {
        input: input.to_string(),
        verdict: a.verdict,
        techniques: a.techniques.to_vec(),
        impersonates: a.impersonates.map(|i| k.domains[i].name.clone()),
        imitated_brand: a.impersonates.map(|i| k.domains[i].owner.clone()),
        host,
        registrable_domain: registrable,
        reasons: Vec::new(),
    };
    v.reasons = reasons(k, a, p, detail, w, &v, suffix);
    v
}

fn reasons(
    k: &Knowledge,
    a: &Assessment,
    p: Option<&Parsed<'_>>,
    d: &Detail,
    w: Wording,
    v: &Verdict,
    suffix: &str,
) -> Vec<Text> {
    use super::verdict::VerdictKind as V;
    use Technique as T;
    let (host, reg) = (v.host.as_ref(), v.registrable_domain.as_deref());
    let mut out = Vec::new();
    let host_s = host.map(|h| q(&h.unicode)).unwrap_or_default();
    let reg_s = reg.map(q).unwrap_or_else(|| host_s.clone());
    let imitated = a.impersonates.map_or("", |i| k.domains[i].name.as_str());
    let owner = a
        .impersonates
        .map_or("Binance", |i| k.domains[i].owner.as_str());
    let brand = d.brand.map_or("binance", |b| k.brands[b].label.as_str());
    let name = q(&d.name);
    let platform = d.platform.map_or("", |i| k.platforms[i].name.as_str());

    match a.verdict {
        V::Official => {
            let what = d.genuine.map_or(&*reg_s, |g| k.domains[g].name.as_str());
            if a.notes.has(Notes::OFFICIAL_CHANNEL) {
                out.push(t!(
                w,
                    format!("This is an official Binance channel on {}.", q(&reg_s)),
                    format!("{}上のBinance公式チャネルです。", q(&reg_s)),
                ));
            } else if a.notes.has(Notes::AFFILIATED) {
                out.push(t!(
                w,
                    format!("{host_s} belongs to {what}, a BNB Chain site affiliated with Binance — not the exchange. Never enter your Binance login or API keys there."),
                    format!("{host_s} はBinanceと関係するBNB Chainのサイト（{what}）で、取引所ではありません。Binanceのログイン情報やAPIキーを入力しないでください。"),
                ));
            } else {
                out.push(t!(
                w,
                    format!("{host_s} is a genuine Binance address ({what})."),
                    format!("{host_s} はBinanceの正規のアドレスです（{what}）。"),
                ));
            }
        }
        V::Phishing => out.push(t!(
                w,
            format!("This link imitates {owner} ({imitated}). Do not open it and never enter a password, code or key there."),
            format!("このリンクは{owner}（{imitated}）を装っています。開かず、パスワード・認証コード・キーを絶対に入力しないでください。"),
        )),
        V::Suspicious => out.push(t!(
                w,
            "This link cannot be verified as Binance's and shows a risk sign.".into(),
            "このリンクはBinanceのものと確認できず、危険の兆候があります。".into(),
        )),
        V::Unrelated => out.push(t!(
                w,
            format!("{host_s} has nothing to do with Binance and shows no risk sign. It is not a Binance page: never enter Binance credentials there."),
            format!("{host_s} はBinanceとは関係がなく、危険の兆候も見つかりませんでした。Binanceのページではないため、Binanceのログイン情報は入力しないでください。"),
        )),
        V::Invalid => {
            out.push(t!(
                w,
                "Not a URL or host name.".into(),
                "URLまたはホスト名として解釈できません。".into(),
            ));
            return out;
        }
    }

    for tech in a.techniques.iter() {
        let r = match tech {
            T::Omission => t!(
                w,
                format!("'{name}' drops a letter from '{brand}'."),
                format!("「{name}」は「{brand}」から文字が1つ抜けています。"),
            ),
            T::Insertion => t!(
                w,
                format!("'{name}' adds a letter to '{brand}'."),
                format!("「{name}」は「{brand}」に文字が1つ追加されています。"),
            ),
            T::Repetition => t!(
                w,
                format!("'{name}' doubles a letter of '{brand}'."),
                format!("「{name}」は「{brand}」の文字を1つ重ねています。"),
            ),
            T::Replacement => t!(
                w,
                format!("'{name}' replaces a letter of '{brand}'."),
                format!("「{name}」は「{brand}」の文字を1つ別の文字に置き換えています。"),
            ),
            T::Transposition => t!(
                w,
                format!("'{name}' swaps two neighbouring letters of '{brand}'."),
                format!("「{name}」は「{brand}」の隣り合う2文字を入れ替えています。"),
            ),
            T::VowelSwap => t!(
                w,
                format!("'{name}' swaps a vowel of '{brand}' for another."),
                format!("「{name}」は「{brand}」の母音を別の母音に置き換えています。"),
            ),
            T::Bitsquatting => t!(
                w,
                format!("'{name}' differs from '{brand}' by one bit of one character (bitsquatting)."),
                format!("「{name}」は「{brand}」と1文字の1ビットだけ異なります（ビットスクワッティング）。"),
            ),
            T::Homoglyph => {
                if a.notes.has(Notes::DECODES_TO_GENUINE) {
                    t!(
                w,
                        format!("The host is written with look-alike characters (e.g. fullwidth letters) that a browser turns into {host_s}. Binance never writes its links this way."),
                        format!("ホスト名が見た目の似た文字（全角文字など）で書かれており、ブラウザでは {host_s} に変換されます。Binanceがこのような書き方のリンクを送ることはありません。"),
                    )
                } else {
                    t!(
                w,
                        format!("'{name}' uses look-alike characters (such as 1 for l, Cyrillic, Greek or fullwidth letters, dotless ı) to pass for '{brand}'."),
                        format!("「{name}」は見た目の似た文字（lの代わりの1、キリル文字・ギリシャ文字・全角文字、点のないıなど）で「{brand}」に見せかけています。"),
                    )
                }
            }
            T::MixedScript => t!(
                w,
                "The host name mixes letters from different alphabets (e.g. Latin and Cyrillic), a common disguise.".into(),
                "ホスト名に異なる文字体系（ラテン文字とキリル文字など）が混在しています。偽装によく使われる手口です。".into(),
            ),
            T::Hyphenation => t!(
                w,
                format!("'{name}' adds a hyphen to '{brand}' or turns one of its dots into a hyphen."),
                format!("「{name}」は「{brand}」にハイフンを加えるか、ドットをハイフンに変えています。"),
            ),
            T::DotRemoved => t!(
                w,
                format!("'{name}' removes a dot from the genuine address ({imitated}), e.g. 'wwwbinance' or 'binancecom'."),
                format!("「{name}」は正規のアドレス（{imitated}）からドットを取り除いています（例: wwwbinance、binancecom）。"),
            ),
            T::DotMoved => t!(
                w,
                format!("'{name}' moves a dot inside the brand name, so the real domain is {reg_s}."),
                format!("「{name}」はブランド名の途中にドットを入れており、実際のドメインは {reg_s} です。"),
            ),
            T::Combosquat => t!(
                w,
                format!("'{name}' combines '{brand}' with other words; Binance does not use such names."),
                format!("「{name}」は「{brand}」に別の単語を組み合わせたものです。Binanceはこのような名前を使いません。"),
            ),
            T::TldSwap => t!(
                w,
                format!("Binance's name on another ending: {reg_s} is not {imitated}."),
                format!("Binanceの名前を別のドメイン末尾で使っています。{reg_s} は {imitated} ではありません。"),
            ),
            T::BrandSubdomain => t!(
                w,
                format!("The brand is only a prefix: the site really belongs to {reg_s}."),
                format!("ブランド名は先頭に付けられているだけで、実際のサイトは {reg_s} のものです。"),
            ),
            T::BrandInPath => t!(
                w,
                format!("Binance is named only in the path or query; the site is {reg_s}."),
                format!("Binanceの名前はパスやクエリにあるだけで、実際のサイトは {reg_s} です。"),
            ),
            T::Userinfo => {
                let ui = p.map(|p| q(p.userinfo)).unwrap_or_default();
                if p.is_some_and(|p| p.scheme == Scheme::Email) {
                    t!(
                w,
                        format!("The mailbox name '{ui}' uses Binance's name, but the mail domain is {reg_s}, not Binance's."),
                        format!("メールアドレスの名前部分「{ui}」にBinanceの名前を使っていますが、ドメインは {reg_s} でBinanceのものではありません。"),
                    )
                } else {
                    t!(
                w,
                        format!("Everything before '@' ('{ui}') is ignored by the browser; the link really goes to {host_s}."),
                        format!("「@」より前（「{ui}」）はブラウザに無視され、実際の接続先は {host_s} です。"),
                    )
                }
            }
            T::PercentEncodedHost => t!(
                w,
                "The host name is hidden with percent-escapes (%xx), which genuine links never do.".into(),
                "ホスト名がパーセントエンコード（%xx）で隠されています。正規のリンクではこのような書き方はしません。".into(),
            ),
            T::IpHost => t!(
                w,
                format!("The link points to a bare IP address ({host_s}) instead of a Binance domain."),
                format!("Binanceのドメインではなく、IPアドレス（{host_s}）を直接指定しています。"),
            ),
            T::Shortener => t!(
                w,
                format!("{reg_s} is a URL shortener: the real destination is hidden."),
                format!("{reg_s} は短縮URLサービスのため、本当の接続先が分かりません。"),
            ),
            T::MessengerImpersonation => t!(
                w,
                format!("A {platform} account or invite using Binance's name ('{name}'). Binance support never contacts you through such accounts, never asks for codes or passwords in chat, and does not use WhatsApp."),
                format!("Binanceの名前を使った{platform}のアカウントまたは招待です（「{name}」）。Binanceのサポートがこのようなアカウントで連絡したり、チャットで認証コードやパスワードを求めたりすることはありません。WhatsAppも使用していません。"),
            ),
            T::UnverifiedChannel => t!(
                w,
                format!("A {platform} account using Binance's name ('{name}') that is not in the list of official channels."),
                format!("公式チャネル一覧にない、Binanceの名前を使った{platform}のアカウントです（「{name}」）。"),
            ),
            T::FreeHosting => {
                let h = d.hosting.map_or(std::borrow::Cow::Borrowed(suffix), q);
                t!(
                w,
                    format!("Hosted on {h}, a free hosting or site-builder service anyone can use; Binance does not host its pages there."),
                    format!("誰でも使える無料ホスティング／サイト作成サービス（{h}）上にあります。Binanceはそこでページを公開していません。"),
                )
            }
            T::IpfsGateway => t!(
                w,
                "Served from IPFS, where anyone can publish pages that are hard to take down.".into(),
                "IPFS上のページです。誰でも公開でき、削除されにくい場所です。".into(),
            ),
            T::InsecureScheme => t!(
                w,
                "The link does not use https:// — anyone on the network could read or change the page. Binance links always use https://.".into(),
                "https:// ではないため、通信の途中で内容を読まれたり書き換えられたりするおそれがあります。Binanceのリンクは必ず https:// です。".into(),
            ),
            T::NonDefaultPort => {
                let port = p.and_then(|p| p.port).unwrap_or_default();
                t!(
                w,
                    format!("The link uses an unusual port ({port}); Binance's websites use the standard https port."),
                    format!("通常とは異なるポート（{port}）を使っています。BinanceのWebサイトは標準のhttpsポートを使います。"),
                )
            }
            T::DataUrl => t!(
                w,
                "A data: link carries a whole page inside itself, with no website behind it to check.".into(),
                "data: リンクはページ全体をリンク自体に埋め込んでおり、確認できるWebサイトがありません。".into(),
            ),
            T::JavascriptUrl => t!(
                w,
                "A javascript: link runs code when clicked.".into(),
                "javascript: リンクはクリックするとプログラムを実行します。".into(),
            ),
            T::Transliteration => t!(
                w,
                format!("'{name}' writes '{brand}' in another script (katakana or Chinese characters) inside the host name; Binance does not use such names."),
                format!("「{name}」はホスト名の中で「{brand}」をカタカナや漢字で書いています。Binanceはこのような名前を使いません。"),
            ),
            T::Redirect => t!(
                w,
                format!("The link passes through a forwarding address that sends you on to {host_s}, carried inside the link; that destination is what was judged."),
                format!("このリンクは転送用のアドレスを経由して、リンク内に埋め込まれた {host_s} へ移動します。判定はその転送先に対するものです。"),
            ),
            T::LinkTextMismatch => t!(
                w,
                "The visible text of the link names one address but the link really goes to another: the classic phishing lure.".into(),
                "リンクの表示文字列とは異なるアドレスに実際には接続されます。典型的なフィッシングの手口です。".into(),
            ),
            T::UnverifiedDomain => {
                let g = d.genuine.map_or(&*reg_s, |g| k.domains[g].name.as_str());
                t!(
                w,
                    format!("{g} is said to be Binance's only by third parties; Binance does not publish it. Confirm it on Binance Verify before trusting it."),
                    format!("{g} は第三者がBinanceのドメインだとしているだけで、Binance自身は公表していません。信用する前にBinance Verifyで確認してください。"),
                )
            }
        };
        out.push(r);
    }

    if a.notes.has(Notes::MAPPED_GENUINE) && a.verdict == V::Official {
        out.push(t!(
                w,
            format!("The address is written with fullwidth letters or ideographic dots; every browser reads it as {host_s}."),
            format!("アドレスは全角文字や句点（。）で書かれていますが、どのブラウザでも {host_s} として開かれます。"),
        ));
    }
    if a.notes.has(Notes::USER_CONTENT) {
        out.push(t!(
                w,
            format!("Anyone with a Binance account can create {host_s} links (Binance Pay, Red Packets): the domain is genuine, but Binance does not vouch for what the link asks of you."),
            format!("{host_s} のリンクはBinanceの利用者なら誰でも作成できます（Binance Pay、レッドパケットなど）。ドメインは正規ですが、リンクの内容をBinanceが保証するものではありません。"),
        ));
    }
    if a.notes.has(Notes::SEPARATE_EXCHANGE) {
        out.push(t!(
                w,
            "Binance.US is a separate exchange with its own accounts: a binance.com login or API key does not work there.".into(),
            "Binance.USは別の取引所で、アカウントも別です。binance.comのログイン情報やAPIキーは使えません。".into(),
        ));
    }
    if a.notes.has(Notes::EMAIL_ADDRESS) {
        out.push(t!(
                w,
            "This is an e-mail address. Sender addresses can be forged, so even a genuine-looking one is no proof; look for your anti-phishing code in Binance e-mails.".into(),
            "これはメールアドレスです。送信元アドレスは偽装できるため、正規に見えても証拠にはなりません。Binanceからのメールではフィッシング対策コードを確認してください。".into(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::url::analyse;

    #[test]
    fn reasons_exist_in_both_languages() {
        for s in [
            "https://binnance.com",
            "https://www.binance.com",
            "nonsense",
            "https://google.com",
            "http://binance.com:81@10.0.0.1/",
            "https://bit.ly/x",
        ] {
            let v = analyse(s);
            assert!(!v.reasons.is_empty(), "{s}");
            for r in &v.reasons {
                assert!(!r.en.is_empty() && !r.ja.is_empty(), "{s}");
            }
        }
    }

    #[test]
    fn verdict_serializes_with_host_forms() {
        let v = analyse("https://xn--bnance-p9a.com/login");
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j["verdict"], "phishing");
        assert_eq!(j["host"]["ascii"], "xn--bnance-p9a.com");
        assert_eq!(j["host"]["unicode"], "bınance.com");
        assert_eq!(j["impersonates"], "binance.com");
        assert!(
            j["techniques"]
                .as_array()
                .unwrap()
                .contains(&"homoglyph".into())
        );
    }
}
