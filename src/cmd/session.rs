//! Resolved once per run: the config, the language, the network door, the
//! rules and the async runtime. Every command gets them from here, so a flag,
//! a variable or a config key means the same thing everywhere.

use crate::cli::GlobalArgs;
use crate::config::{self, Loaded};
use crate::context::Context;
use crate::i18n::Lang;
use crate::net::{Net, NetOptions};
use crate::rules;

use super::error::{Error, Result, usage};

/// The one language order: `--lang` (or `BINANCE_AUDIT_LANG`), then the
/// config's `lang`, then LC_ALL / LC_MESSAGES / LANG.
pub fn language(global: &GlobalArgs, config: Option<&config::Config>) -> Lang {
    global
        .lang
        .or_else(|| config.and_then(|c| c.lang))
        .unwrap_or_else(Lang::from_env)
}

pub fn load_config(global: &GlobalArgs) -> Result<Loaded> {
    config::load(global.config.as_deref()).map_err(usage)
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
                crate::i18n::ui_tr("(going on without it)", "（設定ファイルなしで続けます）")
            ));
            Lang::from_env()
        }
    }
}

/// The language of every message of the run, before any command starts:
/// the same order as `language`, but a config that cannot be read is
/// skipped silently here (the command says so, in this language).
pub fn early_language(global: &GlobalArgs) -> Lang {
    if global.lang.is_some() {
        return language(global, None);
    }
    match config::load(global.config.as_deref()) {
        Ok(loaded) => language(global, Some(&loaded.config)),
        Err(_) => Lang::from_env(),
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
    }
}

pub fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            Error::Incomplete(format!(
                "{}: {e}",
                crate::i18n::ui_tr(
                    "cannot start the async runtime",
                    "非同期ランタイムを起動できません"
                )
            ))
        })
}

/// The config, language, network and rules of a run that reads the account
/// or the network. A config readable by others is a warning (an error with
/// `--strict`).
pub fn context(global: &GlobalArgs) -> Result<Context> {
    let loaded = load_config(global)?;
    let lang = language_of(global, &loaded);
    let rules = rules::load_with_overrides(global.rules.as_deref()).map_err(|e| {
        let e = e.msg().render(crate::i18n::ui());
        Error::Usage(format!("{}: {e}", crate::i18n::ui_tr("rules", "ルール")))
    })?;
    let config_file = loaded.path.filter(|_| loaded.exists);
    let mut warnings = Vec::new();
    if let Some(path) = &config_file
        && let Some(w) = crate::collect::environment::permission_warning(path)
    {
        let w = w.render(lang);
        if global.strict {
            return Err(Error::Usage(format!("{w} (--strict)")));
        }
        warnings.push(w);
    }
    let timeout = std::time::Duration::from_secs(global.timeout);
    let net = Net::new(&NetOptions {
        offline: global.offline,
        timeout,
        connect_timeout: timeout.min(NetOptions::default().connect_timeout),
    })
    .map_err(|e| {
        Error::Usage(format!(
            "{}: {e}",
            crate::i18n::ui_tr("network setup", "ネットワークの設定")
        ))
    })?;
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
