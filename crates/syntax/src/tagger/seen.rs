//! The words a thread has met, hashed once: a piece read again (news repeats its words)
//! takes its [`Word`] from here instead of hashing its text five ways (exact, lower case,
//! suffix, prefix, shape) again. The same hashes, so the same features.

use super::Word;
use crate::model::{KeyHasher, hash_str};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Words a thread keeps (with their text, about 80 bytes each); a word met after that is
/// hashed every time.
const CAPACITY: usize = 1 << 16;

/// One thread's words by their exact hash, with their text to tell two words of the same
/// hash apart.
type Seen = HashMap<u64, (Box<str>, Word), BuildHasherDefault<KeyHasher>>;

thread_local! {
    static SEEN: RefCell<Seen> = RefCell::new(Seen::default());
}

/// [`Word::new`] of `text`, from the thread's words when it has met `text` before.
pub(crate) fn word(text: &str) -> Word {
    let exact = hash_str(text);
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        match seen.get(&exact) {
            Some((known, word)) if **known == *text => *word,
            // Another text of the same hash keeps its place.
            Some(_) => Word::new(text),
            None => {
                let word = Word::new(text);
                if seen.len() < CAPACITY {
                    seen.insert(exact, (text.into(), word));
                }
                word
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &Word, b: &Word) -> bool {
        (a.exact, a.lower, a.suffix, a.prefix, a.shape, a.cluster)
            == (b.exact, b.lower, b.suffix, b.prefix, b.shape, b.cluster)
    }

    /// A word met before, a new one, one whose hash another text holds, and one met when the
    /// thread is full are each the word hashed afresh.
    #[test]
    fn a_word_met_before_is_the_word_hashed_again() {
        let texts = ["Assad", "said", "n't", "'s", "Ghouta", "McCain", "2,000", "Düsseldorf", "", "said", "Assad"];
        for text in texts {
            assert!(same(&word(text), &Word::new(text)), "{text}");
        }
        SEEN.with(|seen| {
            let mut seen = seen.borrow_mut();
            seen.insert(hash_str("Damascus"), ("Homs".into(), Word::new("Homs")));
        });
        assert!(same(&word("Damascus"), &Word::new("Damascus")), "a clash");
        SEEN.with(|seen| {
            let mut seen = seen.borrow_mut();
            seen.clear();
            for i in 0..CAPACITY as u64 {
                seen.insert(i, ("".into(), Word::new("")));
            }
        });
        assert!(same(&word("Aleppo"), &Word::new("Aleppo")), "a full thread");
        SEEN.with(|seen| assert!(!seen.borrow().contains_key(&hash_str("Aleppo")), "a full thread keeps no more"));
        SEEN.with(|seen| seen.borrow_mut().clear());
    }
}
