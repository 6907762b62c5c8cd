# binance-audit — English messages (Project Fluent syntax: https://projectfluent.org/fluent/guide/).
# Every sentence the program prints comes from here or from ja.ftl; rules and playbooks keep
# their own text in rules/. Each message must exist in both files with the same $variables.

## ── common ── Shared words: list separators, yes/no, units. Owner: anyone; add with care.

list-separator = {", "}

## ── end of common ──

## ── help ── --help, usage errors and man pages (cli.rs, main.rs, cmd/man.rs).


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
engine-hibp-open = cannot open { $path }: { $reason }
engine-hibp-read = cannot read { $path }: { $reason }
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
engine-rules-folder-unreadable = cannot read rules folder: { $reason }
engine-rules-folder-empty = no rule files (*.toml) in this folder
engine-the-file = the file
engine-not-utf8 = not valid UTF-8

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
