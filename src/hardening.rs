//! No core dumps while secrets are held. A crash with core dumps enabled
//! would write the password and the API secret to disk in a core file; the
//! first time a secret is read, the soft and hard `RLIMIT_CORE` go to 0 and,
//! on Linux, the process is marked not dumpable (`PR_SET_DUMPABLE` 0), which
//! also keeps other processes of the same user from attaching with ptrace.

use std::sync::OnceLock;

/// Idempotent; a failure is not fatal (the tool still works, it only
/// protects less), and the result is kept for `status` and tests.
pub fn no_core_dumps() -> bool {
    static DONE: OnceLock<bool> = OnceLock::new();
    *DONE.get_or_init(apply)
}

#[cfg(unix)]
fn apply() -> bool {
    use rustix::process::{Resource, Rlimit, setrlimit};
    let limit = setrlimit(
        Resource::Core,
        Rlimit {
            current: Some(0),
            maximum: Some(0),
        },
    )
    .is_ok();
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let dumpable =
        rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable)
            .is_ok();
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    let dumpable = true;
    limit && dumpable
}

#[cfg(not(unix))]
fn apply() -> bool {
    // Windows writes no core file unless Windows Error Reporting is set up
    // to keep full dumps; nothing to switch off per process.
    true
}

#[cfg(test)]
mod tests {
    #[cfg(target_os = "linux")]
    #[test]
    fn core_limit_is_zero_and_process_not_dumpable() {
        assert!(super::no_core_dumps());
        let lim = rustix::process::getrlimit(rustix::process::Resource::Core);
        assert_eq!(lim.current, Some(0));
        assert_eq!(
            rustix::process::dumpable_behavior().unwrap(),
            rustix::process::DumpableBehavior::NotDumpable
        );
    }
}
