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


## ── end of binance ──

## ── incident ── Playbooks, the checklist log, evidence and the ticket (incident/).


## ── end of incident ──

## ── url ── The link check (url/, cmd/url/).


## ── end of url ──

## ── address ── The address check (address/, cmd/address/).


## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).


## ── end of shell ──
