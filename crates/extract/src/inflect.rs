//! Inflected forms of reporting verbs and nouns, so packs list lemmas, not every form.
//!
//! English regular morphology only; packs give `forms` for irregular words ("say": said)
//! and for final-consonant doubling that depends on stress ("admit": admitted).

/// The lemma and its regular `-s`, `-ed` and `-ing` forms.
pub fn verb_forms(lemma: &str) -> Vec<String> {
    let mut forms = vec![lemma.to_owned()];
    // Only the last word of a phrasal verb inflects: "cover up" → "covered up".
    let (head, tail) = match lemma.split_once(' ') {
        Some((head, tail)) => (head, format!(" {tail}")),
        None => (lemma, String::new()),
    };
    for form in [third_person(head), past(head), gerund(head)] {
        let form = format!("{form}{tail}");
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// The noun and its regular plural.
pub fn noun_forms(lemma: &str) -> Vec<String> {
    let plural = third_person(lemma);
    if plural == lemma { vec![lemma.to_owned()] } else { vec![lemma.to_owned(), plural] }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn third_person(word: &str) -> String {
    let b = word.as_bytes();
    if word.ends_with('s') || word.ends_with("sh") || word.ends_with("ch") || word.ends_with('x') || word.ends_with('z')
    {
        format!("{word}es")
    } else if b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2]) {
        format!("{}ies", &word[..word.len() - 1])
    } else {
        format!("{word}s")
    }
}

/// Whether a short word ends consonant-vowel-consonant and doubles its last letter
/// ("plan" → "planned"); longer words give their forms in the pack when they double.
fn doubles(word: &str) -> bool {
    let b = word.as_bytes();
    let n = b.len();
    (3..=4).contains(&n)
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
}

fn past(word: &str) -> String {
    let b = word.as_bytes();
    if word.ends_with('e') {
        format!("{word}d")
    } else if b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2]) {
        format!("{}ied", &word[..word.len() - 1])
    } else if doubles(word) {
        format!("{word}{}ed", &word[word.len() - 1..])
    } else {
        format!("{word}ed")
    }
}

fn gerund(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ie") {
        format!("{stem}ying")
    } else if word.ends_with('e') && !word.ends_with("ee") && word.len() > 2 {
        format!("{}ing", &word[..word.len() - 1])
    } else if doubles(word) {
        format!("{word}{}ing", &word[word.len() - 1..])
    } else {
        format!("{word}ing")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lemma: &str, expected: &[&str]) {
        assert_eq!(verb_forms(lemma), expected, "forms of {lemma}");
    }

    #[test]
    fn regular_verbs() {
        check("deny", &["deny", "denies", "denied", "denying"]);
        check("state", &["state", "states", "stated", "stating"]);
        check("insist", &["insist", "insists", "insisted", "insisting"]);
        check("dismiss", &["dismiss", "dismisses", "dismissed", "dismissing"]);
        check("plan", &["plan", "plans", "planned", "planning"]);
        check("say", &["say", "says", "sayed", "saying"]);
        check("cover up", &["cover up", "covers up", "covered up", "covering up"]);
        check("agree", &["agree", "agrees", "agreed", "agreeing"]);
    }

    #[test]
    fn nouns() {
        assert_eq!(noun_forms("accusation"), ["accusation", "accusations"]);
        assert_eq!(noun_forms("denial"), ["denial", "denials"]);
        assert_eq!(noun_forms("allegation"), ["allegation", "allegations"]);
    }
}
