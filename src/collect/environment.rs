//! Facts about this machine and this config rather than the account: the
//! policy limits the user chose (`policy.*`) and whether files holding secrets
//! are readable by other users (`env.config_exposed`).

use std::path::{Path, PathBuf};

use crate::collect::binance::creds::expand_home;
use crate::config::Config;
use crate::facts::Facts;
use crate::i18n::Msg;
use crate::msg;

pub fn policy(cfg: &Config, facts: &mut Facts) {
    facts.observe("policy.key_max_age_days", cfg.key_max_age_days());
    facts.observe("policy.declared_max_age_days", cfg.declared_max_age_days());
}

/// Every file the run reads a secret from, or that names where secrets are:
/// the config itself, each profile's secret and private-key files, and the
/// `extra` files the shell was given (a password file, a key named by an
/// environment variable). Each path once.
pub fn secret_files(cfg: &Config, config_file: Option<&Path>, extra: &[PathBuf]) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = config_file.map(Path::to_path_buf).into_iter().collect();
    for p in std::iter::once(&cfg.binance).chain(cfg.profiles.values()) {
        paths.extend(p.secret_file.as_deref().map(expand_home));
        paths.extend(p.private_key_file.as_deref().map(expand_home));
    }
    for p in extra {
        if !paths.contains(p) {
            paths.push(p.clone());
        }
    }
    paths
}

/// A file holding secrets that group or others may read, and how to fix it
/// (the config module words it: it is the one that writes such files).
pub fn permission_warning(path: &Path) -> Option<Msg> {
    crate::config::permission_warning(path)
}

/// Files readable by others: one warning each, and the fact BA-ENV-002 reads.
pub fn file_exposure(paths: &[PathBuf], facts: &mut Facts) -> Vec<Msg> {
    let existing: Vec<&PathBuf> = paths.iter().filter(|p| p.is_file()).collect();
    let warnings: Vec<Msg> = existing
        .iter()
        .filter_map(|p| permission_warning(p))
        .collect();
    if existing.is_empty() {
        // Nothing to look at is not "nothing exposed".
        facts.not_applicable("env.config_exposed", msg!("engine-no-secret-files"));
    } else {
        facts.observe("env.config_exposed", !warnings.is_empty());
    }
    warnings
}
