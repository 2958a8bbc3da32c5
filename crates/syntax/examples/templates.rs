//! Prints what each transition feature template of a model is worth on teacher-annotated
//! text (see `syntax::templates`): found, distinct keys, weight spread, and head agreement
//! with the template left out.
//!
//! `cargo run --release -p syntax --example templates -- MODEL|- SENTENCES.conll [MAX_SENTENCES]`

#![allow(clippy::print_stdout, clippy::print_stderr)]

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(model), Some(conll)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: templates MODEL|- SENTENCES.conll [MAX_SENTENCES]");
        std::process::exit(2);
    };
    let limit: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(usize::MAX);
    let file = (model != "-").then(|| std::fs::read(model).unwrap_or_else(|e| panic!("{model}: {e}")));
    let bytes: &[u8] = file.as_deref().unwrap_or(syntax::model_bytes());
    let parser = syntax::Parser::from_bytes(bytes).unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(conll).unwrap_or_else(|e| panic!("{conll}: {e}"));
    let mut data = syntax::train::read_conll(&text).unwrap_or_else(|e| panic!("{conll}: {e}"));
    data.truncate(limit);
    let (base, figures) = syntax::templates::measure(&parser, &data);
    println!("base head agreement {:.4}", base);
    println!("template\tposition\tfound\tdistinct\tmass\tloss");
    let positions = parser.templates().positions();
    for f in figures {
        let position = positions[f.template];
        println!(
            "{}\t{position}\t{}\t{}\t{:.0}\t{:.4}",
            f.template,
            f.found,
            f.distinct,
            f.mass,
            base - f.heads_without
        );
    }
}
