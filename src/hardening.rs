//! No core dumps and no debugger attach, from the first instruction of
//! `main`. A secret given in the environment (`BINANCE_API_SECRET`,
//! `BINANCE_AUDIT_PASSWORD`) is in the process before any of our code reads
//! it, so waiting for the first read would leave a window; `main` calls
//! [`at_start`] before it looks at arguments, environment or files, for every
//! command. The soft and hard `RLIMIT_CORE` go to 0 (a crash writes no core
//! file), and the process refuses attach: on Linux `PR_SET_DUMPABLE` 0 (which
//! also keeps other processes of the same user from ptrace and from reading
//! `/proc/PID/mem`), on macOS `ptrace(PT_DENY_ATTACH)`.

use std::sync::OnceLock;

/// What held at start; `status -v` says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held {
    /// `RLIMIT_CORE` is 0 (or the platform writes no core file).
    pub no_core: bool,
    /// Other processes cannot attach (or the platform has no such attach).
    pub no_attach: bool,
}

impl Held {
    pub fn all(self) -> bool {
        self.no_core && self.no_attach
    }
}

/// Idempotent; a failure is not fatal (the tool still works, it only
/// protects less), and the result is kept for `status` and tests.
pub fn at_start() -> Held {
    static DONE: OnceLock<Held> = OnceLock::new();
    *DONE.get_or_init(apply)
}

/// Kept for the readers of secrets: a library caller that skipped `main`
/// is still protected from the first secret on.
pub fn no_core_dumps() -> bool {
    at_start().all()
}

#[cfg(unix)]
fn apply() -> Held {
    use rustix::process::{Resource, Rlimit, setrlimit};
    let no_core = setrlimit(
        Resource::Core,
        Rlimit {
            current: Some(0),
            maximum: Some(0),
        },
    )
    .is_ok();
    Held {
        no_core,
        no_attach: deny_attach(),
    }
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn deny_attach() -> bool {
    rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable).is_ok()
}

#[cfg(target_os = "macos")]
fn deny_attach() -> bool {
    // rustix has no ptrace; libSystem's is declared here rather than adding
    // the libc crate for one call. PT_DENY_ATTACH is 31 in <sys/ptrace.h>.
    unsafe extern "C" {
        fn ptrace(request: i32, pid: i32, addr: *mut u8, data: i32) -> i32;
    }
    const PT_DENY_ATTACH: i32 = 31;
    // SAFETY: PT_DENY_ATTACH takes no address or data and only marks the
    // calling process; the null pointer is never read.
    unsafe { ptrace(PT_DENY_ATTACH, 0, std::ptr::null_mut(), 0) == 0 }
}

#[cfg(all(
    unix,
    not(any(target_os = "linux", target_os = "android", target_os = "macos"))
))]
fn deny_attach() -> bool {
    // The BSDs have their own switches (procctl, P_SUGID); not done yet.
    false
}

#[cfg(not(unix))]
fn apply() -> Held {
    // Windows writes no core file unless Windows Error Reporting is set up
    // to keep full dumps; attach needs the same user's debug rights, which
    // a process cannot take away from itself.
    Held {
        no_core: true,
        no_attach: true,
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_os = "linux")]
    #[test]
    fn core_limit_is_zero_and_process_not_dumpable() {
        assert!(super::at_start().all());
        let lim = rustix::process::getrlimit(rustix::process::Resource::Core);
        assert_eq!(lim.current, Some(0));
        assert_eq!(lim.maximum, Some(0));
        assert_eq!(
            rustix::process::dumpable_behavior().unwrap(),
            rustix::process::DumpableBehavior::NotDumpable
        );
    }
}
