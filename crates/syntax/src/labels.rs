//! The tag and relation inventories: Penn Treebank tags and ClearNLP dependency labels as
//! spaCy's English models give them.

use std::fmt;
use std::str::FromStr;

/// A name that is not in the inventory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLabel(pub String);

impl fmt::Display for UnknownLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown label `{}`", self.0)
    }
}

impl std::error::Error for UnknownLabel {}

macro_rules! inventory {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in the order of their indices.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The name spaCy gives it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// Its position in [`Self::ALL`].
            pub fn index(self) -> usize {
                self as usize
            }

            /// The value at `index` in [`Self::ALL`].
            pub fn from_index(index: usize) -> Option<$name> {
                Self::ALL.get(index).copied()
            }
        }

        impl FromStr for $name {
            type Err = UnknownLabel;

            fn from_str(s: &str) -> Result<$name, UnknownLabel> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownLabel(s.to_string())),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

inventory! {
    /// A Penn Treebank part-of-speech tag, as spaCy's English `tag_`.
    Tag {
        /// `$`: currency sign.
        Dollar = "$",
        /// `''`: closing quotation mark.
        CloseQuote = "''",
        /// `,`: comma.
        Comma = ",",
        /// `-LRB-`: opening bracket.
        Lrb = "-LRB-",
        /// `-RRB-`: closing bracket.
        Rrb = "-RRB-",
        /// `.`: sentence-final punctuation.
        Period = ".",
        /// `:`: colon, dash, semicolon.
        Colon = ":",
        /// Email or web address.
        ADD = "ADD",
        /// Affix.
        AFX = "AFX",
        /// Coordinating conjunction.
        CC = "CC",
        /// Cardinal number.
        CD = "CD",
        /// Determiner.
        DT = "DT",
        /// Existential "there".
        EX = "EX",
        /// Foreign word.
        FW = "FW",
        /// Hyphen.
        HYPH = "HYPH",
        /// Preposition or subordinating conjunction.
        IN = "IN",
        /// Adjective.
        JJ = "JJ",
        /// Comparative adjective.
        JJR = "JJR",
        /// Superlative adjective.
        JJS = "JJS",
        /// List item marker.
        LS = "LS",
        /// Modal.
        MD = "MD",
        /// Superfluous punctuation.
        NFP = "NFP",
        /// Singular or mass noun.
        NN = "NN",
        /// Singular proper noun.
        NNP = "NNP",
        /// Plural proper noun.
        NNPS = "NNPS",
        /// Plural noun.
        NNS = "NNS",
        /// Predeterminer.
        PDT = "PDT",
        /// Possessive ending.
        POS = "POS",
        /// Personal pronoun.
        PRP = "PRP",
        /// Possessive pronoun.
        PRPS = "PRP$",
        /// Adverb.
        RB = "RB",
        /// Comparative adverb.
        RBR = "RBR",
        /// Superlative adverb.
        RBS = "RBS",
        /// Particle.
        RP = "RP",
        /// Symbol.
        SYM = "SYM",
        /// "to".
        TO = "TO",
        /// Interjection.
        UH = "UH",
        /// Verb, base form.
        VB = "VB",
        /// Verb, past tense.
        VBD = "VBD",
        /// Verb, gerund or present participle.
        VBG = "VBG",
        /// Verb, past participle.
        VBN = "VBN",
        /// Verb, non-3rd person singular present.
        VBP = "VBP",
        /// Verb, 3rd person singular present.
        VBZ = "VBZ",
        /// Wh-determiner.
        WDT = "WDT",
        /// Wh-pronoun.
        WP = "WP",
        /// Possessive wh-pronoun.
        WPS = "WP$",
        /// Wh-adverb.
        WRB = "WRB",
        /// Unknown.
        XX = "XX",
        /// White space.
        SP = "_SP",
        /// Opening quotation mark.
        OpenQuote = "``",
    }
}

impl Tag {
    /// A verb of any form (VB, VBD, VBG, VBN, VBP, VBZ); modals are not.
    pub fn is_verb(self) -> bool {
        matches!(self, Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ)
    }

    /// A common or proper noun, singular or plural.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// A proper noun (NNP, NNPS).
    pub fn is_proper_noun(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    /// A personal, possessive or wh- pronoun (PRP, PRP$, WP, WP$).
    pub fn is_pronoun(self) -> bool {
        matches!(self, Tag::PRP | Tag::PRPS | Tag::WP | Tag::WPS)
    }

    /// Punctuation: quotes, brackets, commas, dashes, final marks, hyphens.
    pub fn is_punct(self) -> bool {
        matches!(
            self,
            Tag::CloseQuote
                | Tag::OpenQuote
                | Tag::Comma
                | Tag::Lrb
                | Tag::Rrb
                | Tag::Period
                | Tag::Colon
                | Tag::HYPH
                | Tag::NFP
        )
    }
}

inventory! {
    /// A dependency relation, as spaCy's English (ClearNLP) `dep_`.
    Dep {
        /// The root of a sentence.
        Root = "ROOT",
        /// Clausal modifier of a noun.
        Acl = "acl",
        /// Adjectival complement.
        Acomp = "acomp",
        /// Adverbial clause modifier.
        Advcl = "advcl",
        /// Adverbial modifier.
        Advmod = "advmod",
        /// Agent of a passive ("by" phrase).
        Agent = "agent",
        /// Adjectival modifier.
        Amod = "amod",
        /// Appositional modifier.
        Appos = "appos",
        /// Attribute of a copula.
        Attr = "attr",
        /// Auxiliary.
        Aux = "aux",
        /// Passive auxiliary.
        Auxpass = "auxpass",
        /// Case marker.
        Case = "case",
        /// Coordinating conjunction.
        Cc = "cc",
        /// Clausal complement.
        Ccomp = "ccomp",
        /// Compound.
        Compound = "compound",
        /// Conjunct.
        Conj = "conj",
        /// Clausal subject.
        Csubj = "csubj",
        /// Clausal passive subject.
        Csubjpass = "csubjpass",
        /// Dative.
        Dative = "dative",
        /// Unclassified dependent.
        Dep = "dep",
        /// Determiner.
        Det = "det",
        /// Direct object.
        Dobj = "dobj",
        /// Expletive.
        Expl = "expl",
        /// Interjection.
        Intj = "intj",
        /// Marker of a subordinate clause.
        Mark = "mark",
        /// Meta modifier.
        Meta = "meta",
        /// Negation modifier.
        Neg = "neg",
        /// Noun modifier.
        Nmod = "nmod",
        /// Noun phrase as adverbial modifier.
        Npadvmod = "npadvmod",
        /// Nominal subject.
        Nsubj = "nsubj",
        /// Passive nominal subject.
        Nsubjpass = "nsubjpass",
        /// Numeric modifier.
        Nummod = "nummod",
        /// Object predicate.
        Oprd = "oprd",
        /// Parataxis.
        Parataxis = "parataxis",
        /// Complement of a preposition.
        Pcomp = "pcomp",
        /// Object of a preposition.
        Pobj = "pobj",
        /// Possession modifier.
        Poss = "poss",
        /// Pre-correlative conjunction.
        Preconj = "preconj",
        /// Predeterminer.
        Predet = "predet",
        /// Prepositional modifier.
        Prep = "prep",
        /// Particle.
        Prt = "prt",
        /// Punctuation.
        Punct = "punct",
        /// Modifier of a quantifier.
        Quantmod = "quantmod",
        /// Relative clause modifier.
        Relcl = "relcl",
        /// Open clausal complement.
        Xcomp = "xcomp",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &tag in Tag::ALL {
            assert_eq!(tag.as_str().parse::<Tag>(), Ok(tag));
            assert_eq!(Tag::from_index(tag.index()), Some(tag));
        }
        for &rel in Dep::ALL {
            assert_eq!(rel.as_str().parse::<Dep>(), Ok(rel));
            assert_eq!(Dep::from_index(rel.index()), Some(rel));
        }
        assert_eq!("PRP$".parse::<Tag>(), Ok(Tag::PRPS));
        assert!("nsubj ".parse::<Dep>().is_err());
    }
}
