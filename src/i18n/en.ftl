# binance-audit — English messages (Project Fluent syntax: https://projectfluent.org/fluent/guide/).
# Every sentence the program prints comes from here or from ja.ftl; rules and playbooks keep
# their own text in rules/. Each message must exist in both files with the same $variables.

## ── common ── Shared words: list separators, yes/no, units. Owner: anyone; add with care.

list-separator = {", "}

## ── end of common ──

## ── help ── --help, usage errors and man pages (cli.rs, main.rs, cmd/man.rs).


## ── end of help ──

## ── engine ── Facts, collectors other than Binance, rules, waivers, drift, score (collect/, facts.rs, audit/, rules/, score.rs).


## ── end of engine ──

## ── report ── Report renderers: text, Markdown, JUnit, SARIF (report/).


## ── end of report ──

## ── binance ── The Binance layer, the network and status (collect/binance/, net.rs, account.rs, status/).

# Network-log purposes: what a request to Binance was for.
binance-purpose-clock-check = Binance server time (clock check)
binance-purpose-clock-reread = Binance server time (re-read after -1021)
binance-purpose-server-time = Binance server time
binance-purpose-system-status = Binance system status
binance-purpose-connectivity = Binance connectivity
binance-purpose-api-key-permissions = API key permissions
binance-purpose-account-status = account status
binance-purpose-api-trading-lock = API trading lock
binance-purpose-enabled-products = enabled products
binance-purpose-address-book = withdrawal address book
binance-purpose-withdraw-quota = withdrawal quota used in 24 h
binance-purpose-account-switches = account can trade/withdraw/deposit
binance-purpose-withdraw-history-90-days = withdrawal history, 90 days (look-alike check)
binance-purpose-coin-states = deposit/withdrawal state per coin and network
binance-purpose-open-orders-count = open orders count (all symbols)
binance-purpose-address-check-book = withdrawal address book (address check)
binance-purpose-address-check-history = withdrawal history, 90 days (address check)
binance-purpose-account-uid = account UID and switches
binance-purpose-withdraw-history = withdraw history
binance-purpose-deposit-history = deposit history
binance-purpose-open-orders = open orders, all symbols
binance-purpose-order-trade-history = order/trade history
binance-purpose-evidence = { $what } (evidence)

# Why a Binance call did not produce data: the cause and the fix.
binance-error-no-credentials = no API key: set BINANCE_API_KEY and BINANCE_API_SECRET (or BINANCE_API_PRIVATE_KEY_FILE)
binance-error-offline = offline mode: Binance was not contacted
binance-error-2015 = Binance rejected the API key (-2015 "Invalid API-key, IP, or permissions for action"); the usual causes: (1) the key and the secret/private key do not belong together — copy both again; (2) this machine's IP{ $ip } is not on the key's IP allow-list — which is good: run the audit from an allowed host or add this IP in Profile → API Management → Edit restrictions; (3) "Enable Reading" is off for the key — turn it on in Profile → API Management
binance-error-2015-ip = {" "}(Binance saw { $ip })
binance-error-2008 = Binance does not know this API key (-2008 "Invalid Api-Key ID"): it was deleted or expired (Binance removes keys without IP restriction that stay unused), or it is a testnet/demo key; create a new read-only key in Profile → API Management
binance-error-2014 = Binance rejected the API key's format (-2014): it has a typo, a space or a line break; copy it again from Profile → API Management
binance-error-clock = Binance rejected the request time (-1021): this machine's clock is too far from Binance's even after correction; turn on automatic time sync (NTP) and run again
binance-error-clock-uncorrected = Binance rejected the request time (-1021): this machine's clock is too far from Binance's, and Binance's time could not be read to correct it; turn on automatic time sync (NTP) and run again
binance-error-1022 = Binance says the signature is invalid (-1022): the secret or private key does not belong to this API key, or it is of the wrong type; check BINANCE_API_SECRET / BINANCE_API_PRIVATE_KEY_FILE against Profile → API Management
binance-error-1002 = Binance says this key is not authorized for this request (-1002); a sub-account key cannot read some master-account data
binance-error-1003 = Binance rate limit reached (-1003): stopped as Binance asks; run again in a few minutes
binance-error-busy = Binance could not answer ({ $code }: busy or internal timeout); try again later
binance-error-code = Binance returned error { $code } (HTTP { $status })
binance-error-code-msg = Binance returned error { $code } (HTTP { $status }): { $msg }
binance-error-not-sent = Binance was not asked: { $why }
binance-error-rate-limited = Binance rate limit hit (HTTP 429): this endpoint was not called again{ $wait }; nothing was retried, so the limit is not made worse
binance-error-rate-limited-wait = {" "}as Binance asks — wait { $secs } s
binance-error-banned = Binance has temporarily banned this IP (HTTP 418) after too many requests: every further call was stopped{ $wait }; do not run tools against Binance from this IP until then
binance-error-banned-wait = {" "}— the ban lasts { $secs } s
binance-error-server = Binance server error (HTTP { $status }) after { $attempts } attempt(s); Binance-side problem, try again later
binance-error-firewall = Binance's firewall refused the request (HTTP 403); wait at least 5 minutes before running again
binance-error-http = Binance answered HTTP { $status }
binance-error-timeout = Binance did not answer within { $secs } s ({ $attempts } attempt(s)); check the connection or raise --timeout
binance-error-connect = could not reach Binance ({ $attempts } attempt(s)): { $detail }
binance-error-too-large = Binance's answer is larger than { $mib } MiB, the most this tool reads
binance-error-bad-json = Binance's answer could not be read (not the expected JSON: { $detail })
binance-error-signing = could not sign the request: { $error }

# What is wrong with an answer that is not the JSON expected.
binance-json-duplicate-key = the key `{ $key }` appears twice, so its value is unknown
binance-json-cut-off = the answer was cut off
binance-json-malformed = malformed at line { $line } column { $column }
binance-json-shape = unexpected shape at line { $line } column { $column }
binance-json-implausible-time = serverTime is not a plausible time
binance-json-no-field = no "{ $field }" field

# Why a private key cannot sign.
binance-sign-no-passphrase = the private key is encrypted and no passphrase was given: set BINANCE_API_PRIVATE_KEY_PASSPHRASE or BINANCE_API_PRIVATE_KEY_PASSPHRASE_FILE, or run in a terminal to be asked
binance-sign-wrong-passphrase = the encrypted private key could not be opened: wrong passphrase, or not an Ed25519/RSA PKCS#8 key
binance-sign-pkcs1 = the private key is in PKCS#1 form; convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8
binance-sign-openssh = the private key is in OpenSSH form; Binance keys are PKCS#8 PEM (openssl genpkey -algorithm ed25519 -out key.pem)
binance-sign-not-pem = the private key file is not a PEM private key (expected -----BEGIN PRIVATE KEY-----)
binance-sign-unknown-key = the private key is neither an Ed25519 nor an RSA PKCS#8 key (or the file is damaged)
binance-sign-rsa-failed = RSA signing failed (is the key damaged?)

# The network door's errors (net.rs words them in English; these say the same).
binance-outside = { $text }
binance-net-offline = offline mode: no network request was made
binance-net-timeout = timed out after { $secs } s
binance-net-connect = could not connect: { $detail }
binance-net-status = HTTP { $status }
binance-net-body = response could not be read: { $detail }
binance-net-too-large = the answer is larger than { $mib } MiB, the most this tool reads
binance-net-deadline = the run's time limit of { $secs } s was reached; not sent
binance-net-host-down = not sent: { $host } did not answer earlier in this run ({ $cause })
binance-net-dns = DNS lookup failed for { $host }: check the internet connection, or the DNS or proxy settings
# $detail is net's English sentence, which names the service and the host.
binance-net-tls-intercepted = { $detail }
binance-net-tls-refused = { $detail }

# The audit's Binance check.
binance-audit-who = key { $key } ({ $key_type }) at { $host }
binance-audit-summary = { $who }: { $read } of { $total } endpoints read{ $clock }
binance-audit-clock = ; clock { $offset } ms vs Binance
binance-audit-problem = { $line } [{ $calls }]
binance-audit-lacks-field = Binance's answer lacks `{ $field }`, so the checks that need it did not run
binance-audit-not-included = Binance's answer did not include it
binance-audit-no-field = Binance's answer has no `{ $field }`
binance-audit-implausible-create-time = Binance's `createTime` ({ $time }) is not a time a key can have been created (before Binance existed or in the future)

# The evidence bundle.
binance-evidence-not-a-pair = --symbol { $raw } is not a trading pair such as BTCUSDT
binance-evidence-unreadable = ; { $n } unreadable record(s) skipped
binance-evidence-repeated-page = stopped: Binance sent the same page of { $what } twice (the paging was ignored), so the rest was not collected
binance-evidence-too-many-pages = stopped after { $pages } pages of { $what } in one time window; the rest was not collected
binance-evidence-stopped-at-window = stopped at window { $window } of { $windows }: { $error }
binance-evidence-withdrawals = { $n } withdrawal(s); { $calls } request(s) over { $windows } window(s){ $unreadable }
binance-evidence-deposits = { $n } deposit(s){ $unreadable }
binance-evidence-orders = { $n } order(s) for { $pairs }{ $unreadable }
binance-evidence-trades = { $n } trade(s) for { $pairs }{ $unreadable }
binance-evidence-open-orders = { $n } open order(s){ $unreadable }
binance-evidence-address-book = { $n } saved address(es)
binance-evidence-of = { $what }: { $error }
binance-evidence-and = { $first }; { $rest }
binance-evidence-pairs = { $first }{ list-separator }{ $rest }
binance-evidence-account-status = account status
binance-evidence-account = account
binance-evidence-clock-check = clock check
binance-evidence-status = status { $status }
binance-evidence-permissions-read = permissions read
binance-time-no-time-and-zone = { $raw } has no time and zone: use RFC 3339 with a time zone, e.g. 2026-11-20T00:00Z (UTC) or 2026-11-20T09:00+09:00 (JST)
binance-time-no-zone = { $raw } has no time zone: use RFC 3339 with a time zone, e.g. 2026-11-20T00:00Z (UTC) or 2026-11-20T09:00+09:00 (JST)
binance-time-not-a-time = { $raw } is not a time: use RFC 3339 with a time zone, e.g. 2026-11-20T00:00Z (UTC) or 2026-11-20T09:00+09:00 (JST)
binance-period-future = --since ({ $since }) is in the future
binance-period-order = --since ({ $since }) must be before --until ({ $until })

# The address check's reading of Binance.
binance-address-no-account = no Binance account selected

# API credentials that are configured but cannot be used.
binance-creds-setting = { $key } in { $section }
binance-creds-not-utf8 = { $var } is not valid UTF-8
binance-creds-secret-without-key = a secret is configured but no API key: set { $key_var } or api_key in { $section }
binance-creds-key-empty = { $origin } is empty
binance-creds-key-not-printable = { $origin } contains spaces, line breaks or non-ASCII characters; copy the key again from Profile → API Management
binance-creds-both-vars = both { $secret_var } and { $pem_var } are set: keep the one that matches the key's type (HMAC secret or Ed25519/RSA private key)
binance-creds-both-files = both secret_file and private_key_file are set in { $section }: keep the one that matches the key's type
binance-creds-no-signer = an API key is set ({ $key_origin }) but no way to sign: set { $secret_var } (HMAC secret) or { $pem_var } (Ed25519/RSA private key file)
binance-creds-pem-not-text = { $origin }: the private key file is not text (PEM)
binance-creds-of = { $origin }: { $error }
binance-creds-secret-empty = { $origin }: the secret is empty
binance-creds-secret-not-printable = { $origin }: the secret contains spaces, line breaks or non-ASCII characters (a Binance secret key is one line of letters and digits)
binance-creds-secret-is-pem = { $origin }: this is a PEM private key, not an HMAC secret; name it with private_key_file / BINANCE_API_PRIVATE_KEY_FILE
binance-creds-too-large = { $origin }: { $path } is { $bytes } bytes, too large to be a key
binance-creds-passphrase = the private key's passphrase
binance-creds-passphrase-in = { $what } in { $var }
binance-creds-passphrase-prompt = Passphrase of the API private key:{" "}


## ── end of binance ──

## ── incident ── Playbooks, the checklist log, evidence and the ticket (incident/).


## ── end of incident ──

## ── url ── The link check (url/, cmd/url/).


## ── end of url ──

## ── address ── The address check (address/, cmd/address/).


## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).


## ── end of shell ──
