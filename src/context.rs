//! What every engine part needs and nothing it must decide: the loaded config,
//! the language, the one network door and the rules. The shell resolves it
//! once per run (`cmd::session`); the engine only reads it.

use std::path::PathBuf;

use crate::baseline::LoadedBaseline;
use crate::config::Config;
use crate::i18n::Lang;
use crate::net::Net;
use crate::rules::Rule;

pub struct Context {
    pub config: Config,
    /// The config file, when one exists (as the user named it, or the default).
    pub config_file: Option<PathBuf>,
    pub lang: Lang,
    pub net: Net,
    pub rules: Vec<Rule>,
    /// Warnings found while resolving (a config readable by others, …); every
    /// report repeats them.
    pub warnings: Vec<String>,
    /// `--baseline`, read before the run so a bad file is a usage error.
    pub baseline: Option<LoadedBaseline>,
}

impl Context {
    /// The config file as shown in reports (SARIF anchors account findings there).
    pub fn config_file_name(&self) -> Option<String> {
        self.config_file.as_ref().map(|p| p.display().to_string())
    }
}
