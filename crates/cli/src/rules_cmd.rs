//! `claimcheck rules check|test|list`.

use crate::args::{ListArgs, RuleOpts, RulesPaths};
use crate::config::Config;
use crate::packs::{self, From, PackPlan, PackRoot};
use crate::pipeline;
use crate::status::Status;
use anyhow::{Context, Result, bail};
use pack::fixture::LocatedCase;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn is_fixture(path: &Path) -> bool {
    path.file_name().is_some_and(|n| packs::is_fixture(&n.to_string_lossy()))
}

/// The packs a rules command works on: the default packs, the config's and `--rules`, plus
/// the pack files and folders named on the command line (fixture files are not packs).
fn pack_plan(paths: &[PathBuf], opts: &RuleOpts) -> Result<(PackPlan, Config)> {
    let cwd = pipeline::cwd()?;
    let config = Config::load(opts, &cwd)?;
    let mut plan = config.pack_plan(opts);
    for path in paths {
        if !path.exists() {
            bail!("{}: no such file or folder", path.display());
        }
        // A folder of fixtures only is named for its fixtures, not as a pack.
        let holds_packs = !is_fixture(path) && !pack::pack_files(std::slice::from_ref(path)).is_empty();
        if holds_packs && !plan.roots.iter().any(|r| r.path == *path) {
            plan.roots.push(PackRoot { path: path.clone(), from: From::Argument });
        }
    }
    Ok((plan, config))
}

/// `rules check`: loads and compiles, prints what was loaded.
pub fn check(args: &RulesPaths, out: &mut String) -> Result<Status> {
    let (plan, _) = pack_plan(&args.paths, &args.rules)?;
    let (packs, rules) = plan.load_with_packs()?;
    let files = plan.files()?;
    for (file, _) in &files {
        writeln!(out, "ok {}", file.display())?;
    }
    // Fixtures named (or under folders named) are read and their ids checked too.
    if !args.paths.is_empty() {
        for (file, cases) in load_fixtures(&fixtures(&args.paths, &plan)?, &packs)? {
            writeln!(out, "ok {} ({} fixture cases)", file.display(), cases.len())?;
        }
    }
    // Context words two packs share, read from the definitions (the compiled set keeps
    // terms, not their files).
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

/// `rules list`: propositions and frames, by id; with `--sources`, the config in force and
/// every pack file with where it was named.
pub fn list(args: &ListArgs, out: &mut String) -> Result<Status> {
    let (plan, config) = pack_plan(&args.paths, &args.rules)?;
    if args.sources {
        match &config.path {
            Some(path) => writeln!(out, "config    {}", path.display())?,
            None => writeln!(out, "config    (none)")?,
        }
        if !plan.builtin {
            writeln!(out, "built-in  (off)")?;
        }
        for (file, from) in plan.files()? {
            writeln!(out, "{:<9} {}", from.label(), file.display())?;
        }
        return Ok(Status::Ok);
    }
    let rules = plan.load()?;
    let mut rows: Vec<(&str, &str, &str)> = rules.propositions().map(|(id, s)| ("proposition", id, s)).collect();
    rows.extend(rules.frames().map(|(id, q)| ("frame", id, q)));
    rows.sort_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)));
    let width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    for (kind, id, text) in rows {
        writeln!(out, "{kind:<11}  {id:<width$}  {text}")?;
    }
    Ok(Status::Ok)
}

/// The fixtures to run, as (name, contents), sorted: those under the paths named, else those
/// under the packs on disk, else the built-in packs' own.
fn fixtures(paths: &[PathBuf], plan: &PackPlan) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let roots: Vec<PathBuf> =
        if paths.is_empty() { plan.roots.iter().map(|r| r.path.clone()).collect() } else { paths.to_vec() };
    if roots.is_empty() && plan.builtin {
        return Ok(packs::builtin_fixtures().map(|(name, bytes)| (name, bytes.to_vec())).collect());
    }
    let mut files = Vec::new();
    for root in roots {
        if root.is_file() {
            if is_fixture(&root) {
                files.push(root);
            }
            continue;
        }
        files.extend(walk(&root).into_iter().filter(|entry| is_fixture(entry)));
    }
    files.sort();
    files.dedup();
    files
        .into_iter()
        .map(|file| {
            let bytes = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            Ok((file, bytes))
        })
        .collect()
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

/// Reads every fixture file and checks the ids it names against `packs`; all problems are
/// one located error.
fn load_fixtures(files: &[(PathBuf, Vec<u8>)], packs: &pack::PackSet) -> Result<Vec<(PathBuf, Vec<LocatedCase>)>> {
    let mut errors = Vec::new();
    let mut loaded = Vec::new();
    for (file, bytes) in files {
        match pack::fixture::load_fixture(file, bytes) {
            Ok(cases) => {
                errors.extend(pack::fixture::check_ids(&cases, packs).errors);
                loaded.push((file.clone(), cases));
            }
            Err(e) => errors.extend(e.errors),
        }
    }
    if errors.is_empty() { Ok(loaded) } else { Err(packs::located(&errors).into()) }
}

/// `rules test`: runs every fixture; diff-like output; `Conflicts` (exit 1) on a failure.
/// A case marked `todo: true` that fails is reported as TODO and does not fail the run.
pub fn test(args: &RulesPaths, out: &mut String) -> Result<Status> {
    let (plan, _) = pack_plan(&args.paths, &args.rules)?;
    let (packs, rules) = plan.load_with_packs()?;
    let files = fixtures(&args.paths, &plan)?;
    if files.is_empty() {
        bail!("no fixture files (*.test.yaml) found");
    }
    let (mut passed, mut failed, mut todo) = (0usize, 0usize, 0usize);
    for (file, cases) in load_fixtures(&files, &packs)? {
        for located in &cases {
            let case = &located.case;
            let outcome = extract::fixture::run(&rules, case);
            let at = format!("{}:{}", file.display(), located.origin.line);
            if outcome.passed() {
                passed += 1;
                let note = if case.todo { " (marked todo: true, but it passes; remove the marker)" } else { "" };
                writeln!(out, "PASS {at} :: {}{note}", outcome.name)?;
                continue;
            }
            if case.todo {
                todo += 1;
                writeln!(out, "TODO {at} :: {} (a known failure)", outcome.name)?;
            } else {
                failed += 1;
                writeln!(out, "FAIL {at} :: {}", outcome.name)?;
            }
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
    let todo = if todo > 0 { format!(", {todo} todo") } else { String::new() };
    writeln!(out, "{passed} passed, {failed} failed{todo}")?;
    Ok(if failed == 0 { Status::Ok } else { Status::Conflicts })
}
