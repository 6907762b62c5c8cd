//! The incident log: which playbook steps were done or skipped, and when.
//! It is append-only (a later entry for the same step wins) so it doubles as a
//! timeline for a support ticket or police report, and it is saved after every
//! answer so an interrupted walk resumes where it stopped.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

use super::playbook::{Kind, Playbook, Step};
use crate::i18n::{Lang, Msg};
use crate::{msg, t};

use crate::report::SCHEMA_VERSION as LOG_SCHEMA_VERSION;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepState {
    Done,
    Skipped,
}

impl StepState {
    pub fn as_str(self) -> &'static str {
        match self {
            StepState::Done => "done",
            StepState::Skipped => "skipped",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            StepState::Done => msg!("incident-state-done"),
            StepState::Skipped => msg!("incident-state-skipped"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub step: String,
    pub state: StepState,
    /// RFC 3339, UTC, whole seconds.
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentLog {
    pub schema_version: u32,
    pub kind: String,
    pub started: DateTime<Utc>,
    pub entries: Vec<Entry>,
}

/// `STEP=done` or `STEP=skipped`, as given to `--mark`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub step: String,
    pub state: StepState,
}

/// A `--mark` that is not `STEP=done` or `STEP=skipped`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkError {
    /// No `=` in what was given.
    NoState(String),
    /// A state other than done or skipped.
    BadState(String),
}

impl MarkError {
    pub fn msg(&self) -> Msg {
        match self {
            MarkError::NoState(s) => msg!("incident-mark-no-state", given = format!("{s:?}")),
            MarkError::BadState(s) => msg!("incident-mark-bad-state", given = format!("{s:?}")),
        }
    }
}

impl std::fmt::Display for MarkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().render(crate::i18n::Lang::En))
    }
}

impl std::error::Error for MarkError {}

impl FromStr for Mark {
    type Err = MarkError;

    fn from_str(s: &str) -> Result<Mark, MarkError> {
        let (step, state) = s
            .split_once('=')
            .ok_or_else(|| MarkError::NoState(s.to_string()))?;
        let state = match state.trim().to_ascii_lowercase().as_str() {
            "done" => StepState::Done,
            "skipped" | "skip" => StepState::Skipped,
            other => return Err(MarkError::BadState(other.to_string())),
        };
        Ok(Mark {
            step: step.trim().to_string(),
            state,
        })
    }
}

pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(0)
}

impl IncidentLog {
    pub fn new(kind: Kind, at: DateTime<Utc>) -> IncidentLog {
        IncidentLog {
            schema_version: LOG_SCHEMA_VERSION,
            kind: kind.as_str().into(),
            started: at,
            entries: Vec::new(),
        }
    }

    /// The latest record for a step.
    pub fn latest(&self, step: &str) -> Option<&Entry> {
        self.entries.iter().rev().find(|e| e.step == step)
    }

    pub fn record(&mut self, step: &str, state: StepState, at: DateTime<Utc>) {
        self.entries.push(Entry {
            step: step.into(),
            state,
            at,
        });
    }

    /// The first step of the playbook with no record yet: where a walk resumes.
    pub fn next<'p>(&self, playbook: &'p Playbook) -> Option<(usize, &'p Step)> {
        playbook
            .steps
            .iter()
            .enumerate()
            .find(|(_, s)| self.latest(&s.id).is_none())
    }

    /// (done, skipped) among the playbook's steps.
    pub fn counts(&self, playbook: &Playbook) -> (usize, usize) {
        playbook
            .steps
            .iter()
            .filter_map(|s| self.latest(&s.id))
            .fold((0, 0), |(d, k), e| match e.state {
                StepState::Done => (d + 1, k),
                StepState::Skipped => (d, k + 1),
            })
    }
}

/// `<data dir>/incidents/<kind>.json`, e.g. ~/.local/share/binance-audit/incidents/breach.json.
pub fn default_path(kind: Kind) -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "binance-audit")
        .map(|d| d.data_dir().join("incidents").join(format!("{kind}.json")))
}

/// What went wrong with an incident log, the marks given for it, or the
/// terminal a walk asks in. Values only: [`LogError::render`] makes the
/// sentence.
#[derive(Debug)]
pub enum LogError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Invalid {
        path: PathBuf,
        source: serde_json::Error,
    },
    Schema {
        path: PathBuf,
        found: u32,
    },
    OtherPlaybook {
        path: PathBuf,
        found: String,
        want: Kind,
    },
    CreateDir {
        dir: PathBuf,
        source: std::io::Error,
    },
    Encode(serde_json::Error),
    Write(crate::files::WriteError),
    UnknownStep {
        kind: Kind,
        step: String,
        steps: Vec<String>,
    },
    Terminal(std::io::Error),
    Answer(std::io::Error),
}

impl LogError {
    /// The error in `lang`. An unreadable file is `files::read_error`; serde's
    /// complaint is its own words in English and `json_problem`'s in
    /// Japanese.
    pub fn render(&self, lang: Lang) -> String {
        let why = |e: &std::io::Error| crate::files::io_msg(e).render(lang);
        match self {
            LogError::Read { path, source } => crate::files::read_error(
                crate::msg!("incident-the-log", path = path.display().to_string()),
                Some("--log".into()),
                source,
            )
            .render(lang),
            LogError::Invalid { path, source } => t!(
                lang,
                "incident-log-invalid",
                path = path.display().to_string(),
                problem = json_problem(source, lang)
            ),
            LogError::Schema { path, found } => t!(
                lang,
                "incident-log-schema",
                path = path.display().to_string(),
                found = *found,
                reads = LOG_SCHEMA_VERSION
            ),
            LogError::OtherPlaybook { path, found, want } => t!(
                lang,
                "incident-log-other-playbook",
                path = path.display().to_string(),
                found = format!("{found:?}"),
                want = format!("{:?}", want.as_str())
            ),
            LogError::CreateDir { dir, source } => t!(
                lang,
                "incident-log-cannot-create-folder",
                dir = dir.display().to_string(),
                reason = why(source)
            ),
            LogError::Encode(e) => t!(lang, "incident-log-cannot-encode", error = e.to_string()),
            LogError::Write(e) => t!(
                lang,
                "incident-log-cannot-write",
                reason = match e.io() {
                    Some(io) => format!("{}: {}", e.path().display(), why(io)),
                    None => e.to_string(),
                }
            ),
            LogError::UnknownStep { kind, step, steps } => {
                let steps: Vec<&str> = steps.iter().map(String::as_str).collect();
                t!(
                    lang,
                    "incident-marks-unknown-step",
                    kind = kind.as_str(),
                    step = format!("{step:?}"),
                    steps = crate::i18n::join(lang, &steps)
                )
            }
            LogError::Terminal(e) => t!(lang, "incident-walk-cannot-write", reason = why(e)),
            LogError::Answer(e) => t!(lang, "incident-walk-cannot-read", reason = why(e)),
        }
    }
}

/// Read a log; a missing file is `None`. A log of another playbook or one that
/// does not parse is an error, never silently replaced: it may be evidence.
pub fn load(path: &Path, kind: Kind) -> Result<Option<IncidentLog>, LogError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(LogError::Read {
                path: path.into(),
                source,
            });
        }
    };
    let log: IncidentLog = serde_json::from_slice(&bytes).map_err(|source| LogError::Invalid {
        path: path.into(),
        source,
    })?;
    if log.schema_version != LOG_SCHEMA_VERSION {
        return Err(LogError::Schema {
            path: path.into(),
            found: log.schema_version,
        });
    }
    if log.kind != kind.as_str() {
        return Err(LogError::OtherPlaybook {
            path: path.into(),
            found: log.kind,
            want: kind,
        });
    }
    Ok(Some(log))
}

/// serde_json's complaint for the reader: its own words in English, as
/// `parse_message` treats the TOML reader's; otherwise retold from the
/// catalogue: where it is, and the shape of what was wrong (the names in
/// backticks kept).
fn json_problem(e: &serde_json::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    let (line, column) = (e.line(), e.column());
    let msg = e.to_string();
    let msg = msg.split(" at line ").next().unwrap_or(&msg);
    match e.classify() {
        serde_json::error::Category::Eof => {
            t!(lang, "incident-json-eof", line = line, column = column)
        }
        serde_json::error::Category::Syntax => {
            t!(lang, "incident-json-syntax", line = line, column = column)
        }
        _ => t!(
            lang,
            "incident-json-data",
            line = line,
            column = column,
            problem = crate::parse_message::message(msg, lang)
        ),
    }
}

/// Write the log readable only by its owner, through a temporary file so a
/// crash mid-write never leaves half a log.
pub fn save(path: &Path, log: &IncidentLog) -> Result<(), LogError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir).map_err(|source| LogError::CreateDir {
            dir: dir.into(),
            source,
        })?;
    }
    let mut json = serde_json::to_vec_pretty(log).map_err(LogError::Encode)?;
    json.push(b'\n');
    crate::files::write_private(path, &json, crate::files::Existing::Replace)
        .map_err(LogError::Write)
}

/// A folder only the owner can enter (incident logs and evidence live here).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// Apply `--mark` entries: all are checked against the playbook before any is recorded.
pub fn apply_marks(
    log: &mut IncidentLog,
    playbook: &Playbook,
    marks: &[Mark],
    at: DateTime<Utc>,
) -> Result<(), LogError> {
    for m in marks {
        if playbook.step(&m.step).is_none() {
            return Err(LogError::UnknownStep {
                kind: playbook.kind,
                step: m.step.clone(),
                steps: playbook.step_ids().iter().map(|s| s.to_string()).collect(),
            });
        }
    }
    for m in marks {
        log.record(&m.step, m.state, at);
    }
    Ok(())
}

/// How a walk ended.
#[derive(Debug, PartialEq, Eq)]
pub enum WalkEnd {
    /// Every step has a record.
    Finished,
    /// The user quit (or input ended); the next run resumes.
    Paused,
}

/// Walk the unrecorded steps, asking done/skip/quit for each, and persist
/// after every answer through `save`. Input and output are parameters so the
/// walk can be driven by a script in tests.
pub fn walk(
    playbook: &Playbook,
    log: &mut IncidentLog,
    lang: Lang,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    save: &mut dyn FnMut(&IncidentLog) -> Result<(), LogError>,
    clock: &dyn Fn() -> DateTime<Utc>,
) -> Result<WalkEnd, LogError> {
    let io = LogError::Terminal;
    let total = playbook.steps.len();
    let (done, skipped) = log.counts(playbook);
    if done + skipped > 0 && done + skipped < total {
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "incident-walk-resuming",
                recorded = done + skipped,
                total = total
            )
        )
        .map_err(io)?;
    }
    while let Some((i, step)) = log.next(playbook) {
        writeln!(out).map_err(io)?;
        // A terminal's common width: the walk asks in a terminal of its own.
        super::show::step_text(out, i + 1, total, step, lang, None, 80).map_err(io)?;
        let state = loop {
            write!(out, "{}", t!(lang, "incident-walk-prompt")).map_err(io)?;
            out.flush().map_err(io)?;
            let mut line = String::new();
            let n = input.read_line(&mut line).map_err(LogError::Answer)?;
            if n == 0 {
                writeln!(out).map_err(io)?;
                return Ok(WalkEnd::Paused);
            }
            match line.trim().to_ascii_lowercase().as_str() {
                "d" | "done" | "y" | "yes" => break StepState::Done,
                "s" | "skip" | "skipped" | "n" | "no" => break StepState::Skipped,
                "q" | "quit" | "exit" => return Ok(WalkEnd::Paused),
                _ => writeln!(out, "{}", t!(lang, "incident-walk-answer")).map_err(io)?,
            }
        };
        log.record(&step.id, state, clock());
        save(log)?;
    }
    Ok(WalkEnd::Finished)
}

/// One line on where the checklist stands.
pub fn progress_line(log: &IncidentLog, playbook: &Playbook, path: &Path, lang: Lang) -> String {
    let total = playbook.steps.len();
    let (done, skipped) = log.counts(playbook);
    let at = path.display().to_string();
    let line = match log.next(playbook) {
        None => t!(
            lang,
            "incident-progress-all",
            total = total,
            done = done,
            skipped = skipped
        ),
        Some((i, s)) => t!(
            lang,
            "incident-progress-some",
            recorded = done + skipped,
            total = total,
            done = done,
            skipped = skipped,
            next = i + 1,
            title = s.title.get(lang)
        ),
    };
    format!("{line}\n{}", t!(lang, "incident-progress-log", path = at))
}

#[cfg(test)]
mod tests {
    use super::super::playbook::builtin;
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn run_walk(
        playbook: &Playbook,
        log: &mut IncidentLog,
        answers: &str,
        saves: &mut Vec<IncidentLog>,
    ) -> (WalkEnd, String) {
        let mut input = answers.as_bytes();
        let mut out = Vec::new();
        let mut save = |l: &IncidentLog| {
            saves.push(l.clone());
            Ok(())
        };
        let end = walk(
            playbook,
            log,
            Lang::En,
            &mut input,
            &mut out,
            &mut save,
            &|| t("2026-11-25T10:00:00Z"),
        )
        .unwrap();
        (end, String::from_utf8(out).unwrap())
    }

    #[test]
    fn walk_records_saves_each_answer_and_resumes() {
        let p = builtin(Kind::Breach).unwrap();
        let mut log = IncidentLog::new(Kind::Breach, t("2026-11-25T09:00:00Z"));
        let mut saves = Vec::new();
        let (end, out) = run_walk(&p, &mut log, "d\nwhat\ns\nq\n", &mut saves);
        assert_eq!(end, WalkEnd::Paused);
        assert_eq!(saves.len(), 2, "saved after each answer");
        assert!(out.contains("Please answer d, s or q."), "{out}");
        assert!(out.contains(&p.steps[0].title.en));
        assert_eq!(log.latest(&p.steps[0].id).unwrap().state, StepState::Done);
        assert_eq!(
            log.latest(&p.steps[1].id).unwrap().state,
            StepState::Skipped
        );
        assert_eq!(log.next(&p).unwrap().0, 2);

        // The second run starts at step 3 and says so.
        let (end, out) = run_walk(&p, &mut log, "", &mut saves);
        assert_eq!(end, WalkEnd::Paused);
        assert!(out.contains("Resuming: 2 of"), "{out}");
        assert!(out.contains(&p.steps[2].title.en), "{out}");
        assert!(!out.contains(&p.steps[0].title.en), "{out}");

        let answers = "d\n".repeat(p.steps.len());
        let (end, _) = run_walk(&p, &mut log, &answers, &mut saves);
        assert_eq!(end, WalkEnd::Finished);
        assert_eq!(log.counts(&p), (p.steps.len() - 1, 1));
        assert!(log.next(&p).is_none());
    }

    #[test]
    fn marks_are_validated_before_any_is_recorded() {
        let p = builtin(Kind::Trade).unwrap();
        let mut log = IncidentLog::new(Kind::Trade, t("2026-11-25T09:00:00Z"));
        let marks: Vec<Mark> = ["cancel-open-orders=done", "nope=done"]
            .iter()
            .map(|m| m.parse().unwrap())
            .collect();
        let e = apply_marks(&mut log, &p, &marks, t("2026-11-25T10:00:00Z"))
            .unwrap_err()
            .render(Lang::En);
        assert!(
            e.contains("no step \"nope\"") && e.contains("cancel-open-orders"),
            "{e}"
        );
        assert!(log.entries.is_empty());
        assert!("x=maybe".parse::<Mark>().is_err());
        assert!("x".parse::<Mark>().is_err());
        assert_eq!("a=skip".parse::<Mark>().unwrap().state, StepState::Skipped);
    }

    #[test]
    fn a_bad_mark_is_a_value_said_in_either_language() {
        let e = "x=maybe".parse::<Mark>().unwrap_err();
        assert_eq!(e, MarkError::BadState("maybe".into()));
        assert_eq!(
            e.msg().render(Lang::En),
            "state must be done or skipped, got \"maybe\""
        );
        let e = "x".parse::<Mark>().unwrap_err();
        assert_eq!(e, MarkError::NoState("x".into()));
        let ja = e.msg().render(Lang::Ja);
        assert!(ja.contains("STEP=done") && ja.contains("\"x\""), "{ja}");
        assert!(crate::i18n::english_runs(&ja).is_empty(), "{ja}");
    }

    #[test]
    fn later_record_wins_and_history_is_kept() {
        let mut log = IncidentLog::new(Kind::Outage, t("2026-11-25T09:00:00Z"));
        log.record("run-status", StepState::Skipped, t("2026-11-25T09:01:00Z"));
        log.record("run-status", StepState::Done, t("2026-11-25T09:05:00Z"));
        assert_eq!(log.latest("run-status").unwrap().state, StepState::Done);
        assert_eq!(log.entries.len(), 2);
    }

    #[test]
    fn log_round_trips_as_rfc3339_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/breach.json");
        let mut log = IncidentLog::new(Kind::Breach, t("2026-11-25T09:00:00Z"));
        log.record(
            "change-password",
            StepState::Done,
            t("2026-11-25T09:03:04Z"),
        );
        save(&path, &log).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"at\": \"2026-11-25T09:03:04Z\""), "{text}");
        assert_eq!(load(&path, Kind::Breach).unwrap().unwrap(), log);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let e = load(&path, Kind::Trade).unwrap_err().render(Lang::En);
        assert!(e.contains("belongs to the \"breach\" playbook"), "{e}");
        std::fs::write(&path, "{not json").unwrap();
        assert!(
            load(&path, Kind::Breach)
                .unwrap_err()
                .render(Lang::En)
                .contains("not valid")
        );
        assert!(
            load(&dir.path().join("none.json"), Kind::Breach)
                .unwrap()
                .is_none()
        );
    }

    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn log_and_terminal_errors_read_in_japanese() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("breach.json");
        let log = IncidentLog::new(Kind::Breach, t("2026-11-25T09:00:00Z"));
        save(&path, &log).unwrap();
        let e = load(&path, Kind::Trade).unwrap_err().render(Lang::Ja);
        assert!(
            e.contains("\"trade\" ではなく \"breach\" のプレイブック") && e.contains("--log FILE"),
            "{e}"
        );
        assert!(crate::i18n::english_runs(&e).is_empty(), "{e}");
        std::fs::write(&path, "{not json").unwrap();
        let e = load(&path, Kind::Breach).unwrap_err().render(Lang::Ja);
        assert!(e.contains("JSONとして正しくありません"), "{e}");
        assert!(crate::i18n::english_runs(&e).is_empty(), "{e}");

        let p = builtin(Kind::Breach).unwrap();
        let mut log = IncidentLog::new(Kind::Breach, t("2026-11-25T09:00:00Z"));
        let e = walk(
            &p,
            &mut log,
            Lang::Ja,
            &mut "d\n".as_bytes(),
            &mut Closed,
            &mut |_| Ok(()),
            &|| t("2026-11-25T10:00:00Z"),
        )
        .unwrap_err()
        .render(Lang::Ja);
        assert!(e.starts_with("端末に書き込めません："), "{e}");
    }
}
