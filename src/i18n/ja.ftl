# binance-audit — 日本語のメッセージ（Project Fluent の書式: https://projectfluent.org/fluent/guide/）。
# プログラムが表示する文はすべてここか en.ftl にあります。ルールとプレイブックの文は rules/ にあります。
# どのメッセージも両方のファイルに、同じ $変数 で置きます。

## ── common ── Shared words: list separators, yes/no, units. Owner: anyone; add with care.

list-separator = 、

## ── end of common ──

## ── help ── --help, usage errors and man pages (cli.rs, main.rs, cmd/man.rs).


## ── end of help ──

## ── engine ── Facts, collectors other than Binance, rules, waivers, drift, score (collect/, facts.rs, audit/, rules/, score.rs).

# 01-audit
engine-no-password = パスワードの確認を省略しました: パスワードが入力されていません（単独で確認するには `binance-audit password` を実行するか、--password-stdin / --password-file を指定してください）
engine-no-password-unattended = パスワードの確認を省略しました: 無人実行のため（CI が設定されているか、標準入力が端末ではありません）、誰にも尋ねません。BinanceのパスワードをCIのシークレットやスケジューラーに置くこと自体が危険です。`binance-audit password` を対話的に実行して確認するか、--password-stdin / --password-file を指定してください
engine-no-email-password = メールのパスワードが指定されていません: 確認するには --email-password-file FILE を指定するか、BINANCE_AUDIT_EMAIL_PASSWORD を設定してください
engine-no-api-key = APIキーがありません: APIキーとアカウントを診断するには BINANCE_API_KEY と BINANCE_API_SECRET（または BINANCE_API_PRIVATE_KEY_FILE）を設定してください
engine-password-ran = 強度をこの端末内で推定しました（zxcvbn）
engine-credentials-unusable = APIの認証情報を使えません: { $error }

# 02-eval
engine-fact-not-collected = { $name } は収集されていません
engine-condition-not-bool = { $rule } の条件の結果が { $kind } で、true / false ではありません
engine-condition-failed = { $rule } の条件の評価に失敗しました: 「{ $error }」
engine-condition-panicked = { $rule } の条件を評価できませんでした

# 03-waivers
engine-waiver-expired = { $date }に期限切れとなり、適用されなくなりました。期限を更新するか、問題を修正してください
engine-waiver-unused = 今回の検出事項に一致しませんでした: { $why }
engine-waiver-no-rule = このIDのルールはありません
engine-waiver-drift-needs-baseline = ドリフトのルールは --baseline 指定時のみ実行されます
engine-waiver-rule-not-evaluated = このルールは今回評価されていません ({ $reason })
engine-waiver-rule-passed = ルールは問題なしでした。免除設定は不要かもしれません

# 04-password
engine-duration-under-a-second = 1秒未満
engine-duration-seconds = { $n }秒
engine-zxcvbn-warn-straight-rows = キーボードの横一列の並びは推測されやすいです。
engine-zxcvbn-warn-short-keyboard-patterns = 短いキーボード配列のパターンは推測されやすいです。
engine-zxcvbn-warn-repeats-aaa = 「aaa」のような繰り返しは推測されやすいです。
engine-zxcvbn-warn-repeats-abcabc = 「abcabcabc」のような繰り返しは「abc」よりわずかに推測しにくいだけです。
engine-zxcvbn-warn-top-10 = よく使われるパスワードの上位10位に入っています。
engine-zxcvbn-warn-top-100 = よく使われるパスワードの上位100位に入っています。
engine-zxcvbn-warn-common = 非常によく使われるパスワードです。
engine-zxcvbn-warn-similar-to-common = よく使われるパスワードに似ています。
engine-zxcvbn-warn-sequences = abcや6543のような連続した並びは推測されやすいです。
engine-zxcvbn-warn-recent-years = 最近の年号は推測されやすいです。
engine-zxcvbn-warn-single-word = 単語ひとつだけでは推測されやすいです。
engine-zxcvbn-warn-dates = 日付は推測されやすいことが多いです。
engine-zxcvbn-warn-names-alone = 名前や名字だけでは推測されやすいです。
engine-zxcvbn-warn-common-names = よくある名前や名字は推測されやすいです。
engine-zxcvbn-tip-few-words = いくつかの単語を組み合わせ、よくある言い回しは避けてください。
engine-zxcvbn-tip-no-need-for-symbols = 記号・数字・大文字は必須ではありません（長さが大切です）。
engine-zxcvbn-tip-add-a-word = 単語をもう1〜2語足してください。珍しい単語ほど効果的です。
engine-zxcvbn-tip-capitalization = 大文字にしてもあまり強くなりません。
engine-zxcvbn-tip-all-uppercase = すべて大文字でも、すべて小文字とほぼ同じくらい推測されやすいです。
engine-zxcvbn-tip-reversed-words = 単語を逆さにしても推測の難しさはほとんど変わりません。
engine-zxcvbn-tip-substitutions = 「a」を「@」にするような予測しやすい置き換えは効果がほとんどありません。
engine-zxcvbn-tip-longer-keyboard-pattern = キーボードのパターンを使うなら、もっと長く曲がりの多いものにしてください。
engine-zxcvbn-tip-avoid-repeats = 同じ単語や文字の繰り返しは避けてください。
engine-zxcvbn-tip-avoid-sequences = 連続した並びは避けてください。
engine-zxcvbn-tip-avoid-recent-years = 最近の年号は避けてください。
engine-zxcvbn-tip-avoid-your-years = 自分に関係のある年号は避けてください。
engine-zxcvbn-tip-avoid-your-dates = 自分に関係のある日付や年号は避けてください。
engine-duration-minutes = { $n }分
engine-duration-hours = { $n }時間
engine-duration-days = { $n }日
engine-duration-months = { $n }か月
engine-duration-years = { $n }年
engine-duration-centuries = 数百年以上

# 05-environment
engine-file-exposed = { $path } はグループや他のユーザーが読める状態です（モード { $mode }）。`chmod 600 { $path }` で直してください
engine-no-secret-files = この端末には確認する設定ファイル・パスワードファイル・鍵ファイルがありません

# 06-drift
engine-drift-absent = なし
engine-drift-not-recorded = 記録なし
engine-drift-unknown = 不明
engine-drift-added = 追加（whiteStatus={ $white }）
engine-drift-only-declared = { $name } は申告のみで、確認していません
engine-drift-fact-not-checked = 今回の実行では { $name } を確認していません: { $reason }
engine-drift-fact-not-collected = 今回の実行では { $name } を収集していません
engine-drift-fact-wrong-kind = 今回の実行では { $name } に想定した種類の値がありません
engine-drift-not-in-baseline = ベースライン保存時に{ $what }を確認していません
engine-drift-what-address-book = 出金アドレス帳
engine-drift-what-permissions = APIキーの権限
engine-drift-what-ip-restriction = キーのIP制限
engine-drift-what-key-created = キーの作成日時
engine-drift-what-account-status = アカウントの状態
engine-drift-what-score = スコア
engine-drift-permissions-not-checked = 今回の実行ではAPIキーの権限を確認していません
engine-drift-no-score = 今回の実行にはスコアがありません
engine-drift-scores-not-comparable = スコアを比較できません: ベースラインは{ $was_total }項目中{ $was_ran }項目、今回は{ $total }項目中{ $ran }項目を確認
engine-drift-not-a-list = { $name } がリストではありません

# 07-declared
engine-declared-none = 未申告: APIでは確認できない質問に答えるには `binance-audit setup` を実行してください
engine-declared-no-date = [declared] セクションの `on` に有効な日付がありません
engine-declared-bad-date = [declared] セクションの `on` は 2026-11-25 のような日付にしてください
engine-declared-future = [declared] の日付 `on = { $on }` が未来の日付です
engine-declared-future-fix = { $why }: 回答した日に設定してください（`binance-audit setup` はそうします）
engine-declared-not-sure = { $on } に「わからない」と回答しています: Binanceアプリで確認してから、もう一度 `binance-audit setup` を実行してください
engine-declared-unknown-factor = [declared] に不明な2段階認証の方式 { $factor } があります
engine-declared-not-answered = [declared] で未回答: `binance-audit setup` を実行してください
engine-declared-on = { $on } に申告

# 08-hibp-file
engine-hibp-bad-key = { $len }文字のキーはSHA-1ハッシュではありません（16進40桁が必要です）
engine-hibp-open = { $path } を開けません: { $reason }
engine-hibp-read = { $path } を読み取れません: { $reason }
engine-hibp-bad-line = { $path }: { $offset }バイト目の行がPwned Passwordsの形式ではありません（{ $what }）
engine-hibp-not-sorted = { $path }: ハッシュ順に並んでいません（{ $offset }バイト目の行の順序が違います）。「ordered by hash」のファイルを使ってください
engine-hibp-unusable = { $path }: { $what }
engine-hibp-truncated = { $path }: 行の途中でファイルが終わっています。途中までしかダウンロードされていないようです（もう一度ダウンロードしてください）
engine-hibp-missing-prefix = { $dir }: 先頭 { $prefix } のファイル（{ $prefix }.txt）がありません。接頭辞ごとのダウンロードが不完全なようです
engine-hibp-no-colon = HASH:COUNT の形式ではありません
engine-hibp-ntlm = 32桁のハッシュはNTLMのものです。SHA-1のファイルを使ってください
engine-hibp-suffixes = 35桁の接尾辞です。接頭辞ごとのファイルなので、それが入ったフォルダを指定してください
engine-hibp-hash-width = ハッシュが{ $len }文字です（16進{ $want }桁が必要です）
engine-hibp-not-hex = ハッシュが16進数ではありません
engine-hibp-count-not-number = 件数が数値ではありません
engine-hibp-count-out-of-range = 件数が範囲外です
engine-hibp-no-line-break = { $max }バイト以内に改行がありません
engine-hibp-empty = ファイルが空です
engine-hibp-archive = { $kind }形式の圧縮ファイルです。先に中の .txt ファイルを展開してください

# 09-breach
engine-said-in-both = { $en ->
   *[other] { $ja }
    }
engine-breach-offline = オフライン: 流出の確認にはネットワークか --hibp-file が必要です
engine-breach-net-tries = { $error }（{ $tries }回試行）
engine-breach-bad-response = Pwned Passwordsの応答が想定外です: { $detail }
engine-breach-http = HTTP { $status } が返りました
engine-breach-bad-range-line = { $line }行目が SUFFIX:COUNT の形式ではありません（先頭は { $start }）
engine-breach-empty-range = 範囲検索の応答が空です
engine-breach-not-requested = この接頭辞の範囲検索を要求していません
engine-breach-looked-up-in-file = { $file } でオフライン検索（何も送信していません）
engine-breach-not-found = 既知の流出データには見つかりませんでした
engine-breach-found = 既知の流出データに{ $count }回出現しています
engine-breach-ran = { $outcome }; { $source }
engine-breach-sent-only = 送信したのは GET { $request }（`Add-Padding: true`）だけです（SHA-1の16進40桁のうち先頭5桁。パスワードはこの端末から出ていません）

# 10-rules
engine-category-password = パスワード
engine-category-breach = 流出
engine-category-api-key = APIキー
engine-category-account = アカウント
engine-category-withdrawal = 出金
engine-category-two-factor = 2段階認証
engine-category-environment = 実行環境
engine-category-drift = 変化
engine-case-expect-pass = "pass"
engine-case-expect-fail = "fail"
engine-case-failed = { $rule }（{ $origin }）: テストケース{ $case }は { $expect } を期待していますが、結果は { $got }でした
engine-outcome-fail = "fail"（条件が成立）
engine-outcome-pass = "pass"（条件が不成立）
engine-outcome-not-evaluated = 未確認（{ $reason }）
engine-outcome-not-applicable = 該当なし（{ $reason }）

# 11-report
engine-baseline-other-profile = ベースラインは別のプロファイル用に保存されています: { $profile }
engine-baseline-compared = { $file } と比較（{ $saved } に binance-audit { $version } で保存）
engine-waiver-warning = 免除設定 { $rule }: { $note }
engine-next-setup = binance-audit setup — APIでは確認できない項目（2段階認証、フィッシング対策コード、出金ホワイトリスト）に回答する
engine-next-api-key = 読み取り専用のAPIキー: 「読み取りを有効にする」だけのEd25519キーを作成し、BINANCE_API_KEY と BINANCE_API_PRIVATE_KEY_FILE を設定する（README「Auditing your Binance account」）
engine-next-password = binance-audit password — Binanceのパスワードの強度と流出を確認する（送信するのはハッシュの先頭5文字だけです）
engine-not-graded-below-floor = { $total }項目中{ $ran }項目のみ確認。評価には{ $floor }%以上の確認が必要です
engine-not-graded-nothing-weighted = 点数の付く項目を確認できませんでした
engine-evidence-text = { $name } = 「{ $value }」

# 12-rules-load
engine-problem-at-column = { $file }:{ $line }:{ $column }: { $message }
engine-problem-at-line = { $file }:{ $line }: { $message }
engine-problem-in-file = { $file }: { $message }
engine-rules-not-loaded = ルールを読み込めませんでした
engine-more-problems = { $first }（ほかに{ $more }件の問題があります）
engine-more-problems-check = { $first }（ほかに{ $more }件の問題があります。一覧は `binance-audit rules check DIR` で確認できます）
engine-rule-problem = ルール { $id }: { $problem }
engine-rule-bad-id = IDは BA-XYZ-001 の形にしてください（英大文字、数字、ハイフン）
engine-rule-no-facts = `facts` が空です。条件が読むファクトをすべて挙げてください
engine-rule-unknown-fact = 不明なファクト `{ $fact }` です
engine-rule-unknown-fact-near = 不明なファクト `{ $fact }` です（`{ $near }` の誤りではありませんか？）
engine-rule-needs-both-languages = `{ $field }` には en と ja の両方のテキストが必要です
engine-rule-remediation-both = `remediation` には en と ja の両方の手順が必要です
engine-rule-remediation-count = `remediation` の手順の数が en は{ $en_n }件、ja は{ $ja_n }件で、一致しません
engine-rule-reference-https = `references` の「{ $url }」は https のURLにしてください
engine-rule-condition-syntax = 条件を解析できません: { $error }
engine-cel-syntax-error = 構文エラーです
engine-cel-said = 「{ $text }」
engine-cel-parser-failed = この入力で式の解析器が異常終了しました
engine-rule-condition-cost = 条件の評価に約{ $work }回の演算がかかるおそれがあり、ルール1件の上限 { $max } 回を超えています（ファクトのリストは長さ { $list } として数えます）。入れ子の `all`・`exists`・`map`・`filter` を減らしてください
engine-rule-reads-undeclared = 条件が `{ $var }.…` を読んでいますが、`facts` に `{ $var }` のファクトがありません
engine-rule-test-unknown-fact = テストケースが不明なファクト `{ $name }` を使っています
engine-rule-test-wrong-kind = テストケースの `{ $name }` が { $value } ですが、{ $kind }である必要があります
engine-fact-kind-bool = 真偽値（true / false）
engine-fact-kind-int = 整数
engine-fact-kind-float = 数値
engine-fact-kind-string = 文字列
engine-fact-kind-list = リスト
engine-rule-needs-both-tests = "pass" を期待する `[[rule.test]]` と "fail" を期待する `[[rule.test]]` が少なくとも1つずつ必要です
engine-rule-duplicate-id = ルールID { $id } は { $prev } でも定義されています
engine-superseded-by-itself = ルール { $id } の `superseded_by` が自分自身を指しています
engine-superseded-by-unknown = ルール { $id } の `superseded_by` の { $by } は、このフォルダのルールにありません
engine-superseded-mutually = ルール { $id } と { $by } が互いを `superseded_by` に指定しています
engine-superseded-by-other-category = ルール { $id } の `superseded_by` の { $by } は別のカテゴリ（{ $category }）のルールです
engine-rules-folder-unreadable = ルールのフォルダを読み込めません: { $reason }
engine-rules-folder-empty = このフォルダにルールファイル（*.toml）がありません
engine-the-file = ファイル
engine-not-utf8 = UTF-8ではありません

## ── end of engine ──

## ── report ── Report renderers: text, Markdown, JUnit, SARIF (report/).


## ── end of report ──

## ── binance ── The Binance layer, the network and status (collect/binance/, net.rs, account.rs, status/).


## ── end of binance ──

## ── incident ── Playbooks, the checklist log, evidence and the ticket (incident/).


## ── end of incident ──

## ── url ── The link check (url/, cmd/url/).


## ── end of url ──

## ── address ── The address check (address/, cmd/address/).


## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).


## ── end of shell ──
