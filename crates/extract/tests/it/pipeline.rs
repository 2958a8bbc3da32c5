//! The pipeline reports every document it reads to its observer, which may leave some out:
//! `eval` keeps only the documents its gold lists through this, and counts each.

use crate::common::ruleset;
use extract::pipeline::{Observer, run};
use parse::Document;
use parse::input::{InputConfig, InputFile};
use std::path::PathBuf;
use std::sync::Mutex;

/// Keeps the documents whose id is `keep`; notes every (file, id) it is told of.
struct Keep {
    keep: &'static str,
    seen: Mutex<Vec<(String, String)>>,
}

impl Observer for Keep {
    fn document(&self, file: &InputFile, document: &Document) -> bool {
        let mut seen = self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        seen.push((file.display.clone(), document.id.clone()));
        document.id == self.keep
    }
}

#[test]
fn every_document_is_reported_and_those_left_out_give_nothing() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pipeline-observer");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let text = "The gas attack on Khan Shaykhun has killed 86 people.";
    let lines = format!("{{\"id\":\"a\",\"text\":\"{text}\"}}\n{{\"id\":\"b\",\"text\":\"{text}\"}}\n");
    std::fs::write(dir.join("docs.jsonl"), lines).unwrap_or_else(|e| panic!("{e}"));
    let rules = ruleset();
    let all = run(rules, std::slice::from_ref(&dir), None, &InputConfig::default(), &());
    assert_eq!(all.documents, 2);
    assert!(all.claims.iter().any(|c| c.evidence.document == "b"), "{:?}", all.claims);

    let keep = Keep { keep: "a", seen: Mutex::new(Vec::new()) };
    let kept = run(rules, std::slice::from_ref(&dir), None, &InputConfig::default(), &keep);
    let mut seen = keep.seen.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    seen.sort();
    let ids: Vec<&str> = seen.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert!(seen.iter().all(|(file, _)| file.ends_with("docs.jsonl")), "{seen:?}");
    assert_eq!(kept.documents, 1);
    assert!(!kept.claims.is_empty());
    assert!(kept.claims.iter().all(|c| c.evidence.document == "a"), "{:?}", kept.claims);
    assert!(kept.sentences < all.sentences);
}
