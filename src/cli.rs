//! Command-line interface (clap derive). Secrets have no flags on purpose:
//! argv is visible to every user of the machine through `ps`.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::parser::ValueSource;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::incident::checklist::Mark;
use crate::incident::evidence::DEFAULT_PACE_MS;
use crate::incident::playbook::Kind;
use crate::report::Format;
use crate::rules::Severity;

// The engine's enums stay free of clap; their command-line names are given
// here, once, from the names the engine already uses in its files and output.
impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        Lang::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.code()))
    }
}

impl ValueEnum for Severity {
    fn value_variants<'a>() -> &'a [Self] {
        Severity::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.as_str()))
    }
}

impl ValueEnum for Kind {
    fn value_variants<'a>() -> &'a [Self] {
        &Kind::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.as_str()).help(self.summary().render(Lang::En)))
    }
}

/// A `--format` that accepts only the formats its command can write.
fn formats(allowed: &'static [Format]) -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(
        allowed
            .iter()
            .map(|f| PossibleValue::new(f.name()).help(f.summary().render(crate::i18n::ui()))),
    )
    .map(|name| name.parse::<Format>().unwrap_or(Format::Text))
}

const EXAMPLES: &str = "Examples:\n  binance-audit                         # audit with whatever inputs are available\n  binance-audit --format json --output report.json\n  echo \"$PW\" | binance-audit password --password-stdin\n  binance-audit rules list\n\nRun with --help for exit codes.";

macro_rules! exit_codes {
    () => {
        "\
Exit codes:
  0  ran; nothing at or above the gate
  1  gate tripped: a finding at or above --fail-on, a finding not in the
     baseline (--fail-on-new), or score below --min-score. Waived findings
     never trip a gate
  2  usage or configuration error (bad flag, unreadable rules, bad config,
     a waiver without a reason, an unreadable or unsupported baseline)
  3  a check whose inputs were given could not complete (e.g. API unreachable),
     or --min-score was given but no score could be computed
  4  a report, baseline or evidence file could not be written"
    };
}

pub const EXIT_CODES: &str = exit_codes!();

#[derive(Debug, Parser)]
#[command(
    name = "binance-audit",
    version,
    about = "Security self-audit for Binance users: password, breaches, API key, links, incidents",
    long_about = "Security self-audit for Binance users.\n\nRuns a rule-based audit and prints a scored report where every finding carries remediation steps. \
The password is checked on this machine only; breach lookups send 5 characters of its SHA-1 hash; Binance is queried read-only (GET).",
    after_help = EXAMPLES,
    after_long_help = concat!(
        "Examples:\n  binance-audit                         # audit with whatever inputs are available\n  binance-audit --format json --output report.json\n  echo \"$PW\" | binance-audit password --password-stdin\n  binance-audit rules list\n\n",
        exit_codes!()
    ),

)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the default `audit` command.
    #[command(flatten)]
    pub audit: AuditArgs,
}

impl Cli {
    /// Parse the process arguments. Audit options given before a subcommand
    /// are refused with where they belong: `binance-audit --fail-on high
    /// audit` used to drop the gate silently, and a gate that silently does
    /// not run is the worst failure a scheduled check can have.
    pub fn parse_args() -> Result<Cli, clap::Error> {
        Cli::parse_from_iter(std::env::args_os())
    }

    pub fn parse_from_iter<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let mut cmd = Cli::command();
        let matches = cmd.try_get_matches_from_mut(args)?;
        if let Some(sub) = matches.subcommand_name() {
            let misplaced = misplaced_audit_options(&matches);
            if let Some(flag) = misplaced.first() {
                let msg = if sub == "audit" {
                    format!(
                        "{flag} stands before `audit`: put it after the subcommand (binance-audit audit {flag} …), or leave out the word `audit` (binance-audit {flag} …)"
                    )
                } else {
                    format!(
                        "{flag} is an option of the audit, not of `{sub}`: binance-audit audit {flag} …"
                    )
                };
                return Err(cmd.error(clap::error::ErrorKind::ArgumentConflict, msg));
            }
        }
        Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
    }
}

/// The top-level audit options the command line set, as `--long` flags.
fn misplaced_audit_options(m: &ArgMatches) -> Vec<String> {
    let audit = AuditArgs::augment_args(clap::Command::new("audit"));
    audit
        .get_arguments()
        .filter(|a| {
            m.try_contains_id(a.get_id().as_str()).unwrap_or(false)
                && m.value_source(a.get_id().as_str()) == Some(ValueSource::CommandLine)
        })
        .map(|a| match a.get_long() {
            Some(l) => format!("--{l}"),
            None => a.get_id().to_string(),
        })
        .collect()
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Configuration file [default: the platform config dir, e.g. ~/.config/binance-audit/config.toml]
    #[arg(long, global = true, env = "BINANCE_AUDIT_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Language of everything printed [default: the config's `lang`, else LC_ALL/LANG]
    #[arg(long, global = true, value_enum, env = "BINANCE_AUDIT_LANG")]
    pub lang: Option<Lang>,
    /// When to colour the output (NO_COLOR is honoured)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Never use the network; network checks become "not checked: offline"
    #[arg(long, global = true)]
    pub offline: bool,
    /// Seconds to wait for each network answer before giving up
    #[arg(long, global = true, env = "BINANCE_AUDIT_TIMEOUT", value_name = "SECS", default_value_t = 15,
          value_parser = clap::value_parser!(u64).range(1..=300))]
    pub timeout: u64,
    /// Show more: why each finding matters, evidence, references, every check, what passed, the network log
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,
    /// Show less: only the grade line (and what made the run incomplete)
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Treat warnings about file permissions as errors
    #[arg(long, global = true)]
    pub strict: bool,
    /// Extra or replacement rules: *.toml files in DIR override built-in rules with the same id
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// One `--output`: `FORMAT=PATH` writes that format to PATH; a bare PATH
/// writes the `--format` report there instead of to standard output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputSpec {
    pub format: Option<Format>,
    pub path: PathBuf,
}

impl std::str::FromStr for OutputSpec {
    type Err = String;

    /// `NAME=PATH` where NAME is not a format is refused rather than taken as
    /// a file name: `josn=r.json` is a typo, and writing the text report to a
    /// file named `josn=r.json` would let a CI job pass without its report.
    /// A path that really holds `=` can be written `./a=b.txt`.
    fn from_str(s: &str) -> Result<OutputSpec, String> {
        if s.is_empty() {
            return Err("empty file name".into());
        }
        if let Some((name, path)) = s.split_once('=')
            && !name.is_empty()
            && !name.contains(['/', '\\', '.'])
        {
            let format = name
                .parse::<Format>()
                .ok()
                .filter(|f| Format::REPORT.contains(f))
                .ok_or_else(|| {
                    let names: Vec<&str> = Format::REPORT.iter().map(|f| f.name()).collect();
                    format!(
                        "{name:?} is not a report format (one of: {}); write ./{s} for a file of that name",
                        names.join(", ")
                    )
                })?;
            if path.is_empty() {
                return Err(format!("`{name}=` needs a file name after the ="));
            }
            return Ok(OutputSpec {
                format: Some(format),
                path: PathBuf::from(path),
            });
        }
        Ok(OutputSpec {
            format: None,
            path: PathBuf::from(s),
        })
    }
}

#[derive(Debug, Args, Clone, Default)]
pub struct ReportArgs {
    /// Output format
    #[arg(long, value_parser = formats(Format::REPORT))]
    pub format: Option<Format>,
    /// Write a report to a file (created mode 0600, written whole or not at
    /// all). FORMAT=PATH adds a file in that format (text, json, sarif,
    /// markdown, junit); a bare PATH writes the --format report there instead
    /// of to standard output. Repeatable
    #[arg(long, short = 'o', value_name = "[FORMAT=]PATH")]
    pub output: Vec<OutputSpec>,
    /// Exit 1 when a finding of this severity or worse is present
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<Severity>,
    /// Exit 1 when the score is below N (0-100)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub min_score: Option<u32>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct BaselineArgs {
    /// Write the observed security state (key permissions, IP restriction, key
    /// creation time, account status, withdrawal address book, score) to FILE.
    /// Holds no secrets; format in docs/baseline.md. One account per file: not
    /// with --all-profiles (use --profile NAME)
    #[arg(long, value_name = "FILE", conflicts_with = "all_profiles")]
    pub save_baseline: Option<PathBuf>,
    /// Compare with a saved baseline: every change (new withdrawal address,
    /// permission enabled, IP restriction removed, …) becomes a `drift` finding
    #[arg(long, value_name = "FILE", conflicts_with = "all_profiles")]
    pub baseline: Option<PathBuf>,
    /// Gate only on findings not recorded in the baseline (with --fail-on, at or
    /// above that severity; alone, any new finding)
    #[arg(long, requires = "baseline")]
    pub fail_on_new: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct PasswordInput {
    /// Read the Binance password from standard input (one line)
    #[arg(long)]
    pub password_stdin: bool,
    /// Read the Binance password from the first line of FILE
    #[arg(long, value_name = "FILE", conflicts_with = "password_stdin")]
    pub password_file: Option<PathBuf>,
    /// Also look up the email account's password (first line of FILE) in known breaches
    #[arg(long, value_name = "FILE")]
    pub email_password_file: Option<PathBuf>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct BreachArgs {
    /// Pwned Passwords API base URL [default: https://api.pwnedpasswords.com]
    #[arg(long, env = "BINANCE_AUDIT_HIBP_URL", value_name = "URL")]
    pub hibp_url: Option<String>,
    /// Offline breach lookup in a downloaded Pwned Passwords SHA-1 file (or per-prefix folder)
    #[arg(long, value_name = "PATH")]
    pub hibp_file: Option<PathBuf>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ApiArgs {
    /// Binance API base URL [default: https://api.binance.com]
    #[arg(long, env = "BINANCE_API_URL", value_name = "URL")]
    pub api_url: Option<String>,
    /// Audit the account of this config profile
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Audit every profile in the config, one section each
    #[arg(long, conflicts_with = "profile")]
    pub all_profiles: bool,
}

#[derive(Debug, Args, Clone, Default)]
#[command(
    after_help = "Examples:\n  binance-audit audit\n  binance-audit audit --password-stdin --fail-on high < pw.txt\n  binance-audit audit --offline --format json --output report.json\n  BINANCE_API_KEY=... BINANCE_API_SECRET=... binance-audit audit --min-score 80\n  binance-audit audit --output sarif=audit.sarif --output markdown=summary.md \\\n      --fail-on high\n  binance-audit audit --save-baseline state.json    # record the approved state\n  binance-audit audit --baseline state.json --fail-on-new   # alert on drift\n\nScheduled runs (cron, GitHub Actions, systemd): see docs/scheduled.md"
)]
pub struct AuditArgs {
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub baseline: BaselineArgs,
    #[command(flatten)]
    pub password: PasswordInput,
    #[command(flatten)]
    pub breach: BreachArgs,
    #[command(flatten)]
    pub api: ApiArgs,
}

#[derive(Debug, Args, Clone, Default)]
#[command(
    after_help = "Examples:\n  binance-audit password                      # no-echo prompt\n  printf '%s\\n' \"$PW\" | binance-audit password --password-stdin\n  binance-audit password --password-stdin --offline \\\n      --hibp-file pwned.txt < pw.txt\n  binance-audit password --stdin-list < passwords.txt"
)]
pub struct PasswordArgs {
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub password: PasswordInput,
    #[command(flatten)]
    pub breach: BreachArgs,
    /// Check several passwords, one per line on standard input
    #[arg(long, conflicts_with_all = ["password_stdin", "password_file", "email_password_file"])]
    pub stdin_list: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run every check that has inputs and print a scored report (the default)
    Audit(AuditArgs),
    /// Check one password's strength locally and look it up in known breaches
    Password(PasswordArgs),
    /// Tell genuine Binance links from impersonations, and say why
    #[command(
        after_help = "Examples:\n  binance-audit url https://www.binance.com/en/login \\\n      https://binance.com.login-verify.example\n  binance-audit url --input links.txt --format jsonl\n  binance-audit url --extract --input message.eml\n  pbpaste | binance-audit url --extract\n\nVerdicts: official, phishing, suspicious, unrelated, invalid.\nExit codes: 0 nothing phishing or suspicious, 1 at least one phishing or suspicious link, 2 usage error."
    )]
    Url(UrlArgs),
    /// Before you send: is this address yours, a look-alike of yours (address poisoning), new, or malformed?
    #[command(after_help = ADDRESS_HELP)]
    Address(AddressArgs),
    /// Is it Binance or is it me? System status, latency, clock, and your coins' deposit/withdrawal state
    Status(StatusArgs),
    /// First-response playbooks (breach, outage, account, trade, support), checklist and evidence bundle
    Incident(IncidentArgs),
    /// List, show and validate rules
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Find or create the configuration file
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Answer the questions no Binance API can: 2FA methods, anti-phishing code, whitelist, devices, email
    Setup(SetupArgs),
    /// Print shell completions
    #[command(
        after_help = "Examples:\n  binance-audit completions bash > /etc/bash_completion.d/binance-audit\n  binance-audit completions zsh > ~/.zfunc/_binance-audit"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command with --dir
    #[command(
        after_help = "Examples:\n  binance-audit man > binance-audit.1 && man ./binance-audit.1\n  binance-audit man --dir ~/.local/share/man/man1   # every page: binance-audit-audit(1), …"
    )]
    Man {
        /// Write binance-audit.1 and a page for every command into DIR
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
}

/// A second factor on the Binance account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TwoFactorMethod {
    /// Authenticator app (Binance Authenticator, Google Authenticator, …)
    Authenticator,
    /// Passkey
    Passkey,
    /// Hardware security key (YubiKey, …)
    #[value(alias = "security_key", alias = "yubikey")]
    SecurityKey,
    /// SMS code
    Sms,
    /// Email code
    Email,
    /// No second factor at all
    None,
    /// You do not know which are on (reported as a setting to check)
    #[value(alias = "unsure")]
    NotSure,
}

impl TwoFactorMethod {
    /// The name stored in `[declared] two_factor`.
    pub fn config_name(self) -> &'static str {
        match self {
            TwoFactorMethod::Authenticator => "authenticator",
            TwoFactorMethod::Passkey => "passkey",
            TwoFactorMethod::SecurityKey => "security_key",
            TwoFactorMethod::Sms => "sms",
            TwoFactorMethod::Email => "email",
            TwoFactorMethod::None => "none",
            TwoFactorMethod::NotSure => "not_sure",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum YesNo {
    #[value(alias = "y", alias = "true")]
    Yes,
    #[value(alias = "n", alias = "false")]
    No,
    /// You do not know (reported as a setting to check)
    #[value(alias = "unsure", alias = "?")]
    NotSure,
}

#[derive(Debug, Args, Clone, Default)]
#[command(
    after_help = "Without answer flags, setup asks each question in a terminal (English or Japanese, per --lang).\n\
With flags it records the answers given, dated today, and keeps every other recorded answer with its own date.\n\
Answer not-sure (or ? in the terminal) when you do not know: the report lists that setting as one to check.\n\n\
Examples:\n  binance-audit setup\n  binance-audit setup --lang ja\n  binance-audit setup --two-factor authenticator,passkey \\\n      --anti-phishing-code yes --withdrawal-whitelist yes \\\n      --devices-reviewed yes --email-two-factor yes \\\n      --email-unique-password yes\n  binance-audit setup --anti-phishing-code no   # change one, keep the rest"
)]
pub struct SetupArgs {
    /// Second factors on your Binance account (Account → Security), comma-separated
    #[arg(long, value_enum, value_delimiter = ',', value_name = "METHODS")]
    pub two_factor: Option<Vec<TwoFactorMethod>>,
    /// An anti-phishing code is set (Account → Security → Anti-Phishing Code)
    #[arg(long, value_enum, value_name = "yes|no|not-sure")]
    pub anti_phishing_code: Option<YesNo>,
    /// The withdrawal whitelist is on (Account → Security → Address Management)
    #[arg(long, value_enum, value_name = "yes|no|not-sure")]
    pub withdrawal_whitelist: Option<YesNo>,
    /// You reviewed Device Management and removed devices you do not recognise
    #[arg(long, value_enum, value_name = "yes|no|not-sure")]
    pub devices_reviewed: Option<YesNo>,
    /// Your email account has its own second factor
    #[arg(long, value_enum, value_name = "yes|no|not-sure")]
    pub email_two_factor: Option<YesNo>,
    /// Your email account's password is used nowhere else
    #[arg(long, value_enum, value_name = "yes|no|not-sure")]
    pub email_unique_password: Option<YesNo>,
}

impl SetupArgs {
    pub fn any_answer(&self) -> bool {
        self.two_factor.is_some()
            || self.anti_phishing_code.is_some()
            || self.withdrawal_whitelist.is_some()
            || self.devices_reviewed.is_some()
            || self.email_two_factor.is_some()
            || self.email_unique_password.is_some()
    }
}

#[derive(Debug, Args, Clone, Default)]
#[command(
    after_help = "Examples:\n  binance-audit status                  # public checks; a key adds your coins\n  binance-audit status --coin BTC,USDT  # these coins' deposits and withdrawals\n  binance-audit status --format json\n\nExit codes: 0 the checks ran (whatever Binance reports), 2 usage error, 3 a check could not complete."
)]
pub struct StatusArgs {
    /// Binance API base URL [default: https://api.binance.com]
    #[arg(long, env = "BINANCE_API_URL", value_name = "URL")]
    pub api_url: Option<String>,
    /// Use the API key of this config profile
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Coins to check instead of the ones you hold (repeatable or comma-separated)
    #[arg(long, value_name = "COIN", value_delimiter = ',')]
    pub coin: Vec<String>,
    /// Output format (the status check has no findings: text or json)
    #[arg(long, value_parser = formats(&[Format::Text, Format::Json]))]
    pub format: Option<Format>,
}

#[derive(Debug, Args, Clone)]
#[command(
    after_help = "Examples:\n  binance-audit incident                    # the playbooks there are\n  binance-audit incident breach             # what to do, in order, and where\n  binance-audit incident breach --checklist # walk the steps; a re-run resumes\n  binance-audit incident breach --mark change-password=done \\\n      --mark setup-2fa=skipped\n  binance-audit incident outage --lang ja --format markdown > outage.md\n  binance-audit incident breach --since 2026-11-20T00:00Z --out ./case\n  binance-audit incident trade --since 2026-11-24T09:00+09:00 \\\n      --symbol BTCUSDT,ETHUSDT --out ./trade-case"
)]
pub struct IncidentArgs {
    /// Which playbook (none: list them)
    #[arg(value_enum)]
    pub kind: Option<Kind>,
    /// Output format of the playbook
    #[arg(long, value_name = "FORMAT", value_parser = formats(&[Format::Text, Format::Json, Format::Markdown]))]
    pub format: Option<Format>,
    /// Walk the steps one by one in the terminal, recording each as done or skipped
    #[arg(long, conflicts_with_all = ["mark", "since", "format"], requires = "kind")]
    pub checklist: bool,
    /// Record a step without prompting (repeatable): STEP=done or STEP=skipped
    #[arg(long, value_name = "STEP=STATE", value_parser = parse_mark, conflicts_with_all = ["since", "format"], requires = "kind")]
    pub mark: Vec<Mark>,
    /// Incident log file [default: the platform data dir, e.g. ~/.local/share/binance-audit/incidents/KIND.json]
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// Collect evidence from this time on (RFC 3339, e.g. 2026-11-20T00:00Z or 2026-11-20T09:00+09:00)
    #[arg(long, value_name = "TIME", requires_all = ["out", "kind"], conflicts_with_all = ["format", "log"])]
    pub since: Option<String>,
    /// End of the evidence period [default: now]
    #[arg(long, value_name = "TIME", requires = "since")]
    pub until: Option<String>,
    /// Trading pairs whose orders and trades to collect (repeatable or comma-separated)
    #[arg(long, value_name = "SYMBOL", value_delimiter = ',', requires = "since")]
    pub symbol: Vec<String>,
    /// Folder to write the evidence into (ticket.md and evidence.json, mode 0600)
    #[arg(long, value_name = "DIR", requires = "since")]
    pub out: Option<PathBuf>,
    /// Binance API base URL [default: https://api.binance.com]
    #[arg(long, env = "BINANCE_API_URL", value_name = "URL")]
    pub api_url: Option<String>,
    /// Use the API key of this config profile
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Minimum spacing of withdraw-history requests in milliseconds; 24-hour
    /// order and trade lookups are spaced at 2/5 of it
    #[arg(long, hide = true, env = "BINANCE_AUDIT_PACE_MS", default_value_t = DEFAULT_PACE_MS)]
    pub pace_ms: u64,
}

fn parse_mark(s: &str) -> Result<Mark, String> {
    s.parse()
        .map_err(|e: crate::incident::checklist::MarkError| e.msg().render(Lang::En))
}

/// Check links for Binance impersonation.
#[derive(Clone, Debug, Default, Args)]
pub struct UrlArgs {
    /// Links, host names or e-mail addresses to check; "-" reads standard input.
    /// With no URL and no --input, standard input is read.
    #[arg(value_name = "URL")]
    pub urls: Vec<String>,

    /// Read inputs from FILE, one per line ("-" for standard input).
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Find every link in free text, HTML or an e-mail message (.eml) instead of
    /// reading one link per line. Positional arguments are then text to search.
    #[arg(long)]
    pub extract: bool,

    /// Output format.
    #[arg(long, value_parser = formats(&[Format::Text, Format::Json, Format::Jsonl]), default_value = "text")]
    pub format: Format,

    /// In json/jsonl, also give the reasons in every language
    /// (`reasons_en`, `reasons_ja`) besides `reasons` in the chosen one.
    #[arg(long)]
    pub all_languages: bool,

    /// Judge lines read from a file or standard input on N threads
    /// (default: one per core, at most 8). Output keeps the input order.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<std::num::NonZeroUsize>,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List every rule with its severity
    #[command(after_help = "Example:\n  binance-audit rules list")]
    List,
    /// Show one rule in full
    #[command(after_help = "Example:\n  binance-audit rules show BA-PWD-001 --lang ja")]
    Show { id: String },
    /// Validate a rules folder: syntax, facts, conditions, translations and each rule's own tests
    #[command(after_help = "Example:\n  binance-audit rules check ./rules")]
    Check { dir: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print where the configuration file is (or would be)
    Path,
    /// Write a commented template configuration file
    #[command(
        after_help = "Example:\n  binance-audit config init && $EDITOR \"$(binance-audit config path)\""
    )]
    Init {
        /// Overwrite an existing file
        #[arg(long)]
        force: bool,
    },
}

const ADDRESS_HELP: &str = "Examples:\n  binance-audit address 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed --network ETH\n  binance-audit address --input addresses.txt --format jsonl\n  pbpaste | binance-audit address --extract\n  binance-audit address --offline --known my-addresses.txt TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\n\nVerdicts: known, look-alike, new, invalid (and not-compared when nothing could be compared).\nExit codes: 0 every address known or new, 1 at least one look-alike or invalid address,\n2 usage error, 3 the address book or withdrawal history could not be read (verdicts cover only what was read).";

#[derive(Clone, Debug, Default, Args)]
pub struct AddressArgs {
    /// Addresses to check; "-" reads standard input. With no ADDR and no
    /// --input, standard input is read
    #[arg(value_name = "ADDR")]
    pub addresses: Vec<String>,
    /// Network the address is for, as Binance names it (ETH, BSC, BTC, TRX,
    /// SOL, XRP, TON, …) [default: told from the address's shape]
    #[arg(long, value_name = "NET")]
    pub network: Option<String>,
    /// Coin you are about to send (shown, and used to pick matching records)
    #[arg(long, value_name = "COIN")]
    pub coin: Option<String>,
    /// The memo or tag you will send with it (silences the missing-memo warning)
    #[arg(long, value_name = "MEMO", alias = "tag")]
    pub memo: Option<String>,
    /// Read addresses from FILE, one per line ("-" for standard input)
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Find every address in pasted text instead of reading one per line
    #[arg(long)]
    pub extract: bool,
    /// Your own addresses, one per line: ADDRESS [LABEL]. Compared with as
    /// well as the address book, or instead of it with --offline
    #[arg(long, value_name = "FILE")]
    pub known: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_parser = formats(&[Format::Text, Format::Json, Format::Jsonl]), default_value = "text")]
    pub format: Format,
    /// Binance API base URL [default: https://api.binance.com]
    #[arg(long, env = "BINANCE_API_URL", value_name = "URL")]
    pub api_url: Option<String>,
    /// Use the API key of this config profile
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_subcommand_means_audit_args() {
        let c = Cli::try_parse_from(["binance-audit", "--fail-on", "high"]).unwrap();
        assert!(c.command.is_none());
        assert_eq!(c.audit.report.fail_on, Some(Severity::High));
    }

    #[test]
    fn output_takes_format_prefix_or_bare_path() {
        let c = Cli::try_parse_from([
            "binance-audit",
            "--output",
            "sarif=r.sarif",
            "-o",
            "JSON=out/r.json",
            "--output",
            "plain.txt",
            "--output",
            "./a=b.txt",
        ])
        .unwrap();
        let o = &c.audit.report.output;
        assert_eq!(o[0].format, Some(Format::Sarif));
        assert_eq!(o[0].path, PathBuf::from("r.sarif"));
        assert_eq!(o[1].format, Some(Format::Json));
        assert_eq!(o[2].format, None);
        // A path, not a format name.
        assert_eq!(o[3].format, None);
        assert_eq!(o[3].path, PathBuf::from("./a=b.txt"));
        assert!(Cli::try_parse_from(["binance-audit", "--output", "junit="]).is_err());
        // A misspelt format is a usage error, not a file named after it.
        assert!(Cli::try_parse_from(["binance-audit", "--output", "josn=r.json"]).is_err());
        assert!(Cli::try_parse_from(["binance-audit", "--output", "jsonl=r.json"]).is_err());
    }

    #[test]
    fn fail_on_new_needs_a_baseline() {
        assert!(Cli::try_parse_from(["binance-audit", "--fail-on-new"]).is_err());
        let c = Cli::try_parse_from(["binance-audit", "--fail-on-new", "--baseline", "b.json"])
            .unwrap();
        assert!(c.audit.baseline.fail_on_new);
        // A baseline describes one account.
        assert!(
            Cli::try_parse_from(["binance-audit", "--baseline", "b.json", "--all-profiles"])
                .is_err()
        );
    }

    #[test]
    fn no_flag_takes_a_secret() {
        let cmd = Cli::command();
        let mut names = Vec::new();
        fn walk(c: &clap::Command, names: &mut Vec<String>) {
            for a in c.get_arguments() {
                names.push(a.get_id().to_string());
            }
            for s in c.get_subcommands() {
                walk(s, names);
            }
        }
        walk(&cmd, &mut names);
        for n in names {
            assert!(
                !n.contains("secret") && n != "password" && !n.contains("private_key"),
                "flag {n} looks like it takes a secret"
            );
        }
    }

    #[test]
    fn audit_options_work_before_no_subcommand_and_after_audit_only() {
        let ok = |args: &[&str]| Cli::parse_from_iter(args).map(|c| c.command.is_some());
        assert!(!ok(&["binance-audit", "--fail-on", "high"]).unwrap());
        let c = Cli::parse_from_iter(["binance-audit", "audit", "--fail-on", "high"]).unwrap();
        match c.command {
            Some(Command::Audit(a)) => assert_eq!(a.report.fail_on, Some(Severity::High)),
            other => panic!("{other:?}"),
        }
        // Global options go anywhere.
        assert!(
            ok(&[
                "binance-audit",
                "--lang",
                "ja",
                "--offline",
                "rules",
                "list"
            ])
            .is_ok()
        );
        assert!(ok(&["binance-audit", "audit", "--offline", "--lang", "ja"]).is_ok());
        // Before `audit`: refused, saying where it belongs — never dropped.
        for flags in [
            &["--fail-on", "high"][..],
            &["--min-score", "80"],
            &["--format", "json"],
            &["--output", "r.json"],
            &["--password-stdin"],
            &["--baseline", "b.json"],
            &["--save-baseline", "b.json"],
            &["--profile", "p"],
            &["--all-profiles"],
            &["--api-url", "http://127.0.0.1:1"],
            &["--hibp-url", "http://127.0.0.1:1"],
            &["--hibp-file", "h.txt"],
            &["--password-file", "p.txt"],
            &["--email-password-file", "e.txt"],
        ] {
            let mut args = vec!["binance-audit"];
            args.extend_from_slice(flags);
            args.push("audit");
            let e = Cli::parse_from_iter(&args).unwrap_err();
            assert_eq!(
                e.kind(),
                clap::error::ErrorKind::ArgumentConflict,
                "{args:?}"
            );
            let msg = e.to_string();
            assert!(msg.contains(flags[0]) && msg.contains("after"), "{msg}");
            // The same flag after `audit` is taken.
            let mut after = vec!["binance-audit", "audit"];
            after.extend_from_slice(flags);
            assert!(Cli::parse_from_iter(&after).is_ok(), "{after:?}");
        }
        let e =
            Cli::parse_from_iter(["binance-audit", "--fail-on", "high", "url", "x"]).unwrap_err();
        assert!(e.to_string().contains("not of `url`"), "{e}");
    }
}
