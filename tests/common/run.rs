//! The one way the tests run the real binary: a builder with a clean,
//! offline-by-default environment, and an [`Outcome`] whose assertions print
//! the command, stdout and stderr when they fail.
//!
//! Clean means: nothing from the machine running the tests reaches the binary
//! (no `BINANCE_*`, no `CI`, no proxy, no locale), `HOME` and
//! `XDG_CONFIG_HOME` point into a fresh temporary folder (so the user's own
//! config cannot leak in), `LANG=C`, `NO_COLOR=1`, `COLUMNS=80` (the text
//! report and help wrap the same on every terminal, at the width a pipe gets). Offline means `--offline` is put in
//! front of the arguments unless they already say it, name a command that
//! never uses the network, or [`Run::online`] was called: a test that forgets to point the binary at a mock server then
//! fails instead of reaching the real Binance or Pwned Passwords.
#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_binance-audit");

/// How long a run may take before the test fails (a hung binary must not hang CI).
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);

/// Subcommands that never use the network: their argv is left as written, so
/// the tests keep running the exact command a user types.
const LOCAL_COMMANDS: &[&str] = &["url", "rules", "config", "setup", "completions", "man"];

enum Home {
    Own(tempfile::TempDir),
    At(PathBuf),
}

#[must_use = "a Run does nothing until .run()"]
pub struct Run {
    args: Vec<OsString>,
    env: Vec<(OsString, Option<OsString>)>,
    stdin: Option<Vec<u8>>,
    home: Home,
    online: bool,
    cwd: Option<PathBuf>,
    timeout: Duration,
}

impl Default for Run {
    fn default() -> Self {
        Self::new()
    }
}

impl Run {
    /// Offline, in a fresh empty HOME, no stdin.
    pub fn new() -> Run {
        Run {
            args: Vec::new(),
            env: Vec::new(),
            stdin: None,
            home: Home::Own(tempfile::tempdir().expect("temp HOME")),
            online: false,
            cwd: None,
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// Use `home` as HOME (config, key files, outputs the test reads back).
    pub fn home(mut self, home: impl AsRef<Path>) -> Run {
        self.home = Home::At(home.as_ref().to_path_buf());
        self
    }

    pub fn arg(mut self, a: impl AsRef<OsStr>) -> Run {
        self.args.push(a.as_ref().to_os_string());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_os_string()));
        self
    }

    pub fn env(mut self, k: impl AsRef<OsStr>, v: impl AsRef<OsStr>) -> Run {
        self.env
            .push((k.as_ref().to_os_string(), Some(v.as_ref().to_os_string())));
        self
    }

    /// Remove a variable, including one of the clean defaults (`NO_COLOR`, …).
    pub fn env_remove(mut self, k: impl AsRef<OsStr>) -> Run {
        self.env.push((k.as_ref().to_os_string(), None));
        self
    }

    /// `CI=true`, as GitHub Actions and most CI services set it.
    pub fn ci(self) -> Run {
        self.env("CI", "true")
    }

    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Run {
        self.stdin = Some(input.into());
        self
    }

    /// Allow the network: the test points the binary at its own mock servers.
    pub fn online(mut self) -> Run {
        self.online = true;
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Run {
        self.cwd = Some(dir.as_ref().to_path_buf());
        self
    }

    pub fn timeout(mut self, t: Duration) -> Run {
        self.timeout = t;
        self
    }

    /// The arguments the binary will see.
    fn argv(&self) -> Vec<OsString> {
        let mut argv = Vec::with_capacity(self.args.len() + 1);
        let local_only = self
            .args
            .iter()
            .any(|a| LOCAL_COMMANDS.iter().any(|c| a == c));
        if !self.online && !local_only && !self.args.iter().any(|a| a == "--offline") {
            argv.push(OsString::from("--offline"));
        }
        argv.extend(self.args.iter().cloned());
        argv
    }

    pub fn run(self) -> Outcome {
        let argv = self.argv();
        let home = match &self.home {
            Home::Own(t) => t.path().to_path_buf(),
            Home::At(p) => p.clone(),
        };
        let mut cmd = Command::new(BIN);
        cmd.args(&argv)
            .env_clear()
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env("COLUMNS", "80")
            // Times are shown in the reader's zone (issue 22): one zone for
            // every test, so snapshots and asserted times do not depend on
            // the machine; a test that needs another sets TZ itself.
            .env("TZ", "UTC");
        for (k, v) in &self.env {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
        if let Some(dir) = &self.cwd {
            cmd.current_dir(dir);
        }
        cmd.stdin(if self.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());

        let shown = show_argv(&argv);
        let start = Instant::now();
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {BIN}: {e}"));
        let feeder = self.stdin.map(|data| {
            let mut pipe = child.stdin.take().unwrap();
            // The binary may exit without reading (usage errors): a broken pipe is fine.
            std::thread::spawn(move || {
                let _ = pipe.write_all(&data);
            })
        });
        let drain = |mut r: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut v = Vec::new();
                let _ = r.read_to_end(&mut v);
                v
            })
        };
        let out = drain(Box::new(child.stdout.take().unwrap()));
        let err = drain(Box::new(child.stderr.take().unwrap()));
        let status = loop {
            if let Some(s) = child.try_wait().expect("wait for the binary") {
                break s;
            }
            if start.elapsed() > self.timeout {
                let _ = child.kill();
                let _ = child.wait();
                let (o, e) = (out.join().unwrap(), err.join().unwrap());
                panic!(
                    "binance-audit {shown} did not finish within {:?}\n--- stdout\n{}\n--- stderr\n{}",
                    self.timeout,
                    String::from_utf8_lossy(&o),
                    String::from_utf8_lossy(&e)
                );
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        let elapsed = start.elapsed();
        if let Some(f) = feeder {
            let _ = f.join();
        }
        let stdout = out.join().unwrap();
        let stderr = err.join().unwrap();
        // The binary escapes what it prints (principle 2): bytes that are not
        // UTF-8 on stdout or stderr are a bug, whatever the test asserts next.
        for (name, bytes) in [("stdout", &stdout), ("stderr", &stderr)] {
            assert!(
                std::str::from_utf8(bytes).is_ok(),
                "binance-audit {shown} wrote bytes that are not UTF-8 to {name}:\n{}",
                String::from_utf8_lossy(bytes)
            );
        }
        Outcome {
            argv: shown,
            // A signal (a crash) is never an expected exit code.
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
            raw_stdout: stdout,
            elapsed,
        }
    }
}

/// A HOME a test keeps (to write a config into or read outputs back from)
/// across several runs: every [`TempHome::run`] starts in it. Dropped with the
/// test.
pub struct TempHome(tempfile::TempDir);

impl Default for TempHome {
    fn default() -> Self {
        Self::new()
    }
}

impl TempHome {
    pub fn new() -> TempHome {
        TempHome(tempfile::tempdir().expect("temp HOME"))
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }

    pub fn join(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.0.path().join(rel)
    }

    /// [`Run::new`] with this HOME.
    pub fn run(&self) -> Run {
        Run::new().home(self.path())
    }
}

fn show_argv(argv: &[OsString]) -> String {
    argv.iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What one run of the binary did.
pub struct Outcome {
    /// The arguments, for failure messages.
    pub argv: String,
    /// The exit code; -1 when a signal ended the process.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// stdout as bytes, for tests about encodings and control characters.
    pub raw_stdout: Vec<u8>,
    pub elapsed: Duration,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "binance-audit {} → exit {}\n--- stdout\n{}\n--- stderr\n{}",
            self.argv, self.code, self.stdout, self.stderr
        )
    }
}

impl fmt::Debug for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Outcome {
    /// Assert the exit code; on failure print everything the binary said.
    #[track_caller]
    pub fn code(&self, want: i32) -> &Outcome {
        assert_eq!(self.code, want, "unexpected exit code\n{self}");
        self
    }

    #[track_caller]
    pub fn success(&self) -> &Outcome {
        self.code(0)
    }

    #[track_caller]
    pub fn stdout_has(&self, needle: &str) -> &Outcome {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}\n{self}"
        );
        self
    }

    #[track_caller]
    pub fn stdout_lacks(&self, needle: &str) -> &Outcome {
        assert!(
            !self.stdout.contains(needle),
            "stdout has {needle:?}\n{self}"
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Outcome {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}\n{self}"
        );
        self
    }

    #[track_caller]
    pub fn stderr_lacks(&self, needle: &str) -> &Outcome {
        assert!(
            !self.stderr.contains(needle),
            "stderr has {needle:?}\n{self}"
        );
        self
    }

    /// stdout then stderr, for "never printed anywhere" checks.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// stdout as one JSON document.
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e})\n{self}"))
    }

    /// stdout as JSON Lines (a blank line is not JSON either).
    #[track_caller]
    pub fn jsonl(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("bad JSON line {l:?} ({e})\n{self}"))
            })
            .collect()
    }
}

/// A JSON document from text, naming the text when it is not JSON.
#[track_caller]
pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// A JSON file a run wrote (report, baseline, evidence, schema).
#[track_caller]
pub fn json_file(path: impl AsRef<Path>) -> Value {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON ({e}):\n{text}", path.display()))
}

/// Write a file only its owner can read (configs and key files: the binary
/// warns about, or with --strict refuses, anything looser).
pub fn write_private(path: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = path.as_ref();
    std::fs::write(path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    set_mode(path, 0o600);
    path.to_path_buf()
}

/// chmod on Unix; nothing elsewhere (the permission checks are Unix-only).
pub fn set_mode(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let _ = (path, mode);
}
