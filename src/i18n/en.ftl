# binance-audit — English messages (Project Fluent syntax: https://projectfluent.org/fluent/guide/).
# Every sentence the program prints comes from here or from ja.ftl; rules and playbooks keep
# their own text in rules/. Each message must exist in both files with the same $variables.

## ── common ── Shared words: list separators, yes/no, units. Owner: anyone; add with care.

list-separator = {", "}

## ── end of common ──

## ── help ── --help, usage errors and man pages (cli.rs, main.rs, cmd/man.rs).

# Ids: help-cmd-PATH is a command's line in the list (PATH = root, audit, rules-list, …), with
# -long (the longer description of --help), -after (examples under -h) and -after-long (under --help);
# help-arg-ARG is an option several commands share, help-arg-PATH-ARG one command's own;
# help-val-FAMILY-VALUE describes one value (format, kind, two-factor, answer).
help-cmd-root = Security self-audit for Binance users: password, breaches, API key, links, incidents
help-cmd-root-long =
    Security self-audit for Binance users.

    Runs a rule-based audit and prints a scored report where every finding carries remediation steps. The password is checked on this machine only; breach lookups send 5 characters of its SHA-1 hash; Binance is queried read-only (GET).
help-cmd-root-after =
    Examples:
      binance-audit                         # audit with whatever inputs are available
      binance-audit --format json --output report.json
      echo "$PW" | binance-audit password --password-stdin
      binance-audit rules list

    Run with --help for exit codes.
help-cmd-root-after-long =
    Examples:
      binance-audit                         # audit with whatever inputs are available
      binance-audit --format json --output report.json
      echo "$PW" | binance-audit password --password-stdin
      binance-audit rules list

    Exit codes:
      0  ran; nothing at or above the gate
      1  gate tripped: a finding at or above --fail-on, a finding not in the
         baseline (--fail-on-new), or score below --min-score. Waived findings
         never trip a gate
      2  usage or configuration error (bad flag, unreadable rules, bad config,
         a waiver without a reason, an unreadable or unsupported baseline)
      3  a check whose inputs were given could not complete (e.g. API unreachable),
         or --min-score was given but no score could be computed
      4  a report, baseline or evidence file could not be written
help-cmd-audit = Run every check that has inputs and print a scored report (the default)
help-cmd-audit-after =
    Examples:
      binance-audit audit
      binance-audit audit --password-stdin --fail-on high < pw.txt
      binance-audit audit --offline --format json --output report.json
      BINANCE_API_KEY=... BINANCE_API_SECRET=... binance-audit audit --min-score 80
      binance-audit audit --output sarif=audit.sarif --output markdown=summary.md \
          --fail-on high
      binance-audit audit --save-baseline state.json    # record the approved state
      binance-audit audit --baseline state.json --fail-on-new   # alert on drift

    Scheduled runs (cron, GitHub Actions, systemd): see docs/scheduled.md
help-cmd-password = Check one password's strength locally and look it up in known breaches
help-cmd-password-after =
    Examples:
      binance-audit password                      # no-echo prompt
      printf '%s\n' "$PW" | binance-audit password --password-stdin
      binance-audit password --password-stdin --offline \
          --hibp-file pwned.txt < pw.txt
      binance-audit password --stdin-list < passwords.txt
help-cmd-url = Tell genuine Binance links from impersonations, and say why
help-cmd-url-after =
    Examples:
      binance-audit url https://www.binance.com/en/login \
          https://binance.com.login-verify.example
      binance-audit url --input links.txt --format jsonl
      binance-audit url --extract --input message.eml
      pbpaste | binance-audit url --extract

    Verdicts: official, phishing, suspicious, unrelated, invalid.
    Exit codes: 0 nothing phishing or suspicious, 1 at least one phishing or suspicious link, 2 usage error.
help-cmd-address = Before you send: is this address yours, a look-alike of yours (address poisoning), new, or malformed?
help-cmd-address-after =
    Examples:
      binance-audit address 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed --network ETH
      binance-audit address --input addresses.txt --format jsonl
      pbpaste | binance-audit address --extract
      binance-audit address --offline --known my-addresses.txt TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t

    Verdicts: known, look-alike, new, invalid (and not-compared when nothing could be compared).
    Exit codes: 0 every address known or new, 1 at least one look-alike or invalid address,
    2 usage error, 3 the address book or withdrawal history could not be read (verdicts cover only what was read).
help-cmd-status = Is it Binance or is it me? System status, latency, clock, and your coins' deposit/withdrawal state
help-cmd-status-after =
    Examples:
      binance-audit status                  # public checks; a key adds your coins
      binance-audit status --coin BTC,USDT  # these coins' deposits and withdrawals
      binance-audit status --format json

    Exit codes: 0 the checks ran (whatever Binance reports), 2 usage error, 3 a check could not complete.
help-cmd-incident = First-response playbooks (breach, outage, account, trade, support), checklist and evidence bundle
help-cmd-incident-after =
    Examples:
      binance-audit incident                    # the playbooks there are
      binance-audit incident breach             # what to do, in order, and where
      binance-audit incident breach --checklist # walk the steps; a re-run resumes
      binance-audit incident breach --mark change-password=done \
          --mark setup-2fa=skipped
      binance-audit incident outage --lang ja --format markdown > outage.md
      binance-audit incident breach --since 2026-11-20T00:00Z --out ./case
      binance-audit incident trade --since 2026-11-24T09:00+09:00 \
          --symbol BTCUSDT,ETHUSDT --out ./trade-case
help-cmd-rules = List, show and validate rules
help-cmd-rules-list = List every rule with its severity
help-cmd-rules-list-after =
    Example:
      binance-audit rules list
help-cmd-rules-show = Show one rule in full
help-cmd-rules-show-after =
    Example:
      binance-audit rules show BA-PWD-001 --lang ja
help-cmd-rules-check = Validate a rules folder: syntax, facts, conditions, translations and each rule's own tests
help-cmd-rules-check-after =
    Example:
      binance-audit rules check ./rules
help-cmd-config = Find or create the configuration file
help-cmd-config-path = Print where the configuration file is (or would be)
help-cmd-config-init = Write a commented template configuration file
help-cmd-config-init-after =
    Example:
      binance-audit config init && $EDITOR "$(binance-audit config path)"
help-cmd-setup = Answer the questions no Binance API can: 2FA methods, anti-phishing code, whitelist, devices, email
help-cmd-setup-after =
    Without answer flags, setup asks each question in a terminal (English or Japanese, per --lang).
    With flags it records the answers given, dated today, and keeps every other recorded answer with its own date.
    Answer not-sure (or ? in the terminal) when you do not know: the report lists that setting as one to check.

    Examples:
      binance-audit setup
      binance-audit setup --lang ja
      binance-audit setup --two-factor authenticator,passkey \
          --anti-phishing-code yes --withdrawal-whitelist yes \
          --devices-reviewed yes --email-two-factor yes \
          --email-unique-password yes
      binance-audit setup --anti-phishing-code no   # change one, keep the rest
help-cmd-completions = Print shell completions
help-cmd-completions-after =
    Examples:
      binance-audit completions bash > /etc/bash_completion.d/binance-audit
      binance-audit completions zsh > ~/.zfunc/_binance-audit
help-cmd-man = Print the man page (roff), or write one page per command with --dir
help-cmd-man-after =
    Examples:
      binance-audit man > binance-audit.1 && man ./binance-audit.1
      binance-audit man --dir ~/.local/share/man/man1   # every page: binance-audit-audit(1), …
help-arg-config = Configuration file [default: the platform config dir, e.g. ~/.config/binance-audit/config.toml]
help-arg-lang = Language of everything printed [default: the config's `lang`, else LC_ALL/LANG]
help-arg-color = When to colour the output (NO_COLOR is honoured)
help-arg-offline = Never use the network; network checks become "not checked: offline"
help-arg-timeout = Seconds to wait for each network answer before giving up
help-arg-verbose = Show more: why each finding matters, evidence, references, every check, what passed, the network log
help-arg-quiet = Show less: only the grade line (and what made the run incomplete)
help-arg-strict = Treat warnings about file permissions as errors
help-arg-rules = Extra or replacement rules: *.toml files in DIR override built-in rules with the same id
help-arg-format = Output format
help-arg-status-format = Output format (the status check has no findings: text or json)
help-arg-incident-format = Output format of the playbook
help-arg-output = Write a report to a file (created mode 0600, written whole or not at all). FORMAT=PATH adds a file in that format (text, json, sarif, markdown, junit); a bare PATH writes the --format report there instead of to standard output. Repeatable
help-arg-fail-on = Exit 1 when a finding of this severity or worse is present
help-arg-min-score = Exit 1 when the score is below N (0-100)
help-arg-save-baseline = Write the observed security state (key permissions, IP restriction, key creation time, account status, withdrawal address book, score) to FILE. Holds no secrets; format in docs/baseline.md. One account per file: not with --all-profiles (use --profile NAME)
help-arg-baseline = Compare with a saved baseline: every change (new withdrawal address, permission enabled, IP restriction removed, …) becomes a `drift` finding
help-arg-fail-on-new = Gate only on findings not recorded in the baseline (with --fail-on, at or above that severity; alone, any new finding)
help-arg-password-stdin = Read the Binance password from standard input (one line)
help-arg-password-file = Read the Binance password from the first line of FILE
help-arg-email-password-file = Also look up the email account's password (first line of FILE) in known breaches
help-arg-hibp-url = Pwned Passwords API base URL [default: https://api.pwnedpasswords.com]
help-arg-hibp-file = Offline breach lookup in a downloaded Pwned Passwords SHA-1 file (or per-prefix folder)
help-arg-api-url = Binance API base URL [default: https://api.binance.com]
help-arg-region = Which Binance the account is at: global (binance.com) or jp (Binance Japan) [default: global]
help-arg-profile = Use the API key of this config profile
help-arg-root-profile = Audit the account of this config profile
help-arg-audit-profile = Audit the account of this config profile
help-arg-all-profiles = Audit every profile in the config, one section each
help-arg-password-stdin-list = Check several passwords, one per line on standard input
help-arg-url-urls = Links, host names or e-mail addresses to check; "-" reads standard input. With no URL and no --input, standard input is read
help-arg-url-input = Read inputs from FILE, one per line ("-" for standard input)
help-arg-address-input = Read addresses from FILE, one per line ("-" for standard input)
help-arg-url-extract = Find every link in free text, HTML or an e-mail message (.eml) instead of reading one link per line. Positional arguments are then text to search
help-arg-address-extract = Find every address in pasted text instead of reading one per line
help-arg-url-all-languages = In json/jsonl, also give the reasons in every language (`reasons_en`, `reasons_ja`) besides `reasons` in the chosen one
help-arg-url-threads = Judge lines read from a file or standard input on N threads (default: one per core, at most 8). Output keeps the input order
help-arg-address-addresses = Addresses to check; "-" reads standard input. With no ADDR and no --input, standard input is read
help-arg-address-network = Network the address is for, as Binance names it (ETH, BSC, BTC, TRX, SOL, XRP, TON, …) [default: told from the address's shape]
help-arg-address-coin = Coin you are about to send (shown, and used to pick matching records)
help-arg-status-coin = Coins to check instead of the ones you hold (repeatable or comma-separated)
help-arg-address-memo = The memo or tag you will send with it (silences the missing-memo warning)
help-arg-address-known = Your own addresses, one per line: ADDRESS [LABEL]. Compared with as well as the address book, or instead of it with --offline
help-arg-incident-kind = Which playbook (none: list them)
help-arg-incident-checklist = Walk the steps one by one in the terminal, recording each as done or skipped
help-arg-incident-mark = Record a step without prompting (repeatable): STEP=done or STEP=skipped
help-arg-incident-log = Incident log file [default: the platform data dir, e.g. ~/.local/share/binance-audit/incidents/KIND.json]
help-arg-incident-since = Collect evidence from this time on (RFC 3339, e.g. 2026-11-20T00:00Z or 2026-11-20T09:00+09:00)
help-arg-incident-until = End of the evidence period [default: now]
help-arg-incident-symbol = Trading pairs whose orders and trades to collect (repeatable or comma-separated)
help-arg-incident-out = Folder to write the evidence into (ticket.md and evidence.json, mode 0600)
help-arg-man-dir = Write binance-audit.1 and a page for every command into DIR
help-arg-config-init-force = Overwrite an existing file
help-arg-setup-two-factor = Second factors on your Binance account (Account → Security), comma-separated
help-arg-setup-anti-phishing-code = An anti-phishing code is set (Account → Security → Anti-Phishing Code)
help-arg-setup-withdrawal-whitelist = The withdrawal whitelist is on (Account → Security → Address Management)
help-arg-setup-devices-reviewed = You reviewed Device Management and removed devices you do not recognise
help-arg-setup-email-two-factor = Your email account has its own second factor
help-arg-setup-email-unique-password = Your email account's password is used nowhere else
help-val-format-text = for people, wrapped to the terminal
help-val-format-json = one JSON document (schema in docs/)
help-val-format-sarif = SARIF 2.1.0 for GitHub code scanning
help-val-format-markdown = for a GitHub step summary or an email
help-val-format-junit = JUnit XML: one test case per rule
help-val-format-jsonl = one JSON object per line
help-val-kind-breach = Someone else may have access: lock them out, stop funds leaving, report
help-val-kind-outage = Binance or the app is not working: is it Binance or is it me?
help-val-kind-account = Locked, restricted, identity verification, cannot log in
help-val-kind-trade = Wrong order, bad fill, slippage
help-val-kind-support = How to contact Binance support and what to include
help-val-two-factor-authenticator = Authenticator app (Binance Authenticator, Google Authenticator, …)
help-val-two-factor-passkey = Passkey
help-val-two-factor-security-key = Hardware security key (YubiKey, …)
help-val-two-factor-sms = SMS code
help-val-two-factor-email = Email code
help-val-two-factor-none = No second factor at all
help-val-two-factor-not-sure = You do not know which are on (reported as a setting to check)
help-val-answer-not-sure = You do not know (reported as a setting to check)

# clap's own words: headings, the automatic flags and subcommand, value lists, usage errors.
# A full-width colon in Japanese needs no space after it: the space is part of the value.
help-usage = Usage:{" "}
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-flag-help = Print help
help-flag-help-more = Print help (see more with '--help')
help-flag-help-summary = Print help (see a summary with '-h')
help-flag-version = Print version
help-subcommand-help = Print this message or the help of the given subcommand(s)
help-spec-env = [env: { $value }]
help-spec-default = [default: { $value }]
help-spec-possible = [possible values: { $values }]
help-spec-possible-heading = Possible values:
help-spec-separator = {", "}
help-error = error:{" "}
help-error-try-help = For more information, try '{ $flag }'.
help-error-tip = tip:{" "}
help-error-unknown-argument = unexpected argument '{ $arg }' found
help-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
help-error-missing-value = a value is required for '{ $arg }' but none was supplied
help-error-value-list = [possible values: { $values }]
help-error-subcommand-list = [subcommands: { $values }]
help-error-invalid-subcommand = unrecognized subcommand '{ $name }'
help-error-missing-required = the following required arguments were not provided:
help-error-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
help-error-conflict = the argument '{ $arg }' cannot be used with
help-error-conflict-one = the argument '{ $arg }' cannot be used with '{ $other }'
help-error-conflict-others = the argument '{ $arg }' cannot be used with one or more of the other specified arguments
help-error-conflict-twice = the argument '{ $arg }' cannot be used multiple times
help-error-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
help-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
help-error-similar-argument = a similar argument exists: '{ $name }'
help-error-similar-subcommand = a similar subcommand exists: '{ $name }'
help-error-similar-subcommands = some similar subcommands exist: { $names }
help-error-similar-value = a similar value exists: '{ $name }'
help-error-similar-values = some similar values exist: { $names }
help-error-tip-pass-as-value = to pass '{ $arg }' as a value, use '{ $use }'
help-error-tip-exists = '{ $name }' exists
help-error-tip-remove-dashes = subcommand '{ $name }' exists; to use it, remove the '--' before it
help-error-int-invalid-digit = invalid digit found in string
help-error-int-empty = cannot parse integer from empty string
help-error-int-zero = number would be zero for non-zero type
help-error-int-too-large = number too large to fit in target type
help-error-int-too-small = number too small to fit in target type
help-error-out-of-range = { $value } is not in { $min }..={ $max }
help-error-misplaced-before-audit = { $flag } stands before `audit`: put it after the subcommand (binance-audit audit { $flag } …), or leave out the word `audit` (binance-audit { $flag } …)
help-error-misplaced-not-of = { $flag } is an option of the audit, not of `{ $sub }`: binance-audit audit { $flag } …
help-error-output-empty = empty file name
help-error-output-not-a-format = { $name } is not a report format (one of: { $formats }); write ./{ $spec } for a file of that name
help-error-output-no-path = `{ $name }=` needs a file name after the =
# The one-line diagnostics of every command (cmd/mod.rs): "binance-audit: LABEL: …".
help-label-warning = warning
help-label-error = error
help-label-incomplete = incomplete
help-panic = binance-audit: internal error{ $place }; please report it (no details are printed, to keep secrets out of logs)
# Section headings of the man pages (clap_mangen writes them in English).
help-man-examples = EXAMPLES
help-man-name = NAME
help-man-synopsis = SYNOPSIS
help-man-description = DESCRIPTION
help-man-version = VERSION
help-man-wrote = wrote { $count } man pages to { $dir }
help-man-page = the man page

## ── end of help ──

## ── engine ── Facts, collectors other than Binance, rules, waivers, drift, score (collect/, facts.rs, audit/, rules/, score.rs).

# 01-audit
engine-no-password = password check skipped: no password entered (run `binance-audit password` to check it on its own, or pass --password-stdin / --password-file)
engine-no-password-unattended = password check skipped: unattended run (CI is set or standard input is not a terminal), so nobody is asked; a Binance password kept in a CI secret or scheduler is itself a risk — check it interactively with `binance-audit password`, or pass --password-stdin / --password-file
engine-no-email-password = email password not given: pass --email-password-file FILE or set BINANCE_AUDIT_EMAIL_PASSWORD to check it
engine-no-api-key = no API key: set BINANCE_API_KEY and BINANCE_API_SECRET (or BINANCE_API_PRIVATE_KEY_FILE) to audit your API key and account
engine-password-ran = strength estimated locally with zxcvbn
engine-credentials-unusable = API credentials unusable: { $error }

# 02-eval
engine-fact-not-collected = { $name } was not collected
engine-condition-not-bool = condition of { $rule } gave { $kind }, not true/false
engine-condition-failed = condition of { $rule } failed: { $error }
engine-condition-panicked = condition of { $rule } could not be evaluated

# 03-waivers
engine-waiver-expired = expired on { $date } and no longer applies: renew it with a new date or fix the finding
engine-waiver-unused = matched no finding in this run: { $why }
engine-waiver-no-rule = no rule has this id
engine-waiver-drift-needs-baseline = drift rules run only with --baseline
engine-waiver-rule-not-evaluated = the rule was not evaluated in this run ({ $reason })
engine-waiver-rule-passed = the rule passed, nothing to waive: remove the waiver?

# 04-password
engine-duration-under-a-second = less than a second
engine-duration-seconds = { $n ->
    [one] 1 second
   *[other] { $n } seconds
    }
engine-zxcvbn-warn-straight-rows = Straight rows of keys are easy to guess.
engine-zxcvbn-warn-short-keyboard-patterns = Short keyboard patterns are easy to guess.
engine-zxcvbn-warn-repeats-aaa = Repeats like "aaa" are easy to guess.
engine-zxcvbn-warn-repeats-abcabc = Repeats like "abcabcabc" are only slightly harder to guess than "abc".
engine-zxcvbn-warn-top-10 = This is a top-10 common password.
engine-zxcvbn-warn-top-100 = This is a top-100 common password.
engine-zxcvbn-warn-common = This is a very common password.
engine-zxcvbn-warn-similar-to-common = This is similar to a commonly used password.
engine-zxcvbn-warn-sequences = Sequences like abc or 6543 are easy to guess.
engine-zxcvbn-warn-recent-years = Recent years are easy to guess.
engine-zxcvbn-warn-single-word = A word by itself is easy to guess.
engine-zxcvbn-warn-dates = Dates are often easy to guess.
engine-zxcvbn-warn-names-alone = Names and surnames by themselves are easy to guess.
engine-zxcvbn-warn-common-names = Common names and surnames are easy to guess.
engine-zxcvbn-tip-few-words = Use a few words, avoid common phrases.
engine-zxcvbn-tip-no-need-for-symbols = No need for symbols, digits, or uppercase letters.
engine-zxcvbn-tip-add-a-word = Add another word or two. Uncommon words are better.
engine-zxcvbn-tip-capitalization = Capitalization doesn't help very much.
engine-zxcvbn-tip-all-uppercase = All-uppercase is almost as easy to guess as all-lowercase.
engine-zxcvbn-tip-reversed-words = Reversed words aren't much harder to guess.
engine-zxcvbn-tip-substitutions = Predictable substitutions like '@' instead of 'a' don't help very much.
engine-zxcvbn-tip-longer-keyboard-pattern = Use a longer keyboard pattern with more turns.
engine-zxcvbn-tip-avoid-repeats = Avoid repeated words and characters.
engine-zxcvbn-tip-avoid-sequences = Avoid sequences.
engine-zxcvbn-tip-avoid-recent-years = Avoid recent years.
engine-zxcvbn-tip-avoid-your-years = Avoid years that are associated with you.
engine-zxcvbn-tip-avoid-your-dates = Avoid dates and years that are associated with you.
engine-duration-minutes = { $n ->
    [one] 1 minute
   *[other] { $n } minutes
    }
engine-duration-hours = { $n ->
    [one] 1 hour
   *[other] { $n } hours
    }
engine-duration-days = { $n ->
    [one] 1 day
   *[other] { $n } days
    }
engine-duration-months = { $n ->
    [one] 1 month
   *[other] { $n } months
    }
engine-duration-years = { $n ->
    [one] 1 year
   *[other] { $n } years
    }
engine-duration-centuries = centuries

# 05-environment
engine-file-exposed = { $path } is readable by group or others (mode { $mode }); fix it with: chmod 600 { $path }
engine-no-secret-files = no config, password or key file on this machine to look at

# 06-drift
engine-drift-absent = absent
engine-drift-not-recorded = not recorded
engine-drift-unknown = unknown
engine-drift-added = added, whiteStatus={ $white }
engine-drift-only-declared = { $name } is only declared, not observed
engine-drift-fact-not-checked = { $name } not checked in this run: { $reason }
engine-drift-fact-not-collected = { $name } was not collected in this run
engine-drift-fact-wrong-kind = { $name } has no value of the expected kind in this run
engine-drift-not-in-baseline = { $what } was not observed when the baseline was saved
engine-drift-what-address-book = the withdrawal address book
engine-drift-what-permissions = API key permissions
engine-drift-what-ip-restriction = the key's IP restriction
engine-drift-what-key-created = the key's creation time
engine-drift-what-account-status = the account status
engine-drift-what-score = the score
engine-drift-permissions-not-checked = API key permissions not checked in this run
engine-drift-no-score = this run has no score
engine-drift-scores-not-comparable = scores are not comparable: the baseline's covered { $was_ran } of { $was_total } checks, this run { $ran } of { $total }
engine-drift-not-a-list = { $name } is not a list

# 07-declared
engine-declared-none = not declared: run `binance-audit setup` to answer the questions the Binance API cannot see
engine-declared-no-date = the [declared] section has no valid date in `on`
engine-declared-bad-date = the [declared] section's `on` must be a date like 2026-11-25
engine-declared-future = the [declared] date `on = { $on }` is in the future
engine-declared-future-fix = { $why }: set it to the day you answered (binance-audit setup does)
engine-declared-not-sure = you answered "not sure" on { $on }: check it in the Binance app, then run `binance-audit setup` again
engine-declared-unknown-factor = unknown second factor { $factor } in [declared]
engine-declared-not-answered = not answered in [declared]: run `binance-audit setup`
engine-declared-on = declared on { $on }

# 08-hibp-file
engine-hibp-bad-key = a key of { $len } characters is not a SHA-1 hash (40 hex digits expected)
engine-hibp-the-file = Pwned Passwords file { $path }
engine-hibp-bad-line = { $path }: line at byte { $offset } is not a Pwned Passwords line ({ $what })
engine-hibp-not-sorted = { $path }: not sorted by hash (line at byte { $offset } is out of order); use the "ordered by hash" file
engine-hibp-unusable = { $path }: { $what }
engine-hibp-truncated = { $path }: file ends in the middle of a line; it looks truncated (download it again)
engine-hibp-missing-prefix = { $dir }: no file for prefix { $prefix } ({ $prefix }.txt); the per-prefix download looks incomplete
engine-hibp-no-colon = expected HASH:COUNT
engine-hibp-ntlm = 32-digit hashes are NTLM; use the SHA-1 file
engine-hibp-suffixes = 35-digit suffixes; that is a per-prefix file, pass its directory
engine-hibp-hash-width = hash has { $len } characters, expected { $want } hex digits
engine-hibp-not-hex = hash is not hexadecimal
engine-hibp-count-not-number = count is not a number
engine-hibp-count-out-of-range = count is out of range
engine-hibp-no-line-break = no line break within { $max } bytes
engine-hibp-empty = the file is empty
engine-hibp-archive = this is a { $kind } archive; extract the .txt file first

# 09-breach
engine-said-in-both = { $ja ->
   *[other] { $en }
    }
engine-breach-offline = offline: breach lookup needs the network or --hibp-file
engine-breach-net-tries = { $error } after { $tries } tries
engine-breach-bad-response = unexpected Pwned Passwords response: { $detail }
engine-breach-http = unexpected HTTP { $status }
engine-breach-bad-range-line = line { $line } is not SUFFIX:COUNT (starts with { $start })
engine-breach-empty-range = empty range response
engine-breach-not-requested = prefix was not requested
engine-breach-looked-up-in-file = looked up offline in { $file } (nothing sent)
engine-breach-not-found = not found in known breaches
engine-breach-found = seen { $count } times in known breaches
engine-breach-ran = { $outcome }; { $source }
engine-breach-sent-only = sent only GET { $request } with Add-Padding: true (the first 5 of 40 SHA-1 hex digits; the password never left this machine)

# 10-rules
engine-category-password = password
engine-category-breach = breach
engine-category-api-key = api-key
engine-category-account = account
engine-category-withdrawal = withdrawal
engine-category-two-factor = two-factor
engine-category-environment = environment
engine-category-drift = drift
engine-case-expect-pass = Pass
engine-case-expect-fail = Fail
engine-case-failed = { $rule } ({ $origin }): test case { $case } expected { $expect }, got { $got }
engine-outcome-fail = fail
engine-outcome-pass = pass
engine-outcome-not-evaluated = not evaluated ({ $reason })
engine-outcome-not-applicable = not applicable ({ $reason })

# 11-report
engine-baseline-other-profile = the baseline was saved for another profile: { $profile }
engine-baseline-compared = compared with { $file } (saved { $saved } by binance-audit { $version })
engine-waiver-warning = waiver for { $rule }: { $note }
engine-next-setup = binance-audit setup — answer what no API can see (2FA, anti-phishing code, whitelist)
engine-next-api-key = a read-only API key: create an Ed25519 key with only "Enable Reading", then export BINANCE_API_KEY and BINANCE_API_PRIVATE_KEY_FILE (README: Auditing your Binance account)
engine-next-password = binance-audit password — check your Binance password's strength and breaches (nothing is sent but 5 characters of its hash)
engine-not-graded-below-floor = { $ran } of { $total } checks ran; a grade needs at least { $floor }%
engine-not-graded-nothing-weighted = no weighted check could run
engine-evidence-text = { $name } = { $value }

# 12-rules-load
engine-problem-at-column = { $file }:{ $line }:{ $column }: { $message }
engine-problem-at-line = { $file }:{ $line }: { $message }
engine-problem-in-file = { $file }: { $message }
engine-rules-not-loaded = rules could not be loaded
engine-more-problems = { $first } (and { $more } more problem(s))
engine-more-problems-check = { $first } (and { $more } more problem(s); run `binance-audit rules check DIR` to list them)
engine-rule-problem = rule { $id }: { $problem }
engine-rule-bad-id = id must look like BA-XYZ-001 (upper-case letters, digits, dashes)
engine-rule-no-facts = `facts` is empty: name every fact the condition reads
engine-rule-unknown-fact = unknown fact `{ $fact }`
engine-rule-unknown-fact-near = unknown fact `{ $fact }` (did you mean `{ $near }`?)
engine-rule-needs-both-languages = { $field } needs both en and ja text
engine-rule-remediation-both = remediation needs steps in both en and ja
engine-rule-remediation-count = remediation has { $en_n } English step(s) but { $ja_n } Japanese step(s)
engine-rule-reference-https = reference "{ $url }" must be an https URL
engine-rule-condition-syntax = condition does not parse: { $error }
engine-cel-syntax-error = syntax error
engine-cel-said = { $text }
engine-cel-parser-failed = the expression parser failed on this input
engine-rule-condition-cost = the condition may take about { $work } steps, more than the { $max } a rule may take (lists from facts are counted as { $list } long); use fewer nested all/exists/map/filter
engine-rule-reads-undeclared = condition reads `{ $var }.…` but `facts` names nothing in `{ $var }`
engine-rule-test-unknown-fact = test case uses unknown fact `{ $name }`
engine-rule-test-wrong-kind = test case gives `{ $name }` = { $value }, expected a { $kind }
engine-fact-kind-bool = Bool
engine-fact-kind-int = Int
engine-fact-kind-float = Float
engine-fact-kind-string = Str
engine-fact-kind-list = List
engine-rule-needs-both-tests = needs at least one [[rule.test]] expecting "pass" and one expecting "fail"
engine-rule-duplicate-id = rule id { $id } is also defined in { $prev }
engine-superseded-by-itself = rule { $id } is superseded by itself
engine-superseded-by-unknown = rule { $id } is superseded_by { $by }, which is not a rule here
engine-superseded-mutually = rules { $id } and { $by } supersede each other
engine-superseded-by-other-category = rule { $id } is superseded_by { $by } of another category ({ $category })
engine-rules-the-folder = rules folder
engine-rules-folder-empty = no rule files (*.toml) in this folder
engine-the-file = the file
engine-not-utf8 = not valid UTF-8
engine-rule-needs-passed = needs `passed` in both languages: what a pass establishes, shown beside ✓ (never the finding's title)

## ── end of engine ──

## ── report ── Report renderers: text, Markdown, JUnit, SARIF (report/).

# Severity as a person reads it: loud (text report, Markdown headings) and quiet (Markdown table).
report-severity-critical = CRITICAL
report-severity-high = HIGH
report-severity-medium = MEDIUM
report-severity-low = LOW
report-severity-info = INFO
report-severity-quiet-critical = critical
report-severity-quiet-high = high
report-severity-quiet-medium = medium
report-severity-quiet-low = low
report-severity-quiet-info = info

# The formats, as --help lists them (the names themselves are not translated).
report-format-text = for people, wrapped to the terminal
report-format-json = one JSON document (schema in docs/)
report-format-jsonl = one JSON object per line
report-format-sarif = SARIF 2.1.0 for GitHub code scanning
report-format-markdown = for a GitHub step summary or an email
report-format-junit = JUnit XML: one test case per rule
# $names: the format names joined with ", ".
report-format-unknown = unknown format { $name } (one of: { $names })

# Words every format shares.
report-coverage = { $evaluated } of { $total } checks ran
report-score = Score
report-grade = Grade
report-not-graded = Not graded
report-no-findings = No findings among the checks that ran.
# No finding, but only some checks ran: the all-clear names what did not.
report-no-findings-partial = No problems in the { $ran ->
        [one] 1 check that ran
       *[other] { $ran } checks that ran
    }; { $not_checked ->
        [one] 1 was
       *[other] { $not_checked } were
    } not checked.
# No check could run: an empty list of findings says nothing.
report-nothing-checked = Nothing was checked yet: no check could run, so this report cannot say whether anything is wrong.
report-findings = Findings
report-not-checked = Not checked
report-waivers = Waivers
report-evidence = Evidence
# Look-alike address pairs under a finding (address/diff.rs lays them out).
report-pairs-compare = Compare each pair character by character; ^ marks where they differ:
report-pair-first = 1st
report-pair-second = 2nd
report-pair-saved = address book
report-pair-sent = sent to
report-pair-earlier = sent before
report-pair-new = new
report-pair-named = { $role } "{ $name }"
report-fix = Fix
report-until = until
report-check-ran = ran
report-check-skipped = skipped
report-check-failed = failed
report-checks = Checks
report-waiver-active = active
report-waiver-expired = expired
report-waiver-unused = unused

# The terminal report (report/text.rs).
report-text-title = security report
report-text-next-steps = To get a grade, run:
report-text-do-first = Do these first
report-text-do-first-item = { $title } (+{ $points } pts, { $id })
report-text-waived-count = {", "}{ $n } waived
report-text-count = { $label } ({ $n })
report-text-labelled = { $label }: { $text }
report-text-score-coverage = { $head }  ({ $coverage })
report-text-not-applicable = Not applicable
report-text-waiver-expired = EXPIRED
report-text-warning = warning:
report-text-incomplete = INCOMPLETE
report-text-new = NEW
report-text-points = {"  "}(+{ $points } pts if fixed)
report-text-waived = WAIVED, not scored or gated
report-text-declared = (declared by you on { $date }, not observed)
report-text-why = Why
report-text-check-failed = FAILED
report-text-passed = Passed (not found)
report-text-superseded = Covered by a worse finding
report-text-superseded-item = { $id } (see { $by })
report-text-declared-head = Declared by you (not observable through the API)
report-text-password-head = Password strength (zxcvbn, computed locally)
report-text-password-score = score
report-text-password-guesses = estimated guesses
report-text-password-online = online attack, throttled (100/hour)
report-text-password-offline = offline attack, slow hash (10k/s)
report-text-password-warning = warning
report-text-network = Network requests made
report-text-network-none = none: nothing left this machine
report-text-network-tries = {" "}({ $tries } tries)

# Markdown (report/markdown.rs). Markup stays in the code.
report-md-title = binance-audit security report
report-md-profile = profile
report-md-incomplete = INCOMPLETE: some checks could not run
report-md-score-then = {" "}(score then: { $score })
report-md-compared = Compared with baseline
report-md-saved = saved
report-md-waived-count = + { $n } waived
report-md-severity = Severity
report-md-rule = Rule
report-md-finding = Finding
report-md-baseline = Baseline
report-md-waived-mark = (waived)
report-md-new = new
report-md-existing = existing
report-md-until = {" "}(until { $date })
report-md-waived = Waived — does not count toward the score or gates
report-md-declared = Declared by you on { $date }, not observed.
report-md-changed = Changed
report-md-now = Now
report-md-points = {" "}(+{ $points } points)
report-md-references = References
report-md-status = Status
report-md-reason = Reason
report-md-expires = Expires
report-md-check = Check
report-md-state = State
report-md-detail = Detail
report-md-warnings = Warnings
report-md-passed = Passed

# JUnit XML (report/junit.rs).
report-junit-incomplete = could not complete
report-junit-waived = waived
report-junit-evidence = evidence
report-junit-fix = fix
report-junit-see = see
report-junit-not-checked = not checked

# SARIF (report/sarif.rs): messages GitHub code scanning shows.
report-sarif-evidence-separator = ;{" "}
report-sarif-evidence = { $title }. Evidence: { $evidence }
report-sarif-fix = Fix
report-sarif-references = References
report-sarif-waiver-expires = { $reason } (waiver expires { $date })
report-sarif-not-checked = { $id } not checked: { $reason }
report-sarif-check-failed = check { $check } failed: { $detail }

# What the shell says about its output (cmd/output.rs).
report-stdout = standard output
report-symlink = it is a symbolic link: refusing to write through it
report-output-twice = --output names { $path } twice: one report would replace the other
report-output-is-input = --output { $path } is also the { $flag } file: writing the report would replace it
report-summary-append = cannot append the summary to $GITHUB_STEP_SUMMARY

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
binance-creds-key-shape = { $origin } cannot be a Binance API key: it has { $len } characters, and a Binance API key is 64 letters and digits; copy the key again from Profile → API Management
binance-creds-secret-shape = { $origin } cannot be a Binance secret key: it has { $len } characters, and a Binance secret key is 64 letters and digits (an Ed25519 or RSA key goes in a private key file)
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


# status, net, account
status-title = Binance status
status-checking = checking Binance
status-failed = failed: { $detail }
status-next-heading = What to do next:
status-channels-heading = Confirm on Binance's official channels (type the address yourself):
status-hardening = This process: { $core }; { $attach }.
status-hardening-core-off = core dumps off
status-hardening-core-on = core dumps could not be switched off
status-hardening-attach-off = debugger attach refused
status-hardening-attach-on = debugger attach could not be refused
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
status-verdict-normal-where-checked = No problem in the { $checked } checks that ran — Binance reports none, so the problem is likely local. { $not_checked ->
        [one] 1 check was
       *[other] { $not_checked } checks were
    } not run (see below).
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

binance-not-offered = not offered by { $region }
binance-audit-not-offered = not offered by { $region } (neither passed nor failed; their checks are not counted): { $calls }
binance-region-unknown = unknown region { $name } in the config (known: { $known })
binance-region-uncertain-base = { $region }: the API host { $base } is not confirmed by any Binance document (only third parties name it); if requests fail, set --api-url to the host Binance Japan gives you

## ── end of binance ──

## ── incident ── Playbooks, the checklist log, evidence and the ticket (incident/).

# The playbooks (incident/playbook.rs): one line per kind, for `incident` with no kind and --help.
incident-kind-breach = Someone else may have access: lock them out, stop funds leaving, report
incident-kind-outage = Binance or the app is not working: is it Binance or is it me?
incident-kind-account = Locked, restricted, identity verification, cannot log in
incident-kind-trade = Wrong order, bad fill, slippage
incident-kind-support = How to contact Binance support and what to include

# How soon a step should be done.
incident-urgency-now = NOW
incident-urgency-today = TODAY
incident-urgency-soon = SOON

# Problems in a playbook file (--rules DIR/playbooks/KIND.toml). $field is one of the
# incident-playbook-field-* names; $id, $found, $kind, $urgency and $previous come quoted.
incident-playbook-field-title = title
incident-playbook-field-summary = summary
incident-playbook-field-why = why
incident-playbook-field-where = where
incident-playbook-field-channel-name = channel name
incident-the-playbook = the playbook
incident-playbook-not-utf8 = not valid UTF-8
incident-playbook-wrong-id = id is { $found } but this file must hold the { $kind } playbook
incident-playbook-no-text = { $field } needs both en and ja text
incident-playbook-no-steps = a playbook needs at least one [[step]]
incident-playbook-bad-step-id = step id { $id } must be lower-case letters, digits and dashes
incident-playbook-step-twice = step id { $id } is used twice
incident-playbook-out-of-order = urgency { $urgency } comes after a { $previous } step; order steps from most to least urgent
incident-playbook-link-not-https = link "{ $url }" must be an https URL
incident-playbook-command-prefix = command must start with `binance-audit `
incident-playbook-channel-not-https = channel "{ $url }" must be an https URL
# A problem inside one step: "step ID: problem".
incident-playbook-in-step = step { $step }: { $problem }
incident-playbook-more-problems = { $first } (and { $more } more problem(s))
incident-playbook-unloadable = the playbook could not be loaded

# The checklist and its incident log (incident/checklist.rs). $path is the log file.
incident-state-done = done
incident-state-skipped = skipped
incident-mark-no-state = expected STEP=done or STEP=skipped, got { $given }
incident-mark-bad-state = state must be done or skipped, got { $given }
incident-marks-unknown-step = the { $kind } playbook has no step { $step }; its steps are: { $steps }
incident-the-log = incident log { $path }
incident-log-invalid = incident log { $path } is not valid ({ $problem }); move it away or pass --log FILE to start another
incident-log-schema = incident log { $path } has schema_version { $found }; this version reads { $reads }
incident-log-other-playbook = incident log { $path } belongs to the { $found } playbook, not { $want }; pass --log FILE for a separate log
incident-log-cannot-create-folder = cannot create folder { $dir }: { $reason }
incident-log-cannot-encode = cannot encode the incident log: { $error }
incident-log-cannot-write = cannot write incident log: { $reason }
# serde_json's complaint about a log, retold; English readers are shown serde_json's own words instead.
incident-json-eof = line { $line }, column { $column }: the JSON ends too early
incident-json-syntax = line { $line }, column { $column }: not valid JSON
incident-json-data = line { $line }, column { $column }: { $problem }
incident-walk-cannot-write = cannot write to the terminal: { $reason }
incident-walk-cannot-read = cannot read the answer: { $reason }
incident-walk-resuming = Resuming: { $recorded } of { $total } steps already recorded.
incident-walk-prompt = [d]one, [s]kip, [q]uit and resume later:{" "}
incident-walk-answer = Please answer d, s or q.
incident-progress-all = All { $total } steps recorded ({ $done } done, { $skipped } skipped).
incident-progress-some = { $recorded } of { $total } steps recorded ({ $done } done, { $skipped } skipped). Next: { $next }. { $title }
incident-progress-log = Log: { $path }

# A playbook shown (incident/show.rs). The text labels line up: keep them the same width.
incident-show-why = Why:{"  "}
incident-show-where = Where:
incident-show-run = Run:{"  "}
incident-show-link = Link:{" "}
incident-show-channels-head = Official channels (type the address yourself; check any other contact with Binance Verify):
incident-show-walk-steps = Walk the steps and record each one:
incident-show-collect-evidence = Collect evidence and draft a ticket:
incident-md-why = Why:
incident-md-where = Where:
incident-md-run = Run:
incident-md-channels = Official channels

# The support-ticket draft (incident/ticket.rs), read by Binance support: keep it plain and exact.
incident-ticket-title = Support request: { $headline }
incident-ticket-headline-breach = Suspected unauthorised access to my account
incident-ticket-headline-outage = Problem during a service disruption
incident-ticket-headline-account = Problem with access to my account
incident-ticket-headline-trade = Question about orders and trades
incident-ticket-headline-support = Support request
incident-ticket-draft-note = Draft written by { $tool } on { $when }. Read it, fill in the [brackets], remove what you do not want to send, then paste it into the support chat.
incident-ticket-no-secrets = Do not add your password, 2FA or SMS codes, API secret or seed phrase. Binance support never asks for them.
incident-ticket-what-happened = What happened
incident-ticket-what-happened-fill = {"["}In two or three sentences: what you noticed, when, and what you have already done — for example password changed, API keys deleted, account disabled.]
incident-ticket-uid = UID: { $uid }
incident-ticket-uid-fill = {"["}your UID: Binance app → Profile]
incident-ticket-period = Period examined: { $since } – { $until }
incident-ticket-account-status = Account status reported by Binance: { $status }
incident-ticket-yes = yes
incident-ticket-no = no
incident-ticket-can = Can trade: { $trade } / can withdraw: { $withdraw } / can deposit: { $deposit }
incident-ticket-api-key = API key used to collect this (the tool only reads with it): { $key } — { $permissions }
incident-ticket-permissions = { $permissions }; { $ip }
incident-ticket-permissions-not-read = not read
incident-ticket-no-permissions = no permissions
incident-ticket-ip-restricted = restricted to trusted IPs
incident-ticket-ip-not-restricted = NOT restricted to trusted IPs
incident-ticket-ip-unknown = IP restriction unknown
incident-ticket-withdrawal-count = Withdrawals in this period: { $count }, of which { $flagged } to an address that is not whitelisted; first at { $first }
incident-ticket-symbols = Trading pairs examined: { $symbols }
incident-ticket-withdrawals = Withdrawals
incident-ticket-deposits = Deposits
incident-ticket-orders = Orders
incident-ticket-trades = Trades
incident-ticket-open-orders = Open orders at the time of writing
# Table heads: Markdown, one cell per column; keep the number of | as it is.
incident-ticket-withdrawals-head = | # | Time | Coin | Amount | Network | Address | Address book | txId | Status | Withdrawal ID |
incident-ticket-deposits-head = | # | Time | Coin | Amount | Network | Address | txId | Status |
incident-ticket-orders-head = | Time | Symbol | Order ID | Side | Type | Price | Quantity | Executed | Quote amount | Status |
incident-ticket-trades-head = | Time | Symbol | Trade ID | Order ID | Side | Price | Quantity | Quote amount | Fee |
incident-ticket-address-tag = { $address } (tag { $tag })
# Whether a withdrawal's destination was approved in advance; $label is the user's own name for it, quoted, with a space before it, or empty.
incident-ticket-book-unknown = unknown (address book not read)
incident-ticket-book-missing = ⚠ NOT in address book
incident-ticket-book-whitelisted = whitelisted{ $label }
incident-ticket-book-not-whitelisted = ⚠ in address book, NOT whitelisted{ $label }
incident-ticket-flag-note = ⚠ marks a withdrawal to an address that was not on my withdrawal whitelist.
incident-ticket-not-collected = Not collected: { $detail }
incident-ticket-fill-in = {"["}fill in from the app: Wallet → Transaction History]
incident-ticket-attach-screenshots = Attach screenshots of the app's history for this period.
incident-ticket-none = None in this period.
incident-ticket-asking = What I am asking for
incident-ticket-request-breach-lock = Please make sure no further logins or withdrawals are possible on my account until I have secured it.
incident-ticket-request-breach-investigate = Please investigate the withdrawals listed in this request that I did not make, and contact the receiving platforms where they belong to an exchange.
incident-ticket-request-breach-access = Please tell me from which IP addresses and devices my account was accessed in this period, and when the destination addresses were added.
incident-ticket-request-outage-cause = Please confirm whether the problem described above was caused by a disruption on Binance's side.
incident-ticket-request-outage-settle = Please check the state of the orders and transfers listed above and tell me how they will be settled.
incident-ticket-request-account-lift = Please tell me why my account is restricted and what I need to do to lift the restriction.
incident-ticket-request-trade-review = Please review the orders and trades listed above, which I believe were executed incorrectly.
incident-ticket-request-trade-correct = Please tell me whether a correction is possible.
incident-ticket-request-support = {"["}What you are asking Binance to do]
incident-ticket-attached = The full data is attached as evidence.json (collected read-only through the Binance API).

# The incident command (cmd/incident.rs).
incident-list-head = Playbooks (binance-audit incident KIND):
incident-no-home = no home directory for the incident log: pass --log FILE
incident-playbook-error = playbook: { $error }
incident-checklist-needs-terminal = --checklist asks questions and needs a terminal (and CI unset); from a script use --mark STEP=done or --mark STEP=skipped (steps: { $steps })
incident-checklist-paused = Paused. Run the same command again to resume.
incident-evidence-exists = { $path } already exists: name a new folder with --out so earlier evidence is kept
incident-evidence-needs-out = name a folder for the evidence with --out DIR
incident-evidence-collecting = collecting evidence
incident-summary-wrote = Wrote { $ticket } and { $evidence }.
# What was read, joined into one line by incident-summary-counts.
incident-summary-withdrawals = { $count } withdrawal(s) ({ $flagged } to an address that is not whitelisted)
incident-summary-deposits = { $count } deposit(s)
incident-summary-orders = { $count } order(s)
incident-summary-trades = { $count } trade(s)
incident-summary-open-orders = { $count } open order(s)
incident-summary-counts = { $counts }.
incident-summary-not-collected = not collected: { $check }: { $detail }
incident-summary-powerful-key = Warning: the API key used can do more than read (withdraw, trade or transfer). If it is not a key you created for a tool you trust, delete it now in Profile → API Management; this command needs only "Enable Reading".
incident-summary-need-symbols = Orders and trades need the pairs involved: add --symbol BTCUSDT,ETHUSDT.

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

url-reason-uncertain-evidence = { $domain } is { $entity }'s according to third-party sources only: no Binance page found names it, so this is not certain. { $entity }'s own documents are on www.binance.com/ja; if in doubt, go there instead.

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
address-error-stdin = cannot read standard input: { $reason }
address-error-no-input = no address given: pass addresses, --input FILE, or pipe them on standard input

## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).

# files and reads (files.rs, bounded.rs). $reason is the OS's words (shell-io-os); $next is
# the next step (shell-read-next-*), or empty when nothing names the file.
shell-read-failed = cannot read { $what }: { $reason }{ $next }
shell-read-next-not-found = ; check the path, or give the right one with { $option }
shell-read-next-permission-denied = ; make it readable by your user, or name another file with { $option }
shell-read-next-is-a-directory = ; that is a folder: give a file with { $option }
shell-read-next-other = ; name a readable file with { $option }
# $os is the OS's own text (English); $kind the catalogue's sentence for the error's kind.
shell-io-os = { $os }{ $kind ->
       *[other] {""}
    }
shell-read-too-large = { $what } is larger than { $limit }, the most accepted
shell-write-symlink = { $path } is a symbolic link: refusing to write through it
shell-path-reason = { $path }: { $reason }
shell-io-not-found = no such file or directory
shell-io-permission-denied = permission denied
shell-io-already-exists = already exists
shell-io-is-a-directory = is a directory
shell-io-storage-full = no space left on the device
shell-io-not-a-directory = not a directory
shell-io-read-only = read-only file system

# the config file (config.rs)
shell-config-named = config { $path }
shell-config-not-utf8 = config { $path }: not valid UTF-8
shell-config-problem = config { $path }:{ $problem }
shell-config-not-a-question = {" "}[declared]: { $name } is not one of setup's questions ({ $questions })
shell-config-waiver-rule-empty = {" "}[[waiver]] #{ $number }: `rule` is empty: name the rule id to waive, e.g. "BA-API-004"
shell-config-waiver-reason-empty = {" "}{ $waiver }: `reason` is empty: say why this finding is accepted, so the waiver can be reviewed
shell-config-waiver-expires = {" "}{ $waiver }: `expires` must be a date like 2027-01-31
shell-config-hint-secret = {" "}(secrets are never stored in the config: use secret_file, or the BINANCE_API_SECRET environment variable)
shell-config-hint-section = {" "}(this key belongs under [binance] or a [profiles.NAME] section: move it below that header)
shell-permission-warning = { $path } is readable by group or others (mode { $mode }); fix it with: chmod 600 { $path }

# the run's setup (cmd/session.rs)
shell-going-on-without-config = (going on without it)
shell-no-runtime = cannot start the async runtime: { $reason }
shell-rules-problem = rules: { $problem }
shell-strict = { $warning } (--strict)
shell-net-setup = network setup: { $problem }

# setup's answers in the config (declare.rs)
shell-answer-none = none
shell-answer-yes = yes
shell-answer-no = no
shell-answer-not-sure = not sure
shell-declare-not-toml = the config is not valid TOML, so it was left untouched: { $problem }
shell-declare-not-a-table = the config's `declared` is not a table; fix it by hand first
shell-declare-would-not-load = the config would not load after the change ({ $problem }); nothing was written
shell-declare-date = internal: date

# The comment setup writes above a new [declared] section: each line becomes a "# " line.
shell-declare-section-comment =
    What you told `binance-audit setup` (no Binance API can see these).
    Re-run `binance-audit setup` when anything changes.

# setup's questions (cmd/setup.rs)
shell-setup-method-authenticator = authenticator app
shell-setup-method-passkey = passkey
shell-setup-method-security_key = security key
shell-setup-method-sms = SMS
shell-setup-method-email = email
shell-setup-ask-two-factor = Which second factors are on for your Binance account? Numbers, separated by commas
shell-setup-ask-anti_phishing_code = Have you set an anti-phishing code (Account → Security → Anti-Phishing Code)?
shell-setup-ask-withdrawal_whitelist = Is the withdrawal whitelist turned on (Account → Security → Address Management)?
shell-setup-ask-devices_reviewed = Have you reviewed Device Management recently and removed every device you do not recognise?
shell-setup-ask-email_two_factor = Does the email account you use for Binance have its own second factor?
shell-setup-ask-email_unique_password = Is that email account's password used for it alone (nowhere else)?
shell-setup-choices = {" "}(y/n/?)

# The recorded answer after a question.
shell-setup-current = {" "}[{ $answer }]
shell-setup-intro =
    binance-audit setup
    Binance has no API for these settings, so please check them in the Binance app (Profile → Security) and answer.
    Your answers are saved with today's date in the [declared] section of { $path }; nothing is sent anywhere.
    Answer ? if you are not sure: the report will then list that setting as one to check.
shell-setup-enter-keeps = Press Enter to keep your earlier answer, shown in brackets.
shell-setup-retry-methods = Please enter numbers such as 1,2 (0 for none, ? if you are not sure).
shell-setup-retry-yes-no = Please answer y (yes), n (no) or ? (not sure).
shell-setup-cancelled = setup cancelled: nothing was written
shell-setup-no-readable-answer = setup cancelled: no readable answer
shell-setup-cannot-read-answer = cannot read the answer: { $reason }
shell-setup-cannot-write-question = cannot write the question: { $kind }
shell-setup-two-factor-alone = --two-factor { $method } cannot be combined with other methods
shell-setup-wrote = wrote [declared] to { $path }
shell-setup-new = {"  "}new:     { $key } = { $answer }
shell-setup-changed = {"  "}changed: { $key } = { $answer } (was { $was })
shell-setup-kept = {"  "}kept:    { $key } = { $answer } (answered { $since })
shell-setup-not-answered = not answered (their checks will show as not checked): { $questions }
shell-setup-next = Run `binance-audit` to see the findings; declared answers are marked as declared in every report.
shell-setup-not-utf8 = { $path }: not valid UTF-8
shell-setup-needs-terminal = setup needs a terminal to ask its questions, or the answers as flags, e.g.: `{ $example }`

# secrets and where they come from (secret.rs, cmd/inputs.rs)
shell-what-password = password
shell-what-email-password = email password
shell-what-stdin = standard input
shell-secret-on-stdin = { $what } on standard input
shell-secret-file = { $what } file { $path }
shell-secret-in-file = { $what } in { $path }
shell-secret-in-env = { $what } in ${ $var }
shell-secret-not-utf8 = { $what } is not valid UTF-8
shell-secret-empty = { $what } is empty
shell-secret-more-than-one-line = { $what } has more than one line (use --stdin-list to check several)
shell-secret-too-long = { $what } is { $chars } characters long; at most { $max } are accepted
shell-secret-cannot-prompt = cannot prompt for the password: { $reason }
shell-prompt-audit-password = Binance password (not shown, never sent; Enter to skip):{" "}
shell-prompt-password = Binance password (not shown, never sent):{" "}
shell-no-password-entered = no password entered
shell-no-password = no password: pipe it with --password-stdin, use --password-file, or run in a terminal
shell-hibp-file-missing = Pwned Passwords file { $path }: { $reason }

# the baseline file (baseline.rs)
shell-baseline-named = baseline { $name }
shell-baseline-not-found = { $what }: no such file (create one first with --save-baseline { $name })
shell-baseline-problem = { $what }: { $problem }
shell-baseline-too-large = { $what }: { $bytes } bytes is too large for a baseline

# $eof is "yes" when the text simply ended; English shows serde's $detail instead.
shell-baseline-not-json = { $line }:{ $column }: not valid JSON: { $detail }{ $eof ->
       *[other] {""}
    }
shell-baseline-no-version = no `baseline_version`: this is not a baseline written by --save-baseline
shell-baseline-version = baseline_version { $version } is not supported (this binance-audit reads version { $supported }); save a new baseline
shell-baseline-content = unexpected content: { $problem }
shell-baseline-created-at = created_at { $value } is not an RFC 3339 time

# audit and password (cmd/audit.rs, cmd/password.rs)
shell-auditing = auditing
shell-baseline-not-saved = baseline not saved to { $path }: a check failed in this run, and an incomplete baseline would hide later changes
shell-baseline-saved = baseline saved to { $path }
shell-list-no-min-score = --min-score does not apply to --stdin-list (there is no score); use --fail-on
shell-list-formats = --stdin-list writes text or json, not { $format }
shell-list-needs-lookup = --stdin-list only checks breaches, which needs the network or --hibp-file (not --offline alone)

# rules list|show|check (cmd/rules.rs). English shows the identifier `--fail-on` takes, Japanese the label.
shell-rules-list-severity = { $id }{ $label ->
       *[other] {""}
    }
shell-rules-list-category = { $id }{ $label ->
       *[other] {""}
    }
shell-rules-no-such-id = no rule with id { $id } (see `binance-audit rules list`)
shell-rules-severity = severity
shell-rules-weight = weight
shell-rules-category = category
shell-rules-facts = facts
shell-rules-when = when
shell-rules-source = source
shell-rules-check-problems = { $count } problem(s) in { $dir }
shell-rules-check-ok = ok: { $rules } rules, { $cases } test cases passed in { $dir }
shell-rules-check-failed = { $count } rule test case(s) failed in { $dir }

# config path|init, errors (cmd/config.rs, cmd/error.rs)
shell-no-home = no home directory: pass --config PATH
shell-config-exists = { $path } already exists (use --force to overwrite)
shell-config-wrote = wrote { $path }
shell-cannot-write = cannot write { $path }: { $reason }

# password --stdin-list (password_list.rs)
shell-list-not-utf8 = standard input is not valid UTF-8 (byte { $byte })
shell-list-too-long = line { $line } is { $chars } characters long; at most { $max } are accepted
shell-list-too-many = more than { $max } passwords on standard input
shell-list-empty = no passwords on standard input (one per line)
shell-list-source-file = looked up offline in { $path } (nothing sent)
shell-list-source-api = Pwned Passwords range API at { $host }: only the first 5 of 40 SHA-1 hex digits of each password were sent, with Add-Padding: true
shell-list-title = breach check by line number (passwords are not shown)
shell-list-line = line
shell-list-found = found: seen { $times } times in known breaches
shell-list-not-found = not found in known breaches
shell-list-not-checked = NOT CHECKED:
shell-list-remediation = For each password found, now:

# the TOML parser's and serde's messages by shape (parse_message.rs). English shows the parser's own
# words; these English values are what each Japanese one translates.
shell-toml-unclosed-table = unclosed table
shell-toml-unclosed-array = unclosed array
shell-toml-unclosed-inline-table = unclosed inline table
shell-toml-wanted-string-or-table = wanted string or table
shell-toml-duplicate-key = duplicate key
shell-toml-duplicate-table = duplicate table
shell-toml-string-values-must-be-quoted = string values must be quoted
shell-toml-unexpected-key-or-value = unexpected key or value
shell-toml-key-with-no-value = key with no value
shell-toml-unquoted-keys-cannot-be-empty = unquoted keys cannot be empty
shell-toml-invalid-literal-string = invalid literal string
shell-toml-invalid-basic-string = invalid basic string
shell-toml-invalid-multi-line-basic-string = invalid multi-line basic string
shell-toml-invalid-multi-line-literal-string = invalid multi-line literal string
shell-toml-missing-escaped-value = missing escaped value
shell-toml-invalid-escape = invalid escape
shell-toml-invalid-unicode-escape = invalid unicode escape
shell-toml-invalid-integer = invalid integer
shell-toml-invalid-float = invalid float
shell-toml-invalid-datetime = invalid datetime
shell-toml-invalid-key = invalid key
shell-toml-invalid-table-header = invalid table header
shell-toml-invalid-inline-table = invalid inline table
shell-toml-invalid-array = invalid array
shell-toml-invalid-value = invalid value
shell-toml-extra-assignment-between-key-value-pairs = extra assignment between key-value pairs
shell-toml-missing-assignment-between-key-value-pairs = missing assignment between key-value pairs
shell-toml-invalid-comment = invalid comment
shell-toml-integer-number-overflowed = integer number overflowed
shell-toml-number-too-large-to-fit-in-target-type = number too large to fit in target type
shell-toml-number-too-small-to-fit-in-target-type = number too small to fit in target type
shell-toml-word-letters = letters
shell-toml-word-numbers = numbers
shell-toml-word-newline = newline
shell-toml-word-literal-string = literal string
shell-toml-word-basic-string = basic string
shell-toml-word-a-string = a string
shell-toml-word-string = string
shell-toml-word-a-boolean = a boolean
shell-toml-word-boolean = boolean
shell-toml-word-a-sequence = a sequence
shell-toml-word-sequence = sequence
shell-toml-word-a-map = a map
shell-toml-word-map = map
shell-toml-word-an-integer = an integer
shell-toml-word-integer = integer
shell-toml-word-a-float = a float
shell-toml-word-floating-point = floating point
shell-toml-word-a-date = a date
shell-toml-word-a-character = a character
shell-toml-word-unit-value = unit value
shell-toml-word-option = option
shell-toml-invalid-type = invalid type
shell-toml-struct = struct { $name }
shell-toml-enum = enum { $name }
shell-toml-expected = { $sentence }, expected { $expected }
shell-toml-expected-as-said = { $sentence }, expected { $expected }
shell-toml-unknown-field = unknown field `{ $name }`
shell-toml-unknown-variant = unknown variant `{ $name }`
shell-toml-missing-field = missing field `{ $name }`
shell-toml-got-want = { $what }: { $got }, expected { $want }
shell-toml-got = { $what }: { $got }
shell-toml-what-as-said = { $what }: { $said }
shell-toml-invalid-length = invalid length { $length }
shell-toml-unknown = { $said }

# The file `config init` writes: keys and values stay as they are, the comments are the reader's.
# A line starting with [ is written {"["} (Fluent syntax).
shell-config-template =
    # binance-audit configuration. Every setting is optional.
    # Secrets are never stored here: give the API secret through the
    # BINANCE_API_SECRET environment variable or a file named by secret_file.

    # lang = "ja"                  # en or ja; default from LANG / LC_ALL

    {"["}user]
    # Used only on this machine, to warn when your password contains them.
    # email = "you@example.com"
    # names = ["Alice", "Tanaka"]

    {"["}policy]
    # key_max_age_days = 90        # advise rotating API keys older than this
    # declared_max_age_days = 90   # ask to re-confirm declarations older than this

    {"["}hibp]
    # url = "https://api.pwnedpasswords.com"
    # file = "/path/to/pwned-passwords-sha1-ordered-by-hash.txt"   # offline lookups

    {"["}binance]
    # api_url = "https://api.binance.com"
    # api_key = "your read-only API key"
    # HMAC secret, chmod 600
    # secret_file = "~/.config/binance-audit/secret"
    # or an Ed25519/RSA PKCS#8 key
    # private_key_file = "~/.config/binance-audit/ed25519.pem"

    # [profiles.sub1]              # more accounts: --profile sub1 or --all-profiles
    # api_key = "..."
    # private_key_file = "..."

    # [declared]                   # written by `binance-audit setup`
    # on = 2026-01-01
    # two_factor = ["authenticator", "passkey"]
    # anti_phishing_code = true
    # withdrawal_whitelist = true
    # devices_reviewed = true
    # email_two_factor = true
    # email_unique_password = true
    # not_sure = ["devices_reviewed"]   # answered "not sure": still to be checked

    # accept a finding on purpose: shown, not scored, never gated
    # [[waiver]]
    # rule = "BA-API-004"
    # reason = "trading bot key, rotated by the bot's own schedule"   # required
    # optional: from this date on the finding counts again
    # expires = 2027-01-01
    # profile = "bot"              # optional: only for this profile

shell-setup-ask-region = Which Binance is your account at? Enter keeps the answer shown
shell-setup-retry-region = Please answer with a number of the list, or global / jp.
shell-setup-region-recorded = Binance: { $name } (region = "{ $id }" under [binance]).

## ── end of shell ──
