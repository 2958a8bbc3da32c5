//! Prints the parse of each sentence given as an argument, one word a line, tokenised as
//! claimcheck tokenises: `cargo run -p syntax --example show -- "Officials said it was false."`
//! (`--model PATH` first: that model file instead of the embedded one).

#![allow(clippy::print_stdout)]

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let loaded = if args.first().is_some_and(|a| a == "--model") && args.len() > 1 {
        let path = args.remove(1);
        args.remove(0);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        Some(syntax::Parser::from_bytes(&bytes).unwrap_or_else(|e| panic!("{path}: {e}")))
    } else {
        None
    };
    let parser = loaded.as_ref().unwrap_or_else(|| syntax::parser());
    for sentence in args {
        let span = parse::Span::new(0, sentence.len());
        let words: Vec<&str> = parse::token::tokens(&sentence, span).map(|t| t.span.text(&sentence)).collect();
        let tree = parser.parse(&words);
        for (i, word) in words.iter().enumerate() {
            let head = tree.head(i).map_or_else(|| "-".to_owned(), |h| format!("{h} {}", words[h]));
            println!("{i:>3} {word:<16} {:<5} {:<10} {head}", tree.tag(i), tree.dep(i));
        }
        println!();
    }
}
