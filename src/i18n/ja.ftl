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


## ── end of url ──

## ── address ── The address check (address/, cmd/address/).


## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).

# files and reads (files.rs, bounded.rs). $kind is the system's name for the error, $reason
# the same in words: Japanese shows $reason.
shell-read-failed = { $what } を読み取れません: { $reason }{ $kind ->
       *[other] {""}
    }
shell-read-too-large = { $what } が上限の { $limit } を超えています
shell-write-symlink = { $path } はシンボリックリンクです。リンク経由では書き込みません
shell-path-reason = { $path }: { $reason }
shell-io-not-found = ファイルまたはフォルダがありません
shell-io-permission-denied = アクセスが拒否されました
shell-io-already-exists = すでに存在します
shell-io-is-a-directory = フォルダです
shell-io-storage-full = デバイスの空き容量がありません

# the config file (config.rs)
shell-config-named = 設定ファイル { $path }
shell-config-not-utf8 = 設定ファイル { $path }: UTF-8ではありません
shell-config-problem = 設定ファイル { $path }:{ $problem }
shell-config-not-a-question = {" "}[declared]: { $name } は setup の質問にありません（使えるもの: { $questions }）
shell-config-waiver-rule-empty = {" "}[[waiver]] #{ $number }: `rule` が空です。免除するルールIDを指定してください（例: "BA-API-004"）
shell-config-waiver-reason-empty = {" "}{ $waiver }: `reason` が空です。あとで見直せるよう、この検出事項を受け入れる理由を書いてください
shell-config-waiver-expires = {" "}{ $waiver }: `expires` は 2027-01-31 のような日付にしてください
shell-config-hint-secret = （秘密情報は設定ファイルに保存しません。secret_file か環境変数 BINANCE_API_SECRET を使ってください）
shell-config-hint-section = （このキーは [binance] か [profiles.NAME] の下に書きます。その見出しの下へ移してください）
shell-permission-warning = { $path } はグループや他のユーザーが読める状態です（モード { $mode }）。`chmod 600 { $path }` で直してください

# the run's setup (cmd/session.rs)
shell-going-on-without-config = （設定ファイルなしで続けます）
shell-no-runtime = 非同期ランタイムを起動できません: { $reason }
shell-rules-problem = ルール: { $problem }
shell-strict = { $warning } (--strict)
shell-net-setup = ネットワークの設定: { $problem }

# setup's answers in the config (declare.rs)
shell-answer-none = なし
shell-answer-yes = はい
shell-answer-no = いいえ
shell-answer-not-sure = わからない
shell-declare-not-toml = 設定ファイルがTOMLとして正しくないため、変更していません: { $problem }
shell-declare-not-a-table = 設定ファイルの `declared` が表（[declared]）になっていません。先に手で直してください
shell-declare-would-not-load = 変更後の設定ファイルが読み込めなくなるため（{ $problem }）、何も書き込んでいません
shell-declare-date = 内部エラー: 日付

# The comment setup writes above a new [declared] section: each line becomes a "# " line.
shell-declare-section-comment =
    `binance-audit setup` で申告した内容です（BinanceのAPIでは確認できない項目）。
    変更があったときは `binance-audit setup` をもう一度実行してください。

# setup's questions (cmd/setup.rs)
shell-setup-method-authenticator = 認証アプリ
shell-setup-method-passkey = パスキー
shell-setup-method-security_key = セキュリティキー
shell-setup-method-sms = SMS
shell-setup-method-email = メール
shell-setup-ask-two-factor = Binanceアカウントで有効な2段階認証はどれですか？番号をカンマ区切りで入力してください
shell-setup-ask-anti_phishing_code = フィッシング対策コードを設定していますか？（アカウント → セキュリティ → フィッシング対策コード）
shell-setup-ask-withdrawal_whitelist = 出金ホワイトリストは有効ですか？（アカウント → セキュリティ → 出金アドレスの管理）
shell-setup-ask-devices_reviewed = 最近デバイス管理を確認し、見覚えのない端末をすべて削除しましたか？
shell-setup-ask-email_two_factor = Binanceに登録しているメールアカウントにも2段階認証を設定していますか？
shell-setup-ask-email_unique_password = そのメールアカウントのパスワードは、そのメール専用（他では未使用）ですか？
shell-setup-choices = （y/n/?）

# The recorded answer after a question.
shell-setup-current = {" "}［{ $answer }］
shell-setup-intro =
    binance-audit setup
    以下の設定はBinanceのAPIでは確認できません。Binanceアプリ（プロフィール → セキュリティ）で確認してからお答えください。
    回答は今日の日付とともに { $path } の [declared] セクションに保存され、外部には送信されません。
    わからない場合は ? と答えてください。レポートで確認すべき設定として表示されます。
shell-setup-enter-keeps = Enterキーを押すと、［］内の前回の回答をそのまま使います。
shell-setup-retry-methods = 1,2 のように番号を入力してください（なしの場合は0、わからない場合は?）。
shell-setup-retry-yes-no = y（はい）、n（いいえ）、?（わからない）で答えてください。
shell-setup-cancelled = setup を中止しました。何も書き込んでいません
shell-setup-no-readable-answer = setup を中止しました。読み取れる回答がありません
shell-setup-cannot-read-answer = 回答を読み取れません: { $reason }
shell-setup-cannot-write-question = 質問を書き出せません: { $kind }
shell-setup-two-factor-alone = --two-factor の { $method } はほかの方法と同時に指定できません
shell-setup-wrote = { $path } の [declared] を更新しました
shell-setup-new = {"  "}新規: { $key } = { $answer }
shell-setup-changed = {"  "}変更: { $key } = { $answer }（以前: { $was }）
shell-setup-kept = {"  "}維持: { $key } = { $answer }（{ $since } の回答）
shell-setup-not-answered = 未回答（該当する項目は「未確認」になります）: { $questions }
shell-setup-next = `binance-audit` を実行すると結果を確認できます。申告に基づく項目はどのレポートでも「申告」と表示されます。
shell-setup-not-utf8 = { $path }: UTF-8ではありません
shell-setup-cannot-read = { $path } を読み取れません: { $reason }
shell-setup-needs-terminal = setup は端末で質問に答えるか、回答をフラグで指定する必要があります。例: `{ $example }`

# secrets and where they come from (secret.rs, cmd/inputs.rs)
shell-what-password = パスワード
shell-what-email-password = メールのパスワード
shell-what-stdin = 標準入力
shell-secret-on-stdin = 標準入力の{ $what }
shell-secret-file = { $what }のファイル { $path }
shell-secret-in-file = { $path } の{ $what }
shell-secret-in-env = ${ $var } の{ $what }
shell-secret-not-utf8 = { $what } が正しいUTF-8ではありません
shell-secret-empty = { $what } が空です
shell-secret-more-than-one-line = { $what } が2行以上あります（複数を確認するには --stdin-list を使ってください）
shell-secret-too-long = { $what } が{ $chars }文字あります。受け付けるのは{ $max }文字までです
shell-secret-cannot-prompt = パスワードを尋ねられません: { $reason }
shell-prompt-audit-password = Binanceのパスワード（表示されず、送信もされません。Enterで省略）:{" "}
shell-prompt-password = Binanceのパスワード（表示されず、送信もされません）:{" "}
shell-no-password-entered = パスワードが入力されていません
shell-no-password = パスワードがありません: --password-stdin でパイプから渡すか、--password-file を使うか、端末で実行してください
shell-hibp-file-missing = Pwned Passwordsのファイル { $path }: { $reason }

# the baseline file (baseline.rs)
shell-baseline-named = ベースライン { $name }
shell-baseline-not-found = { $what }: ファイルがありません（先に --save-baseline { $name } で作成してください）
shell-baseline-problem = { $what }: { $problem }
shell-baseline-too-large = { $what }: { $bytes } バイトはベースラインとして大きすぎます

# $eof is "yes" when the text simply ended; English shows serde's $detail instead.
shell-baseline-not-json = { $line }:{ $column }: { $eof ->
        [yes] JSONが途中で終わっています
       *[other] JSONとして正しくありません
    }{ $detail ->
       *[other] {""}
    }
shell-baseline-no-version = `baseline_version` がありません。--save-baseline で保存したベースラインではありません
shell-baseline-version = baseline_version { $version } には対応していません（このバージョンが読めるのは { $supported } です）。ベースラインを保存し直してください
shell-baseline-content = 想定外の内容です: { $problem }
shell-baseline-created-at = created_at { $value } がRFC 3339形式の日時ではありません

# audit and password (cmd/audit.rs, cmd/password.rs)
shell-auditing = 診断中
shell-baseline-not-saved = ベースラインを { $path } に保存しませんでした: この実行で失敗した確認があり、不完全なベースラインでは以後の変化を見逃すためです
shell-baseline-saved = ベースラインを { $path } に保存しました
shell-list-no-min-score = --min-score は --stdin-list には使えません（スコアがありません）。--fail-on を使ってください
shell-list-formats = --stdin-list が出力できるのは text か json だけです（{ $format } は不可）
shell-list-needs-lookup = --stdin-list は流出の確認だけを行うため、ネットワークか --hibp-file が必要です（--offline だけでは不可）

# rules list|show|check (cmd/rules.rs). English shows the identifier `--fail-on` takes, Japanese the label.
shell-rules-list-severity = { $label }{ $id ->
       *[other] {""}
    }
shell-rules-list-category = { $label }{ $id ->
       *[other] {""}
    }
shell-rules-no-such-id = ID { $id } のルールはありません（`binance-audit rules list` を参照）
shell-rules-severity = 重要度
shell-rules-weight = 重み
shell-rules-category = カテゴリ
shell-rules-facts = ファクト
shell-rules-when = 条件
shell-rules-source = 定義元
shell-rules-check-problems = { $dir } に { $count } 件の問題があります
shell-rules-check-ok = ok: { $dir }: ルール{ $rules }件、テストケース{ $cases }件がすべて成功しました
shell-rules-check-failed = { $dir } でルールのテストケースが { $count } 件失敗しました

# config path|init, errors (cmd/config.rs, cmd/error.rs)
shell-no-home = ホームフォルダがありません: --config PATH を指定してください
shell-config-exists = { $path } はすでに存在します（上書きするには --force を指定してください）
shell-config-wrote = { $path } に書き込みました
shell-cannot-write = 書き込めません: { $path }: { $reason }

# password --stdin-list (password_list.rs)
shell-list-not-utf8 = 標準入力がUTF-8として正しくありません（{ $byte }バイト目）
shell-list-too-long = { $line }行目が{ $chars }文字あります。受け付けるのは{ $max }文字までです
shell-list-too-many = 標準入力のパスワードが{ $max }個を超えています
shell-list-empty = 標準入力にパスワードがありません（1行に1つずつ入力してください）
shell-list-source-file = ローカルファイル { $path } で照合しました（何も送信していません）
shell-list-source-api = Pwned Passwords 範囲API（{ $host }）: 各パスワードのSHA-1（16進数40桁）のうち先頭5桁だけを Add-Padding: true 付きで送信しました
shell-list-title = 行番号ごとの流出チェック（パスワードは表示しません）
shell-list-line = 行
shell-list-found = 発見: 既知の流出データに{ $times }回含まれています
shell-list-not-found = 既知の流出データには見つかりません
shell-list-not-checked = 未確認:
shell-list-remediation = 見つかったパスワードごとに、今すぐ次の対応をしてください:

# the TOML parser's and serde's messages by shape (parse_message.rs). English shows the parser's own
# words; these English values are what each Japanese one translates.
shell-toml-unclosed-table = 表の見出し（[…]）が閉じていません
shell-toml-unclosed-array = 配列（[…]）が閉じていません
shell-toml-unclosed-inline-table = インラインテーブル（{"{"}…{"}"}）が閉じていません
shell-toml-wanted-string-or-table = 文字列か表が必要です
shell-toml-duplicate-key = 同じキーが2回書かれています
shell-toml-duplicate-table = 同じ表が2回書かれています
shell-toml-string-values-must-be-quoted = 文字列の値は引用符で囲んでください
shell-toml-unexpected-key-or-value = 余分なキーか値があります
shell-toml-key-with-no-value = キーに値がありません
shell-toml-unquoted-keys-cannot-be-empty = 引用符なしのキーは空にできません
shell-toml-invalid-literal-string = リテラル文字列（'…'）が正しくありません
shell-toml-invalid-basic-string = 文字列（"…"）が正しくありません
shell-toml-invalid-multi-line-basic-string = 複数行の文字列（"""…"""）が閉じていません
shell-toml-invalid-multi-line-literal-string = 複数行のリテラル文字列（'''…'''）が閉じていません
shell-toml-missing-escaped-value = 「\」の後に続く文字がありません
shell-toml-invalid-escape = 「\」の後の文字が正しくありません
shell-toml-invalid-unicode-escape = Unicodeエスケープが正しくありません
shell-toml-invalid-integer = 整数が正しくありません
shell-toml-invalid-float = 小数が正しくありません
shell-toml-invalid-datetime = 日時が正しくありません
shell-toml-invalid-key = キーが正しくありません
shell-toml-invalid-table-header = 表の見出しが正しくありません
shell-toml-invalid-inline-table = インラインテーブルが正しくありません
shell-toml-invalid-array = 配列が正しくありません
shell-toml-invalid-value = 値が正しくありません
shell-toml-extra-assignment-between-key-value-pairs = キーと値の間に余分な「=」があります
shell-toml-missing-assignment-between-key-value-pairs = キーと値の間に「=」がありません
shell-toml-invalid-comment = コメントに使えない文字があります
shell-toml-integer-number-overflowed = 整数が大きすぎます
shell-toml-number-too-large-to-fit-in-target-type = 数値が大きすぎます
shell-toml-number-too-small-to-fit-in-target-type = 数値が小さすぎます
shell-toml-word-letters = 英字
shell-toml-word-numbers = 数字
shell-toml-word-newline = 改行
shell-toml-word-literal-string = リテラル文字列
shell-toml-word-basic-string = 文字列
shell-toml-word-a-string = 文字列
shell-toml-word-string = 文字列
shell-toml-word-a-boolean = 真偽値（true / false）
shell-toml-word-boolean = 真偽値
shell-toml-word-a-sequence = 配列
shell-toml-word-sequence = 配列
shell-toml-word-a-map = 表
shell-toml-word-map = 表
shell-toml-word-an-integer = 整数
shell-toml-word-integer = 整数
shell-toml-word-a-float = 小数
shell-toml-word-floating-point = 小数
shell-toml-word-a-date = 日付
shell-toml-word-a-character = 1文字
shell-toml-word-unit-value = 空の値
shell-toml-word-option = 値
shell-toml-invalid-type = 型が違います
shell-toml-struct = 表（{ $name }）
shell-toml-enum = 値（{ $name }）
shell-toml-expected = { $sentence }（使えるもの: { $expected }）
shell-toml-expected-as-said = { $sentence }（パーサーの説明: 「expected { $expected }」）
shell-toml-unknown-field = `{ $name }` という項目はありません
shell-toml-unknown-variant = `{ $name }` は使えない値です
shell-toml-missing-field = 必須の項目 `{ $name }` がありません
shell-toml-got-want = { $what }: { $got } ではなく { $want } が必要です
shell-toml-got = { $what }: { $got }
shell-toml-what-as-said = { $what }（パーサーの説明: 「{ $said }」）
shell-toml-invalid-length = 要素の数（{ $length }）が正しくありません
shell-toml-unknown = TOMLとして読めません（パーサーの説明: 「{ $said }」）

# The file `config init` writes: keys and values stay as they are, the comments are the reader's.
# A line starting with [ is written {"["} (Fluent syntax).
shell-config-template =
    # binance-audit の設定ファイルです。どの項目も省略できます。
    # 秘密情報はここには書きません。APIシークレットは環境変数
    # BINANCE_API_SECRET か、secret_file で指定するファイルで渡してください。

    # lang = "ja"                  # en か ja。省略時は LANG / LC_ALL から決めます

    {"["}user]
    # この端末の中だけで使い、パスワードにこれらが含まれていると警告します。
    # email = "you@example.com"
    # names = ["Alice", "Tanaka"]

    {"["}policy]
    # key_max_age_days = 90        # これより古いAPIキーは作り直しを勧めます
    # declared_max_age_days = 90   # これより古い申告は確認し直すよう求めます

    {"["}hibp]
    # url = "https://api.pwnedpasswords.com"
    # オフラインで照合
    # file = "/path/to/pwned-passwords-sha1-ordered-by-hash.txt"

    {"["}binance]
    # api_url = "https://api.binance.com"
    # api_key = "読み取り専用のAPIキー"
    # HMACシークレット（chmod 600）
    # secret_file = "~/.config/binance-audit/secret"
    # またはEd25519/RSAのPKCS#8鍵
    # private_key_file = "~/.config/binance-audit/ed25519.pem"

    # 複数アカウント: --profile sub1 または --all-profiles
    # [profiles.sub1]
    # api_key = "..."
    # private_key_file = "..."

    # [declared]                   # `binance-audit setup` が書き込みます
    # on = 2026-01-01
    # two_factor = ["authenticator", "passkey"]
    # anti_phishing_code = true
    # withdrawal_whitelist = true
    # devices_reviewed = true
    # email_two_factor = true
    # email_unique_password = true
    # not_sure = ["devices_reviewed"]   # 「わからない」と答えた項目（要確認）

    # 検出事項を意図して受け入れる: 表示はするが、点数にも判定にも含めません
    # [[waiver]]
    # rule = "BA-API-004"
    # reason = "取引ボット用のキー。ボット側の予定で作り直す"   # 必須
    # expires = 2027-01-01         # 省略可: この日以降は再び検出事項として扱います
    # profile = "bot"              # 省略可: このプロファイルだけに適用

## ── end of shell ──
