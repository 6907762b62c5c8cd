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


# status, net, account
status-title = Binance status
status-checking = checking Binance
status-failed = failed: { $detail }
status-next-heading = What to do next:
status-channels-heading = Confirm on Binance's official channels (type the address yourself):
status-row-system = system
status-row-ping = ping
status-row-clock = clock
status-row-account = account
status-row-coins = coins
status-row-open-orders = open orders
status-detail-offline = not checked: offline
status-detail-no-key = not checked: no API key (set BINANCE_API_KEY and BINANCE_API_SECRET for a read-only key)
status-detail-system-normal = normal
status-detail-system-maintenance = maintenance ({ $msg })
status-detail-not-system-status = unexpected answer (not {"{"}"status","msg"{"}"})
status-detail-no-server-time = unexpected answer (no serverTime)
status-detail-ping-ms = { $ms } ms
status-detail-account = { $status }
status-detail-coins = { $coins }: { $networks } network(s), { $suspended } with deposits or withdrawals suspended
status-detail-no-coin-held = no coin with a balance
status-detail-coins-missing = not listed by Binance: { $coins }
status-detail-coins-and-missing = { $coins }; { $missing }
status-coins-not-a-list = Binance's coin list is not the expected JSON list
status-coins-no-network-flags = Binance's answer for { $coin } lacks its networks' depositEnable/withdrawEnable, so their state is not known
# A public check's HTTP error: the status, then Binance's own error (if it sent one), then its wait (if it named one).
status-http = HTTP { $status }{ $binance_error }{ $retry }
status-http-binance-error = , Binance error { $code }: { $msg }
status-http-retry-after = , retry after { $secs } s
status-skew-in-sync = in sync with Binance
status-skew-behind = this machine is { $secs } s behind Binance
status-skew-ahead = this machine is { $secs } s ahead of Binance
status-no-reason-given = no reason given
status-verdict-offline = Not checked: offline (--offline).
status-verdict-unreachable = Binance's API cannot be reached from this machine ({ $detail }).
status-verdict-server-error = Binance's API is answering with server errors: the problem is likely on Binance's side.
status-verdict-rate-limited = Binance is refusing requests from this IP address (rate limit or temporary ban): a bot or script on this network may be sending too many requests.
status-verdict-maintenance = Binance reports maintenance ({ $msg }).
status-verdict-account-restricted = Binance reports your account status as: { $status }
status-verdict-withdraw-suspended = Withdrawals of { $coin } on network { $network } are suspended by Binance: { $reason }
status-verdict-deposit-suspended = Deposits of { $coin } on network { $network } are suspended by Binance: { $reason }
status-verdict-network-busy = Binance flags network { $network } for { $coin } as busy: expect delays.
status-verdict-slow-connection = Slow connection: the time request took { $rtt } s there and back, which explains the { $secs } s gap measured; the clock itself cannot be judged over this link.
status-verdict-clock-skew = This machine's clock is off ({ $skew }, { $pm } s): { $why }. This is a local problem.
status-clock-why-ahead = Binance refuses signed requests stamped 1 s or more ahead of its clock (error -1021)
status-clock-why-behind = Binance refuses signed requests older than their recvWindow, 5 s by default (error -1021)
status-verdict-slow = The connection to Binance is slow ({ $ms } ms per request).
status-verdict-incomplete-system-ran = Binance reports no exchange-wide problem, but some checks could not complete; see below.
status-verdict-incomplete = Some checks could not complete; see below.
status-verdict-all-normal = All normal — Binance reports no problem, so the problem is likely local.
status-next-check-connection = Check this machine's connection: do other websites load? Turn off VPN or proxy, try another network (mobile data instead of Wi-Fi).
status-next-maybe-blocked = If your connection works, Binance may be down or blocked on your network: check Binance's announcements and X account below.
status-next-wait-and-retry = Wait and retry in a few minutes; do not resend deposits or withdrawals in the meantime.
status-next-stop-bots = Stop bots and scripts on this network, wait for the time Binance states, then try again.
status-next-wait-for-maintenance = Wait for the maintenance to end; Binance announces the end on its announcements page. Do not resend transfers.
status-next-account-playbook = See the account playbook: binance-audit incident account
status-next-avoid-suspended-network = Do not send on a suspended network: wait until Binance reopens it, or use another network that is enabled and that the other side supports (check the address format and memo/tag).
status-next-sync-clock = Turn on automatic time synchronisation (NTP) in the system settings.
status-next-try-local-fixes = Update the Binance app, try the website instead of the app (or the reverse), turn off VPN or proxy, and try another network.
status-next-cannot-log-in = If you cannot log in or your account is restricted: binance-audit incident account
status-next-check-open-orders = You have { $n } open order(s): make sure each one is yours (Orders → Open Orders).
status-next-add-read-only-key = With a read-only API key this command also checks deposits and withdrawals of the coins you hold.
net-outside = { $text }
net-offline = offline mode: no network request was made
net-timeout = timed out after { $secs } s
net-could-not-connect = could not connect: { $reason }
net-dns-failed = DNS lookup failed for { $host }: check the internet connection, or the DNS or proxy settings
net-tls-intercepted = HTTPS to { $service } appears to be intercepted (proxy or antivirus): the certificate presented is not one issued for { $host }; turn off HTTPS inspection for this host or use another network, and enter no keys or passwords until it is explained
net-tls-refused = the TLS certificate of { $host } was refused ({ $reason })
net-http-status = HTTP { $status }
net-body = response could not be read: { $reason }
net-too-large = the answer is larger than { $mib } MiB, the most this tool reads
net-deadline = the run's time limit of { $secs } s was reached; not sent
net-host-down = not sent: { $host } did not answer earlier in this run ({ $cause })
net-url-not-a-url = { $what } URL { $raw } is not a URL: { $reason }
net-url-plain-http = { $what } URL { $raw } uses plain http; only https is allowed (http only for 127.0.0.1/localhost)
net-url-scheme = { $what } URL { $raw } has unsupported scheme { $scheme }
net-url-no-host = { $what } URL { $raw } has no host
net-url-user-info = { $what } URL must not contain user:password@
# What a request was for, as the network log is shown (-v, the text report); the JSON keeps the English label.
net-purpose-clock-check = Binance server time (clock check)
net-purpose-clock-reread = Binance server time (re-read after -1021)
net-purpose-server-time = Binance server time
net-purpose-system-status = Binance system status
net-purpose-connectivity = Binance connectivity
net-purpose-api-key-permissions = API key permissions
net-purpose-trading-lock = API trading lock
net-purpose-account-status = account status
net-purpose-enabled-products = enabled products
net-purpose-address-book = withdrawal address book
net-purpose-withdraw-quota = withdrawal quota used in 24 h
net-purpose-account-abilities = account can trade/withdraw/deposit
net-purpose-account-uid = account UID and switches
net-purpose-deposit-history = deposit history
net-purpose-withdraw-history = withdraw history
net-purpose-open-orders = open orders, all symbols
net-purpose-open-orders-count = open orders count (all symbols)
net-purpose-order-history = order/trade history
net-purpose-coin-networks = deposit/withdrawal state per coin and network
net-purpose-pwned-range = Pwned Passwords range lookup (k-anonymity: first 5 of 40 SHA-1 hex digits, Add-Padding: true)
net-purpose-evidence = { $what } (evidence)
account-no-profile = no profile { $name } in the config{ $known }
account-no-profile-none = {" "}(it has none; add [profiles.NAME] sections)
account-no-profile-known = {" "}(known: { $names })
account-no-profiles = --all-profiles: the config has no [profiles.NAME] sections (see `binance-audit config init`)
account-list-more = { $list }{ list-separator }{ $name }
account-none-selected = no Binance account selected

## ── end of binance ──

## ── incident ── Playbooks, the checklist log, evidence and the ticket (incident/).


## ── end of incident ──

## ── url ── The link check (url/, cmd/url/).


## ── end of url ──

## ── address ── The address check (address/, cmd/address/).


## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).


## ── end of shell ──
