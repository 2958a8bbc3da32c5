//! `claimcheck.yaml`: found in the current folder or its parents; flags override it.

use crate::args::{FailOn, Global};
use anyhow::{Context, Result, bail};
use parse::input::CsvMapping;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The config file's name.
pub const CONFIG_FILE: &str = "claimcheck.yaml";

/// The config file as written; paths are relative to its folder.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Packs to load instead of the `rules/` folder found upward.
    pub rules: Vec<PathBuf>,
    /// CSV column mapping.
    pub csv: Option<CsvMapping>,
    /// Lowest severity that fails `check`.
    pub fail_on: Option<FailOn>,
    /// Baseline file of fingerprints to hide.
    pub baseline: Option<PathBuf>,
    /// Default report format of `check`.
    pub format: Option<report::Format>,
    /// Read invalid UTF-8 lossily.
    pub lossy: Option<bool>,
    /// Files above this many bytes are skipped.
    pub max_file_bytes: Option<u64>,
}

/// The config in force: the file's settings with paths made absolute.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The settings.
    pub file: ConfigFile,
}

impl Config {
    /// The config `global` asks for: `--config FILE`, none with `--no-config`, else
    /// `claimcheck.yaml` in the current folder or its nearest parent holding one.
    pub fn load(global: &Global, cwd: &Path) -> Result<Config> {
        if global.no_config {
            return Ok(Config::default());
        }
        let path = match &global.config {
            Some(path) => Some(path.clone()),
            None => cwd.ancestors().map(|dir| dir.join(CONFIG_FILE)).find(|p| p.is_file()),
        };
        let Some(path) = path else { return Ok(Config::default()) };
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut file: ConfigFile = match serde_yaml::from_str(&text) {
            Ok(file) => file,
            // An empty file is a valid, empty config.
            Err(_) if text.trim().is_empty() => ConfigFile::default(),
            Err(err) => {
                let at = err.location().map_or(String::new(), |l| format!(":{}:{}", l.line(), l.column()));
                bail!("{}{at}: {err}", path.display());
            }
        };
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        for rules in &mut file.rules {
            *rules = base.join(&*rules);
        }
        if let Some(baseline) = &mut file.baseline {
            *baseline = base.join(&*baseline);
        }
        Ok(Config { file })
    }

    /// The packs to load: the config's `rules:`, else the nearest `rules/` folder upward,
    /// unless `--no-default-rules`; then every `--rules`.
    pub fn pack_paths(&self, global: &Global, cwd: &Path) -> Vec<PathBuf> {
        let mut paths = Vec::new();
        if !global.no_default_rules {
            if self.file.rules.is_empty() {
                if let Some(dir) = cwd.ancestors().map(|d| d.join("rules")).find(|p| p.is_dir()) {
                    // Shown relative when it is the current folder's own, as users wrote it.
                    paths.push(dir.strip_prefix(cwd).map_or_else(|_| dir.clone(), Path::to_path_buf));
                }
            } else {
                paths.extend(self.file.rules.iter().cloned());
            }
        }
        paths.extend(global.rules.iter().cloned());
        paths
    }
}
