//! Reading files from disk: the sorted walk, size limits, missing and looping paths.

use parse::input::{InputConfig, InputFile, STDIN, discover, read_file};
use parse::{DiagnosticKind, Format};
use std::path::PathBuf;

fn write(dir: &std::path::Path, name: &str, text: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn directories_are_walked_in_sorted_order_and_unknown_extensions_left_out() {
    let dir = tempdir();
    write(dir.path(), "b/2.txt", b"Two.");
    write(dir.path(), "a.md", b"One.");
    write(dir.path(), "b/1.jsonl", b"{\"text\": \"x\"}");
    write(dir.path(), "c.png", b"\x89PNG");
    write(dir.path(), "d.csv", b"text\nx\n");
    let (files, diags) = discover(&[dir.path().to_path_buf()]);
    assert!(diags.is_empty(), "{diags:?}");
    let names: Vec<String> = files
        .iter()
        .map(|f| f.path.strip_prefix(dir.path()).map(|p| p.display().to_string()).unwrap_or_default())
        .collect();
    assert_eq!(names, ["a.md", "b/1.jsonl", "b/2.txt", "d.csv"]);
    let formats: Vec<Format> = files.iter().map(|f| f.format).collect();
    assert_eq!(formats, [Format::Markdown, Format::Jsonl, Format::Text, Format::Csv]);
    let indexes: Vec<u32> = files.iter().map(|f| f.index).collect();
    assert_eq!(indexes, [0, 1, 2, 3]);
}

#[test]
fn a_named_file_of_unknown_extension_is_read_as_text() {
    let dir = tempdir();
    let path = write(dir.path(), "notes.log", b"Russia denied it.");
    let (files, _) = discover(&[path]);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].format, Format::Text);
    let (docs, diags) = read_file(&files[0], &InputConfig::default());
    assert!(diags.is_empty());
    assert_eq!(docs[0].source, "notes");
    assert_eq!(docs[0].text, "Russia denied it.");
}

#[test]
fn a_missing_path_is_a_diagnostic_and_the_others_are_still_found() {
    let dir = tempdir();
    let path = write(dir.path(), "a.txt", b"One.");
    let (files, diags) = discover(&[dir.path().join("nope"), path]);
    assert_eq!(files.len(), 1);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].kind, DiagnosticKind::Skipped);
    assert!(diags[0].message.contains("no such file"), "{}", diags[0]);
}

#[test]
fn a_file_above_the_size_limit_is_skipped_with_the_limit_named() {
    let dir = tempdir();
    let path = write(dir.path(), "big.txt", &[b'a'; 2000]);
    let (files, _) = discover(&[path]);
    let config = InputConfig { max_file_bytes: 1000, ..InputConfig::default() };
    let (docs, diags) = read_file(&files[0], &config);
    assert!(docs.is_empty());
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].kind, DiagnosticKind::Skipped);
    assert!(diags[0].message.contains("limit of 1000 bytes"), "{}", diags[0]);
    // At the limit exactly, the file is read.
    let config = InputConfig { max_file_bytes: 2000, ..InputConfig::default() };
    let (docs, diags) = read_file(&files[0], &config);
    assert_eq!((docs.len(), diags.len()), (1, 0));
}

#[test]
fn a_file_that_vanished_after_discovery_is_a_diagnostic() {
    let file = InputFile { path: "/nonexistent/x.txt".into(), display: "x.txt".into(), format: Format::Text, index: 0 };
    let (docs, diags) = read_file(&file, &InputConfig::default());
    assert!(docs.is_empty());
    assert!(diags[0].message.starts_with("cannot read"), "{}", diags[0]);
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop_is_reported_and_the_walk_goes_on() {
    let dir = tempdir();
    write(dir.path(), "a/one.txt", b"One.");
    std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("a/loop")).unwrap_or_else(|e| panic!("{e}"));
    let (files, diags) = discover(&[dir.path().to_path_buf()]);
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(diags[0].message.contains("loop"), "{}", diags[0]);
}

#[test]
fn dash_is_standard_input() {
    let (files, diags) = discover(&[PathBuf::from(STDIN)]);
    assert!(diags.is_empty());
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].display, "-");
}
