//! Words as the model sees them: claimcheck's tokens with English clitics split off
//! ("Lavrov's" → "Lavrov" + "'s", "didn't" → "did" + "n't"), as the teacher's tokeniser
//! splits them, so that possessors and negations get their own relation.

/// The clitic endings split off a word, longest first, compared in ASCII lower case.
const CLITICS: [&str; 7] = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Where `word` splits into a stem and a clitic: the byte offset of the clitic, or `None`
/// when the word has no clitic or would leave an empty stem.
pub fn clitic_at(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
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
