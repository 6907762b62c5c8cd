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
help-usage = Usage:
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
help-error = error:
help-error-try-help = For more information, try '{ $flag }'.
help-error-tip = tip:
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
help-error-mark-form = expected STEP=done or STEP=skipped, got { $got }
help-error-mark-state = state must be done or skipped, got { $got }
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
