//! `claimcheck rules check|test|list`.

use crate::args::{Global, RulesPaths};
use crate::config::Config;
use crate::pipeline;
use crate::status::Status;
use anyhow::{Context, Result, bail};
use pack::schema::FixtureFile;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn is_fixture(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().ends_with(".test.yaml"))
}

/// The packs a rules command works on: the default packs and `--rules`, plus the pack
/// files and folders named on the command line (fixture files are not packs).
fn pack_paths(args: &RulesPaths, global: &Global) -> Result<Vec<PathBuf>> {
    let cwd = pipeline::cwd()?;
    let config = Config::load(global, &cwd)?;
    let mut paths = config.pack_paths(global, &cwd);
    for path in &args.paths {
        if !path.exists() {
            bail!("{}: no such file or folder", path.display());
        }
        if !is_fixture(path) && !paths.contains(path) {
            paths.push(path.clone());
        }
    }
    Ok(paths)
}

/// `rules check`: loads and compiles, prints what was loaded.
pub fn check(args: &RulesPaths, global: &Global, out: &mut String) -> Result<Status> {
    let paths = pack_paths(args, global)?;
    let rules = pipeline::load_rules(&paths)?;
    let files = pack::pack_files(&paths);
    for file in &files {
        writeln!(out, "ok {}", file.display())?;
    }
    // Loads again for the contexts: the compiled rule set keeps terms, not their files.
    if let Ok(packs) = pack::load_packs(&paths) {
        for o in pack::context_overlaps(&packs) {
            writeln!(
                out,
                "warning: {} and {} share context words ({}): a document naming only these is read as \
                 part of both stories; give each story anchors of its own (places, people, a date window)",
                o.first.display(),
                o.second.display(),
                o.words.join(", ")
            )?;
        }
    }
    writeln!(
        out,
        "{} pack files: {} propositions, {} frames, {} patterns",
        files.len(),
        rules.propositions().count(),
        rules.frames().count(),
        rules.pattern_count()
    )?;
    Ok(Status::Ok)
}

/// `rules list`: propositions and frames, by id.
pub fn list(args: &RulesPaths, global: &Global, out: &mut String) -> Result<Status> {
    let rules = pipeline::load_rules(&pack_paths(args, global)?)?;
    let mut rows: Vec<(&str, &str, &str)> = rules.propositions().map(|(id, s)| ("proposition", id, s)).collect();
    rows.extend(rules.frames().map(|(id, q)| ("frame", id, q)));
    rows.sort_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)));
    let width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    for (kind, id, text) in rows {
        writeln!(out, "{kind:<11}  {id:<width$}  {text}")?;
    }
    Ok(Status::Ok)
}

/// Fixture files under `paths` (default: the default pack folders), sorted.
fn fixture_files(args: &RulesPaths, global: &Global) -> Result<Vec<PathBuf>> {
    let roots = if args.paths.is_empty() {
        let cwd = pipeline::cwd()?;
        Config::load(global, &cwd)?.pack_paths(global, &cwd)
    } else {
        args.paths.clone()
    };
    let mut files = Vec::new();
    for root in roots {
        if root.is_file() {
            if is_fixture(&root) {
                files.push(root);
            }
            continue;
        }
        for entry in walk(&root) {
            if is_fixture(&entry) {
                files.push(entry);
            }
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut seen = 0usize;
    while let Some(dir) = stack.pop() {
        // Folders are few; the cap guards against a symlink loop.
        seen += 1;
        if seen > 100_000 {
            break;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// `rules test`: runs every fixture; diff-like output; `Conflicts` (exit 1) on a failure.
pub fn test(args: &RulesPaths, global: &Global, out: &mut String) -> Result<Status> {
    let rules = pipeline::load_rules(&pack_paths(args, global)?)?;
    let files = fixture_files(args, global)?;
    if files.is_empty() {
        bail!("no fixture files (*.test.yaml) found");
    }
    let (mut passed, mut failed) = (0usize, 0usize);
    for file in &files {
        let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
        let fixture: FixtureFile = serde_yaml::from_str(&text).map_err(|err| {
            let at = err.location().map_or(String::new(), |l| format!(":{}:{}", l.line(), l.column()));
            anyhow::anyhow!("{}{at}: {err}", file.display())
        })?;
        for case in &fixture.tests {
            let outcome = extract::fixture::run(&rules, case);
            if outcome.passed() {
                passed += 1;
                writeln!(out, "PASS {} :: {}", file.display(), outcome.name)?;
                continue;
            }
            failed += 1;
            writeln!(out, "FAIL {} :: {}", file.display(), outcome.name)?;
            for missing in &outcome.missing {
                writeln!(out, "  - expected {missing}")?;
            }
            for unexpected in &outcome.unexpected {
                writeln!(out, "  + unexpected {unexpected}")?;
            }
            if outcome.found.is_empty() {
                writeln!(out, "    found no claim")?;
            }
            for found in &outcome.found {
                writeln!(out, "    found {found}")?;
            }
        }
    }
    writeln!(out, "{passed} passed, {failed} failed")?;
    Ok(if failed == 0 { Status::Ok } else { Status::Conflicts })
}
