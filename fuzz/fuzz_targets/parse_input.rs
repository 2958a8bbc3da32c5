//! Any bytes, read as each input format (txt, md with front matter, jsonl, csv), strictly
//! and lossily, then split into sentences, quotes, numbers and dates: no panic, spans valid.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parse::Format;
use parse::input::{InputConfig, InputFile, decode};

fuzz_target!(|bytes: &[u8]| {
    for format in [Format::Text, Format::Markdown, Format::Jsonl, Format::Csv] {
        for lossy in [false, true] {
            let file = InputFile { path: "fuzz".into(), display: "fuzz".into(), format, index: 0 };
            let config = InputConfig { lossy, ..InputConfig::default() };
            let (documents, _diagnostics) = decode(bytes, &file, &config);
            for document in &documents {
                let parsed = parse::parse(document);
                let text = parsed.text();
                for s in &parsed.sentences {
                    assert!(s.span.end <= text.len() && text.is_char_boundary(s.span.start));
                    let _ = parse::number::quantities(text, s.span);
                    let _ = parse::date::dates(text, s.span, document.published);
                }
            }
        }
    }
});
