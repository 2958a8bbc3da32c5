//! `claimcheck.yaml`: found in the current folder or its parents; flags override it.

use crate::args::{FailOn, RuleOpts};
use crate::output::Located;
use crate::packs::{From, PackPlan, PackRoot};
use anyhow::{Context, Result};
use parse::input::CsvMapping;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The config file's name.
pub const CONFIG_FILE: &str = "claimcheck.yaml";

/// The config file's keys, for suggestions on a typo.
const KEYS: &[&str] =
    &["rules", "default-rules", "csv", "fail-on", "baseline", "format", "lossy", "max-file-bytes", "exclude"];

/// The config file as written; paths are relative to its folder.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Rule pack files or folders to load after the default packs.
    pub rules: Vec<PathBuf>,
    /// Whether to load the default packs built into the binary (default: true).
    pub default_rules: Option<bool>,
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
    /// Paths to leave out when walking folders (gitignore globs), as `--exclude`.
    pub exclude: Vec<String>,
}

/// The config in force: the file's settings with paths made absolute.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// The settings.
    pub file: ConfigFile,
}

impl Config {
    /// The config `opts` asks for: `--config FILE`, none with `--no-config`, else
    /// `claimcheck.yaml` in the current folder or its nearest parent holding one.
    pub fn load(opts: &RuleOpts, cwd: &Path) -> Result<Config> {
        if opts.no_config {
            return Ok(Config::default());
        }
        let path = match &opts.config {
            Some(path) => Some(path.clone()),
            None => cwd.ancestors().map(|dir| dir.join(CONFIG_FILE)).find(|p| p.is_file()),
        };
        let Some(path) = path else { return Ok(Config::default()) };
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut file = parse(&text).map_err(|message| Located(format!("{}{message}", path.display())))?;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        for rules in &mut file.rules {
            *rules = base.join(&*rules);
        }
        if let Some(baseline) = &mut file.baseline {
            *baseline = base.join(&*baseline);
        }
        Ok(Config { path: Some(path), file })
    }

    /// The packs to load: the built-in ones unless the config says `default-rules: false`
    /// or `--no-default-rules` is given; then the config's `rules:`; then every `--rules`.
    pub fn pack_plan(&self, opts: &RuleOpts) -> PackPlan {
        let builtin = !opts.no_default_rules && self.file.default_rules != Some(false);
        let mut roots: Vec<PackRoot> =
            self.file.rules.iter().map(|path| PackRoot { path: path.clone(), from: From::Config }).collect();
        roots.extend(opts.rules.iter().map(|path| PackRoot { path: path.clone(), from: From::Flag }));
        PackPlan { builtin, roots }
    }
}

/// The JSON Schema of `claimcheck.yaml`, generated from [`ConfigFile`].
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ConfigFile);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// Reads config text; an error is `:line:col: error: message` with help on a typo.
fn parse(text: &str) -> Result<ConfigFile, String> {
    // An empty file (or one of comments) is a valid, empty config.
    if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Ok(ConfigFile::default());
    }
    serde_yaml::from_str(text).map_err(|err| {
        let at = err.location().map_or(String::new(), |l| format!(":{}:{}", l.line(), l.column()));
        let message = err.to_string();
        // serde names the unknown key as "unknown field `name`, expected …".
        let help = message
            .split_once("unknown field `")
            .and_then(|(_, rest)| rest.split_once('`'))
            .and_then(|(key, _)| suggest(key))
            .map_or(String::new(), |key| format!("\nhelp: did you mean `{key}`?"));
        format!("{at}: error: {message}{help}")
    })
}

/// The config key closest to `word`, when close enough to be a typo.
fn suggest(word: &str) -> Option<&'static str> {
    pack::suggest(word, KEYS.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_in_a_key_gets_a_suggestion_and_a_place() {
        let err = parse("fail-on: error\nfial-on: warning\n").err().unwrap_or_default();
        assert!(err.starts_with(":2:1: error: unknown field `fial-on`"), "{err}");
        assert!(err.ends_with("help: did you mean `fail-on`?"), "{err}");
        let err = parse("defaultrules: false\n").err().unwrap_or_default();
        assert!(err.contains("did you mean `default-rules`?"), "{err}");
        // Regression: two swapped letters in a short key got no suggestion.
        let err = parse("lsosy: true\n").err().unwrap_or_default();
        assert!(err.contains("did you mean `lossy`?"), "{err}");
        let err = parse("zzz: 1\n").err().unwrap_or_default();
        assert!(!err.contains("did you mean"), "{err}");
        assert!(parse("# nothing\n\n").is_ok());
    }
}
