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

    ルールに基づく監査を実行し、点数付きのレポートを表示します。検出事項にはそれぞれ対処の手順が付きます。パスワードはこの端末の中だけで確認します。流出の照会で送るのは、パスワードのSHA-1ハッシュの先頭5文字だけです。Binanceへの問い合わせは読み取り専用（GET）です。
help-cmd-root-after =
    例：
      binance-audit                         # 使える入力だけで監査します
      binance-audit --format json --output report.json
      echo "$PW" | binance-audit password --password-stdin
      binance-audit rules list

    終了コードは --help で表示します。
help-cmd-root-after-long =
    例：
      binance-audit                         # 使える入力だけで監査します
      binance-audit --format json --output report.json
      echo "$PW" | binance-audit password --password-stdin
      binance-audit rules list

    終了コード：
      0  実行しました。ゲートに達する検出事項はありません
      1  ゲートが作動しました：--fail-on 以上の検出事項、ベースラインにない検出事項
         （--fail-on-new）、または --min-score 未満の点数。免除した検出事項で
         ゲートが作動することはありません
      2  使い方または設定の誤りです（不正なフラグ、読めないルール、不正な設定
         ファイル、理由のない免除設定、読めないか対応していないベースライン）
      3  入力が与えられた確認を完了できませんでした（例：APIに接続できない）。
         または --min-score を指定したのに点数を計算できませんでした
      4  レポート、ベースライン、証拠のファイルを書き込めませんでした
help-cmd-audit = 入力のそろった確認をすべて実行し、点数付きのレポートを表示します（既定のコマンド）
help-cmd-audit-after =
    例：
      binance-audit audit
      binance-audit audit --password-stdin --fail-on high < pw.txt
      binance-audit audit --offline --format json --output report.json
      BINANCE_API_KEY=... BINANCE_API_SECRET=... binance-audit audit --min-score 80
      binance-audit audit --output sarif=audit.sarif --output markdown=summary.md \
          --fail-on high
      binance-audit audit --save-baseline state.json    # 承認済みの状態を記録
      binance-audit audit --baseline state.json --fail-on-new   # 変化を警告

    定期実行（cron、GitHub Actions、systemd）は docs/scheduled.md をご覧ください。
help-cmd-password = パスワードの強度をこの端末で確認し、既知の流出に含まれていないか照会します
help-cmd-password-after =
    例：
      binance-audit password                      # 入力を表示しないで尋ねます
      printf '%s\n' "$PW" | binance-audit password --password-stdin
      binance-audit password --password-stdin --offline \
          --hibp-file pwned.txt < pw.txt
      binance-audit password --stdin-list < passwords.txt
help-cmd-url = 本物のBinanceのリンクとなりすましを見分け、その理由を示します
help-cmd-url-after =
    例：
      binance-audit url https://www.binance.com/en/login \
          https://binance.com.login-verify.example
      binance-audit url --input links.txt --format jsonl
      binance-audit url --extract --input message.eml
      pbpaste | binance-audit url --extract

    判定：`official`（公式）、`phishing`（フィッシング）、`suspicious`（疑わしい）、`unrelated`（無関係）、`invalid`（無効）。
    終了コード：0 フィッシングも疑わしいリンクもない、1 フィッシングか疑わしいリンクが1つ以上ある、2 使い方の誤り。
help-cmd-address = 送金の前に：このアドレスがご自身のものか、ご自身のアドレスに似せたもの（アドレスポイズニング）か、新しいものか、形式エラーかを確かめます
help-cmd-address-after =
    例：
      binance-audit address 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed --network ETH
      binance-audit address --input addresses.txt --format jsonl
      pbpaste | binance-audit address --extract
      binance-audit address --offline --known my-addresses.txt \
          TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t

    判定：`known`（既知）、`look-alike`（似せたもの）、`new`（新しい）、`invalid`（形式エラー）。比べられるものがなかったときは `not-compared`（未比較）です。
    終了コード：0 どのアドレスも既知か新しい、1 似せたものか形式エラーのアドレスが1つ以上ある、2 使い方の誤り、3 出金アドレス帳か出金履歴を読めなかった（判定は読めた分だけが対象です）。
help-cmd-status = Binanceの問題か、自分の側の問題かを確かめます（システムの状態、遅延、時計、保有通貨の入出金の状態）
help-cmd-status-after =
    例：
      binance-audit status                  # 公開の確認。キーがあれば保有通貨も
      binance-audit status --coin BTC,USDT  # これらの通貨の入金と出金
      binance-audit status --format json

    終了コード：0 確認を実行した（Binanceの報告の内容によらない）、2 使い方の誤り、3 完了できなかった確認がある。
help-cmd-incident = 初動対応のプレイブック（不正アクセス、障害、アカウント、取引、サポート）、チェックリスト、証拠一式
help-cmd-incident-after =
    例：
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
    例：
      binance-audit rules list
help-cmd-rules-show = 1つのルールをすべて表示します
help-cmd-rules-show-after =
    例：
      binance-audit rules show BA-PWD-001 --lang ja
help-cmd-rules-check = ルールフォルダーを検証します（構文、ファクト、条件、翻訳、各ルールのテストケース）
help-cmd-rules-check-after =
    例：
      binance-audit rules check ./rules
help-cmd-config = 設定ファイルの場所を調べるか、作成します
help-cmd-config-path = 設定ファイルの場所（または作られる場所）を表示します
help-cmd-config-init = コメント付きのひな形の設定ファイルを書き込みます
help-cmd-config-init-after =
    例：
      binance-audit config init && $EDITOR "$(binance-audit config path)"
help-cmd-setup = BinanceのAPIでは確認できない質問に答えます（2段階認証の方法、フィッシング対策コード、ホワイトリスト、デバイス、メール）
help-cmd-setup-after =
    回答のフラグがなければ、setup は端末で1問ずつ尋ねます（--lang に従って英語か日本語）。
    フラグがあれば、与えた回答を今日の日付で記録し、それ以外の記録済みの回答はそれぞれの日付のまま残します。
    わからないときは not-sure（端末では「?」）と答えてください。レポートはその設定を確認すべき設定として示します。

    例：
      binance-audit setup
      binance-audit setup --lang ja
      binance-audit setup --two-factor authenticator,passkey \
          --anti-phishing-code yes --withdrawal-whitelist yes \
          --devices-reviewed yes --email-two-factor yes \
          --email-unique-password yes
      binance-audit setup --anti-phishing-code no   # 1つだけ変え、残りは保持
help-cmd-completions = シェルの補完スクリプトを表示します
help-cmd-completions-after =
    例：
      binance-audit completions bash > /etc/bash_completion.d/binance-audit
      binance-audit completions zsh > ~/.zfunc/_binance-audit
help-cmd-man = manページ（roff）を表示します。--dir を付けるとコマンドごとに1ページずつ書き込みます
help-cmd-man-after =
    例：
      binance-audit man > binance-audit.1 && man ./binance-audit.1
      binance-audit man --dir ~/.local/share/man/man1   # 全ページ：`binance-audit-audit(1)` など
help-arg-config = 設定ファイル [既定：プラットフォームの設定フォルダー、例：~/.config/binance-audit/config.toml]
help-arg-lang = 表示するすべての文の言語 [既定：設定ファイルの `lang`、なければ LC_ALL/LANG]
help-arg-color = 出力に色を付けるかどうか（NO_COLOR に従います）
help-arg-offline = ネットワークを一切使いません。ネットワークを使う確認は「未確認：オフライン」になります
help-arg-timeout = ネットワークの応答を待つ秒数（1回ごと）。過ぎるとあきらめます
help-arg-verbose = 詳しく表示します：各検出事項が重要な理由、根拠、参考資料、すべての確認、問題のなかった項目、ネットワークの記録
help-arg-quiet = 簡潔に表示します：評価の行だけ（と、実行が不完全になった理由）
help-arg-strict = ファイルのアクセス権についての警告をエラーとして扱います
help-arg-rules = 追加または差し替えのルール：DIR の *.toml ファイルが同じ id の組み込みルールを置き換えます
help-arg-format = 出力形式
help-arg-status-format = 出力形式（状態の確認には検出事項がないので、text か json）
help-arg-incident-format = プレイブックの出力形式
help-arg-output = レポートをファイルに書き込みます（モード 0600 で作成し、すべて書くか何も書かないかのどちらかです）。FORMAT=PATH はその形式（text、json、sarif、markdown、junit）のファイルを追加します。PATH だけなら、--format のレポートを標準出力の代わりにそこへ書きます。繰り返し指定できます
help-arg-fail-on = この重大度以上の検出事項があれば終了コード1で終わります
help-arg-min-score = 点数が N（0〜100）未満なら終了コード1で終わります
help-arg-save-baseline = 観測したセキュリティの状態（キーの権限、IP制限、キーの作成日時、アカウントの状態、出金アドレス帳、点数）を FILE に書き込みます。秘密情報は含みません。形式は docs/baseline.md にあります。1ファイルに1アカウントなので、--all-profiles とは併用できません（--profile NAME を使ってください）
help-arg-baseline = 保存したベースラインと比べます：変化（新しい出金アドレス、有効になった権限、外されたIP制限など）はそれぞれ `drift` の検出事項になります
help-arg-fail-on-new = ベースラインに記録されていない検出事項だけでゲートを判定します（--fail-on があればその重大度以上、単独なら新しい検出事項すべて）
help-arg-password-stdin = Binanceのパスワードを標準入力から読みます（1行）
help-arg-password-file = Binanceのパスワードを FILE の1行目から読みます
help-arg-email-password-file = メールアカウントのパスワード（FILE の1行目）も既知の流出から照会します
help-arg-hibp-url = Pwned Passwords APIのベースURL [既定：https://api.pwnedpasswords.com]
help-arg-hibp-file = ダウンロードしたPwned PasswordsのSHA-1ファイル（またはプレフィックスごとのフォルダー）でオフラインで流出を照会します
help-arg-api-url = Binance APIのベースURL [既定：https://api.binance.com]
help-arg-region = アカウントのあるBinance: global（binance.com）または jp（Binance Japan） [既定：global]
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
help-arg-url-threads = ファイルや標準入力から読んだ行を N 個のスレッドで判定します（既定：コアごとに1つ、最大8）。出力は入力の順を保ちます
help-arg-address-addresses = 確認するアドレス。「-」は標準入力を読みます。ADDR も --input もなければ標準入力を読みます
help-arg-address-network = 送金先のネットワーク。Binanceでの名前で指定します（ETH、BSC、BTC、TRX、SOL、XRP、TON など） [既定：アドレスの形から判断]
help-arg-address-coin = 送ろうとしている通貨（表示し、該当する記録を選ぶのに使います）
help-arg-status-coin = 保有通貨の代わりに確認する通貨（繰り返すか、カンマ区切りで指定します）
help-arg-address-memo = 一緒に送るメモまたはタグ（メモがないという警告を出さなくなります）
help-arg-address-known = ご自身のアドレス。1行に1つで、ADDRESS [LABEL] の形です。出金アドレス帳に加えて比べます。--offline のときは出金アドレス帳の代わりに比べます
help-arg-incident-kind = どのプレイブックか（なければ一覧を表示します）
help-arg-incident-checklist = 端末で手順を1つずつ進め、それぞれを完了かスキップとして記録します
help-arg-incident-mark = 尋ねずに手順を記録します（繰り返し指定できます）：STEP=done または STEP=skipped
help-arg-incident-log = インシデントの記録ファイル [既定：プラットフォームのデータフォルダー、例：~/.local/share/binance-audit/incidents/KIND.json]
help-arg-incident-since = この時刻以降の証拠を集めます（RFC 3339、例：2026-11-20T00:00Z や 2026-11-20T09:00+09:00）
help-arg-incident-until = 証拠を集める期間の終わり [既定：現在]
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
help-val-format-markdown = GitHubのジョブサマリー（step summary）やメール向け
help-val-format-junit = JUnit XML：ルールごとに1つのテストケース
help-val-format-jsonl = 1行に1つのJSONオブジェクト
help-val-kind-breach = 他人にアクセスされているかもしれない：締め出し、資産の流出を止め、報告する
help-val-kind-outage = Binanceやアプリが動かない：Binanceの問題か、自分の側の問題か
help-val-kind-account = ロック、制限、本人確認、ログインできない
help-val-kind-trade = 誤った注文、想定外の価格での約定、スリッページ
help-val-kind-support = Binanceサポートへの連絡方法と伝える内容
help-val-two-factor-authenticator = 認証アプリ（Binance Authenticator、Google Authenticator など）
help-val-two-factor-passkey = パスキー
help-val-two-factor-security-key = ハードウェアのセキュリティキー（YubiKey など）
help-val-two-factor-sms = SMSのコード
help-val-two-factor-email = メールのコード
help-val-two-factor-none = 2段階認証をまったく使っていない
help-val-two-factor-not-sure = どれが有効かわからない（確認すべき設定として報告します）
help-val-answer-not-sure = わからない（確認すべき設定として報告します）

# clap's own words: headings, the automatic flags and subcommand, value lists, usage errors.
help-usage = 使い方：
help-heading-commands = コマンド
help-heading-arguments = 引数
help-heading-options = オプション
help-flag-help = ヘルプを表示します
help-flag-help-more = ヘルプを表示します（詳しくは「--help」）
help-flag-help-summary = ヘルプを表示します（要約は「-h」）
help-flag-version = バージョンを表示します
help-subcommand-help = このメッセージ、または指定したコマンドのヘルプを表示します
help-spec-env = [環境変数：{ $value }]
help-spec-default = [既定：{ $value }]
help-spec-possible = [指定できる値：{ $values }]
help-spec-possible-heading = 指定できる値：
help-spec-separator = 、
help-error = エラー：
help-error-try-help = 詳しくは「{ $flag }」をご覧ください。
help-error-tip = ヒント：
help-error-unknown-argument = 想定していない引数「{ $arg }」があります
help-error-invalid-value = 「{ $value }」は「{ $arg }」に指定できない値です
help-error-missing-value = 「{ $arg }」には値が必要ですが、指定されていません
help-error-value-list = [指定できる値：{ $values }]
help-error-subcommand-list = [コマンド：{ $values }]
help-error-invalid-subcommand = 「{ $name }」というコマンドはありません
help-error-missing-required = 次の必須の引数が指定されていません：
help-error-missing-subcommand = 「{ $name }」にはコマンドの指定が必要ですが、指定されていません
help-error-conflict = 引数「{ $arg }」は次のものと一緒には使えません：
help-error-conflict-one = 引数「{ $arg }」は「{ $other }」と一緒には使えません
help-error-conflict-others = 引数「{ $arg }」は、指定したほかの引数と一緒には使えません
help-error-conflict-twice = 引数「{ $arg }」は2回以上指定できません
help-error-too-many-values = 「{ $arg }」への値「{ $value }」は想定していません。これ以上の値は受け付けません
help-error-no-equals = 「{ $arg }」に値を指定するには等号（=）が必要です
help-error-similar-argument = 似た引数があります：「{ $name }」
help-error-similar-subcommand = 似たコマンドがあります：「{ $name }」
help-error-similar-subcommands = 似たコマンドがあります：{ $names }
help-error-similar-value = 似た値があります：「{ $name }」
help-error-similar-values = 似た値があります：{ $names }
help-error-tip-pass-as-value = 「{ $arg }」を値として渡すには「{ $use }」としてください
help-error-tip-exists = 「{ $name }」があります
help-error-tip-remove-dashes = コマンド「{ $name }」があります。使うには前の「--」を外してください
help-error-int-invalid-digit = 数値ではありません
help-error-int-empty = 数値が空です
help-error-int-zero = 0 は指定できません
help-error-int-too-large = 数値が大きすぎます
help-error-int-too-small = 数値が小さすぎます
help-error-out-of-range = { $value } は { $min }〜{ $max } の範囲外です
help-error-misplaced-before-audit = { $flag } が `audit` の前にあります。コマンドの後ろに置く（binance-audit audit { $flag } …）か、`audit` という語を省いてください（binance-audit { $flag } …）
help-error-misplaced-not-of = { $flag } は監査のオプションで、`{ $sub }` のオプションではありません：binance-audit audit { $flag } …
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

# 01-audit
engine-no-password = パスワードの確認を省略しました：パスワードが入力されていません（単独で確認するには `binance-audit password` を実行するか、--password-stdin / --password-file を指定してください）
engine-no-password-unattended = パスワードの確認を省略しました：無人実行のため（CI が設定されているか、標準入力が端末ではありません）、誰にも尋ねません。BinanceのパスワードをCIのシークレットやスケジューラーに置くこと自体が危険です。`binance-audit password` を対話的に実行して確認するか、--password-stdin / --password-file を指定してください
engine-no-email-password = メールのパスワードが指定されていません：確認するには --email-password-file FILE を指定するか、BINANCE_AUDIT_EMAIL_PASSWORD を設定してください
engine-no-api-key = APIキーがありません：APIキーとアカウントを診断するには BINANCE_API_KEY と BINANCE_API_SECRET（または BINANCE_API_PRIVATE_KEY_FILE）を設定してください
engine-password-ran = 強度をこの端末内で推定しました（zxcvbn）
engine-credentials-unusable = APIの認証情報を使えません：{ $error }

# 02-eval
engine-fact-not-collected = { $name } は収集されていません
engine-condition-not-bool = { $rule } の条件の結果が { $kind } で、true / false ではありません
engine-condition-failed = { $rule } の条件の評価に失敗しました：「{ $error }」
engine-condition-panicked = { $rule } の条件を評価できませんでした

# 03-waivers
engine-waiver-expired = { $date }に期限切れとなり、適用されなくなりました。期限を更新するか、問題を修正してください
engine-waiver-unused = 今回の検出事項に一致しませんでした：{ $why }
engine-waiver-no-rule = このIDのルールはありません
engine-waiver-drift-needs-baseline = ドリフトのルールは --baseline 指定時のみ実行されます
engine-waiver-rule-not-evaluated = このルールは今回評価されていません（{ $reason }）
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
engine-drift-fact-not-checked = 今回の実行では { $name } を確認していません：{ $reason }
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
engine-drift-scores-not-comparable = スコアを比較できません：ベースラインは{ $was_total }項目中{ $was_ran }項目、今回は{ $total }項目中{ $ran }項目を確認
engine-drift-not-a-list = { $name } がリストではありません

# 07-declared
engine-declared-none = 未申告：APIでは確認できない質問に答えるには `binance-audit setup` を実行してください
engine-declared-no-date = [declared] セクションの `on` に有効な日付がありません
engine-declared-bad-date = [declared] セクションの `on` は 2026-11-25 のような日付にしてください
engine-declared-future = [declared] の日付 `on = { $on }` が未来の日付です
engine-declared-future-fix = { $why }：回答した日に設定してください（`binance-audit setup` はそうします）
engine-declared-not-sure = { $on } に「わからない」と回答しています：Binanceアプリで確認してから、もう一度 `binance-audit setup` を実行してください
engine-declared-unknown-factor = [declared] に不明な2段階認証の方式 { $factor } があります
engine-declared-not-answered = [declared] で未回答：`binance-audit setup` を実行してください
engine-declared-on = { $on } に申告

# 08-hibp-file
engine-hibp-bad-key = { $len }文字のキーはSHA-1ハッシュではありません（16進40桁が必要です）
engine-hibp-the-file = Pwned Passwordsのファイル { $path }
engine-hibp-bad-line = { $path }：{ $offset }バイト目の行がPwned Passwordsの形式ではありません（{ $what }）
engine-hibp-not-sorted = { $path }：ハッシュ順に並んでいません（{ $offset }バイト目の行の順序が違います）。「ordered by hash」のファイルを使ってください
engine-hibp-unusable = { $path }: { $what }
engine-hibp-truncated = { $path }：行の途中でファイルが終わっています。途中までしかダウンロードされていないようです（もう一度ダウンロードしてください）
engine-hibp-missing-prefix = { $dir }：先頭 { $prefix } のファイル（{ $prefix }.txt）がありません。接頭辞ごとのダウンロードが不完全なようです
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
engine-breach-offline = オフライン：流出の確認にはネットワークか --hibp-file が必要です
engine-breach-net-tries = { $error }（{ $tries }回試行）
engine-breach-bad-response = Pwned Passwordsの応答が想定外です：{ $detail }
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
engine-case-failed = { $rule }（{ $origin }）：テストケース{ $case }は { $expect } を期待していますが、結果は { $got }でした
engine-outcome-fail = "fail"（条件が成立）
engine-outcome-pass = "pass"（条件が不成立）
engine-outcome-not-evaluated = 未確認（{ $reason }）
engine-outcome-not-applicable = 該当なし（{ $reason }）

# 11-report
engine-baseline-other-profile = ベースラインは別のプロファイル用に保存されています：{ $profile }
engine-baseline-compared = { $file } と比較（{ $saved } に binance-audit { $version } で保存）
engine-waiver-warning = 免除設定 { $rule }: { $note }
engine-next-setup = binance-audit setup — APIでは確認できない項目（2段階認証、フィッシング対策コード、出金ホワイトリスト）に回答します
engine-next-api-key = 読み取り専用のAPIキー：「読み取りを有効にする」だけのEd25519キーを作成し、BINANCE_API_KEY と BINANCE_API_PRIVATE_KEY_FILE を設定します（README「Auditing your Binance account」）
engine-next-password = binance-audit password — Binanceのパスワードの強度と流出を確認します（送信するのはハッシュの先頭5文字だけです）
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
engine-rule-condition-syntax = 条件を解析できません：{ $error }
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
engine-rule-needs-both-tests = `expect = "pass"` の `[[rule.test]]` と `expect = "fail"` の `[[rule.test]]` が少なくとも1つずつ必要です
engine-rule-duplicate-id = ルールID { $id } は { $prev } でも定義されています
engine-superseded-by-itself = ルール { $id } の `superseded_by` が自分自身を指しています
engine-superseded-by-unknown = ルール { $id } の `superseded_by` の { $by } は、このフォルダのルールにありません
engine-superseded-mutually = ルール { $id } と { $by } が互いを `superseded_by` に指定しています
engine-superseded-by-other-category = ルール { $id } の `superseded_by` の { $by } は別のカテゴリ（{ $category }）のルールです
engine-rules-the-folder = ルールのフォルダ
engine-rules-folder-empty = このフォルダにルールファイル（*.toml）がありません
engine-the-file = ファイル
engine-not-utf8 = UTF-8ではありません
engine-rule-needs-passed = `passed` を英語と日本語の両方で書いてください（合格したときに ✓ と並べて表示する、確認できた内容です。検出事項のタイトルは使えません）

## ── end of engine ──

## ── report ── Report renderers: text, Markdown, JUnit, SARIF (report/).

# 重大度の表示: 強調（テキストのレポート、Markdown の見出し）と通常（Markdown の表）。
report-severity-critical = 重大
report-severity-high = 高
report-severity-medium = 中
report-severity-low = 低
report-severity-info = 情報
report-severity-quiet-critical = 重大
report-severity-quiet-high = 高
report-severity-quiet-medium = 中
report-severity-quiet-low = 低
report-severity-quiet-info = 情報

# --help に出る形式の説明（形式の名前そのものは訳しません）。
report-format-text = 人が読むため（端末の幅で折り返し）
report-format-json = JSON の文書1つ（スキーマは docs/ に）
report-format-jsonl = 1行に JSON オブジェクト1つ
report-format-sarif = GitHub code scanning 用の SARIF 2.1.0
report-format-markdown = GitHubのジョブサマリー（step summary）やメール向け
report-format-junit = JUnit XML（ルールごとにテストケース1つ）
# $names: 形式の名前を ", " でつないだもの。
report-format-unknown = 不明な形式 { $name } です（次のいずれか：{ $names }）

# どの形式にも共通の語。
report-coverage = { $total }項目中{ $evaluated }項目を確認
report-score = スコア
report-grade = 評価
report-not-graded = 評価なし
report-no-findings = 確認できた項目に問題は見つかりませんでした。
report-no-findings-partial = 確認できた{ $ran }項目に問題は見つかりませんでした。残りの{ $not_checked }項目は確認していません。
report-nothing-checked = まだ何も確認していません。実行できた項目がないため、問題があるかどうかはこのレポートからはわかりません。
report-findings = 検出事項
report-not-checked = 未確認
report-waivers = 免除設定
report-evidence = 根拠
# 似たアドレスの組（address/diff.rs が並べます）。
report-pairs-compare = 各組を1文字ずつ照合してください（^ は異なる文字の位置です）。
report-pair-first = 1件目
report-pair-second = 2件目
report-pair-saved = 出金アドレス帳
report-pair-sent = 出金先
report-pair-earlier = 以前の送金先
report-pair-new = 新規
report-pair-named = { $role }「{ $name }」
report-fix = 対処
report-until = 期限
report-check-ran = 実行
report-check-skipped = スキップ
report-check-failed = 失敗
report-checks = チェック
report-waiver-active = 適用中
report-waiver-expired = 期限切れ
report-waiver-unused = 未使用

# 端末のレポート（report/text.rs）。
report-text-title = セキュリティ診断レポート
report-text-next-steps = 評価を得るには、次を実行してください：
report-text-do-first = まずこれを
report-text-do-first-item = { $title }（+{ $points }点、{ $id }）
report-text-waived-count = 、うち免除{ $n }件
report-text-count = { $label }（{ $n }）
report-text-labelled = { $label }：{ $text }
report-text-score-coverage = { $head }  （{ $coverage }）
report-text-not-applicable = 該当なし
report-text-waiver-expired = 期限切れ
report-text-warning = 警告：
report-text-incomplete = 不完全
report-text-new = 新規
report-text-points = （修正で+{ $points }点）
report-text-waived = 免除（スコア・判定の対象外）
report-text-declared = （{ $date }にご自身で申告した内容に基づきます。API等で確認したものではありません）
report-text-why = 理由
report-text-check-failed = 失敗
report-text-passed = 問題なし
report-text-superseded = より重大な検出事項に含まれる項目
report-text-superseded-item = { $id }（{ $by } を参照）
report-text-declared-head = ご自身の申告（APIでは確認できない項目）
report-text-password-head = パスワード強度（zxcvbn、この端末内で計算）
report-text-password-score = スコア
report-text-password-guesses = 推定推測回数
report-text-password-online = オンライン攻撃・回数制限あり（毎時100回）
report-text-password-offline = オフライン攻撃・低速ハッシュ（毎秒1万回）
report-text-password-warning = 警告
report-text-network = 送信したネットワーク要求
report-text-network-none = なし：この端末から何も送信していません
report-text-network-tries = （{ $tries }回試行）

# Markdown（report/markdown.rs）。記法はコードの側に置きます。
report-md-title = binance-audit セキュリティ診断レポート
report-md-profile = プロファイル
report-md-incomplete = 不完全：一部の確認を実行できませんでした
report-md-score-then = （当時のスコア：{ $score }）
report-md-compared = 比較したベースライン：
report-md-saved = 保存日時
report-md-waived-count = ＋免除 { $n }件
report-md-severity = 重大度
report-md-rule = ルール
report-md-finding = 内容
report-md-baseline = ベースライン
report-md-waived-mark = （免除）
report-md-new = 新規
report-md-existing = 既存
report-md-until = （{ $date }まで）
report-md-waived = 免除 — スコアと判定には数えません
report-md-declared = { $date }にご自身で申告した内容に基づきます（API等で確認したものではありません）。
report-md-changed = 変更点
report-md-now = 現在
report-md-points = （修正で+{ $points }点）
report-md-references = 参考
report-md-status = 状態
report-md-reason = 理由
report-md-expires = 期限
report-md-check = チェック
report-md-state = 状態
report-md-detail = 詳細
report-md-warnings = 警告
report-md-passed = 問題なし

# JUnit XML（report/junit.rs）。
report-junit-incomplete = 完了できませんでした
report-junit-waived = 免除
report-junit-evidence = 根拠
report-junit-fix = 対処
report-junit-see = 参考
report-junit-not-checked = 未確認

# SARIF（report/sarif.rs）: GitHub code scanning が表示する文。
report-sarif-evidence-separator = 、
report-sarif-evidence = { $title }。根拠：{ $evidence }
report-sarif-fix = 対処
report-sarif-references = 参考
report-sarif-waiver-expires = { $reason }（免除の期限：{ $date }）
report-sarif-not-checked = { $id } 未確認：{ $reason }
report-sarif-check-failed = 確認 { $check } が失敗しました：{ $detail }

# シェルが出力について言うこと（cmd/output.rs）。
report-stdout = 標準出力
report-symlink = シンボリックリンクです。リンク経由では書き込みません
report-output-twice = --output で { $path } が2回指定されています。一方のレポートが他方を上書きします
report-output-is-input = --output { $path } は { $flag } のファイルでもあります。レポートを書くとそれを上書きします
report-summary-append = $GITHUB_STEP_SUMMARY に要約を追記できません

## ── end of report ──

## ── binance ── The Binance layer, the network and status (collect/binance/, net.rs, account.rs, status/).

# Network-log purposes: what a request to Binance was for.
binance-purpose-clock-check = Binanceのサーバー時刻（時計の確認）
binance-purpose-clock-reread = Binanceのサーバー時刻（-1021の後に再取得）
binance-purpose-server-time = Binanceのサーバー時刻
binance-purpose-system-status = Binanceのシステム状態
binance-purpose-connectivity = Binanceへの接続
binance-purpose-api-key-permissions = APIキーの権限
binance-purpose-account-status = アカウントの状態
binance-purpose-api-trading-lock = APIの取引ロック
binance-purpose-enabled-products = 有効な商品
binance-purpose-address-book = 出金アドレス帳
binance-purpose-withdraw-quota = 24時間の出金枠の使用量
binance-purpose-account-switches = アカウントの取引・出金・入金の可否
binance-purpose-withdraw-history-90-days = 出金履歴（90日間、偽装アドレスの確認）
binance-purpose-coin-states = 通貨・ネットワークごとの入出金の状態
binance-purpose-open-orders-count = オープンオーダーの件数（全銘柄）
binance-purpose-address-check-book = 出金アドレス帳（アドレスの確認）
binance-purpose-address-check-history = 出金履歴（90日間、アドレスの確認）
binance-purpose-account-uid = アカウントのUIDと設定
binance-purpose-withdraw-history = 出金履歴
binance-purpose-deposit-history = 入金履歴
binance-purpose-open-orders = 全銘柄のオープンオーダー
binance-purpose-order-trade-history = 注文・約定履歴
binance-purpose-evidence = { $what }（証拠）

# Why a Binance call did not produce data: the cause and the fix.
binance-error-no-credentials = APIキーがありません：BINANCE_API_KEY と BINANCE_API_SECRET（または BINANCE_API_PRIVATE_KEY_FILE）を設定してください
binance-error-offline = オフラインモード：Binanceには接続していません
binance-error-2015 = BinanceがAPIキーを拒否しました（-2015 「Invalid API-key, IP, or permissions for action」）。主な原因：（1）APIキーとシークレット／秘密鍵の組み合わせが違う — 両方をもう一度コピーしてください。（2）この端末のIP{ $ip }がキーのIP許可リストにない — これは良い状態です。許可した端末から実行するか、プロフィール → API管理 → 制限を編集 でこのIPを追加してください。（3）キーの「読み取りを有効にする」がオフ — プロフィール → API管理 でオンにしてください
binance-error-2015-ip = （Binanceから見えたIP：{ $ip }）
binance-error-2008 = BinanceはこのAPIキーを認識していません（-2008 「Invalid Api-Key ID」）。削除されたか期限切れです（IP制限のない未使用のキーはBinanceが削除します）。またはテストネット／デモ用のキーです。プロフィール → API管理 で読み取り専用のキーを新しく作成してください
binance-error-2014 = BinanceがAPIキーの形式を拒否しました（-2014）。打ち間違い、空白、改行が入っています。プロフィール → API管理 からもう一度コピーしてください
binance-error-clock = Binanceがリクエストの時刻を拒否しました（-1021）。補正後もこの端末の時計がBinanceの時刻から離れすぎています。時刻の自動同期（NTP）を有効にして、もう一度実行してください
binance-error-clock-uncorrected = Binanceがリクエストの時刻を拒否しました（-1021）。この端末の時計がBinanceの時刻から離れすぎており、補正のためのBinanceの時刻も読めませんでした。時刻の自動同期（NTP）を有効にして、もう一度実行してください
binance-error-1022 = Binanceが署名を無効と判定しました（-1022）。シークレットまたは秘密鍵がこのAPIキーのものではないか、種類が違います。BINANCE_API_SECRET / BINANCE_API_PRIVATE_KEY_FILE をプロフィール → API管理 の内容と照らし合わせてください
binance-error-1002 = このキーにはこのリクエストの権限がないとBinanceが応答しました（-1002）。サブアカウントのキーでは、マスターアカウントの一部のデータを読めません
binance-error-1003 = Binanceのレート制限に達しました（-1003）。Binanceの求めどおり停止しました。数分後にもう一度実行してください
binance-error-busy = Binanceが応答できませんでした（{ $code }：混雑または内部のタイムアウト）。しばらくしてからもう一度お試しください
binance-error-code = Binanceがエラー { $code } を返しました（HTTP { $status }）
binance-error-code-msg = Binanceがエラー { $code } を返しました（HTTP { $status }）：「{ $msg }」
binance-error-not-sent = Binanceには問い合わせていません：{ $why }
binance-error-rate-limited = Binanceのレート制限に達しました（HTTP 429）。このエンドポイントは再び呼び出していません{ $wait }。再試行していないので、制限を悪化させていません
binance-error-rate-limited-wait = （Binanceの求めどおり{ $secs }秒お待ちください）
binance-error-banned = リクエストが多すぎたため、BinanceがこのIPを一時的に禁止しました（HTTP 418）。以降の呼び出しはすべて止めました{ $wait }。それまでこのIPからBinanceに対してツールを実行しないでください
binance-error-banned-wait = （禁止は{ $secs }秒続きます）
binance-error-server = Binanceのサーバーエラー（HTTP { $status }、{ $attempts }回試行）。Binance側の問題です。しばらくしてからもう一度お試しください
binance-error-firewall = Binanceのファイアウォールがリクエストを拒否しました（HTTP 403）。5分以上待ってからもう一度実行してください
binance-error-http = BinanceがHTTP { $status } を返しました
binance-error-timeout = Binanceが{ $secs }秒以内に応答しませんでした（{ $attempts }回試行）。接続を確認するか、--timeout を大きくしてください
binance-error-connect = Binanceに接続できませんでした（{ $attempts }回試行）：{ $detail }
binance-error-too-large = Binanceの応答が、このツールが読み込む上限の { $mib } MiB を超えています
binance-error-bad-json = Binanceの応答を読み取れませんでした（想定したJSONではありません：{ $detail }）
binance-error-signing = リクエストに署名できませんでした：「{ $error }」

# What is wrong with an answer that is not the JSON expected.
binance-json-duplicate-key = キー `{ $key }` が2回現れるため、値を決められません
binance-json-cut-off = 応答が途中で切れています
binance-json-malformed = { $line }行{ $column }列目の書式が正しくありません
binance-json-shape = { $line }行{ $column }列目が想定外の形です
binance-json-implausible-time = serverTime がありえない時刻です
binance-json-no-field = 「{ $field }」フィールドがありません

# Why a private key cannot sign.
binance-sign-no-passphrase = 秘密鍵は暗号化されていますが、パスフレーズが指定されていません。BINANCE_API_PRIVATE_KEY_PASSPHRASE か BINANCE_API_PRIVATE_KEY_PASSPHRASE_FILE を設定するか、端末で実行して入力してください
binance-sign-wrong-passphrase = 暗号化された秘密鍵を開けませんでした。パスフレーズが違うか、Ed25519/RSAのPKCS#8鍵ではありません
binance-sign-pkcs1 = 秘密鍵がPKCS#1形式です。次のコマンドでPKCS#8に変換してください：`openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8`
binance-sign-openssh = 秘密鍵がOpenSSH形式です。BinanceのキーはPKCS#8のPEMです（`openssl genpkey -algorithm ed25519 -out key.pem`）
binance-sign-not-pem = 秘密鍵のファイルがPEM形式の秘密鍵ではありません（-----BEGIN PRIVATE KEY----- で始まるはずです）
binance-sign-unknown-key = 秘密鍵はEd25519のPKCS#8鍵でもRSAのPKCS#8鍵でもありません（またはファイルが壊れています）
binance-sign-rsa-failed = RSAの署名に失敗しました（キーが壊れていませんか）

# The network door's errors (net.rs words them in English; these say the same).
binance-outside = 「{ $text }」
binance-net-offline = オフラインモード：ネットワーク要求は送信していません
binance-net-timeout = { $secs }秒以内に応答がありませんでした
binance-net-connect = 接続できませんでした：{ $detail }
binance-net-status = HTTP { $status } が返されました
binance-net-body = 応答を読み取れませんでした：{ $detail }
binance-net-too-large = 応答が、このツールが読み込む上限の { $mib } MiB を超えています
binance-net-deadline = この実行の制限時間（{ $secs }秒）に達したため、送信していません
binance-net-host-down = 送信していません：{ $host } はこの実行中に先に応答しませんでした（{ $cause }）
binance-net-dns = { $host } の名前解決（DNS）に失敗しました。インターネット接続、DNSまたはプロキシの設定を確認してください
# $detail is net's English sentence: not shown here (the selector only
# keeps both languages' variables the same until net.rs hands over data).
binance-net-tls-intercepted = { $detail ->
   *[other] HTTPS通信が傍受されている可能性があります（プロキシまたはウイルス対策ソフト）。提示された証明書はこのホスト向けに発行されたものではありません。このホストのHTTPS検査をオフにするか別のネットワークを使い、原因がわかるまでキーやパスワードを入力しないでください
}
binance-net-tls-refused = TLS証明書が拒否されました：「{ $detail }」

# The audit's Binance check.
binance-audit-who = キー { $key }（{ $key_type }）、接続先 { $host }
binance-audit-summary = { $who }：{ $total }件中{ $read }件のエンドポイントを読み取り{ $clock }
binance-audit-clock = 、Binanceとの時計のずれ { $offset } ms
binance-audit-problem = { $line } [{ $calls }]
binance-audit-lacks-field = Binanceの応答に `{ $field }` がないため、それを使う確認は実行していません
binance-audit-not-included = Binanceの応答に含まれていませんでした
binance-audit-no-field = Binanceの応答に `{ $field }` がありません
binance-audit-implausible-create-time = Binanceの `createTime`（{ $time }）はキーの作成日時としてありえません（Binanceの開始前か未来）

# The evidence bundle.
binance-evidence-not-a-pair = --symbol { $raw } は取引ペア（BTCUSDT など）ではありません
binance-evidence-unreadable = 、読めない記録{ $n }件は除外
binance-evidence-repeated-page = 停止：Binanceが{ $what }の同じページを2回返しました（ページ送りが無視されています）。残りは収集していません
binance-evidence-too-many-pages = 1つの区間で{ $what }を{ $pages }ページ読んだところで停止しました。残りは収集していません
binance-evidence-stopped-at-window = { $windows }区間中{ $window }区間目で停止：{ $error }
binance-evidence-withdrawals = 出金{ $n }件（{ $windows }区間で{ $calls }回のリクエスト）{ $unreadable }
binance-evidence-deposits = 入金{ $n }件{ $unreadable }
binance-evidence-orders = { $pairs }の注文{ $n }件{ $unreadable }
binance-evidence-trades = { $pairs }の約定{ $n }件{ $unreadable }
binance-evidence-open-orders = オープンオーダー{ $n }件{ $unreadable }
binance-evidence-address-book = 保存済みのアドレス{ $n }件
binance-evidence-of = { $what }: { $error }
binance-evidence-and = { $first }; { $rest }
binance-evidence-pairs = { $first }{ list-separator }{ $rest }
binance-evidence-account-status = アカウントの状態
binance-evidence-account = アカウント
binance-evidence-clock-check = 時計の確認
binance-evidence-status = 状態 { $status }
binance-evidence-permissions-read = 権限を読み取りました
binance-time-no-time-and-zone = { $raw } には時刻とタイムゾーンがありません。タイムゾーン付きのRFC 3339で指定してください（例：2026-11-20T00:00Z（UTC）、2026-11-20T09:00+09:00（日本時間））
binance-time-no-zone = { $raw } にはタイムゾーンがありません。タイムゾーン付きのRFC 3339で指定してください（例：2026-11-20T00:00Z（UTC）、2026-11-20T09:00+09:00（日本時間））
binance-time-not-a-time = { $raw } は日時として読めません。タイムゾーン付きのRFC 3339で指定してください（例：2026-11-20T00:00Z（UTC）、2026-11-20T09:00+09:00（日本時間））
binance-period-future = --since（{ $since }）が未来の日時です
binance-period-order = --since（{ $since }）は --until（{ $until }）より前にしてください

# The address check's reading of Binance.
binance-address-no-account = Binanceのアカウントが選ばれていません

# API credentials that are configured but cannot be used.
binance-creds-setting = { $section } の { $key }
binance-creds-not-utf8 = { $var } がUTF-8ではありません
binance-creds-secret-without-key = シークレットは設定されていますがAPIキーがありません。{ $key_var } か { $section } の api_key を設定してください
binance-creds-key-empty = { $origin } が空です
binance-creds-key-not-printable = { $origin } に空白・改行・ASCII以外の文字が含まれています。プロフィール → API管理 からキーをもう一度コピーしてください
binance-creds-key-shape = { $origin } はBinanceのAPIキーではありません：{ $len } 文字ですが、BinanceのAPIキーは英数字64文字です。プロフィール → API管理 からキーをもう一度コピーしてください
binance-creds-secret-shape = { $origin } はBinanceのシークレットキーではありません：{ $len } 文字ですが、Binanceのシークレットキーは英数字64文字です（Ed25519やRSAの鍵は秘密鍵ファイルに置きます）
binance-creds-both-vars = { $secret_var } と { $pem_var } の両方が設定されています。キーの種類（HMACシークレットか、Ed25519/RSAの秘密鍵）に合う方だけを残してください
binance-creds-both-files = { $section } に secret_file と private_key_file の両方があります。キーの種類に合う方だけを残してください
binance-creds-no-signer = APIキー（{ $key_origin }）はありますが、署名する手段がありません。{ $secret_var }（HMACシークレット）か { $pem_var }（Ed25519/RSAの秘密鍵ファイル）を設定してください
binance-creds-pem-not-text = { $origin }：秘密鍵のファイルがテキスト（PEM）ではありません
binance-creds-of = { $origin }: { $error }
binance-creds-secret-empty = { $origin }：シークレットが空です
binance-creds-secret-not-printable = { $origin }：シークレットに空白・改行・ASCII以外の文字が含まれています（Binanceのシークレットキーは英数字1行です）
binance-creds-secret-is-pem = { $origin }：これはHMACシークレットではなくPEM形式の秘密鍵です。private_key_file / BINANCE_API_PRIVATE_KEY_FILE で指定してください
binance-creds-too-large = { $origin }：{ $path } は { $bytes } バイトあり、キーとしては大きすぎます
binance-creds-passphrase = 秘密鍵のパスフレーズ
binance-creds-passphrase-in = { $var } の{ $what }
binance-creds-passphrase-prompt = APIの秘密鍵のパスフレーズ：


# status, net, account
status-title = Binanceの状態
status-checking = Binanceを確認中
status-failed = 失敗：{ $detail }
status-next-heading = 次にすること：
status-channels-heading = Binanceの公式チャネルで確認してください（アドレスはご自身で入力してください）：
status-hardening = このプロセス：{ $core }、{ $attach }。
status-hardening-core-off = コアダンプは無効
status-hardening-core-on = コアダンプを無効にできませんでした
status-hardening-attach-off = デバッガの接続は拒否
status-hardening-attach-on = デバッガの接続を拒否できませんでした
status-row-system = システム
status-row-ping = 応答時間
status-row-clock = 時計
status-row-account = アカウント
status-row-coins = 通貨
status-row-open-orders = オープンオーダー
status-detail-offline = 未確認：オフライン
status-detail-no-key = 未確認：APIキーがありません（読み取り専用キーを BINANCE_API_KEY と BINANCE_API_SECRET に設定してください）
status-detail-system-normal = 通常
status-detail-system-maintenance = メンテナンス中（{ $msg }）
status-detail-not-system-status = 想定外の応答（{"{"}"status","msg"{"}"} ではありません）
status-detail-no-server-time = 想定外の応答（serverTime がありません）
status-detail-ping-ms = { $ms } ms
status-detail-account = 「{ $status }」
status-detail-coins = { $coins }：{ $networks }ネットワーク中、入出金停止 { $suspended }
status-detail-no-coin-held = 残高のある通貨はありません
status-detail-coins-missing = Binanceに存在しない通貨：{ $coins }
status-detail-coins-and-missing = { $coins }; { $missing }
status-coins-not-a-list = Binanceの通貨一覧が想定したJSONのリストではありません
status-coins-no-network-flags = Binanceの応答に { $coin } のネットワークの depositEnable/withdrawEnable がないため、入出金の状態がわかりません
# 公開の確認のHTTPエラー：ステータス、Binance自身のエラー（あれば）、待ち時間（あれば）の順。
status-http = HTTP { $status }{ $binance_error }{ $retry }
status-http-binance-error = 、Binanceのエラー { $code }：「{ $msg }」
status-http-retry-after = 、{ $secs }秒後に再試行
status-skew-in-sync = Binanceと一致
status-skew-behind = この端末の時計はBinanceより{ $secs }秒遅れています
status-skew-ahead = この端末の時計はBinanceより{ $secs }秒進んでいます
status-no-reason-given = 理由の記載なし
status-verdict-offline = 未確認：オフラインモード（--offline）です。
status-verdict-unreachable = この端末からBinanceのAPIに接続できません（{ $detail }）。
status-verdict-server-error = BinanceのAPIがサーバーエラーを返しています。問題はBinance側にある可能性が高いです。
status-verdict-rate-limited = BinanceがこのIPアドレスからのリクエストを拒否しています（レート制限または一時的な遮断）。このネットワーク上のボットやスクリプトがリクエストを送りすぎている可能性があります。
status-verdict-maintenance = Binanceはメンテナンス中と報告しています（{ $msg }）。
status-verdict-account-restricted = Binanceはアカウントの状態を次のように報告しています：「{ $status }」
status-verdict-withdraw-suspended = { $coin }の{ $network }ネットワークでの出金はBinanceにより停止されています：{ $reason }
status-verdict-deposit-suspended = { $coin }の{ $network }ネットワークでの入金はBinanceにより停止されています：{ $reason }
status-verdict-network-busy = Binanceは{ $coin }の{ $network }ネットワークを混雑中としています。遅延が予想されます。
status-verdict-slow-connection = 通信が遅い状態です。時刻の問い合わせに往復{ $rtt }秒かかっており、測定された{ $secs }秒の差はこの遅延で説明できます。この回線では時計のずれを判定できません。
status-verdict-clock-skew = この端末の時計がずれています（{ $skew }、誤差{ $pm }秒）。{ $why }。手元側の問題です。
status-clock-why-ahead = Binanceは自分の時計より1秒以上進んだ時刻の署名付きリクエストを拒否します（エラー -1021）
status-clock-why-behind = Binanceは recvWindow（既定5秒）より古い署名付きリクエストを拒否します（エラー -1021）
status-verdict-slow = Binanceへの接続が遅くなっています（1リクエストあたり{ $ms }ミリ秒）。
status-verdict-incomplete-system-ran = Binanceは取引所全体の問題を報告していませんが、一部の確認を完了できませんでした。詳細は下記のとおりです。
status-verdict-incomplete = 一部の確認を完了できませんでした。詳細は下記のとおりです。
status-verdict-all-normal = すべて正常です。Binanceは問題を報告していないため、原因は手元側にある可能性が高いです。
status-verdict-normal-where-checked = 確認できた{ $checked }項目は正常です。Binanceは問題を報告していないため、原因は手元側にある可能性が高いです。残りの{ $not_checked }項目は確認していません（下記参照）。
status-next-check-connection = この端末の通信を確認してください。他のサイトは表示されますか？VPNやプロキシを切り、別の回線（Wi-Fiではなくモバイル通信など）を試してください。
status-next-maybe-blocked = 通信に問題がない場合、Binanceの障害か、ご利用のネットワークで遮断されている可能性があります。下記のお知らせと公式Xを確認してください。
status-next-wait-and-retry = 数分待ってから再試行してください。その間に入金や出金を再送しないでください。
status-next-stop-bots = このネットワーク上のボットやスクリプトを止め、Binanceが示す時間だけ待ってから再試行してください。
status-next-wait-for-maintenance = メンテナンスの終了を待ってください。終了はBinanceのお知らせページで告知されます。送金を再送しないでください。
status-next-account-playbook = アカウントのプレイブックを参照してください：binance-audit incident account
status-next-avoid-suspended-network = 停止中のネットワークでは送金しないでください。再開を待つか、有効で相手側も対応している別のネットワークを使ってください（アドレス形式とメモ／タグを確認してください）。
status-next-sync-clock = システム設定で時刻の自動同期（NTP）を有効にしてください。
status-next-try-local-fixes = Binanceアプリを更新し、アプリの代わりにウェブサイトを（またはその逆を）試し、VPNやプロキシを切り、別の回線を試してください。
status-next-cannot-log-in = ログインできない、またはアカウントが制限されている場合：binance-audit incident account
status-next-check-open-orders = オープンオーダーが{ $n }件あります。すべてご自身の注文か確認してください（注文 → オープンオーダー）。
status-next-add-read-only-key = 読み取り専用のAPIキーがあれば、保有している通貨の入出金の状態も確認できます。
net-outside = 「{ $text }」
net-offline = オフラインモード：ネットワーク要求は送信していません
net-timeout = { $secs }秒以内に応答がありませんでした
net-could-not-connect = 接続できませんでした：{ $reason }
net-dns-failed = { $host } の名前解決（DNS）に失敗しました。インターネット接続、DNSまたはプロキシの設定を確認してください
net-tls-intercepted = { $service } へのHTTPS通信が傍受されている可能性があります（プロキシまたはウイルス対策ソフト）。提示された証明書は { $host } 向けに発行されたものではありません。このホストのHTTPS検査をオフにするか別のネットワークを使い、原因がわかるまでキーやパスワードを入力しないでください
net-tls-refused = { $host } のTLS証明書が拒否されました：{ $reason }
net-http-status = HTTP { $status } が返されました
net-body = 応答を読み取れませんでした：{ $reason }
net-too-large = 応答が、このツールが読み込む上限の { $mib } MiB を超えています
net-deadline = この実行の制限時間（{ $secs }秒）に達したため、送信していません
net-host-down = 送信していません：{ $host } はこの実行中に先に応答しませんでした（{ $cause }）
net-url-not-a-url = { $what } のURL { $raw } はURLとして読めません（{ $reason }）
net-url-plain-http = { $what } のURL { $raw } は暗号化されない http です。使えるのは https だけです（http は 127.0.0.1/localhost のみ）
net-url-scheme = { $what } のURL { $raw } のスキーム { $scheme } には対応していません
net-url-no-host = { $what } のURL { $raw } にホスト名がありません
net-url-user-info = { $what } のURLに user:password@ を含めないでください
# 通信の目的（-v とテキストのレポートに表示。JSONは英語のラベルのまま）。
net-purpose-clock-check = Binanceのサーバー時刻（時計の確認）
net-purpose-clock-reread = Binanceのサーバー時刻（-1021の後に再取得）
net-purpose-server-time = Binanceのサーバー時刻
net-purpose-system-status = Binanceのシステム状態
net-purpose-connectivity = Binanceへの接続
net-purpose-api-key-permissions = APIキーの権限
net-purpose-trading-lock = APIの取引ロック
net-purpose-account-status = アカウントの状態
net-purpose-enabled-products = 有効な商品
net-purpose-address-book = 出金アドレス帳
net-purpose-withdraw-quota = 24時間の出金枠の使用量
net-purpose-account-abilities = アカウントの取引・出金・入金の可否
net-purpose-account-uid = アカウントのUIDと設定
net-purpose-deposit-history = 入金履歴
net-purpose-withdraw-history = 出金履歴
net-purpose-open-orders = 全銘柄のオープンオーダー
net-purpose-open-orders-count = 全銘柄のオープンオーダー件数
net-purpose-order-history = 注文・約定履歴
net-purpose-coin-networks = 通貨・ネットワークごとの入出金の状態
net-purpose-pwned-range = Pwned Passwordsの範囲検索（k-匿名性：SHA-1の16進40桁のうち先頭5桁のみ、`Add-Padding: true`）
net-purpose-evidence = { $what }（証拠）
account-no-profile = 設定ファイルにプロファイル { $name } がありません{ $known }
account-no-profile-none = （プロファイルは1つもありません。[profiles.NAME] の表を追加してください）
account-no-profile-known = （あるもの：{ $names }）
account-no-profiles = --all-profiles：設定ファイルに [profiles.NAME] の表がありません（`binance-audit config init` を参照）
account-list-more = { $list }{ list-separator }{ $name }
account-none-selected = Binanceのアカウントが選ばれていません

binance-not-offered = { $region }では提供されていません
binance-audit-not-offered = { $region }では提供されていません（合格でも失敗でもなく、その確認は数えていません）：{ $calls }
binance-region-unknown = 設定ファイルのリージョン { $name } は不明です（あるもの：{ $known }）
binance-region-uncertain-base = { $region }: APIのホスト { $base } はBinanceの文書では確認できていません（第三者の情報のみ）。リクエストが失敗する場合は、Binance Japanが案内するホストを --api-url で指定してください

## ── end of binance ──

## ── incident ── Playbooks, the checklist log, evidence and the ticket (incident/).

# The playbooks (incident/playbook.rs): one line per kind, for `incident` with no kind and --help.
incident-kind-breach = 他人にアクセスされているかもしれない：締め出し、資産の流出を止め、報告する
incident-kind-outage = Binanceやアプリが動かない：Binanceの問題か、自分の側の問題か
incident-kind-account = ロック、制限、本人確認、ログインできない
incident-kind-trade = 誤った注文、想定外の価格での約定、スリッページ
incident-kind-support = Binanceサポートへの連絡方法と伝える内容

# How soon a step should be done.
incident-urgency-now = 今すぐ
incident-urgency-today = 今日中
incident-urgency-soon = 近日中

# Problems in a playbook file (--rules DIR/playbooks/KIND.toml). $field is one of the
# incident-playbook-field-* names; $id, $found, $kind, $urgency and $previous come quoted.
incident-playbook-field-title = `title`
incident-playbook-field-summary = `summary`
incident-playbook-field-why = `why`
incident-playbook-field-where = `where`
incident-playbook-field-channel-name = チャネルの `name`
incident-the-playbook = プレイブック
incident-playbook-not-utf8 = UTF-8ではありません
incident-playbook-wrong-id = `id` が { $found } ですが、このファイルには { $kind } のプレイブックを書いてください
incident-playbook-no-text = { $field } には en と ja の両方のテキストが必要です
incident-playbook-no-steps = プレイブックには `[[step]]` が少なくとも1つ必要です
incident-playbook-bad-step-id = 手順ID { $id } には英小文字、数字、ハイフンだけを使ってください
incident-playbook-step-twice = 手順ID { $id } が2回使われています
incident-playbook-out-of-order = 緊急度 { $urgency } の手順が { $previous } の手順の後にあります。緊急度の高い順に並べてください
incident-playbook-link-not-https = リンク「{ $url }」は https のURLにしてください
incident-playbook-command-prefix = `command` は `binance-audit ` で始めてください
incident-playbook-channel-not-https = チャネル「{ $url }」は https のURLにしてください
# A problem inside one step: "step ID: problem".
incident-playbook-in-step = 手順 { $step }: { $problem }
incident-playbook-more-problems = { $first }（ほかに{ $more }件の問題があります）
incident-playbook-unloadable = プレイブックを読み込めませんでした

# The checklist and its incident log (incident/checklist.rs). $path is the log file.
incident-state-done = 完了
incident-state-skipped = スキップ
incident-mark-no-state = STEP=done または STEP=skipped の形で指定してください（指定された値：{ $given }）
incident-mark-bad-state = 状態は done か skipped にしてください（指定された値：{ $given }）
incident-marks-unknown-step = { $kind } のプレイブックに手順 { $step } はありません。手順は次のとおりです：{ $steps }
incident-the-log = インシデントの記録ファイル { $path }
incident-log-invalid = インシデントの記録ファイル { $path } が正しくありません（{ $problem }）。別の場所に移すか、--log FILE で別の記録ファイルを指定してください
incident-log-schema = インシデントの記録ファイル { $path } の schema_version は { $found } です。このバージョンが読めるのは { $reads } です
incident-log-other-playbook = インシデントの記録ファイル { $path } は { $want } ではなく { $found } のプレイブックのものです。--log FILE で別の記録ファイルを指定してください
incident-log-cannot-create-folder = フォルダ { $dir } を作成できません：{ $reason }
incident-log-cannot-encode = インシデントの記録をJSONにできません：「{ $error }」
incident-log-cannot-write = インシデントの記録ファイルに書き込めません：{ $reason }
# serde_json's complaint about a log, retold; English readers are shown serde_json's own words instead.
incident-json-eof = { $line }行{ $column }列：JSONが途中で終わっています
incident-json-syntax = { $line }行{ $column }列：JSONとして正しくありません
incident-json-data = { $line }行{ $column }列：{ $problem }
incident-walk-cannot-write = 端末に書き込めません：{ $reason }
incident-walk-cannot-read = 回答を読み取れません：{ $reason }
incident-walk-resuming = 再開します：全{ $total }手順のうち{ $recorded }手順は記録済みです。
incident-walk-prompt = [d] 完了 / [s] スキップ / [q] 中断（後で再開）：
incident-walk-answer = d、s、q のいずれかを入力してください。
incident-progress-all = 全{ $total }手順を記録しました（完了 { $done }、スキップ { $skipped }）。
incident-progress-some = 全{ $total }手順のうち{ $recorded }手順を記録済み（完了 { $done }、スキップ { $skipped }）。次：{ $next }. { $title }
incident-progress-log = ログ：{ $path }

# A playbook shown (incident/show.rs). The text labels line up: keep them the same width
# (a column of labels, as in `url` and `address`: no colon, so no space after a full-width one).
incident-show-why = 理由{"  "}
incident-show-where = 場所{"  "}
incident-show-run = 実行{"  "}
incident-show-link = リンク
incident-show-channels-head = 公式チャネル（アドレスはご自身で入力してください。それ以外の連絡先は Binance Verify で確認できます）：
incident-show-walk-steps = 手順を順に記録する：
incident-show-collect-evidence = 証拠を集めて問い合わせ文を作る：
incident-md-why = 理由：
incident-md-where = 場所：
incident-md-run = 実行：
incident-md-channels = 公式チャネル

# The support-ticket draft (incident/ticket.rs), read by Binance support: keep it plain and exact.
incident-ticket-title = お問い合わせ：{ $headline }
incident-ticket-headline-breach = アカウントへの不正アクセスの疑い
incident-ticket-headline-outage = サービス障害時に発生した問題
incident-ticket-headline-account = アカウントの利用に関する問題
incident-ticket-headline-trade = 注文・約定についての確認のお願い
incident-ticket-headline-support = お問い合わせ
incident-ticket-draft-note = { $tool } が { $when } に作成した下書きです。内容を確認し、［　］の部分を記入し、送りたくない部分を削除してから、サポートチャットに貼り付けてください。
incident-ticket-no-secrets = パスワード、2段階認証・SMSのコード、APIシークレット、シードフレーズは書かないでください。Binanceのサポートがそれらを求めることはありません。
incident-ticket-what-happened = 発生した事象
incident-ticket-what-happened-fill = ［2〜3文で：何に気づいたか、いつか、すでに行った対応（パスワード変更、APIキー削除、アカウントの無効化など）］
incident-ticket-uid = UID：{ $uid }
incident-ticket-uid-fill = ［UID：Binanceアプリ → プロフィール］
incident-ticket-period = 確認した期間：{ $since } – { $until }
incident-ticket-account-status = Binanceが示すアカウント状態：「{ $status }」
incident-ticket-yes = 可
incident-ticket-no = 不可
incident-ticket-can = 取引：{ $trade } / 出金：{ $withdraw } / 入金：{ $deposit }
incident-ticket-api-key = この情報の取得に使ったAPIキー（本ツールは読み取りのみに使用）：{ $key } — { $permissions }
incident-ticket-permissions = { $permissions }; { $ip }
incident-ticket-permissions-not-read = 取得できず
incident-ticket-no-permissions = 権限なし
incident-ticket-ip-restricted = IP制限あり
incident-ticket-ip-not-restricted = IP制限なし
incident-ticket-ip-unknown = IP制限は不明
incident-ticket-withdrawal-count = この期間の出金：{ $count }件（うちホワイトリスト外のアドレスへの出金 { $flagged }件）、最初の出金 { $first }
incident-ticket-symbols = 確認した通貨ペア：{ $symbols }
incident-ticket-withdrawals = 出金
incident-ticket-deposits = 入金
incident-ticket-orders = 注文
incident-ticket-trades = 約定
incident-ticket-open-orders = 作成時点のオープンオーダー
# Table heads: Markdown, one cell per column; keep the number of | as it is.
incident-ticket-withdrawals-head = | # | 日時 | 通貨 | 数量 | ネットワーク | 送り先アドレス | アドレス帳 | トランザクションID | 状態 | 出金ID |
incident-ticket-deposits-head = | # | 日時 | 通貨 | 数量 | ネットワーク | 入金アドレス | トランザクションID | 状態 |
incident-ticket-orders-head = | 日時 | 通貨ペア | 注文ID | 売買 | 種類 | 価格 | 数量 | 約定数量 | 約定金額 | 状態 |
incident-ticket-trades-head = | 日時 | 通貨ペア | 約定ID | 注文ID | 売買 | 価格 | 数量 | 約定金額 | 手数料 |
incident-ticket-address-tag = { $address } (tag { $tag })
# Whether a withdrawal's destination was approved in advance; $label is the user's own name for it, quoted, with a space before it, or empty.
incident-ticket-book-unknown = 不明（アドレス帳を取得できず）
incident-ticket-book-missing = ⚠ アドレス帳に未登録
incident-ticket-book-whitelisted = ホワイトリスト登録済み{ $label }
incident-ticket-book-not-whitelisted = ⚠ アドレス帳に登録済み・ホワイトリスト外{ $label }
incident-ticket-flag-note = ⚠ は、出金ホワイトリストに登録されていないアドレスへの出金を示します。
incident-ticket-not-collected = 取得できませんでした：{ $detail }
incident-ticket-fill-in = ［アプリの ウォレット → 取引履歴 から記入］
incident-ticket-attach-screenshots = この期間のアプリの履歴のスクリーンショットを添付してください。
incident-ticket-none = この期間にはありません。
incident-ticket-asking = お願いしたいこと
incident-ticket-request-breach-lock = 安全を確保できるまで、私のアカウントへのログインと出金ができないようにしてください。
incident-ticket-request-breach-investigate = この依頼に記載した出金のうち私が行っていないものを調査し、送り先が取引所の場合はその取引所に連絡してください。
incident-ticket-request-breach-access = この期間に私のアカウントへアクセスしたIPアドレスとデバイス、および送り先アドレスが登録された日時を教えてください。
incident-ticket-request-outage-cause = 上記の問題がBinance側の障害によるものかどうかを確認してください。
incident-ticket-request-outage-settle = 上記の注文と送金の状態を確認し、どのように処理されるかを教えてください。
incident-ticket-request-account-lift = アカウントが制限されている理由と、制限を解除するために必要な手続きを教えてください。
incident-ticket-request-trade-review = 誤って執行されたと考えている上記の注文と約定を確認してください。
incident-ticket-request-trade-correct = 訂正が可能かどうかを教えてください。
incident-ticket-request-support = ［Binanceにお願いしたいこと］
incident-ticket-attached = すべてのデータは evidence.json として添付します（Binance APIから読み取り専用で取得）。

# The incident command (cmd/incident.rs).
incident-list-head = プレイブック（binance-audit incident 種類）：
incident-no-home = 記録ファイルを置くホームフォルダがありません：--log FILE を指定してください
incident-playbook-error = プレイブック：{ $error }
incident-checklist-needs-terminal = --checklist は質問をするため、端末が必要です（CI も未設定であること）。スクリプトからは --mark STEP=done または --mark STEP=skipped を使ってください（手順：{ $steps }）
incident-checklist-paused = 中断しました。同じコマンドをもう一度実行すると再開します。
incident-evidence-exists = { $path } はすでに存在します：以前の証拠を残すため、--out で新しいフォルダを指定してください
incident-evidence-needs-out = 証拠を保存するフォルダを --out DIR で指定してください
incident-evidence-collecting = 証拠を収集中
incident-summary-wrote = { $ticket } と { $evidence } を作成しました。
# What was read, joined into one line by incident-summary-counts.
incident-summary-withdrawals = 出金 { $count }件（うちホワイトリスト外のアドレスへ { $flagged }件）
incident-summary-deposits = 入金 { $count }件
incident-summary-orders = 注文 { $count }件
incident-summary-trades = 約定 { $count }件
incident-summary-open-orders = オープンオーダー { $count }件
incident-summary-counts = { $counts }。
incident-summary-not-collected = 取得できず：{ $check }：{ $detail }
incident-summary-powerful-key = 警告：使用したAPIキーには読み取り以外の権限（出金、取引、振替）があります。信頼できるツールのために自分で作成したキーでなければ、今すぐ プロフィール → API管理 で削除してください。このコマンドに必要なのは「読み取りを有効にする」だけです。
incident-summary-need-symbols = 注文と約定を取得するには、関係する通貨ペアを --symbol BTCUSDT,ETHUSDT のように指定してください。

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
url-check-verify = Binance Verify（公式認証）：{ $url }

# リンクの代わりに示す、確認しなかったメッセージの部分。
url-part-deep-nesting = （深い入れ子のメッセージ部分）
url-part-too-large = （読み込み上限を超えた部分）

url-summary = { $n }件を確認：{ $parts }

url-error-no-input = リンクが指定されていません。URLを引数で渡すか、--input FILE を指定するか、標準入力から渡してください
url-error-bad-input = 入力を読み込めません：{ $reason }
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
url-reason-dot-removed = 「{ $name }」は正規のアドレス（{ $domain }）からドットを取り除いています（例：wwwbinance、binancecom）。
url-reason-dot-moved = 「{ $name }」はブランド名の途中にドットを入れており、実際のドメインは { $site } です。
url-reason-combosquat = 「{ $name }」は「{ $brand }」に別の単語を組み合わせたものです。Binanceはこのような名前を使いません。
url-reason-tld-swap = Binanceの名前を別のドメイン末尾で使っています。{ $site } は { $domain } ではありません。
url-reason-brand-subdomain = ブランド名は先頭に付けられているだけで、実際のサイトは { $site } のものです。
url-reason-brand-in-path = Binanceの名前はパスやクエリにあるだけで、実際のサイトは { $site } です。
url-reason-userinfo-mailbox = メールアドレスの名前部分「{ $user }」にBinanceの名前を使っていますが、ドメインは { $site } でBinanceのものではありません。
url-reason-userinfo = 「@」より前（「{ $user }」）はブラウザに無視され、実際の接続先は { $host } です。
url-reason-percent-encoded-host = ホスト名がパーセントエンコード（%xx）で隠されています。正規のリンクではこのような書き方はしません。
url-reason-ip-host = Binanceのドメインではなく、IPアドレス（{ $host }）を直接指定しています。
url-reason-shortener = { $site } は短縮URLサービスのため、本当の接続先がわかりません。
url-reason-messenger-impersonation = Binanceの名前を使った{ $platform }のアカウントまたは招待です（「{ $name }」）。Binanceのサポートがこのようなアカウントで連絡したり、チャットで認証コードやパスワードを求めたりすることはありません。WhatsAppも使用していません。
url-reason-unverified-channel = 公式チャネル一覧にない、Binanceの名前を使った{ $platform }のアカウントです（「{ $name }」）。
url-reason-free-hosting = 誰でも使える無料ホスティング／サイト作成サービス（{ $hosting }）上にあります。Binanceはそこでページを公開していません。
url-reason-ipfs-gateway = IPFS上のページです。誰でも公開でき、削除されにくい場所です。
url-reason-insecure-scheme = https:// ではないため、通信の途中で内容を読まれたり書き換えられたりするおそれがあります。Binanceのリンクは必ず https:// です。
url-reason-non-default-port = 通常とは異なるポート（{ $port }）を使っています。BinanceのWebサイトは標準のhttpsポートを使います。
url-reason-data-url = 「data:」リンクはページ全体をリンク自体に埋め込んでおり、確認できるWebサイトがありません。
url-reason-javascript-url = 「javascript:」リンクはクリックするとプログラムを実行します。
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

url-reason-uncertain-evidence = { $domain } が{ $entity }のものだという根拠は第三者の情報だけで、Binanceのページでは確認できていないため、確実ではありません。{ $entity }自身の文書は www.binance.com/ja にあります。迷ったらそちらを使ってください。

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
address-evidence-withdrawal = 出金先 { $sent } は { $whom } に似ています：{ $same }

# 形式の検査（address/format.rs）。
address-format-empty = 空です
address-format-too-long = { $max }文字を超えています。この長さのアドレスを使うネットワークはありません
address-format-space = 空白または制御文字（U+{ $code }）を含んでいます
address-format-no-parser = 形式は未確認です：binance-audit はネットワーク { $network } の形式検査に対応していません
address-format-unknown-network = 形式は未確認です：アドレスからネットワークを判別できません（--network を指定してください）
address-format-evm-prefix = EVMアドレスは 0x で始まります
address-format-evm-length = EVMアドレスは 0x と16進数40桁です。0x の後が{ $count }文字です
address-format-evm-not-hex = EVMアドレスは 0x と16進数40桁です。0x の後が{ $count }文字で、16進数以外を含みます
address-format-eip55-one-case = 大文字・小文字が混在していないため EIP-55 チェックサムがありません。1文字の誤りも検出できません
address-format-eip55-mismatch = EIP-55 チェックサムが一致しません：一部の英字の大文字・小文字が違います。公開された通りのアドレスではありません（入力ミスまたは改変されたコピー）
address-format-not-base58 = Base58 ではありません（{ $error }）
address-format-base58-short = Base58Check としては短すぎます
address-format-base58-mismatch = Base58Check チェックサムが一致しません：どこかの文字が違います（入力ミスまたは改変されたコピー）
address-format-list = { $list }、{ $next }
address-format-wrong-version = チェックサムは正しいものの、{ $what } のアドレスではありません（{ $starts } で始まります）
address-format-segwit-other = 別のネットワーク（{ $hrp }）の segwit アドレスです
address-format-not-bech32 = 有効な Bech32/Bech32m の segwit アドレスではありません（{ $error }）
address-format-sol-no-checksum = Solana のアドレスにはチェックサムがありません。1文字の誤りも検出できません
address-format-sol-length = Solana のアドレスは Base58 で32バイトです。これは{ $bytes }バイトになります
address-format-ton-raw = raw 形式にはチェックサムがありません。1文字の誤りも検出できません
address-format-ton-length = TON のアドレスは base64 の48文字（または workchain:16進数64桁）です
address-format-ton-mismatch = TON アドレスのチェックサム（CRC16）が一致しません：どこかの文字が違います
address-format-ton-flag = チェックサムは正しいものの、TON アドレスのフラグではありません

# address コマンド（cmd/address/）。
address-reason-invalid = { $reason }。送金しないでください。
address-after-fixed = （{ $fixed } の後）
address-reason-lookalike = ご自身のアドレスと先頭{ $prefix }文字・末尾{ $suffix }文字{ $fixed }が同じで、途中が異なります。これはアドレスポイズニングの手口です。攻撃者は両端が一致するアドレスを作り、ご自身の履歴に紛れ込ませます。送金しないでください。
address-reason-sent-to-lookalike = この偽装アドレスには過去に送金しています。意図したものでなければ、その資金は偽装者に渡っています。`binance-audit incident breach` を参照してください。
address-reason-known = ご自身のアドレスと同一です。確定する前に、両端だけでなくアドレス全体を照合してください。
address-reason-known-resembles = この宛先に酷似したアドレスへの過去の出金があります（「類似」に表示）。意図した相手に届いたか確認し、そうでなければ `binance-audit incident breach` を参照してください。
address-reason-other-network = 記録は { $recorded } 向けで、{ $network } ではありません。受取側が { $network } に対応していることを確認してください。
address-reason-not-compared = 照合対象がありません（{ $why }）。自分のアドレスと照合するには --known FILE またはAPIキーを指定してください。
address-reason-new = 既知の{ $n }件のアドレス記録のどれとも一致せず、似てもいません。送金前に別の経路で確認してください（電話や対面で受取人に確認し、まず少額を送って着金を確認してもらう）。
address-reason-memo-missing = { $network } で取引所へ入金する場合は通常メモ（タグ）が必要ですが、指定されていません（--memo）。メモがないと入金が反映されないことがあります。
address-reason-other-coin = 記録は { $recorded } 向けで、{ $coin } の記録はありません。
address-who-label = 「{ $label }」
address-whitelisted = ホワイトリスト登録済み
address-not-whitelisted = ホワイトリスト未登録
address-whitelist-unknown = ホワイトリスト状態不明
address-who-book = 出金アドレス帳 { $label }（{ $network }、{ $coin }、{ $whitelist }）
address-who-sent = 過去の送金先：{ $when }、{ $amount } { $coin }（{ $network }）
address-who-known-line = --known { $label }（{ $line }行目）
address-who-latest = { $who }（{ $n }回の出金のうち最新）
address-format-checksum-valid = { $scheme }：チェックサム正常
address-format-valid = { $scheme }：形式は正常
address-format-with-note = { $format }（{ $note }）
address-network-family = { $network }（{ $family }）
address-network-unknown = 不明（--network で指定してください）
address-network-inferred = { $family }（アドレスの形から推定。確実にするには --network を指定）
address-kind-known = 登録済み
address-kind-look-alike = 偽装の疑い
address-kind-new = 新規
address-kind-invalid = 形式エラー
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
address-field-your-address = 登録済み
address-more-lookalikes = …ほか{ $n }件の類似アドレス
address-summary = { $n }件を確認：{ $parts }
address-compared-with = 照合対象：
address-source-book = 出金アドレス帳
address-source-history = 出金履歴（90日）
address-source-known = --known ファイル
address-source-records = { $n }件
address-source-not-read = 未取得：{ $reason }
address-source-failed = 取得失敗：
address-skipped-offline = オフライン（--offline）
address-skipped-no-known = --known ファイルの指定なし
address-skipped-no-key = APIキーが設定されていません（BINANCE_API_KEY / 設定ファイル）
address-error-network = --network には ETH、BSC、BTC、TRX などのネットワーク名を指定してください：{ $value }
address-warning = 警告
address-error-none-found = 入力にアドレスが見つかりません
address-error-stdin = 標準入力を読み込めません：{ $reason }
address-error-no-input = アドレスが指定されていません。引数で渡すか、--input FILE を指定するか、標準入力から渡してください

## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).

# files and reads (files.rs, bounded.rs). $reason is the OS's words (shell-io-os); $next is
# the next step (shell-read-next-*), or empty when nothing names the file.
shell-read-failed = { $what } を読み取れません：{ $reason }{ $next }
shell-read-next-not-found = 。パスを確認するか、{ $option } で正しいものを指定してください
shell-read-next-permission-denied = 。ご自身のユーザーで読めるようにするか、{ $option } で別のファイルを指定してください
shell-read-next-is-a-directory = 。これはフォルダです。{ $option } でファイルを指定してください
shell-read-next-other = 。{ $option } で読み取れるファイルを指定してください
# Japanese shows $kind, the catalogue's sentence; $os is the OS's English text.
shell-io-os = { $kind }{ $os ->
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
shell-io-not-a-directory = フォルダではありません
shell-io-read-only = 読み取り専用のファイルシステムです

# the config file (config.rs)
shell-config-named = 設定ファイル { $path }
shell-config-not-utf8 = 設定ファイル { $path }: UTF-8ではありません
shell-config-problem = 設定ファイル { $path }:{ $problem }
shell-config-not-a-question = {" "}[declared]：{ $name } は setup の質問にありません（使えるもの：{ $questions }）
shell-config-waiver-rule-empty = {" "}[[waiver]] #{ $number }：`rule` が空です。免除するルールIDを指定してください（例：`rule = "BA-API-004"`）
shell-config-waiver-reason-empty = {" "}{ $waiver }：`reason` が空です。あとで見直せるよう、この検出事項を受け入れる理由を書いてください
shell-config-waiver-expires = {" "}{ $waiver }：`expires` は 2027-01-31 のような日付にしてください
shell-config-hint-secret = （秘密情報は設定ファイルに保存しません。secret_file か環境変数 BINANCE_API_SECRET を使ってください）
shell-config-hint-section = （このキーは [binance] か [profiles.NAME] の下に書きます。その見出しの下へ移してください）
shell-permission-warning = { $path } はグループや他のユーザーが読める状態です（モード { $mode }）。`chmod 600 { $path }` で直してください

# the run's setup (cmd/session.rs)
shell-going-on-without-config = （設定ファイルなしで続けます）
shell-no-runtime = 非同期ランタイムを起動できません：{ $reason }
shell-rules-problem = ルール：{ $problem }
shell-strict = { $warning } (--strict)
shell-net-setup = ネットワークの設定：{ $problem }

# setup's answers in the config (declare.rs)
shell-answer-none = なし
shell-answer-yes = はい
shell-answer-no = いいえ
shell-answer-not-sure = わからない
shell-declare-not-toml = 設定ファイルがTOMLとして正しくないため、変更していません：{ $problem }
shell-declare-not-a-table = 設定ファイルの `declared` が表（[declared]）になっていません。先に手で直してください
shell-declare-would-not-load = 変更後の設定ファイルが読み込めなくなるため（{ $problem }）、何も書き込んでいません
shell-declare-date = 内部エラー：日付

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
shell-setup-retry-methods = 「1,2」のように番号を入力してください（なしの場合は「0」、わからない場合は「?」）。
shell-setup-retry-yes-no = 「y」（はい）、「n」（いいえ）、「?」（わからない）のいずれかで答えてください。
shell-setup-cancelled = setup を中止しました。何も書き込んでいません
shell-setup-no-readable-answer = setup を中止しました。読み取れる回答がありません
shell-setup-cannot-read-answer = 回答を読み取れません：{ $reason }
shell-setup-cannot-write-question = 質問を書き出せません：{ $kind }
shell-setup-two-factor-alone = --two-factor の { $method } はほかの方法と同時に指定できません
shell-setup-wrote = { $path } の [declared] を更新しました
shell-setup-new = {"  "}新規：{ $key } = { $answer }
shell-setup-changed = {"  "}変更：{ $key } = { $answer }（以前：{ $was }）
shell-setup-kept = {"  "}維持：{ $key } = { $answer }（{ $since } の回答）
shell-setup-not-answered = 未回答（該当する項目は「未確認」になります）：{ $questions }
shell-setup-next = `binance-audit` を実行すると結果を確認できます。申告に基づく項目はどのレポートでも「申告」と表示されます。
shell-setup-not-utf8 = { $path }: UTF-8ではありません
shell-setup-needs-terminal = setup は端末で質問に答えるか、回答をフラグで指定する必要があります。例：`{ $example }`

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
shell-secret-cannot-prompt = パスワードを尋ねられません：{ $reason }
shell-prompt-audit-password = Binanceのパスワード（表示されず、送信もされません。Enterで省略）：
shell-prompt-password = Binanceのパスワード（表示されず、送信もされません）：
shell-no-password-entered = パスワードが入力されていません
shell-no-password = パスワードがありません：--password-stdin でパイプから渡すか、--password-file を使うか、端末で実行してください
shell-hibp-file-missing = Pwned Passwordsのファイル { $path }: { $reason }

# the baseline file (baseline.rs)
shell-baseline-named = ベースライン { $name }
shell-baseline-not-found = { $what }：ファイルがありません（先に --save-baseline { $name } で作成してください）
shell-baseline-problem = { $what }: { $problem }
shell-baseline-too-large = { $what }：{ $bytes } バイトはベースラインとして大きすぎます

# $eof is "yes" when the text simply ended; English shows serde's $detail instead.
shell-baseline-not-json = { $line }:{ $column }: { $eof ->
        [yes] JSONが途中で終わっています
       *[other] JSONとして正しくありません
    }{ $detail ->
       *[other] {""}
    }
shell-baseline-no-version = `baseline_version` がありません。--save-baseline で保存したベースラインではありません
shell-baseline-version = baseline_version { $version } には対応していません（このバージョンが読めるのは { $supported } です）。ベースラインを保存し直してください
shell-baseline-content = 想定外の内容です：{ $problem }
shell-baseline-created-at = created_at { $value } がRFC 3339形式の日時ではありません

# audit and password (cmd/audit.rs, cmd/password.rs)
shell-auditing = 診断中
shell-baseline-not-saved = ベースラインを { $path } に保存しませんでした：この実行で失敗した確認があり、不完全なベースラインでは以後の変化を見逃すためです
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
shell-rules-severity = 重大度
shell-rules-weight = 重み
shell-rules-category = カテゴリ
shell-rules-facts = ファクト
shell-rules-when = 条件
shell-rules-source = 定義元
shell-rules-check-problems = { $dir } に { $count } 件の問題があります
shell-rules-check-ok = ok: { $dir }：ルール{ $rules }件、テストケース{ $cases }件がすべて成功しました
shell-rules-check-failed = { $dir } でルールのテストケースが { $count } 件失敗しました

# config path|init, errors (cmd/config.rs, cmd/error.rs)
shell-no-home = ホームフォルダがありません：--config PATH を指定してください
shell-config-exists = { $path } はすでに存在します（上書きするには --force を指定してください）
shell-config-wrote = { $path } に書き込みました
shell-cannot-write = 書き込めません：{ $path }: { $reason }

# password --stdin-list (password_list.rs)
shell-list-not-utf8 = 標準入力がUTF-8として正しくありません（{ $byte }バイト目）
shell-list-too-long = { $line }行目が{ $chars }文字あります。受け付けるのは{ $max }文字までです
shell-list-too-many = 標準入力のパスワードが{ $max }個を超えています
shell-list-empty = 標準入力にパスワードがありません（1行に1つずつ入力してください）
shell-list-source-file = ローカルファイル { $path } で照合しました（何も送信していません）
shell-list-source-api = Pwned Passwords 範囲API（{ $host }）：各パスワードのSHA-1（16進数40桁）のうち先頭5桁だけを Add-Padding: true 付きで送信しました
shell-list-title = 行番号ごとの流出チェック（パスワードは表示しません）
shell-list-line = 行
shell-list-found = 発見：既知の流出データに{ $times }回含まれています
shell-list-not-found = 既知の流出データには見つかりません
shell-list-not-checked = 未確認：
shell-list-remediation = 見つかったパスワードごとに、今すぐ次の対応をしてください：

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
shell-toml-invalid-literal-string = リテラル文字列（`'…'`）が正しくありません
shell-toml-invalid-basic-string = 文字列（`"…"`）が正しくありません
shell-toml-invalid-multi-line-basic-string = 複数行の文字列（`"""…"""`）が閉じていません
shell-toml-invalid-multi-line-literal-string = 複数行のリテラル文字列（`'''…'''`）が閉じていません
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
shell-toml-expected = { $sentence }（使えるもの：{ $expected }）
shell-toml-expected-as-said = { $sentence }（パーサーの説明：「expected { $expected }」）
shell-toml-unknown-field = `{ $name }` という項目はありません
shell-toml-unknown-variant = `{ $name }` は使えない値です
shell-toml-missing-field = 必須の項目 `{ $name }` がありません
shell-toml-got-want = { $what }：{ $got } ではなく { $want } が必要です
shell-toml-got = { $what }: { $got }
shell-toml-what-as-said = { $what }（パーサーの説明：「{ $said }」）
shell-toml-invalid-length = 要素の数（{ $length }）が正しくありません
shell-toml-unknown = TOMLとして読めません（パーサーの説明：「{ $said }」）

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

    # 複数アカウント：--profile sub1 または --all-profiles
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

    # 検出事項を意図して受け入れる：表示はするが、点数にも判定にも含めません
    # [[waiver]]
    # rule = "BA-API-004"
    # reason = "取引ボット用のキー。ボット側の予定で作り直す"   # 必須
    # expires = 2027-01-01         # 省略可：この日以降は再び検出事項として扱います
    # profile = "bot"              # 省略可：このプロファイルだけに適用

shell-setup-ask-region = アカウントはどのBinanceにありますか？ Enterで表示中の回答のままにします
shell-setup-retry-region = 一覧の番号か、global / jp で答えてください。
shell-setup-region-recorded = Binance: { $name }（[binance] に region = "{ $id }"）。

## ── end of shell ──
