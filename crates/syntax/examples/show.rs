//! Prints the parse of each sentence given as an argument, one word a line, tokenised as
//! claimcheck tokenises: `cargo run -p syntax --example show -- "Officials said it was false."`

#![allow(clippy::print_stdout)]

fn main() {
    for sentence in std::env::args().skip(1) {
        let span = parse::Span::new(0, sentence.len());
        let words: Vec<&str> = parse::token::tokens(&sentence, span).map(|t| t.span.text(&sentence)).collect();
        let tree = syntax::parser().parse(&words);
        for (i, word) in words.iter().enumerate() {
            let head = tree.head(i).map_or_else(|| "-".to_owned(), |h| format!("{h} {}", words[h]));
            println!("{i:>3} {word:<16} {:<5} {:<10} {head}", tree.tag(i), tree.dep(i));
        }
        println!();
    }
}
