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

## ── end of shell ──
