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


## ── end of incident ──

## ── url ── The link check (url/, cmd/url/).


## ── end of url ──

## ── address ── The address check (address/, cmd/address/).


## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).


## ── end of shell ──
