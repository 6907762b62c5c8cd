//! Resolved once per run: the config, the language, the network door, the
//! rules and the async runtime. Every command gets them from here, so a flag,
//! a variable or a config key means the same thing everywhere.

use crate::cli::GlobalArgs;
use crate::config::{self, Loaded};
use crate::context::Context;
use crate::i18n::Lang;
use crate::net::{Net, NetOptions};
use crate::rules;
use crate::t;
use std::path::PathBuf;
use std::sync::OnceLock;

use super::error::{Error, Result};

/// The one language order: `--lang` (or `BINANCE_AUDIT_LANG`), then the
/// config's `lang`, then LC_ALL / LC_MESSAGES / LANG.
pub fn language(global: &GlobalArgs, config: Option<&config::Config>) -> Lang {
    global
        .lang
        .or_else(|| config.and_then(|c| c.lang))
        .unwrap_or_else(Lang::from_env)
}

/// The run's config, read and parsed once: the first to ask (the language,
/// at the start of the run) parses it, and every later step of the same run
/// is handed the same `Loaded`, or the same error.
pub fn loaded(global: &GlobalArgs) -> &'static std::result::Result<Loaded, config::LoadError> {
    loaded_at(global.config.as_deref())
}

/// `loaded` for a `--config` path known before the arguments are parsed
/// (the language of `--help` and of usage errors comes from the config too).
pub fn loaded_at(
    explicit: Option<&std::path::Path>,
) -> &'static std::result::Result<Loaded, config::LoadError> {
    type Parsed = (
        Option<PathBuf>,
        std::result::Result<Loaded, config::LoadError>,
    );
    static RUN: OnceLock<Parsed> = OnceLock::new();
    let asked = explicit.map(std::path::Path::to_path_buf);
    let (path, parsed) = RUN.get_or_init(|| (asked.clone(), config::load(explicit)));
    // One run has one `--config`; another path (only a test asks for one)
    // is parsed on its own and kept for the rest of the process.
    if *path == asked {
        return parsed;
    }
    Box::leak(Box::new(config::load(explicit)))
}

pub fn load_config(global: &GlobalArgs) -> Result<Loaded> {
    match loaded(global) {
        Ok(l) => Ok(l.clone()),
        Err(e) => Err(Error::Usage(e.render(crate::i18n::ui()))),
    }
}

/// The language for commands that must work with a broken config (a
/// playbook, the link checker): the problem is a warning, not a stop.
pub fn language_lenient(global: &GlobalArgs) -> Lang {
    if global.lang.is_some() {
        return language(global, None);
    }
    match load_config(global) {
        Ok(loaded) => language(global, Some(&loaded.config)),
        Err(e) => {
            super::warn(&format!(
                "{e} {}",
                t!(crate::i18n::ui(), "shell-going-on-without-config")
            ));
            Lang::from_env()
        }
    }
}

/// The language of every message of the run, before any command starts:
/// the same order as `language`, but a config that cannot be read is
/// skipped silently here (the command says so, in this language).
pub fn early_language(global: &GlobalArgs) -> Lang {
    // Parsed even under `--lang`: the command uses the same `Loaded`.
    match loaded(global) {
        Ok(loaded) => language(global, Some(&loaded.config)),
        Err(_) => language(global, None),
    }
}

/// The language of the parsed config, or the default order without one.
pub fn language_of(global: &GlobalArgs, loaded: &Loaded) -> Lang {
    language(global, Some(&loaded.config))
}

/// Columns to fill: `COLUMNS`, else the terminal's width, else 80.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c >= 20)
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .unwrap_or(80)
        .min(400)
}

/// How the text report is laid out for this run.
pub fn render_options(global: &GlobalArgs) -> crate::report::RenderOptions {
    crate::report::RenderOptions {
        verbose: global.verbose,
        quiet: global.quiet,
        width: width(),
        zone: crate::localtime::reader_zone(),
    }
}

pub fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            Error::Incomplete(t!(
                crate::i18n::ui(),
                "shell-no-runtime",
                reason = e.to_string()
            ))
        })
}

/// The config, language, network and rules of a run that reads the account
/// or the network. A config readable by others is a warning (an error with
/// `--strict`).
pub fn context(global: &GlobalArgs) -> Result<Context> {
    let loaded = load_config(global)?;
    let lang = language_of(global, &loaded);
    let rules = rules::load_with_overrides(global.rules.as_deref())
        .map_err(|e| Error::Usage(t!(lang, "shell-rules-problem", problem = e.msg())))?;
    let config_file = loaded.path.filter(|_| loaded.exists);
    let mut warnings = Vec::new();
    if let Some(path) = &config_file
        && let Some(w) = crate::collect::environment::permission_warning(path)
    {
        let w = w.render(lang);
        if global.strict {
            return Err(Error::Usage(t!(lang, "shell-strict", warning = &w)));
        }
        warnings.push(w);
    }
    let timeout = std::time::Duration::from_secs(global.timeout);
    let net = Net::new(&NetOptions {
        offline: global.offline,
        timeout,
        connect_timeout: timeout.min(NetOptions::default().connect_timeout),
    })
    .map_err(|e| Error::Usage(t!(lang, "shell-net-setup", problem = e.to_string())))?;
    Ok(Context {
        config: loaded.config,
        config_file,
        lang,
        net,
        rules,
        warnings,
        baseline: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_is_parsed_once_per_run() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "lang = \"ja\"\n").unwrap();
        let cli = crate::cli::Cli::parse_from_iter([
            std::ffi::OsString::from("binance-audit"),
            "--config".into(),
            path.clone().into_os_string(),
            "rules".into(),
            "list".into(),
        ])
        .unwrap();
        let g = &cli.global;
        let first = loaded(g);
        assert_eq!(early_language(g), Lang::Ja);
        // A later step of the same run sees the same parse, even if the file
        // changed in between.
        std::fs::write(&path, "lang = 1\n").unwrap();
        assert!(std::ptr::eq(first, loaded(g)));
        let again = load_config(g).unwrap();
        assert_eq!(again.config.lang, Some(Lang::Ja));
        assert_eq!(language_lenient(g), Lang::Ja);
    }
}
