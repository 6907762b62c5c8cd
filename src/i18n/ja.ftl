# binance-audit — 日本語のメッセージ（Project Fluent の書式: https://projectfluent.org/fluent/guide/）。
# プログラムが表示する文はすべてここか en.ftl にあります。ルールとプレイブックの文は rules/ にあります。
# どのメッセージも両方のファイルに、同じ $変数 で置きます。

## ── common ── Shared words: list separators, yes/no, units. Owner: anyone; add with care.

list-separator = 、

## ── end of common ──

## ── help ── --help, usage errors and man pages (cli.rs, main.rs, cmd/man.rs).

# id の付け方: help-cmd-PATH はコマンドの一行説明（PATH = root、audit、rules-list など）で、
# -long は --help の長い説明、-after は -h の下の例、-after-long は --help の下の例です。
# help-arg-ARG は複数のコマンドに共通のオプション、help-arg-PATH-ARG は一つのコマンドだけのものです。
# help-val-FAMILY-VALUE は値一つの説明です（format、kind、two-factor、answer）。
help-cmd-root = Binanceユーザーのためのセキュリティ自己診断です（パスワード、流出、APIキー、リンク、インシデント）
help-cmd-root-long =
    Binanceユーザーのためのセキュリティ自己診断です。

    ルールに基づく監査を実行し、点数付きのレポートを表示します。検出事項にはそれぞれ対処の手順が付きます。パスワードはこのマシンの中だけで確認します。流出の照会で送るのは、パスワードのSHA-1ハッシュの先頭5文字だけです。Binanceへの問い合わせは読み取り専用（GET）です。
help-cmd-root-after =
    例:
      binance-audit                         # 使える入力だけで監査します
      binance-audit --format json --output report.json
      echo "$PW" | binance-audit password --password-stdin
      binance-audit rules list

    終了コードは --help で表示します。
help-cmd-root-after-long =
    例:
      binance-audit                         # 使える入力だけで監査します
      binance-audit --format json --output report.json
      echo "$PW" | binance-audit password --password-stdin
      binance-audit rules list

    終了コード:
      0  実行しました。ゲートに達する検出事項はありません
      1  ゲートが作動しました: --fail-on 以上の検出事項、ベースラインにない検出事項
         （--fail-on-new）、または --min-score 未満の点数。免除した検出事項で
         ゲートが作動することはありません
      2  使い方または設定の誤りです（不正なフラグ、読めないルール、不正な設定
         ファイル、理由のない免除設定、読めないか対応していないベースライン）
      3  入力が与えられた確認を完了できませんでした（例: APIに接続できない）。
         または --min-score を指定したのに点数を計算できませんでした
      4  レポート、ベースライン、証拠のファイルを書き込めませんでした
help-cmd-audit = 入力のそろった確認をすべて実行し、点数付きのレポートを表示します（既定のコマンド）
help-cmd-audit-after =
    例:
      binance-audit audit
      binance-audit audit --password-stdin --fail-on high < pw.txt
      binance-audit audit --offline --format json --output report.json
      BINANCE_API_KEY=... BINANCE_API_SECRET=... binance-audit audit --min-score 80
      binance-audit audit --output sarif=audit.sarif --output markdown=summary.md \
          --fail-on high
      binance-audit audit --save-baseline state.json    # 承認済みの状態を記録
      binance-audit audit --baseline state.json --fail-on-new   # 変化を警告

    定期実行（cron、GitHub Actions、systemd）は docs/scheduled.md をご覧ください。
help-cmd-password = パスワードの強度をこのマシンで確認し、既知の流出に含まれていないか照会します
help-cmd-password-after =
    例:
      binance-audit password                      # 入力を表示しないで尋ねます
      printf '%s\n' "$PW" | binance-audit password --password-stdin
      binance-audit password --password-stdin --offline \
          --hibp-file pwned.txt < pw.txt
      binance-audit password --stdin-list < passwords.txt
help-cmd-url = 本物のBinanceのリンクとなりすましを見分け、その理由を示します
help-cmd-url-after =
    例:
      binance-audit url https://www.binance.com/en/login \
          https://binance.com.login-verify.example
      binance-audit url --input links.txt --format jsonl
      binance-audit url --extract --input message.eml
      pbpaste | binance-audit url --extract

    判定: `official`（公式）、`phishing`（フィッシング）、`suspicious`（疑わしい）、`unrelated`（無関係）、`invalid`（不正な形式）。
    終了コード: 0 フィッシングも疑わしいリンクもない、1 フィッシングか疑わしいリンクが1つ以上ある、2 使い方の誤り。
help-cmd-address = 送金の前に: このアドレスはあなたのものか、あなたのアドレスに似せたもの（アドレスポイズニング）か、新しいものか、不正な形式かを確かめます
help-cmd-address-after =
    例:
      binance-audit address 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed --network ETH
      binance-audit address --input addresses.txt --format jsonl
      pbpaste | binance-audit address --extract
      binance-audit address --offline --known my-addresses.txt \
          TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t

    判定: `known`（既知）、`look-alike`（似せたもの）、`new`（新しい）、`invalid`（不正な形式）。比べられるものがなかったときは `not-compared`（未比較）です。
    終了コード: 0 どのアドレスも既知か新しい、1 似せたものか不正な形式のアドレスが1つ以上ある、2 使い方の誤り、3 出金アドレス帳か出金履歴を読めなかった（判定は読めた分だけが対象です）。
help-cmd-status = Binanceの問題か、自分の側の問題かを確かめます（システムの状態、遅延、時計、保有通貨の入出金の状態）
help-cmd-status-after =
    例:
      binance-audit status                  # 公開の確認。キーがあれば保有通貨も
      binance-audit status --coin BTC,USDT  # これらの通貨の入金と出金
      binance-audit status --format json

    終了コード: 0 確認を実行した（Binanceの報告の内容によらない）、2 使い方の誤り、3 完了できなかった確認がある。
help-cmd-incident = 初動対応のプレイブック（不正アクセス、障害、アカウント、取引、サポート）、チェックリスト、証拠一式
help-cmd-incident-after =
    例:
      binance-audit incident                    # プレイブックの一覧
      binance-audit incident breach             # すること、その順番と場所
      binance-audit incident breach --checklist # 手順を順に実行。再実行で再開
      binance-audit incident breach --mark change-password=done \
          --mark setup-2fa=skipped
      binance-audit incident outage --lang ja --format markdown > outage.md
      binance-audit incident breach --since 2026-11-20T00:00Z --out ./case
      binance-audit incident trade --since 2026-11-24T09:00+09:00 \
          --symbol BTCUSDT,ETHUSDT --out ./trade-case
help-cmd-rules = ルールの一覧、表示、検証をします
help-cmd-rules-list = すべてのルールを重大度とともに一覧にします
help-cmd-rules-list-after =
    例:
      binance-audit rules list
help-cmd-rules-show = 1つのルールをすべて表示します
help-cmd-rules-show-after =
    例:
      binance-audit rules show BA-PWD-001 --lang ja
help-cmd-rules-check = ルールフォルダーを検証します（構文、ファクト、条件、翻訳、各ルールのテストケース）
help-cmd-rules-check-after =
    例:
      binance-audit rules check ./rules
help-cmd-config = 設定ファイルの場所を調べるか、作成します
help-cmd-config-path = 設定ファイルの場所（または作られる場所）を表示します
help-cmd-config-init = コメント付きのひな形の設定ファイルを書き込みます
help-cmd-config-init-after =
    例:
      binance-audit config init && $EDITOR "$(binance-audit config path)"
help-cmd-setup = BinanceのAPIでは分からない質問に答えます（2段階認証の方法、フィッシング対策コード、ホワイトリスト、デバイス、メール）
help-cmd-setup-after =
    回答のフラグがなければ、setup は端末で1問ずつ尋ねます（--lang に従って英語か日本語）。
    フラグがあれば、与えた回答を今日の日付で記録し、それ以外の記録済みの回答はそれぞれの日付のまま残します。
    分からないときは not-sure（端末では ?）と答えてください。レポートはその設定を確認すべき設定として示します。

    例:
      binance-audit setup
      binance-audit setup --lang ja
      binance-audit setup --two-factor authenticator,passkey \
          --anti-phishing-code yes --withdrawal-whitelist yes \
          --devices-reviewed yes --email-two-factor yes \
          --email-unique-password yes
      binance-audit setup --anti-phishing-code no   # 1つだけ変え、残りは保持
help-cmd-completions = シェルの補完スクリプトを表示します
help-cmd-completions-after =
    例:
      binance-audit completions bash > /etc/bash_completion.d/binance-audit
      binance-audit completions zsh > ~/.zfunc/_binance-audit
help-cmd-man = manページ（roff）を表示します。--dir を付けるとコマンドごとに1ページずつ書き込みます
help-cmd-man-after =
    例:
      binance-audit man > binance-audit.1 && man ./binance-audit.1
      binance-audit man --dir ~/.local/share/man/man1   # 全ページ: binance-audit-audit(1) など
help-arg-config = 設定ファイル [既定: プラットフォームの設定フォルダー、例: ~/.config/binance-audit/config.toml]
help-arg-lang = 表示するすべての文の言語 [既定: 設定ファイルの `lang`、なければ LC_ALL/LANG]
help-arg-color = 出力に色を付けるかどうか（NO_COLOR に従います）
help-arg-offline = ネットワークを一切使いません。ネットワークを使う確認は「未確認: オフライン」になります
help-arg-timeout = ネットワークの応答を待つ秒数（1回ごと）。過ぎるとあきらめます
help-arg-verbose = 詳しく表示します: 各検出事項が重要な理由、根拠、参考資料、すべての確認、問題のなかった項目、ネットワークの記録
help-arg-quiet = 簡潔に表示します: 評価の行だけ（と、実行が不完全になった理由）
help-arg-strict = ファイルのアクセス権についての警告をエラーとして扱います
help-arg-rules = 追加または差し替えのルール: DIR の *.toml ファイルが同じ id の組み込みルールを置き換えます
help-arg-format = 出力形式
help-arg-status-format = 出力形式（状態の確認には検出事項がないので、text か json）
help-arg-incident-format = プレイブックの出力形式
help-arg-output = レポートをファイルに書き込みます（モード 0600 で作成し、すべて書くか何も書かないかのどちらかです）。FORMAT=PATH はその形式（text、json、sarif、markdown、junit）のファイルを追加します。PATH だけなら、--format のレポートを標準出力の代わりにそこへ書きます。繰り返し指定できます
help-arg-fail-on = この重大度以上の検出事項があれば終了コード1で終わります
help-arg-min-score = 点数が N（0〜100）未満なら終了コード1で終わります
help-arg-save-baseline = 観測したセキュリティの状態（キーの権限、IP制限、キーの作成日時、アカウントの状態、出金アドレス帳、点数）を FILE に書き込みます。秘密情報は含みません。形式は docs/baseline.md にあります。1ファイルに1アカウントなので、--all-profiles とは併用できません（--profile NAME を使ってください）
help-arg-baseline = 保存したベースラインと比べます: 変化（新しい出金アドレス、有効になった権限、外されたIP制限など）はそれぞれ `drift` の検出事項になります
help-arg-fail-on-new = ベースラインに記録されていない検出事項だけでゲートを判定します（--fail-on があればその重大度以上、単独なら新しい検出事項すべて）
help-arg-password-stdin = Binanceのパスワードを標準入力から読みます（1行）
help-arg-password-file = Binanceのパスワードを FILE の1行目から読みます
help-arg-email-password-file = メールアカウントのパスワード（FILE の1行目）も既知の流出から照会します
help-arg-hibp-url = Pwned Passwords APIのベースURL [既定: https://api.pwnedpasswords.com]
help-arg-hibp-file = ダウンロードしたPwned PasswordsのSHA-1ファイル（またはプレフィックスごとのフォルダー）でオフラインで流出を照会します
help-arg-api-url = Binance APIのベースURL [既定: https://api.binance.com]
help-arg-profile = 設定ファイルのこのプロファイルのAPIキーを使います
help-arg-root-profile = 設定ファイルのこのプロファイルのアカウントを監査します
help-arg-audit-profile = 設定ファイルのこのプロファイルのアカウントを監査します
help-arg-all-profiles = 設定ファイルのすべてのプロファイルを、1つずつ節に分けて監査します
help-arg-password-stdin-list = 複数のパスワードを確認します（標準入力に1行に1つ）
help-arg-url-urls = 確認するリンク、ホスト名、メールアドレス。「-」は標準入力を読みます。URL も --input もなければ標準入力を読みます
help-arg-url-input = 入力を FILE から読みます。1行に1つです（「-」は標準入力）
help-arg-address-input = アドレスを FILE から読みます。1行に1つです（「-」は標準入力）
help-arg-url-extract = 1行に1つのリンクとして読む代わりに、自由な文章、HTML、メール（.eml）からリンクをすべて探します。このとき位置引数は探す対象の文章です
help-arg-address-extract = 1行に1つのアドレスとして読む代わりに、貼り付けた文章からアドレスをすべて探します
help-arg-url-all-languages = json/jsonl で、選んだ言語の `reasons` に加えて、すべての言語の理由（`reasons_en`、`reasons_ja`）も出力します
help-arg-url-threads = ファイルや標準入力から読んだ行を N 個のスレッドで判定します（既定: コアごとに1つ、最大8）。出力は入力の順を保ちます
help-arg-address-addresses = 確認するアドレス。「-」は標準入力を読みます。ADDR も --input もなければ標準入力を読みます
help-arg-address-network = 送金先のネットワーク。Binanceでの名前で指定します（ETH、BSC、BTC、TRX、SOL、XRP、TON など） [既定: アドレスの形から判断]
help-arg-address-coin = 送ろうとしている通貨（表示し、該当する記録を選ぶのに使います）
help-arg-status-coin = 保有通貨の代わりに確認する通貨（繰り返すか、カンマ区切りで指定します）
help-arg-address-memo = 一緒に送るメモまたはタグ（メモがないという警告を出さなくなります）
help-arg-address-known = あなた自身のアドレス。1行に1つで、ADDRESS [LABEL] の形です。出金アドレス帳に加えて比べます。--offline のときは出金アドレス帳の代わりに比べます
help-arg-incident-kind = どのプレイブックか（なければ一覧を表示します）
help-arg-incident-checklist = 端末で手順を1つずつ進め、それぞれを完了かスキップとして記録します
help-arg-incident-mark = 尋ねずに手順を記録します（繰り返し指定できます）: STEP=done または STEP=skipped
help-arg-incident-log = インシデントの記録ファイル [既定: プラットフォームのデータフォルダー、例: ~/.local/share/binance-audit/incidents/KIND.json]
help-arg-incident-since = この時刻以降の証拠を集めます（RFC 3339、例: 2026-11-20T00:00Z や 2026-11-20T09:00+09:00）
help-arg-incident-until = 証拠を集める期間の終わり [既定: 現在]
help-arg-incident-symbol = 注文と約定を集める取引ペア（繰り返すか、カンマ区切りで指定します）
help-arg-incident-out = 証拠を書き込むフォルダー（ticket.md と evidence.json、モード 0600）
help-arg-man-dir = binance-audit.1 とコマンドごとのページを DIR に書き込みます
help-arg-config-init-force = 既存のファイルを上書きします
help-arg-setup-two-factor = Binanceアカウントの2段階認証の方法（アカウント → セキュリティ）。カンマ区切りで指定します
help-arg-setup-anti-phishing-code = フィッシング対策コードを設定済みか（アカウント → セキュリティ → フィッシング対策コード）
help-arg-setup-withdrawal-whitelist = 出金ホワイトリストが有効か（アカウント → セキュリティ → 出金アドレスの管理）
help-arg-setup-devices-reviewed = デバイス管理を見直し、心当たりのないデバイスを削除したか
help-arg-setup-email-two-factor = メールアカウントにも独自の2段階認証があるか
help-arg-setup-email-unique-password = メールアカウントのパスワードをほかで使っていないか
help-val-format-text = 人が読む形式。端末の幅で折り返します
help-val-format-json = 1つのJSON文書（スキーマは docs/ にあります）
help-val-format-sarif = GitHub code scanning 用の SARIF 2.1.0
help-val-format-markdown = GitHubのステップサマリーやメール向け
help-val-format-junit = JUnit XML: ルールごとに1つのテストケース
help-val-format-jsonl = 1行に1つのJSONオブジェクト
help-val-kind-breach = 他人にアクセスされているかもしれない: 締め出し、資産の流出を止め、報告する
help-val-kind-outage = Binanceやアプリが動かない: Binanceの問題か、自分の側の問題か
help-val-kind-account = ロック、制限、本人確認、ログインできない
help-val-kind-trade = 誤った注文、想定外の価格での約定、スリッページ
help-val-kind-support = Binanceサポートへの連絡方法と伝える内容
help-val-two-factor-authenticator = 認証アプリ（Binance Authenticator、Google Authenticator など）
help-val-two-factor-passkey = パスキー
help-val-two-factor-security-key = ハードウェアのセキュリティキー（YubiKey など）
help-val-two-factor-sms = SMSのコード
help-val-two-factor-email = メールのコード
help-val-two-factor-none = 2段階認証をまったく使っていない
help-val-two-factor-not-sure = どれが有効か分からない（確認すべき設定として報告します）
help-val-answer-not-sure = 分からない（確認すべき設定として報告します）

# clap's own words: headings, the automatic flags and subcommand, value lists, usage errors.
help-usage = 使い方:
help-heading-commands = コマンド
help-heading-arguments = 引数
help-heading-options = オプション
help-flag-help = ヘルプを表示します
help-flag-help-more = ヘルプを表示します（詳しくは '--help'）
help-flag-help-summary = ヘルプを表示します（要約は '-h'）
help-flag-version = バージョンを表示します
help-subcommand-help = このメッセージ、または指定したコマンドのヘルプを表示します
help-spec-env = [環境変数: { $value }]
help-spec-default = [既定: { $value }]
help-spec-possible = [指定できる値: { $values }]
help-spec-possible-heading = 指定できる値:
help-spec-separator = 、
help-error = エラー:
help-error-try-help = 詳しくは '{ $flag }' をご覧ください。
help-error-tip = ヒント:
help-error-unknown-argument = 想定していない引数 '{ $arg }' があります
help-error-invalid-value = '{ $value }' は '{ $arg }' に指定できない値です
help-error-missing-value = '{ $arg }' には値が必要ですが、指定されていません
help-error-value-list = [指定できる値: { $values }]
help-error-subcommand-list = [コマンド: { $values }]
help-error-invalid-subcommand = '{ $name }' というコマンドはありません
help-error-missing-required = 次の必須の引数が指定されていません:
help-error-missing-subcommand = '{ $name }' にはコマンドの指定が必要ですが、指定されていません
help-error-conflict = 引数 '{ $arg }' は次のものと一緒には使えません:
help-error-conflict-one = 引数 '{ $arg }' は '{ $other }' と一緒には使えません
help-error-conflict-others = 引数 '{ $arg }' は、指定したほかの引数と一緒には使えません
help-error-conflict-twice = 引数 '{ $arg }' は2回以上指定できません
help-error-too-many-values = '{ $arg }' への値 '{ $value }' は想定していません。これ以上の値は受け付けません
help-error-no-equals = '{ $arg }' に値を指定するには等号（=）が必要です
help-error-similar-argument = 似た引数があります: '{ $name }'
help-error-similar-subcommand = 似たコマンドがあります: '{ $name }'
help-error-similar-subcommands = 似たコマンドがあります: { $names }
help-error-similar-value = 似た値があります: '{ $name }'
help-error-similar-values = 似た値があります: { $names }
help-error-tip-pass-as-value = '{ $arg }' を値として渡すには '{ $use }' としてください
help-error-tip-exists = '{ $name }' があります
help-error-tip-remove-dashes = コマンド '{ $name }' があります。使うには前の '--' を外してください
help-error-int-invalid-digit = 数値ではありません
help-error-int-empty = 数値が空です
help-error-int-zero = 0 は指定できません
help-error-int-too-large = 数値が大きすぎます
help-error-int-too-small = 数値が小さすぎます
help-error-mark-form = STEP=done または STEP=skipped の形で指定してください（指定された値: { $got }）
help-error-mark-state = 状態は done か skipped で指定してください（指定された値: { $got }）
help-error-out-of-range = { $value } は { $min }〜{ $max } の範囲外です
help-error-misplaced-before-audit = { $flag } が `audit` の前にあります。コマンドの後ろに置く（binance-audit audit { $flag } …）か、`audit` という語を省いてください（binance-audit { $flag } …）
help-error-misplaced-not-of = { $flag } は監査のオプションで、`{ $sub }` のオプションではありません: binance-audit audit { $flag } …
help-error-output-empty = ファイル名が空です
help-error-output-not-a-format = { $name } はレポートの形式ではありません（{ $formats } のいずれかです）。その名前のファイルなら ./{ $spec } と書いてください
help-error-output-no-path = `{ $name }=` の = の後にファイル名が必要です
# The one-line diagnostics of every command (cmd/mod.rs): "binance-audit: LABEL: …".
help-label-warning = 警告
help-label-error = エラー
help-label-incomplete = 不完全
help-panic = binance-audit: 内部エラー{ $place }。報告をお願いします（秘密情報をログに残さないため、詳細は表示しません）
# Section headings of the man pages (clap_mangen writes them in English).
help-man-examples = 例
help-man-name = 名前
help-man-synopsis = 書式
help-man-description = 説明
help-man-version = バージョン
help-man-wrote = { $dir } に { $count } 個のmanページを書き込みました
help-man-page = manページ

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


## ── end of shell ──
