//! `binance-audit config path|init`.

use super::error::{Error, Result};
use super::exit::Exit;
use super::output;
use crate::cli::{ConfigCommand, GlobalArgs};
use crate::config;
use crate::files::{self, Existing};

pub fn path(global: &GlobalArgs) -> Result<std::path::PathBuf> {
    match &global.config {
        Some(p) => Ok(p.clone()),
        None => config::default_path()
            .ok_or_else(|| Error::Usage("no home directory: pass --config PATH".into())),
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
            match files::write_private(&path, config::TEMPLATE.as_bytes(), existing) {
                Err(e) if e.io().map(|e| e.kind()) == Some(std::io::ErrorKind::AlreadyExists) => {
                    return Err(Error::Usage(format!(
                        "{} already exists (use --force to overwrite)",
                        path.display()
                    )));
                }
                Err(e) => return Err(output::write_error(e)),
                Ok(()) => {}
            }
            output::stdout(format!("wrote {}\n", path.display()).as_bytes())?;
        }
    }
    Ok(Exit::Ok)
}
