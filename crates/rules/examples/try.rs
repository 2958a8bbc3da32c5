//! Scratch: explain one text. Not committed.
#![allow(missing_docs, clippy::print_stdout, clippy::unwrap_used)]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let packs = rules::pack::load_packs(&[std::path::PathBuf::from("rules")]).unwrap();
    let rs = rules::RuleSet::compile(&packs).unwrap();
    let text = std::fs::read_to_string(&args[1]).unwrap_or_else(|_| args[1].clone());
    let mut doc = parse::Document::from_text("try", text);
    doc.source = "fixture".into();
    doc.published = parse::Date::parse_published(&args.get(2).cloned().unwrap_or("2017-04-13".into()));
    let e = rs.explain(&doc);
    println!("{e:#?}");
}
