//! `binance-audit config path|init`.

use super::error::{Error, Result};
use super::exit::Exit;
use super::output;
use crate::cli::{ConfigCommand, GlobalArgs};
use crate::config;
use crate::files::{self, Existing};
use crate::i18n::ui;
use crate::t;

pub fn path(global: &GlobalArgs) -> Result<std::path::PathBuf> {
    match &global.config {
        Some(p) => Ok(p.clone()),
        None => config::default_path().ok_or_else(|| Error::Usage(t!(ui(), "shell-no-home"))),
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
            let template = config::template(super::session::language_lenient(global));
            match files::write_private(&path, template.as_bytes(), existing) {
                Err(e) if e.io().map(|e| e.kind()) == Some(std::io::ErrorKind::AlreadyExists) => {
                    return Err(Error::Usage(t!(
                        ui(),
                        "shell-config-exists",
                        path = path.display().to_string()
                    )));
                }
                Err(e) => return Err(output::write_error(e)),
                Ok(()) => {}
            }
            let wrote = format!(
                "{}\n",
                t!(
                    ui(),
                    "shell-config-wrote",
                    path = path.display().to_string()
                )
            );
            output::stdout(wrote.as_bytes())?;
        }
    }
    Ok(Exit::Ok)
}
