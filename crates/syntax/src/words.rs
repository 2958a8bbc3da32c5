//! Words as the model sees them: claimcheck's tokens with English clitics split off
//! ("Lavrov's" → "Lavrov" + "'s", "didn't" → "did" + "n't"), as the teacher's tokeniser
//! splits them, so that possessors and negations get their own relation.

/// The clitic endings split off a word, longest first, compared in ASCII lower case.
const CLITICS: [&str; 7] = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Where `word` splits into a stem and a clitic: the byte offset of the clitic, or `None`
/// when the word has no clitic or would leave an empty stem.
pub fn clitic_at(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    // Every clitic has its apostrophe in the word's last three bytes: most words are done
    // with one look (seven case-blind comparisons were about 200 instructions a word).
    if !bytes[bytes.len().saturating_sub(3)..].contains(&b'\'') {
        return None;
    }
    for clitic in CLITICS {
        let n = clitic.len();
        if bytes.len() > n && bytes[bytes.len() - n..].eq_ignore_ascii_case(clitic.as_bytes()) {
            let at = bytes.len() - n;
            // "n't" needs a letter before it; the apostrophe clitics need a letter or digit.
            return bytes[at - 1].is_ascii_alphanumeric().then_some(at);
        }
    }
    None
}

/// `word` as the one or two pieces the model reads.
pub fn pieces(word: &str) -> impl Iterator<Item = &str> {
    let (stem, clitic) = match clitic_at(word) {
        Some(at) => (&word[..at], Some(&word[at..])),
        None => (word, None),
    };
    std::iter::once(stem).chain(clitic)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The comparisons without the look for an apostrophe first.
    fn every_clitic_compared(word: &str) -> Option<usize> {
        let bytes = word.as_bytes();
        let clitic = CLITICS
            .iter()
            .find(|c| bytes.len() > c.len() && bytes[bytes.len() - c.len()..].eq_ignore_ascii_case(c.as_bytes()))?;
        let at = bytes.len() - clitic.len();
        bytes[at - 1].is_ascii_alphanumeric().then_some(at)
    }

    #[test]
    fn a_word_splits_where_every_clitic_compared_splits_it() {
        let words = [
            "didn't",
            "DIDN'T",
            "Lavrov's",
            "it's",
            "they're",
            "we've",
            "she'll",
            "I'd",
            "I'm",
            "'s",
            "n't",
            "s",
            "",
            "o'clock",
            "rock'n'roll",
            "90's",
            "-'s",
            "Assad’s",
            "don't",
            "x'",
            "'",
            "ab'c",
            "cant",
            "is",
            "Syria",
        ];
        for word in words {
            assert_eq!(clitic_at(word), every_clitic_compared(word), "{word}");
        }
        assert_eq!(pieces("Lavrov's").collect::<Vec<_>>(), ["Lavrov", "'s"]);
        assert_eq!(pieces("o'clock").collect::<Vec<_>>(), ["o'clock"]);
    }
}
