# binance-audit — 日本語のメッセージ（Project Fluent の書式: https://projectfluent.org/fluent/guide/）。
# プログラムが表示する文はすべてここか en.ftl にあります。ルールとプレイブックの文は rules/ にあります。
# どのメッセージも両方のファイルに、同じ $変数 で置きます。

## ── common ── Shared words: list separators, yes/no, units. Owner: anyone; add with care.

list-separator = 、

## ── end of common ──

## ── help ── --help, usage errors and man pages (cli.rs, main.rs, cmd/man.rs).


## ── end of help ──

## ── engine ── Facts, collectors other than Binance, rules, waivers, drift, score (collect/, facts.rs, audit/, rules/, score.rs).


## ── end of engine ──

## ── report ── Report renderers: text, Markdown, JUnit, SARIF (report/).


## ── end of report ──

## ── binance ── The Binance layer, the network and status (collect/binance/, net.rs, account.rs, status/).


## ── end of binance ──

## ── incident ── Playbooks, the checklist log, evidence and the ticket (incident/).


## ── end of incident ──

## ── url ── The link check (url/, cmd/url/).

# 引数のある文は言語ごとに一度、引数の位置に目印を入れて作り、リンクごとに
# 値を埋めます（cmd/url/render.rs）。url- のメッセージは引数の値で分岐できません。

url-verdict-official = 正規
url-verdict-phishing = フィッシング
url-verdict-suspicious = 要注意
url-verdict-unrelated = 無関係
url-verdict-invalid = 無効

url-field-host = ホスト
url-field-imitates = 偽装対象
url-field-techniques = 手口
url-field-why = 理由
url-field-check = 確認
url-check-verify = Binance Verify（公式確認）: { $url }

# リンクの代わりに示す、確認しなかったメッセージの部分。
url-part-deep-nesting = （深い入れ子のメッセージ部分）
url-part-too-large = （読み込み上限を超えた部分）

url-summary = { $n }件を確認: { $parts }

url-error-no-input = リンクが指定されていません。URLを引数で渡すか、--input FILE を指定するか、標準入力から渡してください
url-error-cannot-read = 読み込めません: { $path }: { $reason }
url-error-bad-input = 入力を読み込めません: { $reason }
url-error-the-output = 出力
url-error-line-too-long = 入力の{ $n }行目が1行として読める上限（{ $limit }）を超えています
url-error-worker-stopped = 一部の行を判定する前に作業スレッドが停止しました
url-error-reader-stopped = 入力の読み込みが予期せず停止しました

url-technique-omission = 文字の欠落（omission）
url-technique-insertion = 文字の追加（insertion）
url-technique-repetition = 文字の重複（repetition）
url-technique-replacement = 文字の置換（replacement）
url-technique-transposition = 文字の入れ替え（transposition）
url-technique-vowel-swap = 母音の置換（vowel_swap）
url-technique-bitsquatting = ビット反転（bitsquatting）
url-technique-homoglyph = 類似文字（homoglyph）
url-technique-mixed-script = 文字体系の混在（mixed_script）
url-technique-hyphenation = ハイフンの挿入（hyphenation）
url-technique-dot-removed = ドットの削除（dot_removed）
url-technique-dot-moved = ドットの移動（dot_moved）
url-technique-combosquat = 単語の組み合わせ（combosquat）
url-technique-tld-swap = ドメイン末尾の変更（tld_swap）
url-technique-brand-subdomain = サブドメインにブランド名（brand_subdomain）
url-technique-brand-in-path = パスにブランド名（brand_in_path）
url-technique-userinfo = 「@」の前の偽装（userinfo）
url-technique-percent-encoded-host = ホスト名のエンコード（percent_encoded_host）
url-technique-ip-host = IPアドレス（ip_host）
url-technique-shortener = 短縮URL（shortener）
url-technique-messenger-impersonation = メッセンジャーでのなりすまし（messenger_impersonation）
url-technique-unverified-channel = 未確認のアカウント（unverified_channel）
url-technique-free-hosting = 無料ホスティング（free_hosting）
url-technique-ipfs-gateway = IPFS（ipfs_gateway）
url-technique-insecure-scheme = 暗号化なし（insecure_scheme）
url-technique-non-default-port = 通常と異なるポート（non_default_port）
url-technique-data-url = data: URL（data_url）
url-technique-javascript-url = javascript: URL（javascript_url）
url-technique-unverified-domain = 未確認のドメイン（unverified_domain）
url-technique-transliteration = ブランド名の別表記（transliteration）
url-technique-redirect = 転送先の偽装（redirect）
url-technique-link-text-mismatch = 表示と異なるリンク先（link_text_mismatch）

url-reason-official-channel = { $site }上のBinance公式チャネルです。
url-reason-affiliated = { $host } はBinanceと関係するBNB Chainのサイト（{ $site }）で、取引所ではありません。Binanceのログイン情報やAPIキーを入力しないでください。
url-reason-genuine = { $host } はBinanceの正規のアドレスです（{ $site }）。
url-reason-imitates = このリンクは{ $owner }（{ $domain }）を装っています。開かず、パスワード・認証コード・キーを絶対に入力しないでください。
url-reason-cannot-verify = このリンクはBinanceのものと確認できず、危険の兆候があります。
url-reason-unrelated = { $host } はBinanceとは関係がなく、危険の兆候も見つかりませんでした。Binanceのページではないため、Binanceのログイン情報は入力しないでください。
url-reason-invalid = URLまたはホスト名として解釈できません。
url-reason-omission = 「{ $name }」は「{ $brand }」から文字が1つ抜けています。
url-reason-insertion = 「{ $name }」は「{ $brand }」に文字が1つ追加されています。
url-reason-repetition = 「{ $name }」は「{ $brand }」の文字を1つ重ねています。
url-reason-replacement = 「{ $name }」は「{ $brand }」の文字を1つ別の文字に置き換えています。
url-reason-transposition = 「{ $name }」は「{ $brand }」の隣り合う2文字を入れ替えています。
url-reason-vowel-swap = 「{ $name }」は「{ $brand }」の母音を別の母音に置き換えています。
url-reason-bitsquatting = 「{ $name }」は「{ $brand }」と1文字の1ビットだけ異なります（ビットスクワッティング）。
url-reason-homoglyph-decodes = ホスト名が見た目の似た文字（全角文字など）で書かれており、ブラウザでは { $host } に変換されます。Binanceがこのような書き方のリンクを送ることはありません。
url-reason-homoglyph = 「{ $name }」は見た目の似た文字（lの代わりの1、キリル文字・ギリシャ文字・全角文字、点のないıなど）で「{ $brand }」に見せかけています。
url-reason-mixed-script = ホスト名に異なる文字体系（ラテン文字とキリル文字など）が混在しています。偽装によく使われる手口です。
url-reason-hyphenation = 「{ $name }」は「{ $brand }」にハイフンを加えるか、ドットをハイフンに変えています。
url-reason-dot-removed = 「{ $name }」は正規のアドレス（{ $domain }）からドットを取り除いています（例: wwwbinance、binancecom）。
url-reason-dot-moved = 「{ $name }」はブランド名の途中にドットを入れており、実際のドメインは { $site } です。
url-reason-combosquat = 「{ $name }」は「{ $brand }」に別の単語を組み合わせたものです。Binanceはこのような名前を使いません。
url-reason-tld-swap = Binanceの名前を別のドメイン末尾で使っています。{ $site } は { $domain } ではありません。
url-reason-brand-subdomain = ブランド名は先頭に付けられているだけで、実際のサイトは { $site } のものです。
url-reason-brand-in-path = Binanceの名前はパスやクエリにあるだけで、実際のサイトは { $site } です。
url-reason-userinfo-mailbox = メールアドレスの名前部分「{ $user }」にBinanceの名前を使っていますが、ドメインは { $site } でBinanceのものではありません。
url-reason-userinfo = 「@」より前（「{ $user }」）はブラウザに無視され、実際の接続先は { $host } です。
url-reason-percent-encoded-host = ホスト名がパーセントエンコード（%xx）で隠されています。正規のリンクではこのような書き方はしません。
url-reason-ip-host = Binanceのドメインではなく、IPアドレス（{ $host }）を直接指定しています。
url-reason-shortener = { $site } は短縮URLサービスのため、本当の接続先が分かりません。
url-reason-messenger-impersonation = Binanceの名前を使った{ $platform }のアカウントまたは招待です（「{ $name }」）。Binanceのサポートがこのようなアカウントで連絡したり、チャットで認証コードやパスワードを求めたりすることはありません。WhatsAppも使用していません。
url-reason-unverified-channel = 公式チャネル一覧にない、Binanceの名前を使った{ $platform }のアカウントです（「{ $name }」）。
url-reason-free-hosting = 誰でも使える無料ホスティング／サイト作成サービス（{ $hosting }）上にあります。Binanceはそこでページを公開していません。
url-reason-ipfs-gateway = IPFS上のページです。誰でも公開でき、削除されにくい場所です。
url-reason-insecure-scheme = https:// ではないため、通信の途中で内容を読まれたり書き換えられたりするおそれがあります。Binanceのリンクは必ず https:// です。
url-reason-non-default-port = 通常とは異なるポート（{ $port }）を使っています。BinanceのWebサイトは標準のhttpsポートを使います。
url-reason-data-url = data: リンクはページ全体をリンク自体に埋め込んでおり、確認できるWebサイトがありません。
url-reason-javascript-url = javascript: リンクはクリックするとプログラムを実行します。
url-reason-transliteration = 「{ $name }」はホスト名の中で「{ $brand }」をカタカナや漢字で書いています。Binanceはこのような名前を使いません。
url-reason-redirect = このリンクは転送用のアドレスを経由して、リンク内に埋め込まれた { $host } へ移動します。判定はその転送先に対するものです。
url-reason-link-text-mismatch = リンクの表示文字列とは異なるアドレスに実際には接続されます。典型的なフィッシングの手口です。
url-reason-unverified-domain = { $domain } は第三者がBinanceのドメインだとしているだけで、Binance自身は公表していません。信用する前にBinance Verifyで確認してください。
url-reason-mapped-genuine = アドレスは全角文字や句点（。）で書かれていますが、どのブラウザでも { $host } として開かれます。
url-reason-user-content = { $host } のリンクはBinanceの利用者なら誰でも作成できます（Binance Pay、レッドパケットなど）。ドメインは正規ですが、リンクの内容をBinanceが保証するものではありません。
url-reason-separate-exchange = Binance.USは別の取引所で、アカウントも別です。binance.comのログイン情報やAPIキーは使えません。
url-reason-email-address = これはメールアドレスです。送信元アドレスは偽装できるため、正規に見えても証拠にはなりません。Binanceからのメールではフィッシング対策コードを確認してください。
url-reason-disguised-link = リンクの表示は { $shown } ですが、実際の接続先は { $dest } です。行き先を偽るリンクはフィッシングです。開かないでください。
url-reason-disguised-message = このメッセージには行き先を偽るリンク（表示は { $shown }）があるため、正規に見えるBinanceのアドレスが含まれていても送信元の証明にはなりません。
url-reason-deep-nesting = このメッセージの一部は確認できる深さを超えて入れ子になっており、生のテキストとして検索しただけです。確認されていないリンクが含まれている可能性があります。
url-reason-too-large = 入力が読み込み上限を超えています。上限を超えた部分は確認されていません。

## ── end of url ──

## ── address ── The address check (address/, cmd/address/).

# 監査の証拠（address/facts.rs）: 似たアドレスの組。
address-evidence-label = 「{ $label }」
address-evidence-book-entry = 出金アドレス帳の{ $label }{ $address }（{ $network }）
address-evidence-sent = { $address }（{ $network }、{ $date }に{ $amount } { $coin }を送金）
address-evidence-known-line = { $label }{ $address }（--known ファイルの{ $line }行目）
address-evidence-unknown-date = 日付不明の日
address-evidence-same-ends = 先頭{ $prefix }文字と末尾{ $suffix }文字が同じで、途中が異なります
address-evidence-book-pair = { $first } ≈ { $second }: { $same }
address-evidence-earlier = 以前の送金先 { $whom }
address-evidence-withdrawal = 出金先 { $sent } は { $whom } に似ています: { $same }

# 形式の検査（address/format.rs）。
address-format-empty = 空です
address-format-too-long = { $max }文字を超えています。この長さのアドレスを使うネットワークはありません
address-format-space = 空白または制御文字（U+{ $code }）を含んでいます
address-format-no-parser = 形式は未確認です: binance-audit はネットワーク { $network } の形式検査に対応していません
address-format-unknown-network = 形式は未確認です: アドレスからネットワークを判別できません（--network を指定してください）
address-format-evm-prefix = EVMアドレスは 0x で始まります
address-format-evm-length = EVMアドレスは 0x と16進数40桁です。0x の後が{ $count }文字です
address-format-evm-not-hex = EVMアドレスは 0x と16進数40桁です。0x の後が{ $count }文字で、16進数以外を含みます
address-format-eip55-one-case = 大文字・小文字が混在していないため EIP-55 チェックサムがありません。1文字の誤りも検出できません
address-format-eip55-mismatch = EIP-55 チェックサムが一致しません: 一部の英字の大文字・小文字が違います。公開された通りのアドレスではありません（入力ミスまたは改変されたコピー）
address-format-not-base58 = Base58 ではありません（{ $error }）
address-format-base58-short = Base58Check としては短すぎます
address-format-base58-mismatch = Base58Check チェックサムが一致しません: どこかの文字が違います（入力ミスまたは改変されたコピー）
address-format-list = { $list }、{ $next }
address-format-wrong-version = チェックサムは正しいものの、{ $what } のアドレスではありません（{ $starts } で始まります）
address-format-segwit-other = 別のネットワーク（{ $hrp }）の segwit アドレスです
address-format-not-bech32 = 有効な Bech32/Bech32m の segwit アドレスではありません（{ $error }）
address-format-sol-no-checksum = Solana のアドレスにはチェックサムがありません。1文字の誤りも検出できません
address-format-sol-length = Solana のアドレスは Base58 で32バイトです。これは{ $bytes }バイトになります
address-format-ton-raw = raw 形式にはチェックサムがありません。1文字の誤りも検出できません
address-format-ton-length = TON のアドレスは base64 の48文字（または workchain:16進数64桁）です
address-format-ton-mismatch = TON アドレスのチェックサム（CRC16）が一致しません: どこかの文字が違います
address-format-ton-flag = チェックサムは正しいものの、TON アドレスのフラグではありません

# address コマンド（cmd/address/）。
address-reason-invalid = { $reason }。送金しないでください。
address-after-fixed = （{ $fixed } の後）
address-reason-lookalike = あなたのアドレスと先頭{ $prefix }文字・末尾{ $suffix }文字{ $fixed }が同じで、途中が異なります。これはアドレスポイズニングの手口です。攻撃者は両端が一致するアドレスを作り、あなたの履歴に紛れ込ませます。送金しないでください。
address-reason-sent-to-lookalike = この偽装アドレスには過去に送金しています。意図したものでなければ、その資金は偽装者に渡っています。`binance-audit incident breach` を参照してください。
address-reason-known = あなたのアドレスと同一です。確定する前に、両端だけでなくアドレス全体を照合してください。
address-reason-known-resembles = この宛先に酷似したアドレスへの過去の出金があります（「類似」に表示）。意図した相手に届いたか確認し、そうでなければ `binance-audit incident breach` を参照してください。
address-reason-other-network = 記録は { $recorded } 向けで、{ $network } ではありません。受取側が { $network } に対応していることを確認してください。
address-reason-not-compared = 照合対象がありません（{ $why }）。自分のアドレスと照合するには --known FILE またはAPIキーを指定してください。
address-reason-new = 既知の{ $n }件のアドレス記録のどれとも一致せず、似てもいません。送金前に別の経路で確認してください（電話や対面で受取人に確認し、まず少額を送って着金を確認してもらう）。
address-reason-memo-missing = { $network } で取引所へ入金する場合は通常メモ（タグ）が必要ですが、指定されていません（--memo）。メモがないと入金が反映されないことがあります。
address-reason-other-coin = 記録は { $recorded } 向けで、{ $coin } の記録はありません。
address-who-label = "{ $label }"
address-whitelisted = ホワイトリスト登録済み
address-not-whitelisted = ホワイトリスト未登録
address-whitelist-unknown = ホワイトリスト状態不明
address-who-book = 出金アドレス帳 { $label }（{ $network }、{ $coin }、{ $whitelist }）
address-who-sent = 過去の送金先: { $when }、{ $amount } { $coin }（{ $network }）
address-who-known-line = --known { $label }（{ $line }行目）
address-who-latest = { $who }（{ $n }回の出金のうち最新）
address-format-checksum-valid = { $scheme }: チェックサム正常
address-format-valid = { $scheme }: 形式は正常
address-format-with-note = { $format }（{ $note }）
address-network-family = { $network }（{ $family }）
address-network-unknown = 不明（--network で指定してください）
address-network-inferred = { $family }（アドレスの形から推定。確実にするには --network を指定）
address-kind-known = 登録済み
address-kind-look-alike = 偽装の疑い
address-kind-new = 新規
address-kind-invalid = 不正
address-kind-not-compared = 未照合
address-field-network = ネットワーク
address-field-coin = 通貨
address-field-format = 形式
address-field-yours = 登録
address-field-look-alike = 類似
address-field-itself = この宛先
address-field-why = 理由
address-field-imitates = 偽装対象
address-field-checked = 確認対象
address-field-your-address = あなたの
address-more-lookalikes = …ほか{ $n }件の類似アドレス
address-summary = { $n }件を確認: { $parts }
address-compared-with = 照合対象:
address-source-book = 出金アドレス帳
address-source-history = 出金履歴（90日）
address-source-known = --known ファイル
address-source-records = { $n }件
address-source-not-read = 未取得: { $reason }
address-source-failed = 取得失敗:
address-skipped-offline = オフライン（--offline）
address-skipped-no-known = --known ファイルの指定なし
address-skipped-no-key = APIキーが設定されていません（BINANCE_API_KEY / 設定ファイル）
address-error-network = --network には ETH、BSC、BTC、TRX などのネットワーク名を指定してください: { $value }
address-warning = 警告
address-error-none-found = 入力にアドレスが見つかりません
address-error-cannot-read = 読み込めません: { $path }: { $reason }
address-error-stdin = 標準入力を読み込めません: { $reason }
address-error-no-input = アドレスが指定されていません。引数で渡すか、--input FILE を指定するか、標準入力から渡してください

## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).


## ── end of shell ──
