//! `binance-audit config path|init`.

use super::error::{Error, Result};
use super::exit::Exit;
use super::output;
use crate::cli::{ConfigCommand, GlobalArgs};
use crate::config;
use crate::files::{self, Existing};
use crate::i18n::ui_tr;

pub fn path(global: &GlobalArgs) -> Result<std::path::PathBuf> {
    match &global.config {
        Some(p) => Ok(p.clone()),
        None => config::default_path().ok_or_else(|| {
            Error::Usage(
                ui_tr(
                    "no home directory: pass --config PATH",
                    "ホームフォルダがありません: --config PATH を指定してください",
                )
                .into(),
            )
        }),
    }
}

pub fn run(global: &GlobalArgs, c: &ConfigCommand) -> Result<Exit> {
    let path = path(global)?;
    match c {
        ConfigCommand::Path => output::stdout(format!("{}\n", path.display()).as_bytes())?,
        ConfigCommand::Init { force } => {
            if let Some(dir) = path.parent()
                && !dir.as_os_str().is_empty()
            {
                std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, &e))?;
            }
            let existing = if *force {
                Existing::Replace
            } else {
                Existing::Keep
            };
            let template = match super::session::language_lenient(global) {
                crate::i18n::Lang::En => config::TEMPLATE,
                crate::i18n::Lang::Ja => config::TEMPLATE_JA,
            };
            match files::write_private(&path, template.as_bytes(), existing) {
                Err(e) if e.io().map(|e| e.kind()) == Some(std::io::ErrorKind::AlreadyExists) => {
                    return Err(Error::Usage(match crate::i18n::ui() {
                        crate::i18n::Lang::En => format!(
                            "{} already exists (use --force to overwrite)",
                            path.display()
                        ),
                        crate::i18n::Lang::Ja => format!(
                            "{} はすでに存在します（上書きするには --force を指定してください）",
                            path.display()
                        ),
                    }));
                }
                Err(e) => return Err(output::write_error(e)),
                Ok(()) => {}
            }
            let wrote = match crate::i18n::ui() {
                crate::i18n::Lang::En => format!("wrote {}\n", path.display()),
                crate::i18n::Lang::Ja => format!("{} に書き込みました\n", path.display()),
            };
            output::stdout(wrote.as_bytes())?;
        }
    }
    Ok(Exit::Ok)
}
