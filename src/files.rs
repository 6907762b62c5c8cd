//! Writing the files the tool owns (reports, baselines, evidence, tickets,
//! config, incident logs). Each is written whole or not at all: to a fresh
//! private temporary file in the same folder, synced, then renamed over the
//! target, so a full disk, a crash or a second run never leaves half a file.
//! A symbolic link at the target is refused, not followed; a device or pipe
//! named on purpose (`--output /dev/stdout`) is written in place and its mode
//! is never touched.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::{Arg, Msg};

/// How to treat an existing file at the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    Replace,
    /// Fail with `AlreadyExists` (evidence bundles: two runs never mix).
    Keep,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}", self.msg().render(crate::i18n::Lang::En))]
    Symlink(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl WriteError {
    pub fn path(&self) -> &Path {
        match self {
            WriteError::Symlink(p) => p,
            WriteError::Io { path, .. } => path,
        }
    }

    /// The error as the reader is told it: the path, and why.
    pub fn msg(&self) -> Msg {
        match self {
            WriteError::Symlink(p) => {
                crate::msg!("shell-write-symlink", path = p.display().to_string())
            }
            WriteError::Io { path, source } => crate::msg!(
                "shell-path-reason",
                path = path.display().to_string(),
                reason = Msg::verbatim(source.to_string())
            ),
        }
    }

    pub fn io(&self) -> Option<&std::io::Error> {
        match self {
            WriteError::Symlink(_) => None,
            WriteError::Io { source, .. } => Some(source),
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Write `bytes` to `path`, mode 0600 for a new or replaced regular file.
pub fn write_private(path: &Path, bytes: &[u8], existing: Existing) -> Result<(), WriteError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => return Err(WriteError::Symlink(path.into())),
        Ok(m) if !m.is_file() && !m.is_dir() => {
            // A device or a pipe: write in place; renaming over /dev/null
            // would replace it for every user of the machine.
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(io(path))?;
            return f.write_all(bytes).and_then(|_| f.flush()).map_err(io(path));
        }
        Ok(_) if existing == Existing::Keep => {
            return Err(io(path)(std::io::ErrorKind::AlreadyExists.into()));
        }
        _ => {}
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // tempfile creates the file 0600 with O_EXCL under a random name, so a
    // planted `NAME.tmp` link cannot redirect the write.
    let mut tmp = tempfile::Builder::new()
        .prefix(".binance-audit-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io(path))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(io(path))?;
    let persisted = match existing {
        Existing::Replace => tmp.persist(path).map(|_| ()),
        Existing::Keep => tmp.persist_noclobber(path).map(|_| ()),
    };
    persisted.map_err(|e| io(path)(e.error))?;
    // The rename is durable once the folder is synced; best effort.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The same file named twice (`--baseline b.json --output json=b.json`)?
/// Compared as absolute paths with the folder resolved, so `./b.json` and
/// `b.json` clash, and a link to a folder does not hide a clash.
pub fn same_file(a: &Path, b: &Path) -> bool {
    fn resolved(p: &Path) -> Option<PathBuf> {
        let abs = std::path::absolute(p).ok()?;
        let name = abs.file_name()?.to_owned();
        let dir = abs
            .parent()?
            .canonicalize()
            .unwrap_or_else(|_| abs.parent().map(Path::to_path_buf).unwrap_or_default());
        Some(dir.join(name))
    }
    match (resolved(a), resolved(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// An I/O error in the OS's words: in English the OS's own text ("No such
/// file or directory", never Rust's "entity not found"), without the
/// "(os error N)" tail; in Japanese the catalogue's sentence for the kind
/// (the OS text where the catalogue has none).
pub fn io_msg(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind::*;
    let key = match e.kind() {
        NotFound => Some("not-found"),
        PermissionDenied => Some("permission-denied"),
        AlreadyExists => Some("already-exists"),
        IsADirectory => Some("is-a-directory"),
        NotADirectory => Some("not-a-directory"),
        StorageFull => Some("storage-full"),
        ReadOnlyFilesystem => Some("read-only"),
        _ => None,
    };
    match (e.raw_os_error(), key) {
        (Some(_), key) => {
            let s = e.to_string();
            let os = match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            };
            let kind = match key {
                Some(k) => Msg::keyed("shell-io-", k),
                None => Msg::verbatim(os.clone()),
            };
            crate::msg!("shell-io-os", os = os, kind = kind)
        }
        // Made by the tool, not the OS (`ErrorKind::AlreadyExists.into()`):
        // the catalogue's words in both languages.
        (None, Some(k)) => Msg::keyed("shell-io-", k),
        (None, None) => Msg::verbatim(e.to_string()),
    }
}

/// `io_msg` rendered at once, for callers outside the shell that still make
/// text where they fail; it goes at the merge.
pub fn io_reason(e: &std::io::Error) -> String {
    io_msg(e).render(crate::i18n::ui())
}

/// The one way a file the tool could not read is told: `what` names the
/// file (and its path), the reason is the OS's, and `set_by` (the option,
/// variable or config key that named the file) makes the next step.
pub fn read_error(what: impl Into<Arg>, set_by: Option<Arg>, e: &std::io::Error) -> Msg {
    crate::msg!(
        "shell-read-failed",
        what = what,
        reason = io_msg(e),
        next = next_step(set_by, e)
    )
}

/// What to do about an unreadable file, by why it could not be read.
pub fn next_step(set_by: Option<Arg>, e: &std::io::Error) -> Msg {
    use std::io::ErrorKind::*;
    let Some(option) = set_by else {
        return Msg::verbatim(String::new());
    };
    match e.kind() {
        NotFound => crate::msg!("shell-read-next-not-found", option = option),
        PermissionDenied => crate::msg!("shell-read-next-permission-denied", option = option),
        IsADirectory => crate::msg!("shell-read-next-is-a-directory", option = option),
        _ => crate::msg!("shell-read-next-other", option = option),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_private_and_refuses_links() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("r.json");
        write_private(&p, b"one", Existing::Replace).unwrap();
        write_private(&p, b"two", Existing::Replace).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
            let target = d.path().join("target");
            std::fs::write(&target, b"keep").unwrap();
            let link = d.path().join("link");
            std::os::unix::fs::symlink(&target, &link).unwrap();
            assert!(matches!(
                write_private(&link, b"x", Existing::Replace),
                Err(WriteError::Symlink(_))
            ));
            assert_eq!(std::fs::read(&target).unwrap(), b"keep");
        }
        let e = write_private(&p, b"three", Existing::Keep).unwrap_err();
        assert_eq!(
            e.io().map(|e| e.kind()),
            Some(std::io::ErrorKind::AlreadyExists)
        );
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(d.path()).unwrap().collect();
        assert!(names.len() <= 3, "{names:?}");
    }

    #[test]
    fn clashing_paths_are_seen_through_dot_segments() {
        let d = tempfile::tempdir().unwrap();
        let a = d.path().join("b.json");
        let b = d.path().join(".").join("b.json");
        assert!(same_file(&a, &b));
        assert!(!same_file(&a, &d.path().join("c.json")));
    }

    #[test]
    fn os_errors_in_the_os_words_with_the_next_step() {
        use crate::i18n::Lang;
        let e = std::fs::File::open("/definitely/not/here").unwrap_err();
        let m = read_error("password file /x", Some("--password-file".into()), &e);
        let en = m.render(Lang::En);
        assert!(en.contains("No such file or directory"), "{en}");
        assert!(en.contains("--password-file"), "{en}");
        assert!(!en.contains("entity not found"), "{en}");
        assert!(!en.contains("os error"), "{en}");
        let ja = m.render(Lang::Ja);
        assert!(ja.contains("ファイルまたはフォルダがありません"), "{ja}");
        assert!(ja.contains("--password-file"), "{ja}");
        assert!(!ja.contains("No such file"), "{ja}");
    }
}
