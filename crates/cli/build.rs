//! Embeds the default rule packs (`rules/` at the workspace root) in the binary, so an
//! installed `claimcheck` works from any folder. Writes `builtin_packs.rs` into OUT_DIR: one
//! `(path relative to rules/, bytes)` pair per pack and fixture file, in sorted path order.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let rules = manifest.join("../../rules");
    println!("cargo:rerun-if-changed={}", rules.display());
    let mut files = Vec::new();
    collect(&rules, &mut files);
    files.sort();
    let mut code = String::from("/// The default packs and their fixtures: (path under `rules/`, contents).\n");
    code.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let relative = file.strip_prefix(&rules).unwrap_or(file);
        let name = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        let absolute = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
        let _ = writeln!(code, "    ({name:?}, include_bytes!({:?})),", absolute.display().to_string());
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("builtin_packs.rs");
    if let Err(err) = std::fs::write(&out, code) {
        panic!("cannot write {}: {err}", out.display());
    }
}

/// YAML files under `dir`, folders walked; the JSON schemas and READMEs are not packs.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}
