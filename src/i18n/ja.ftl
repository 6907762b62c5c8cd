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
binance-error-no-credentials = APIキーがありません: BINANCE_API_KEY と BINANCE_API_SECRET（または BINANCE_API_PRIVATE_KEY_FILE）を設定してください
binance-error-offline = オフラインモード: Binanceには接続していません
binance-error-2015 = BinanceがAPIキーを拒否しました（-2015 「Invalid API-key, IP, or permissions for action」）。主な原因: (1) APIキーとシークレット／秘密鍵の組み合わせが違う — 両方をもう一度コピーしてください。(2) この端末のIP{ $ip }がキーのIP許可リストにない — これは良い状態です。許可した端末から実行するか、プロフィール → API管理 → 制限を編集 でこのIPを追加してください。(3) キーの「読み取りを有効にする」がオフ — プロフィール → API管理 でオンにしてください
binance-error-2015-ip = （Binanceから見えたIP: { $ip }）
binance-error-2008 = BinanceはこのAPIキーを認識していません（-2008 「Invalid Api-Key ID」）。削除されたか期限切れです（IP制限のない未使用のキーはBinanceが削除します）。またはテストネット／デモ用のキーです。プロフィール → API管理 で読み取り専用のキーを新しく作成してください
binance-error-2014 = BinanceがAPIキーの形式を拒否しました（-2014）。打ち間違い、空白、改行が入っています。プロフィール → API管理 からもう一度コピーしてください
binance-error-clock = Binanceがリクエストの時刻を拒否しました（-1021）。補正後もこの端末の時計がBinanceの時刻から離れすぎています。時刻の自動同期（NTP）を有効にして、もう一度実行してください
binance-error-clock-uncorrected = Binanceがリクエストの時刻を拒否しました（-1021）。この端末の時計がBinanceの時刻から離れすぎており、補正のためのBinanceの時刻も読めませんでした。時刻の自動同期（NTP）を有効にして、もう一度実行してください
binance-error-1022 = Binanceが署名を無効と判定しました（-1022）。シークレットまたは秘密鍵がこのAPIキーのものではないか、種類が違います。BINANCE_API_SECRET / BINANCE_API_PRIVATE_KEY_FILE をプロフィール → API管理 の内容と照らし合わせてください
binance-error-1002 = このキーにはこのリクエストの権限がないとBinanceが応答しました（-1002）。サブアカウントのキーでは、マスターアカウントの一部のデータを読めません
binance-error-1003 = Binanceのレート制限に達しました（-1003）。Binanceの求めどおり停止しました。数分後にもう一度実行してください
binance-error-busy = Binanceが応答できませんでした（{ $code }: 混雑または内部のタイムアウト）。しばらくしてからもう一度お試しください
binance-error-code = Binanceがエラー { $code } を返しました（HTTP { $status }）
binance-error-code-msg = Binanceがエラー { $code } を返しました（HTTP { $status }）: 「{ $msg }」
binance-error-not-sent = Binanceには問い合わせていません: { $why }
binance-error-rate-limited = Binanceのレート制限に達しました（HTTP 429）。このエンドポイントは再び呼び出していません{ $wait }。再試行していないので、制限を悪化させていません
binance-error-rate-limited-wait = （Binanceの求めどおり{ $secs }秒お待ちください）
binance-error-banned = リクエストが多すぎたため、BinanceがこのIPを一時的に禁止しました（HTTP 418）。以降の呼び出しはすべて止めました{ $wait }。それまでこのIPからBinanceに対してツールを実行しないでください
binance-error-banned-wait = （禁止は{ $secs }秒続きます）
binance-error-server = Binanceのサーバーエラー（HTTP { $status }、{ $attempts }回試行）。Binance側の問題です。しばらくしてからもう一度お試しください
binance-error-firewall = Binanceのファイアウォールがリクエストを拒否しました（HTTP 403）。5分以上待ってからもう一度実行してください
binance-error-http = BinanceがHTTP { $status } を返しました
binance-error-timeout = Binanceが{ $secs }秒以内に応答しませんでした（{ $attempts }回試行）。接続を確認するか、--timeout を大きくしてください
binance-error-connect = Binanceに接続できませんでした（{ $attempts }回試行）: { $detail }
binance-error-too-large = Binanceの応答が、このツールが読み込む上限の { $mib } MiB を超えています
binance-error-bad-json = Binanceの応答を読み取れませんでした（想定したJSONではありません: { $detail }）
binance-error-signing = リクエストに署名できませんでした: 「{ $error }」

# What is wrong with an answer that is not the JSON expected.
binance-json-duplicate-key = キー `{ $key }` が2回現れるため、値を決められません
binance-json-cut-off = 応答が途中で切れています
binance-json-malformed = { $line }行{ $column }列目の書式が正しくありません
binance-json-shape = { $line }行{ $column }列目が想定外の形です
binance-json-implausible-time = serverTime がありえない時刻です
binance-json-no-field = "{ $field }" フィールドがありません

# Why a private key cannot sign.
binance-sign-no-passphrase = 秘密鍵は暗号化されていますが、パスフレーズが指定されていません。BINANCE_API_PRIVATE_KEY_PASSPHRASE か BINANCE_API_PRIVATE_KEY_PASSPHRASE_FILE を設定するか、端末で実行して入力してください
binance-sign-wrong-passphrase = 暗号化された秘密鍵を開けませんでした。パスフレーズが違うか、Ed25519/RSAのPKCS#8鍵ではありません
binance-sign-pkcs1 = 秘密鍵がPKCS#1形式です。次のコマンドでPKCS#8に変換してください: `openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8`
binance-sign-openssh = 秘密鍵がOpenSSH形式です。BinanceのキーはPKCS#8のPEMです（`openssl genpkey -algorithm ed25519 -out key.pem`）
binance-sign-not-pem = 秘密鍵のファイルがPEM形式の秘密鍵ではありません（-----BEGIN PRIVATE KEY----- で始まるはずです）
binance-sign-unknown-key = 秘密鍵はEd25519のPKCS#8鍵でもRSAのPKCS#8鍵でもありません（またはファイルが壊れています）
binance-sign-rsa-failed = RSAの署名に失敗しました（キーが壊れていませんか）

# The network door's errors (net.rs words them in English; these say the same).
binance-outside = 「{ $text }」
binance-net-offline = オフラインモード: ネットワーク要求は送信していません
binance-net-timeout = { $secs }秒以内に応答がありませんでした
binance-net-connect = 接続できませんでした: { $detail }
binance-net-status = HTTP { $status } が返されました
binance-net-body = 応答を読み取れませんでした: { $detail }
binance-net-too-large = 応答が、このツールが読み込む上限の { $mib } MiB を超えています
binance-net-deadline = この実行の制限時間（{ $secs }秒）に達したため、送信していません
binance-net-host-down = 送信していません: { $host } はこの実行中に先に応答しませんでした（{ $cause }）
binance-net-dns = { $host } の名前解決（DNS）に失敗しました。インターネット接続、DNSまたはプロキシの設定を確認してください
# $detail is net's English sentence: not shown here (the selector only
# keeps both languages' variables the same until net.rs hands over data).
binance-net-tls-intercepted = { $detail ->
   *[other] HTTPS通信が傍受されている可能性があります（プロキシまたはウイルス対策ソフト）。提示された証明書はこのホスト向けに発行されたものではありません。このホストのHTTPS検査をオフにするか別のネットワークを使い、原因がわかるまでキーやパスワードを入力しないでください
}
binance-net-tls-refused = TLS証明書が拒否されました: 「{ $detail }」

# The audit's Binance check.
binance-audit-who = キー { $key } ({ $key_type }) 接続先 { $host }
binance-audit-summary = { $who }: { $total }件中{ $read }件のエンドポイントを読み取り{ $clock }
binance-audit-clock = 、Binanceとの時計のずれ { $offset } ms
binance-audit-problem = { $line } [{ $calls }]
binance-audit-lacks-field = Binanceの応答に `{ $field }` がないため、それを使う確認は実行していません
binance-audit-not-included = Binanceの応答に含まれていませんでした
binance-audit-no-field = Binanceの応答に `{ $field }` がありません
binance-audit-implausible-create-time = Binanceの `createTime`（{ $time }）はキーの作成日時としてありえません（Binanceの開始前か未来）

# The evidence bundle.
binance-evidence-not-a-pair = --symbol { $raw } は取引ペア（BTCUSDT など）ではありません
binance-evidence-unreadable = 、読めない記録{ $n }件は除外
binance-evidence-repeated-page = 停止: Binanceが{ $what }の同じページを2回返しました（ページ送りが無視されています）。残りは収集していません
binance-evidence-too-many-pages = 1つの区間で{ $what }を{ $pages }ページ読んだところで停止しました。残りは収集していません
binance-evidence-stopped-at-window = { $windows }区間中{ $window }区間目で停止: { $error }
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
binance-time-no-time-and-zone = { $raw } には時刻とタイムゾーンがありません。タイムゾーン付きのRFC 3339で指定してください（例: 2026-11-20T00:00Z（UTC）、2026-11-20T09:00+09:00（日本時間））
binance-time-no-zone = { $raw } にはタイムゾーンがありません。タイムゾーン付きのRFC 3339で指定してください（例: 2026-11-20T00:00Z（UTC）、2026-11-20T09:00+09:00（日本時間））
binance-time-not-a-time = { $raw } は日時として読めません。タイムゾーン付きのRFC 3339で指定してください（例: 2026-11-20T00:00Z（UTC）、2026-11-20T09:00+09:00（日本時間））
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
binance-creds-both-vars = { $secret_var } と { $pem_var } の両方が設定されています。キーの種類（HMACシークレットか、Ed25519/RSAの秘密鍵）に合う方だけを残してください
binance-creds-both-files = { $section } に secret_file と private_key_file の両方があります。キーの種類に合う方だけを残してください
binance-creds-no-signer = APIキー（{ $key_origin }）はありますが、署名する手段がありません。{ $secret_var }（HMACシークレット）か { $pem_var }（Ed25519/RSAの秘密鍵ファイル）を設定してください
binance-creds-pem-not-text = { $origin }: 秘密鍵のファイルがテキスト（PEM）ではありません
binance-creds-of = { $origin }: { $error }
binance-creds-secret-empty = { $origin }: シークレットが空です
binance-creds-secret-not-printable = { $origin }: シークレットに空白・改行・ASCII以外の文字が含まれています（Binanceのシークレットキーは英数字1行です）
binance-creds-secret-is-pem = { $origin }: これはHMACシークレットではなくPEM形式の秘密鍵です。private_key_file / BINANCE_API_PRIVATE_KEY_FILE で指定してください
binance-creds-too-large = { $origin }: { $path } は { $bytes } バイトあり、キーとしては大きすぎます
binance-creds-passphrase = 秘密鍵のパスフレーズ
binance-creds-passphrase-in = { $var } の{ $what }
binance-creds-passphrase-prompt = APIの秘密鍵のパスフレーズ:{" "}


## ── end of binance ──

## ── incident ── Playbooks, the checklist log, evidence and the ticket (incident/).


## ── end of incident ──

## ── url ── The link check (url/, cmd/url/).


## ── end of url ──

## ── address ── The address check (address/, cmd/address/).


## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).


## ── end of shell ──
