//! Value patterns of frames: words around a number or a date, with bounded gaps.
//!
//! `killed {N}` wants "killed" right before the number (its hedge words belong to the
//! number: "killed at least 58"); `{N} ... dead` allows up to [`GAP`] words between.

use crate::schema::FrameKind;

/// Most words a `...` in a pattern stands for.
pub const GAP: usize = 10;

/// One element of a pattern side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// This word, in any case.
    Word(String),
    /// Zero to [`GAP`] words.
    Gap,
}

/// A compiled value pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValuePattern {
    /// Elements before the value, in text order.
    pub before: Vec<Elem>,
    /// Elements after the value, in text order.
    pub after: Vec<Elem>,
    /// The pattern as written, for explanations.
    pub source: String,
}

/// Why a pattern does not compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError(pub String);

/// Compiles a pattern of a frame of `kind`.
pub fn compile(pattern: &str, kind: FrameKind) -> Result<ValuePattern, PatternError> {
    let placeholder = match kind {
        FrameKind::Count => "{N}",
        FrameKind::Date => "{DATE}",
    };
    let words: Vec<&str> = pattern.split_whitespace().collect();
    let slots: Vec<usize> = words.iter().enumerate().filter(|(_, w)| **w == placeholder).map(|(i, _)| i).collect();
    let [slot] = slots.as_slice() else {
        return Err(PatternError(format!("a {kind:?} pattern needs exactly one `{placeholder}`: `{pattern}`")));
    };
    let elem = |w: &&str| -> Result<Elem, PatternError> {
        if *w == "..." {
            Ok(Elem::Gap)
        } else if w.starts_with('{') {
            Err(PatternError(format!("unknown placeholder `{w}` in `{pattern}`")))
        } else {
            Ok(Elem::Word(parse::normalize::normalise_term(w).to_lowercase()))
        }
    };
    let before = words[..*slot].iter().map(elem).collect::<Result<Vec<_>, _>>()?;
    let after = words[slot + 1..].iter().map(elem).collect::<Result<Vec<_>, _>>()?;
    Ok(ValuePattern { before, after, source: pattern.to_owned() })
}

impl ValuePattern {
    /// Whether the pattern holds around a value: `before` are the lower-case words before
    /// the value (nearest last), `after` the words after it (nearest first).
    pub fn matches(&self, before: &[&str], after: &[&str]) -> bool {
        side(self.before.iter().rev(), |i| before.len().checked_sub(i + 1).map(|j| before[j]), before.len())
            && side(self.after.iter(), |i| after.get(i).copied(), after.len())
    }
}

/// Whether `elems` match a prefix of the words `word(0)`, `word(1)`, … (`len` of them),
/// read outward from the value.
///
/// The walk keeps the set of word positions the elements so far can end at, so a pattern
/// of many gaps costs elements × words × [`GAP`] rather than [`GAP`] to the power of its
/// gaps (eight gaps once took 17 s on one sentence).
fn side<'e, 'w>(
    elems: impl Iterator<Item = &'e Elem> + Clone,
    word: impl Fn(usize) -> Option<&'w str>,
    len: usize,
) -> bool {
    // Only the words the pattern can reach matter, however long the sentence.
    let reach: usize = elems
        .clone()
        .map(|e| match e {
            Elem::Word(w) => w.split(' ').count(),
            Elem::Gap => GAP,
        })
        .sum();
    let len = len.min(reach);
    // Most patterns fail on a word the text does not hold within reach: say so before the
    // walk allocates (values are tried against every pattern of every frame in play).
    let within_reach = |w: &str| (0..len).any(|i| word(i) == Some(w));
    for elem in elems.clone() {
        if let Elem::Word(w) = elem
            && !within_reach(w.split(' ').next().unwrap_or(""))
        {
            return false;
        }
    }
    let mut at = vec![false; len + 1];
    let mut next = vec![false; len + 1];
    at[0] = true;
    for elem in elems {
        next.fill(false);
        for start in (0..=len).filter(|&i| at[i]) {
            match elem {
                Elem::Word(w) => {
                    // A pattern word may span several text words ("death toll" written as two).
                    let mut end = start;
                    let spans = w.split(' ').all(|part| {
                        let hit = word(end) == Some(part);
                        end += 1;
                        hit
                    });
                    // `end` never passes `len`: each element reaches at most its share.
                    if spans && let Some(slot) = next.get_mut(end) {
                        *slot = true;
                    }
                }
                // A gap does not cross into another clause ("killed 74 and wounded hundreds").
                Elem::Gap => {
                    for skip in 0..=GAP.min(len - start) {
                        if skip > 0 && word(start + skip - 1).is_some_and(is_conjunction) {
                            break;
                        }
                        next[start + skip] = true;
                    }
                }
            }
        }
        if !next.contains(&true) {
            return false;
        }
        std::mem::swap(&mut at, &mut next);
    }
    true
}

fn is_conjunction(word: &str) -> bool {
    matches!(word, "and" | "but" | "or" | "while" | "whereas" | "although" | "though")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holds(pattern: &str, before: &str, after: &str) -> bool {
        let p = compile(pattern, FrameKind::Count).unwrap_or_else(|e| panic!("{e:?}"));
        let b: Vec<&str> = before.split_whitespace().collect();
        let a: Vec<&str> = after.split_whitespace().collect();
        p.matches(&b, &a)
    }

    #[test]
    fn patterns() {
        assert!(holds("killed {N}", "the attack killed", "people"));
        assert!(!holds("killed {N}", "killed the", ""));
        assert!(holds("{N} ... dead", "", "people are dead"));
        assert!(holds("{N} ... dead", "", "dead"));
        assert!(!holds("{N} ... dead", "", "a b c d e f g h i j k dead"));
        assert!(holds("death toll ... {N}", "the death toll rose to", ""));
        assert!(!holds("death toll ... {N}", "the toll rose to", ""));
        assert!(!holds("{N} ... wounded", "", "people and wounded hundreds"));
        assert!(holds("killed ... at ... {N}", "killed x y at z", ""));
        assert!(!holds("killed ... at ... {N}", "killed x and at z", ""));
    }

    #[test]
    fn many_gaps_over_a_long_side() {
        let pattern = compile("{N} ... ... ... ... ... ... ... ... ... ... ... ... died", FrameKind::Count)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let mut after = vec!["7"; 2_000];
        assert!(!pattern.matches(&[], &after), "no `died` in reach");
        after[120] = "died";
        assert!(pattern.matches(&[], &after), "twelve gaps skip up to 120 words");
        after[120] = "7";
        after[121] = "died";
        assert!(!pattern.matches(&[], &after), "but not 121");
    }

    /// The matcher as first written: plain recursion, exponential in gaps, obviously right.
    fn reference(elems: &[Elem], words: &[&str]) -> bool {
        match elems.split_first() {
            None => true,
            Some((Elem::Word(w), rest)) => {
                let parts: Vec<&str> = w.split(' ').collect();
                words.len() >= parts.len()
                    && words.iter().zip(&parts).all(|(a, b)| a == b)
                    && reference(rest, &words[parts.len()..])
            }
            Some((Elem::Gap, rest)) => (0..=GAP.min(words.len()))
                .take_while(|&skip| skip == 0 || !is_conjunction(words[skip - 1]))
                .any(|skip| reference(rest, &words[skip..])),
        }
    }

    proptest::proptest! {
        #[test]
        fn the_position_walk_agrees_with_plain_recursion(
            pattern in proptest::collection::vec(proptest::sample::select(vec!["...", "a", "b", "death toll"]), 0..5),
            slot in 0usize..5,
            text in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "and", "death", "toll"]), 0..30),
            cut in 0usize..30,
        ) {
            let slot = slot.min(pattern.len());
            let mut words: Vec<&str> = pattern.clone();
            words.insert(slot, "{N}");
            let Ok(compiled) = compile(&words.join(" "), FrameKind::Count) else { return Ok(()) };
            let cut = cut.min(text.len());
            let (before, after) = text.split_at(cut);
            let reversed: Vec<Elem> = compiled.before.iter().rev().cloned().collect();
            let before_rev: Vec<&str> = before.iter().rev().copied().collect();
            let expected = reference(&reversed, &before_rev) && reference(&compiled.after, after);
            proptest::prop_assert_eq!(compiled.matches(before, after), expected);
        }
    }

    #[test]
    fn bad_patterns() {
        assert!(compile("killed", FrameKind::Count).is_err());
        assert!(compile("{N} {N}", FrameKind::Count).is_err());
        assert!(compile("on {N}", FrameKind::Date).is_err());
        assert!(compile("{X} dead", FrameKind::Count).is_err());
    }
}
