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


## ── end of binance ──

## ── incident ── Playbooks, the checklist log, evidence and the ticket (incident/).


## ── end of incident ──

## ── url ── The link check (url/, cmd/url/).

# Sentences with arguments are made once per language with a marker per
# argument and then filled in per link (cmd/url/render.rs): a url- message
# must not choose a variant by an argument's value.

url-verdict-official = OFFICIAL
url-verdict-phishing = PHISHING
url-verdict-suspicious = SUSPICIOUS
url-verdict-unrelated = UNRELATED
url-verdict-invalid = INVALID

url-field-host = host
url-field-imitates = imitates
url-field-techniques = techniques
url-field-why = why
url-field-check = check
url-check-verify = Binance Verify: { $url }

# What stands where a link would be, for a part of a message not examined.
url-part-deep-nesting = (deeply nested message parts)
url-part-too-large = (input past the size limit)

url-summary = Checked { $n }: { $parts }.

url-error-no-input = no link given: pass URLs, --input FILE, or pipe links on standard input
url-error-cannot-read = cannot read { $path }: { $reason }
url-error-bad-input = cannot read the input: { $reason }
url-error-the-output = the output
url-error-line-too-long = input line { $n } is longer than { $limit }, the most read as one line
url-error-worker-stopped = a worker thread stopped before judging every line
url-error-reader-stopped = the input reader stopped unexpectedly

url-technique-omission = omission
url-technique-insertion = insertion
url-technique-repetition = repetition
url-technique-replacement = replacement
url-technique-transposition = transposition
url-technique-vowel-swap = vowel swap
url-technique-bitsquatting = bitsquatting
url-technique-homoglyph = homoglyph
url-technique-mixed-script = mixed script
url-technique-hyphenation = hyphenation
url-technique-dot-removed = dot removed
url-technique-dot-moved = dot moved
url-technique-combosquat = combosquat
url-technique-tld-swap = tld swap
url-technique-brand-subdomain = brand subdomain
url-technique-brand-in-path = brand in path
url-technique-userinfo = userinfo
url-technique-percent-encoded-host = percent encoded host
url-technique-ip-host = ip host
url-technique-shortener = shortener
url-technique-messenger-impersonation = messenger impersonation
url-technique-unverified-channel = unverified channel
url-technique-free-hosting = free hosting
url-technique-ipfs-gateway = ipfs gateway
url-technique-insecure-scheme = insecure scheme
url-technique-non-default-port = non default port
url-technique-data-url = data url
url-technique-javascript-url = javascript url
url-technique-unverified-domain = unverified domain
url-technique-transliteration = transliteration
url-technique-redirect = redirect
url-technique-link-text-mismatch = link text mismatch

url-reason-official-channel = This is an official Binance channel on { $site }.
url-reason-affiliated = { $host } belongs to { $site }, a BNB Chain site affiliated with Binance — not the exchange. Never enter your Binance login or API keys there.
url-reason-genuine = { $host } is a genuine Binance address ({ $site }).
url-reason-imitates = This link imitates { $owner } ({ $domain }). Do not open it and never enter a password, code or key there.
url-reason-cannot-verify = This link cannot be verified as Binance's and shows a risk sign.
url-reason-unrelated = { $host } has nothing to do with Binance and shows no risk sign. It is not a Binance page: never enter Binance credentials there.
url-reason-invalid = Not a URL or host name.
url-reason-omission = '{ $name }' drops a letter from '{ $brand }'.
url-reason-insertion = '{ $name }' adds a letter to '{ $brand }'.
url-reason-repetition = '{ $name }' doubles a letter of '{ $brand }'.
url-reason-replacement = '{ $name }' replaces a letter of '{ $brand }'.
url-reason-transposition = '{ $name }' swaps two neighbouring letters of '{ $brand }'.
url-reason-vowel-swap = '{ $name }' swaps a vowel of '{ $brand }' for another.
url-reason-bitsquatting = '{ $name }' differs from '{ $brand }' by one bit of one character (bitsquatting).
url-reason-homoglyph-decodes = The host is written with look-alike characters (e.g. fullwidth letters) that a browser turns into { $host }. Binance never writes its links this way.
url-reason-homoglyph = '{ $name }' uses look-alike characters (such as 1 for l, Cyrillic, Greek or fullwidth letters, dotless ı) to pass for '{ $brand }'.
url-reason-mixed-script = The host name mixes letters from different alphabets (e.g. Latin and Cyrillic), a common disguise.
url-reason-hyphenation = '{ $name }' adds a hyphen to '{ $brand }' or turns one of its dots into a hyphen.
url-reason-dot-removed = '{ $name }' removes a dot from the genuine address ({ $domain }), e.g. 'wwwbinance' or 'binancecom'.
url-reason-dot-moved = '{ $name }' moves a dot inside the brand name, so the real domain is { $site }.
url-reason-combosquat = '{ $name }' combines '{ $brand }' with other words; Binance does not use such names.
url-reason-tld-swap = Binance's name on another ending: { $site } is not { $domain }.
url-reason-brand-subdomain = The brand is only a prefix: the site really belongs to { $site }.
url-reason-brand-in-path = Binance is named only in the path or query; the site is { $site }.
url-reason-userinfo-mailbox = The mailbox name '{ $user }' uses Binance's name, but the mail domain is { $site }, not Binance's.
url-reason-userinfo = Everything before '@' ('{ $user }') is ignored by the browser; the link really goes to { $host }.
url-reason-percent-encoded-host = The host name is hidden with percent-escapes (%xx), which genuine links never do.
url-reason-ip-host = The link points to a bare IP address ({ $host }) instead of a Binance domain.
url-reason-shortener = { $site } is a URL shortener: the real destination is hidden.
url-reason-messenger-impersonation = A { $platform } account or invite using Binance's name ('{ $name }'). Binance support never contacts you through such accounts, never asks for codes or passwords in chat, and does not use WhatsApp.
url-reason-unverified-channel = A { $platform } account using Binance's name ('{ $name }') that is not in the list of official channels.
url-reason-free-hosting = Hosted on { $hosting }, a free hosting or site-builder service anyone can use; Binance does not host its pages there.
url-reason-ipfs-gateway = Served from IPFS, where anyone can publish pages that are hard to take down.
url-reason-insecure-scheme = The link does not use https:// — anyone on the network could read or change the page. Binance links always use https://.
url-reason-non-default-port = The link uses an unusual port ({ $port }); Binance's websites use the standard https port.
url-reason-data-url = A data: link carries a whole page inside itself, with no website behind it to check.
url-reason-javascript-url = A javascript: link runs code when clicked.
url-reason-transliteration = '{ $name }' writes '{ $brand }' in another script (katakana or Chinese characters) inside the host name; Binance does not use such names.
url-reason-redirect = The link passes through a forwarding address that sends you on to { $host }, carried inside the link; that destination is what was judged.
url-reason-link-text-mismatch = The visible text of the link names one address but the link really goes to another: the classic phishing lure.
url-reason-unverified-domain = { $domain } is said to be Binance's only by third parties; Binance does not publish it. Confirm it on Binance Verify before trusting it.
url-reason-mapped-genuine = The address is written with fullwidth letters or ideographic dots; every browser reads it as { $host }.
url-reason-user-content = Anyone with a Binance account can create { $host } links (Binance Pay, Red Packets): the domain is genuine, but Binance does not vouch for what the link asks of you.
url-reason-separate-exchange = Binance.US is a separate exchange with its own accounts: a binance.com login or API key does not work there.
url-reason-email-address = This is an e-mail address. Sender addresses can be forged, so even a genuine-looking one is no proof; look for your anti-phishing code in Binance e-mails.
url-reason-disguised-link = The link text shows { $shown }, but the link really goes to { $dest }. A link that hides where it leads is phishing: do not open it.
url-reason-disguised-message = This message disguises a link (its text shows { $shown }), so a genuine-looking Binance address in it proves nothing about the sender.
url-reason-deep-nesting = Parts of this message are nested deeper than the checker follows; they were only searched as raw text and may hide links that were not checked.
url-reason-too-large = The input is larger than the reading limit; everything past it was not checked.

## ── end of url ──

## ── address ── The address check (address/, cmd/address/).

# Evidence of the audit (address/facts.rs): look-alike address pairs.
address-evidence-label = "{ $label }"{" "}
address-evidence-book-entry = address-book entry { $label }{ $address } ({ $network })
address-evidence-sent = { $address } ({ $network }), sent { $amount } { $coin } on { $date }
address-evidence-known-line = { $label }{ $address } (known file line { $line })
address-evidence-unknown-date = an unknown date
address-evidence-same-ends = same first { $prefix } and last { $suffix } characters, different in the middle
address-evidence-book-pair = { $first } ≈ { $second }: { $same }
address-evidence-earlier = earlier destination { $whom }
address-evidence-withdrawal = withdrawal to { $sent } looks like { $whom }: { $same }

# The format check (address/format.rs).
address-format-empty = empty
address-format-too-long = longer than { $max } characters: no network uses addresses this long
address-format-space = contains a space or control character (U+{ $code })
address-format-no-parser = format not checked: binance-audit has no parser for network { $network }
address-format-unknown-network = format not checked: the network could not be told from the address (pass --network)
address-format-evm-prefix = an EVM address starts with 0x
address-format-evm-length = an EVM address is 0x and 40 hexadecimal digits; this has { $count } character(s) after 0x
address-format-evm-not-hex = an EVM address is 0x and 40 hexadecimal digits; this has { $count } character(s) after 0x, not all hexadecimal
address-format-eip55-one-case = all one case, so it carries no EIP-55 checksum: a mistyped character would not be caught
address-format-eip55-mismatch = EIP-55 checksum does not match: the upper/lower case of some letters is wrong, so this is not the address as it was published (a typo or an altered copy)
address-format-not-base58 = not Base58 ({ $error })
address-format-base58-short = too short for Base58Check
address-format-base58-mismatch = Base58Check checksum does not match: a character is wrong (a typo or an altered copy)
address-format-list = { $list }, { $next }
address-format-wrong-version = checksum holds, but it is not a { $what } address (those start with { $starts })
address-format-segwit-other = a segwit address for another network ({ $hrp })
address-format-not-bech32 = not a valid Bech32/Bech32m segwit address ({ $error })
address-format-sol-no-checksum = Solana addresses carry no checksum: a mistyped character would not be caught
address-format-sol-length = a Solana address is 32 bytes in Base58; this decodes to { $bytes } bytes
address-format-ton-raw = the raw form carries no checksum: a mistyped character would not be caught
address-format-ton-length = a TON address is 48 characters of base64 (or workchain:64 hex digits)
address-format-ton-mismatch = TON address checksum (CRC16) does not match: a character is wrong
address-format-ton-flag = checksum holds, but the flag byte is not a TON address's

# The address command (cmd/address/).
address-reason-invalid = { $reason }. Do not send to it.
address-after-fixed = {" "}(after { $fixed })
address-reason-lookalike = Same first { $prefix } and last { $suffix } characters{ $fixed } as an address of yours, but different in the middle. This is how address poisoning works: an attacker makes an address whose ends match yours and plants it in your history. Do not send.
address-reason-sent-to-lookalike = You have sent to this look-alike before: if that was not meant, those funds went to the imitator — see `binance-audit incident breach`.
address-reason-known = The same address as one of yours. Still compare the whole address, not just its ends, before you confirm.
address-reason-known-resembles = A past withdrawal went to a look-alike of this address (shown under "look-alike"): check that it reached whom you meant — if not, see `binance-audit incident breach`.
address-reason-other-network = Recorded for { $recorded }, not { $network }: make sure the receiving side accepts { $network }.
address-reason-not-compared = Nothing to compare it with ({ $why }); give --known FILE or an API key to compare it with your own addresses.
address-reason-new = Not any of your { $n } known address record(s), and not like any of them. Confirm it out of band before sending: ask the recipient over another channel (a call, in person), send a small test amount first and have its arrival confirmed.
address-reason-memo-missing = Deposits to an exchange on { $network } usually need a memo or tag, and none was given (--memo): without it the funds may not be credited.
address-reason-other-coin = Recorded for { $recorded }, never for { $coin }.
address-who-label = "{ $label }"{" "}
address-whitelisted = whitelisted
address-not-whitelisted = not whitelisted
address-whitelist-unknown = whitelist state unknown
address-who-book = address book { $label }({ $network }, { $coin }, { $whitelist })
address-who-sent = sent before: { $when }, { $amount } { $coin } ({ $network })
address-who-known-line = --known { $label }(line { $line })
address-who-latest = { $who } — the latest of { $n } withdrawals
address-format-checksum-valid = { $scheme }: checksum valid
address-format-valid = { $scheme }: format valid
address-format-with-note = { $format } ({ $note })
address-network-family = { $network } ({ $family })
address-network-unknown = unknown (pass --network)
address-network-inferred = { $family } (told from the address's shape; pass --network to be sure)
address-kind-known = KNOWN
address-kind-look-alike = LOOK-ALIKE
address-kind-new = NEW
address-kind-invalid = INVALID
address-kind-not-compared = NOT COMPARED
address-field-network = network
address-field-coin = coin
address-field-format = format
address-field-yours = yours
address-field-look-alike = look-alike
address-field-itself = itself
address-field-why = why
address-field-imitates = imitates
address-field-checked = checked
address-field-your-address = yours
address-more-lookalikes = … and { $n } more look-alike(s)
address-summary = Checked { $n }: { $parts }.
address-compared-with = Compared with:
address-source-book = address book
address-source-history = withdrawal history (90 days)
address-source-known = --known files
address-source-records = { $n } record(s)
address-source-not-read = not read: { $reason }
address-source-failed = FAILED:
address-skipped-offline = offline (--offline)
address-skipped-no-known = no --known file given
address-skipped-no-key = no API key: set BINANCE_API_KEY and BINANCE_API_SECRET (or BINANCE_API_PRIVATE_KEY_FILE)
address-error-network = --network is a network name such as ETH, BSC, BTC or TRX: { $value }
address-warning = warning
address-error-none-found = no address found in the input
address-error-cannot-read = cannot read { $path }: { $reason }
address-error-stdin = cannot read standard input: { $reason }
address-error-no-input = no address given: pass addresses, --input FILE, or pipe them on standard input

## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).


## ── end of shell ──
