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


## ── end of url ──

## ── address ── The address check (address/, cmd/address/).


## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).

# files and reads (files.rs, bounded.rs). $kind is the system's name for the error, $reason
# the same in words: English shows $kind, as the system says it.
shell-read-failed = cannot read { $what }: { $kind }{ $reason ->
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
shell-setup-cannot-read = cannot read { $path }: { $reason }
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

## ── end of shell ──
