//! Prints the attributions the default packs find in each text given as an argument, with
//! the cue, the speaker, how it was resolved and the layout: for error analysis of attribution
//! (`cargo run --release -p extract --example attribute -- "Officials said it was false."`).

#![allow(clippy::print_stdout)]

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let packs = pack::load_packs(&[root]).unwrap_or_else(|e| panic!("default packs: {:?}", e.errors));
    let rules = extract::RuleSet::compile(&packs).unwrap_or_else(|e| panic!("default packs: {e:?}"));
    for arg in std::env::args().skip(1) {
        // A file's text when the argument names one, else the argument itself.
        let text = std::fs::read_to_string(&arg).unwrap_or_else(|_| arg.clone());
        let id = arg.rsplit('/').next().unwrap_or(&arg).trim_end_matches(".txt").to_owned();
        let doc = parse::Document::from_text(&id, text.clone());
        let parsed = parse::parse(&doc);
        if text.len() < 400 {
            println!("{text}");
        } else {
            println!("=== {}", doc.id);
        }
        for a in rules.attributions(&parsed) {
            let speaker = a.speaker.as_ref().map_or("-", |s| s.text.as_str());
            let at = a.speaker.as_ref().map_or((0, 0), |s| (s.span.start, s.span.end));
            let content = a.content.as_ref().map_or("-", |s| s.text.as_str());
            println!(
                "  {:>6} {:>6} {:>6} {:>6} cue `{}` speaker `{speaker}` ({}) layout {} content `{content}`",
                a.cue.span.start, a.cue.span.end, at.0, at.1, a.cue.text, a.resolution, a.layout
            );
        }
        println!();
    }
}
