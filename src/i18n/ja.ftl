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

# 重要度の表示: 強調（テキストのレポート、Markdown の見出し）と通常（Markdown の表）。
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
report-format-markdown = GitHub のステップサマリーやメール用
report-format-junit = JUnit XML（ルールごとにテストケース1つ）
# $names: 形式の名前を ", " でつないだもの。
report-format-unknown = 不明な形式 { $name } です（次のいずれか: { $names }）

# どの形式にも共通の語。
report-coverage = { $total }項目中{ $evaluated }項目を確認
report-score = スコア
report-grade = 評価
report-not-graded = 評価なし
report-no-findings = 確認できた項目に問題は見つかりませんでした。
report-findings = 検出事項
report-not-checked = 未確認
report-waivers = 免除設定
report-evidence = 根拠
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
report-text-next-steps = 評価を得るには、次を実行してください:
report-text-do-first = まずこれを
report-text-do-first-item = { $title }（+{ $points }点、{ $id }）
report-text-waived-count = 、うち免除{ $n }件
report-text-not-applicable = 該当なし
report-text-waiver-expired = 期限切れ
report-text-warning = 警告:
report-text-incomplete = 不完全
report-text-new = 新規
report-text-points = （修正で+{ $points }点）
report-text-waived = 免除（スコア・判定の対象外）
report-text-declared = （{ $date }にあなたが申告した内容に基づきます。API等で確認したものではありません）
report-text-why = 理由
report-text-check-failed = 失敗
report-text-passed = 問題なし（該当せず）
report-text-superseded = より重大な検出事項に含まれる項目
report-text-superseded-item = { $id }（{ $by } を参照）
report-text-declared-head = あなたの申告（APIでは確認できない項目）
report-text-password-head = パスワード強度（zxcvbn、この端末内で計算）
report-text-password-score = スコア
report-text-password-guesses = 推定推測回数
report-text-password-online = オンライン攻撃・回数制限あり（毎時100回）
report-text-password-offline = オフライン攻撃・低速ハッシュ（毎秒1万回）
report-text-password-warning = 警告
report-text-network = 送信したネットワーク要求
report-text-network-none = なし: この端末から何も送信していません
report-text-network-tries = （{ $tries }回試行）

# Markdown（report/markdown.rs）。記法はコードの側に置きます。
report-md-title = binance-audit セキュリティ診断レポート
report-md-profile = プロファイル
report-md-incomplete = 不完全: 一部の確認を実行できませんでした
report-md-score-then = （当時のスコア: { $score }）
report-md-compared = 比較したベースライン:
report-md-saved = 保存日時
report-md-waived-count = ＋免除 { $n }件
report-md-severity = 重要度
report-md-rule = ルール
report-md-finding = 内容
report-md-baseline = ベースライン
report-md-waived-mark = （免除）
report-md-new = 新規
report-md-existing = 既存
report-md-until = （{ $date }まで）
report-md-waived = 免除 — スコアと判定には数えません
report-md-declared = { $date }にあなたが申告した内容に基づきます（API等で確認したものではありません）。
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
report-junit-see = 参考:
report-junit-not-checked = 未確認

# SARIF（report/sarif.rs）: GitHub code scanning が表示する文。
report-sarif-evidence = { $title }。根拠: { $evidence }
report-sarif-fix = 対処
report-sarif-references = 参考
report-sarif-waiver-expires = { $reason }（免除の期限: { $date }）
report-sarif-not-checked = { $id } 未確認: { $reason }
report-sarif-check-failed = 確認 { $check } が失敗しました: { $detail }

# シェルが出力について言うこと（cmd/output.rs）。
report-stdout = 標準出力
report-symlink = シンボリックリンクです。リンク経由では書き込みません
report-output-twice = --output で { $path } が2回指定されています。一方のレポートが他方を上書きします
report-output-is-input = --output { $path } は { $flag } のファイルでもあります。レポートを書くとそれを上書きします
report-summary-append = $GITHUB_STEP_SUMMARY に要約を追記できません

## ── end of report ──

## ── binance ── The Binance layer, the network and status (collect/binance/, net.rs, account.rs, status/).


# status, net, account
status-title = Binanceの状態
status-checking = Binanceを確認中
status-failed = 失敗： { $detail }
status-next-heading = 次にすること：
status-channels-heading = Binanceの公式チャネルで確認してください（アドレスはご自身で入力してください）：
status-row-system = システム
status-row-ping = 応答時間
status-row-clock = 時計
status-row-account = アカウント
status-row-coins = 通貨
status-row-open-orders = オープンオーダー
status-detail-offline = 未確認：オフライン
status-detail-no-key = 未確認：APIキーがありません（読み取り専用キーを BINANCE_API_KEY と BINANCE_API_SECRET に設定してください）
status-detail-system-normal = 通常
status-detail-system-maintenance = メンテナンス中 ({ $msg })
status-detail-not-system-status = 想定外の応答（{"{"}"status","msg"{"}"} ではありません）
status-detail-no-server-time = 想定外の応答（serverTime がありません）
status-detail-ping-ms = { $ms } ms
status-detail-account = 「{ $status }」
status-detail-coins = { $coins }：{ $networks }ネットワーク中、入出金停止 { $suspended }
status-detail-no-coin-held = 残高のある通貨はありません
status-detail-coins-missing = Binanceに存在しない通貨： { $coins }
status-detail-coins-and-missing = { $coins }; { $missing }
status-coins-not-a-list = Binanceの通貨一覧が想定したJSONのリストではありません
status-coins-no-network-flags = Binanceの応答に { $coin } のネットワークの depositEnable/withdrawEnable がないため、入出金の状態がわかりません
# 公開の確認のHTTPエラー：ステータス、Binance自身のエラー（あれば）、待ち時間（あれば）の順。
status-http = HTTP { $status }{ $binance_error }{ $retry }
status-http-binance-error = 、Binanceのエラー { $code }: 「{ $msg }」
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
net-offline = オフラインモード: ネットワーク要求は送信していません
net-timeout = { $secs }秒以内に応答がありませんでした
net-could-not-connect = 接続できませんでした: { $reason }
net-dns-failed = { $host } の名前解決（DNS）に失敗しました。インターネット接続、DNSまたはプロキシの設定を確認してください
net-tls-intercepted = { $service } へのHTTPS通信が傍受されている可能性があります（プロキシまたはウイルス対策ソフト）。提示された証明書は { $host } 向けに発行されたものではありません。このホストのHTTPS検査をオフにするか別のネットワークを使い、原因がわかるまでキーやパスワードを入力しないでください
net-tls-refused = { $host } のTLS証明書が拒否されました: { $reason }
net-http-status = HTTP { $status } が返されました
net-body = 応答を読み取れませんでした: { $reason }
net-too-large = 応答が、このツールが読み込む上限の { $mib } MiB を超えています
net-deadline = この実行の制限時間（{ $secs }秒）に達したため、送信していません
net-host-down = 送信していません: { $host } はこの実行中に先に応答しませんでした（{ $cause }）
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
net-purpose-pwned-range = Pwned Passwordsの範囲検索（k-匿名性: SHA-1の16進40桁のうち先頭5桁のみ、`Add-Padding: true`）
net-purpose-evidence = { $what }（証拠）
account-no-profile = 設定ファイルにプロファイル { $name } がありません{ $known }
account-no-profile-none = （プロファイルは1つもありません。[profiles.NAME] の表を追加してください）
account-no-profile-known = （あるもの: { $names }）
account-no-profiles = --all-profiles: 設定ファイルに [profiles.NAME] の表がありません（`binance-audit config init` を参照）
account-list-more = { $list }{ list-separator }{ $name }
account-none-selected = Binanceのアカウントが選ばれていません

## ── end of binance ──

## ── incident ── Playbooks, the checklist log, evidence and the ticket (incident/).

# The playbooks (incident/playbook.rs): one line per kind, for `incident` with no kind and --help.
incident-kind-breach = 他人にアクセスされているかもしれない: 締め出し、資産の流出を止め、報告する
incident-kind-outage = Binanceやアプリが動かない: Binanceの問題か、自分の側の問題か
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
incident-playbook-unreadable = 読み込めません: { $reason }
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
incident-mark-no-state = STEP=done または STEP=skipped の形で指定してください（指定された値: { $given }）
incident-mark-bad-state = 状態は done か skipped にしてください（指定された値: { $given }）
incident-marks-unknown-step = { $kind } のプレイブックに手順 { $step } はありません。手順は次のとおりです: { $steps }
incident-log-unreadable = インシデントの記録ファイル { $path } を読み取れません: { $reason }
incident-log-invalid = インシデントの記録ファイル { $path } が正しくありません（{ $problem }）。別の場所に移すか、--log FILE で別の記録ファイルを指定してください
incident-log-schema = インシデントの記録ファイル { $path } の schema_version は { $found } です。このバージョンが読めるのは { $reads } です
incident-log-other-playbook = インシデントの記録ファイル { $path } は { $want } ではなく { $found } のプレイブックのものです。--log FILE で別の記録ファイルを指定してください
incident-log-cannot-create-folder = フォルダ { $dir } を作成できません: { $reason }
incident-log-cannot-encode = インシデントの記録をJSONにできません: 「{ $error }」
incident-log-cannot-write = インシデントの記録ファイルに書き込めません: { $reason }
# serde_json's complaint about a log, retold; English readers are shown serde_json's own words instead.
incident-json-eof = { $line }行{ $column }列: JSONが途中で終わっています
incident-json-syntax = { $line }行{ $column }列: JSONとして正しくありません
incident-json-data = { $line }行{ $column }列: { $problem }
incident-walk-cannot-write = 端末に書き込めません: { $reason }
incident-walk-cannot-read = 回答を読み取れません: { $reason }
incident-walk-resuming = 再開します：全{ $total }手順のうち{ $recorded }手順は記録済みです。
incident-walk-prompt = [d] 完了 / [s] スキップ / [q] 中断（後で再開）:{" "}
incident-walk-answer = d、s、q のいずれかを入力してください。
incident-progress-all = 全{ $total }手順を記録しました（完了 { $done }、スキップ { $skipped }）。
incident-progress-some = 全{ $total }手順のうち{ $recorded }手順を記録済み（完了 { $done }、スキップ { $skipped }）。次：{ $next }. { $title }
incident-progress-log = ログ：{ $path }

# A playbook shown (incident/show.rs). The text labels line up: keep them the same width.
incident-show-why = 理由：
incident-show-where = 場所：
incident-show-run = 実行：
incident-show-link = リンク：
incident-show-channels-head = 公式チャネル（アドレスはご自身で入力してください。それ以外の連絡先は Binance Verify で確認できます）：
incident-show-walk-steps = 手順を順に記録する：
incident-show-collect-evidence = 証拠を集めて問い合わせ文を作る：
incident-md-why = 理由：
incident-md-where = 場所：
incident-md-run = 実行：
incident-md-channels = 公式チャネル

# The support-ticket draft (incident/ticket.rs), read by Binance support: keep it plain and exact.
# The offset from UTC (+HH:MM) the ticket's times are written in; $time is "YYYY-MM-DD HH:MM:SS"
# at that offset, and incident-ticket-time names the zone.
incident-ticket-utc-offset = +09:00
incident-ticket-time = { $time } JST
incident-ticket-title = お問い合わせ: { $headline }
incident-ticket-headline-breach = アカウントへの不正アクセスの疑い
incident-ticket-headline-outage = サービス障害時に発生した問題
incident-ticket-headline-account = アカウントの利用に関する問題
incident-ticket-headline-trade = 注文・約定についての確認のお願い
incident-ticket-headline-support = お問い合わせ
incident-ticket-draft-note = { $tool } が { $when } に作成した下書きです。内容を確認し、［　］の部分を記入し、送りたくない部分を削除してから、サポートチャットに貼り付けてください。
incident-ticket-no-secrets = パスワード、2段階認証・SMSのコード、APIシークレット、シードフレーズは書かないでください。Binanceのサポートがそれらを求めることはありません。
incident-ticket-what-happened = 発生した事象
incident-ticket-what-happened-fill = ［2〜3文で：何に気づいたか、いつか、すでに行った対応（パスワード変更、APIキー削除、アカウントの無効化など）］
incident-ticket-uid = UID: { $uid }
incident-ticket-uid-fill = ［UID：Binanceアプリ → プロフィール］
incident-ticket-period = 確認した期間： { $since } – { $until }
incident-ticket-account-status = Binanceが示すアカウント状態： 「{ $status }」
incident-ticket-yes = 可
incident-ticket-no = 不可
incident-ticket-can = 取引： { $trade } / 出金： { $withdraw } / 入金： { $deposit }
incident-ticket-api-key = この情報の取得に使ったAPIキー（本ツールは読み取りのみに使用）： { $key } — { $permissions }
incident-ticket-permissions = { $permissions }; { $ip }
incident-ticket-permissions-not-read = 取得できず
incident-ticket-no-permissions = 権限なし
incident-ticket-ip-restricted = IP制限あり
incident-ticket-ip-not-restricted = IP制限なし
incident-ticket-ip-unknown = IP制限は不明
incident-ticket-withdrawal-count = この期間の出金：{ $count }件（うちホワイトリスト外のアドレスへの出金 { $flagged }件）、最初の出金 { $first }
incident-ticket-symbols = 確認した通貨ペア： { $symbols }
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
incident-ticket-not-collected = 取得できませんでした： { $detail }
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
incident-list-head = プレイブック（binance-audit incident 種類）:
incident-no-home = 記録ファイルを置くホームフォルダがありません: --log FILE を指定してください
incident-playbook-error = プレイブック: { $error }
incident-checklist-needs-terminal = --checklist は質問をするため、端末が必要です（CI も未設定であること）。スクリプトからは --mark STEP=done または --mark STEP=skipped を使ってください（手順: { $steps }）
incident-checklist-paused = 中断しました。同じコマンドをもう一度実行すると再開します。
incident-evidence-exists = { $path } はすでに存在します: 以前の証拠を残すため、--out で新しいフォルダを指定してください
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
incident-summary-not-collected = 取得できず： { $check }: { $detail }
incident-summary-powerful-key = 警告：使用したAPIキーには読み取り以外の権限（出金、取引、振替）があります。信頼できるツールのために自分で作成したキーでなければ、今すぐ プロフィール → API管理 で削除してください。このコマンドに必要なのは「読み取りを有効にする」だけです。
incident-summary-need-symbols = 注文と約定を取得するには、関係する通貨ペアを --symbol BTCUSDT,ETHUSDT のように指定してください。

## ── end of incident ──

## ── url ── The link check (url/, cmd/url/).


## ── end of url ──

## ── address ── The address check (address/, cmd/address/).


## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).


## ── end of shell ──
