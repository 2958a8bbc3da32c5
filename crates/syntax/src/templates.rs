//! What each transition feature template is worth to a trained model, measured on parsed
//! text: how often its key is found, how many distinct keys of it the table holds, how much
//! its weights separate the four transitions, and how much agreement with the teacher drops
//! when its keys are left out (the model unchanged). For choosing a smaller feature set.

use crate::Parser;
use crate::parser::{self, MOVES, NONE};
use crate::tagger;
use crate::train::Sentence;
use std::collections::HashSet;

/// One template's figures.
#[derive(Clone, Debug, Default)]
pub struct TemplateFigures {
    /// Template index in the model's list ([`crate::picked::Templates`]).
    pub template: usize,
    /// Steps at which its key had weights.
    pub found: u64,
    /// Distinct keys with weights that the text reached.
    pub distinct: usize,
    /// Sum over steps of the spread (largest less smallest) of its four class weights.
    pub mass: f64,
    /// Head agreement (all pieces) with this template's keys left out.
    pub heads_without: f64,
}

/// Head agreement of `parser` on `data`, with the transition keys of templates in `drop`
/// left out.
fn heads_agreement(
    p: &Parser,
    data: &[Sentence],
    prepared: &[(Vec<tagger::Word>, Vec<crate::Tag>)],
    drop: &[usize],
) -> f64 {
    let (mut right, mut total) = (0usize, 0usize);
    for (s, (words, tags)) in data.iter().zip(prepared) {
        let (heads, _) = parser::parse_with(&p.moves, &p.labels, p.templates(), words, tags, |keys| {
            for &t in drop {
                keys[t] = 0;
            }
        });
        for (i, &h) in heads.iter().enumerate() {
            right += usize::from(h == s.heads[i].unwrap_or(NONE));
            total += 1;
        }
    }
    right as f64 / total.max(1) as f64
}

/// The base head agreement and every template's figures on `data` (teacher-annotated).
pub fn measure(p: &Parser, data: &[Sentence]) -> (f64, Vec<TemplateFigures>) {
    let prepared: Vec<_> = data
        .iter()
        .map(|s| {
            let mut words: Vec<tagger::Word> = s.words.iter().map(|w| tagger::Word::new(w)).collect();
            p.clusters.assign(&mut words);
            let tags = tagger::tag(&p.tagger, &words);
            (words, tags)
        })
        .collect();
    let mut bias = [0i32; 256];
    p.moves.score(&[], &mut bias);
    let mut figures: Vec<TemplateFigures> =
        (0..p.templates().len()).map(|template| TemplateFigures { template, ..TemplateFigures::default() }).collect();
    let mut seen: Vec<HashSet<u32>> = vec![HashSet::new(); p.templates().len()];
    for (words, tags) in &prepared {
        parser::parse_with(&p.moves, &p.labels, p.templates(), words, tags, |keys| {
            for (t, &key) in keys.iter().enumerate().take(p.templates().len()) {
                let mut w = [0i32; 256];
                p.moves.score(&[key], &mut w);
                let spread: Vec<i32> = (0..MOVES).map(|c| w[c] - bias[c]).collect();
                if spread.iter().all(|&x| x == 0) {
                    continue;
                }
                let hi = spread.iter().copied().max().unwrap_or(0);
                let lo = spread.iter().copied().min().unwrap_or(0);
                figures[t].found += 1;
                figures[t].mass += f64::from(hi - lo);
                seen[t].insert(key);
            }
        });
    }
    let base = heads_agreement(p, data, &prepared, &[]);
    for (t, f) in figures.iter_mut().enumerate() {
        f.distinct = seen[t].len();
        f.heads_without = if t == 0 { base } else { heads_agreement(p, data, &prepared, &[t]) };
    }
    (base, figures)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two sentences annotated as the embedded model parses them, so that leaving nothing
    /// out agrees fully, and the bias (template 0, never looked up) is worth nothing.
    #[test]
    fn the_model_agrees_with_its_own_parses_and_the_bias_is_not_counted() {
        let parser = crate::parser();
        let mut conll = String::new();
        for words in [&["Officials", "said", "the", "strike", "was", "illegal", "."][..], &["He", "denied", "it", "."]]
        {
            let parse = parser.parse(words);
            for (i, w) in words.iter().enumerate() {
                let head = parse.head(i).map_or(-1, |h| h as i64);
                conll.push_str(&format!("{i}\t{w}\t{}\t{head}\t{}\n", parse.tag(i).as_str(), parse.dep(i).as_str()));
            }
            conll.push('\n');
        }
        let data = crate::train::read_conll(&conll).unwrap_or_default();
        let (base, figures) = measure(parser, &data);
        assert_eq!(base, 1.0);
        assert_eq!(figures.len(), parser.templates().len());
        assert_eq!((figures[0].found, figures[0].mass), (0, 0.0));
        assert!(figures.iter().any(|f| f.found > 0 && f.distinct > 0));
    }
}
