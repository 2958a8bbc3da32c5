//! CLI tests: the real `claimcheck` binary on the small corpora under the repository's
//! `tests/` folder, with the test pack `tests/rules` only (no default packs, no config), so
//! the outputs do not move when the default packs grow.

mod check;
mod ci;
mod commands;
mod formats;
mod hostile;
mod mapreduce;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The repository root: commands run there so paths in reports are `tests/corpus/…`.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `claimcheck` in the repository root, hermetic: test pack only, no config, no colour.
pub fn claimcheck() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"));
    cmd.current_dir(root()).env_remove("NO_COLOR").args([
        "--no-config",
        "--no-default-rules",
        "--rules",
        "tests/rules",
        "--quiet",
    ]);
    cmd
}

/// `claimcheck` in the repository root as a user runs it: the built-in packs, no config.
pub fn bare_default() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"));
    cmd.current_dir(root()).env_remove("NO_COLOR").args(["--no-config", "--quiet"]);
    cmd
}

/// Runs `cmd`, returns (exit code, stdout, stderr).
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let output = match cmd.output() {
        Ok(output) => output,
        Err(err) => panic!("cannot run claimcheck: {err}"),
    };
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A fresh temporary folder.
pub fn tempdir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(err) => panic!("cannot create a temporary folder: {err}"),
    }
}

/// Writes `text` to `path`, creating folders.
pub fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
