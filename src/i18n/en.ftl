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
report-findings = Findings
report-not-checked = Not checked
report-waivers = Waivers
report-evidence = Evidence
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


## ── end of binance ──

## ── incident ── Playbooks, the checklist log, evidence and the ticket (incident/).


## ── end of incident ──

## ── url ── The link check (url/, cmd/url/).


## ── end of url ──

## ── address ── The address check (address/, cmd/address/).


## ── end of address ──

## ── shell ── The shell and its files: prompts, setup, config, baseline, inputs, errors (cmd/, config.rs, declare.rs, baseline.rs, secret.rs, files.rs, …).


## ── end of shell ──
