//! The shape of a pack file: which keys each mapping takes and what type each value has.
//!
//! A hand-written mirror of the serde structs of [`crate::schema`], walked over the located
//! tree so that every unknown key, wrong type and missing field is reported, not only the
//! first serde would meet. The tests at the bottom keep the mirror and the structs in step.

use super::yaml::{Node, NodeValue, ScalarKind};
use super::{Issue, suggest};

/// What a value must be.
pub(crate) enum Ty {
    /// A non-empty string.
    Str,
    /// A number.
    Num,
    /// `true` or `false`.
    Bool,
    /// One of these words.
    Word(&'static str, &'static [&'static str]),
    /// A list of these.
    List(&'static Ty),
    /// A mapping with these fields.
    Struct(&'static Spec),
    /// A mapping from these words to values of a type.
    Table(&'static str, &'static [&'static str], &'static Ty),
}

/// Whether a field may be left out, or left empty.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// Must be present.
    Required,
    /// May be left out, but not empty.
    Default,
    /// May be left out or empty (`key:` with nothing after it).
    Optional,
}

/// A field of a mapping.
pub(crate) struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub need: Need,
}

/// A mapping with named fields.
pub(crate) struct Spec {
    /// What it is, with an article: "an actor".
    pub what: &'static str,
    pub fields: &'static [Field],
}

const fn field(name: &'static str, ty: Ty, need: Need) -> Field {
    Field { name, ty, need }
}

use Need::{Default as Dflt, Optional as Opt, Required as Req};

/// Serde names of [`crate::schema::ActorKind`].
pub(crate) const ACTOR_KINDS: &[&str] = &["state", "person", "organisation", "bloc", "outlet"];
/// Serde names of [`claim::Stance`].
pub(crate) const STANCES: &[&str] = &["assert", "deny", "hedge"];
/// Serde names of [`crate::schema::CueKind`].
pub(crate) const CUE_KINDS: &[&str] = &["verb", "phrase", "noun"];
/// Serde names of [`crate::schema::CuePattern`].
pub(crate) const CUE_PATTERNS: &[&str] = &["say", "according-to", "accuse", "blame", "call", "noun"];
/// Serde names of [`crate::schema::Gender`].
pub(crate) const GENDERS: &[&str] = &["male", "female"];
/// Serde names of [`crate::schema::FrameKind`].
pub(crate) const FRAME_KINDS: &[&str] = &["count", "date"];
/// Serde names of [`claim::check::ConflictKind`].
pub(crate) const CONFLICT_KINDS: &[&str] =
    &["opposed-stance", "self-contradiction", "report-conflict", "value-mismatch", "value-revised", "unlisted"];
/// Serde names of [`claim::check::Severity`], and `off`.
pub(crate) const SEVERITIES: &[&str] = &["note", "warning", "error", "off"];

const STRINGS: Ty = Ty::List(&Ty::Str);

const META: Spec = Spec {
    what: "the `pack` header",
    fields: &[field("name", Ty::Str, Dflt), field("description", Ty::Str, Opt), field("sources", STRINGS, Dflt)],
};

const MEMBERSHIP: Spec = Spec {
    what: "a membership",
    fields: &[field("actor", Ty::Str, Req), field("from", Ty::Str, Opt), field("until", Ty::Str, Opt)],
};

const ROLE: Spec = Spec {
    what: "a role",
    fields: &[
        field("title", Ty::Str, Req),
        field("of", Ty::Str, Opt),
        field("from", Ty::Str, Opt),
        field("until", Ty::Str, Opt),
    ],
};

/// An actor.
pub(crate) const ACTOR: Spec = Spec {
    what: "an actor",
    fields: &[
        field("id", Ty::Str, Req),
        field("name", Ty::Str, Req),
        field("kind", Ty::Word("actor kind", ACTOR_KINDS), Req),
        field("aliases", STRINGS, Dflt),
        field("metonyms", STRINGS, Dflt),
        field("demonyms", STRINGS, Dflt),
        field("member_of", Ty::List(&Ty::Struct(&MEMBERSHIP)), Dflt),
        field("roles", Ty::List(&Ty::Struct(&ROLE)), Dflt),
        field("gender", Ty::Word("gender", GENDERS), Opt),
    ],
};

/// A cue.
pub(crate) const CUE: Spec = Spec {
    what: "a cue",
    fields: &[
        field("cue", Ty::Str, Req),
        field("stance", Ty::Word("stance", STANCES), Req),
        field("kind", Ty::Word("cue kind", CUE_KINDS), Dflt),
        field("forms", STRINGS, Dflt),
        field("pattern", Ty::Word("cue pattern", CUE_PATTERNS), Dflt),
        field("noun_too", Ty::Bool, Dflt),
        field("claims", Ty::Bool, Dflt),
    ],
};

const LEXICON: Spec = Spec {
    what: "the `lexicon`",
    fields: &[
        field("negators", STRINGS, Dflt),
        field("denial_markers", STRINGS, Dflt),
        field("hedges", STRINGS, Dflt),
        field("speaker_heads", STRINGS, Dflt),
        field("anaphors", STRINGS, Dflt),
        field("claim_nouns", STRINGS, Dflt),
        field("irrealis", STRINGS, Dflt),
    ],
};

const MATCHER: Spec = Spec {
    what: "a matcher",
    fields: &[field("all", Ty::List(&STRINGS), Dflt), field("any", STRINGS, Dflt), field("none", STRINGS, Dflt)],
};

/// A proposition.
pub(crate) const PROPOSITION: Spec = Spec {
    what: "a proposition",
    fields: &[
        field("id", Ty::Str, Req),
        field("statement", Ty::Str, Req),
        field("about", Ty::Struct(&MATCHER), Req),
        field("agent", STRINGS, Dflt),
        field("rivals", STRINGS, Dflt),
        field("counter", STRINGS, Dflt),
        field("contradicts", STRINGS, Dflt),
        field("context", STRINGS, Dflt),
        field("from", Ty::Str, Opt),
        field("until", Ty::Str, Opt),
    ],
};

/// A frame.
pub(crate) const FRAME: Spec = Spec {
    what: "a frame",
    fields: &[
        field("id", Ty::Str, Req),
        field("quantity", Ty::Str, Req),
        field("kind", Ty::Word("frame kind", FRAME_KINDS), Dflt),
        field("unit", Ty::Str, Opt),
        field("about", Ty::Struct(&MATCHER), Req),
        field("patterns", STRINGS, Req),
        field("context", STRINGS, Dflt),
        field("from", Ty::Str, Opt),
        field("until", Ty::Str, Opt),
        field("generic", Ty::Bool, Dflt),
        field("part_of", Ty::Str, Opt),
        field("heads", STRINGS, Dflt),
    ],
};

/// Serde names of [`crate::schema::PlaceKind`].
pub(crate) const PLACE_KINDS: &[&str] = &["country", "governorate", "district", "subdistrict", "city", "town", "site"];

/// A place.
pub(crate) const PLACE: Spec = Spec {
    what: "a place",
    fields: &[
        field("id", Ty::Str, Req),
        field("name", Ty::Str, Req),
        field("kind", Ty::Word("place kind", PLACE_KINDS), Req),
        field("in", Ty::Str, Opt),
        field("aliases", STRINGS, Dflt),
    ],
};

/// A kind of event.
pub(crate) const EVENT_KIND: Spec = Spec {
    what: "an event kind",
    fields: &[
        field("id", Ty::Str, Req),
        field("name", Ty::Str, Req),
        field("terms", STRINGS, Req),
        field("compatible", STRINGS, Dflt),
    ],
};

const OVERRIDE: Spec = Spec {
    what: "an override",
    fields: &[
        field("target", Ty::Str, Req),
        field("kind", Ty::Word("conflict kind", CONFLICT_KINDS), Opt),
        field("severity", Ty::Word("severity", SEVERITIES), Req),
    ],
};

const UNLISTED: Spec = Spec { what: "the `unlisted` settings", fields: &[field("similarity", Ty::Num, Req)] };

const CHECKS: Spec = Spec {
    what: "the `checks`",
    fields: &[
        field("severity", Ty::Table("conflict kind", CONFLICT_KINDS, &Ty::Word("severity", SEVERITIES)), Dflt),
        field("overrides", Ty::List(&Ty::Struct(&OVERRIDE)), Dflt),
        field("unlisted", Ty::Struct(&UNLISTED), Opt),
    ],
};

/// A whole pack file.
pub(crate) const PACK: Spec = Spec {
    what: "a pack file",
    fields: &[
        field("pack", Ty::Struct(&META), Opt),
        field("actors", Ty::List(&Ty::Struct(&ACTOR)), Dflt),
        field("cues", Ty::List(&Ty::Struct(&CUE)), Dflt),
        field("lexicon", Ty::Struct(&LEXICON), Opt),
        field("propositions", Ty::List(&Ty::Struct(&PROPOSITION)), Dflt),
        field("frames", Ty::List(&Ty::Struct(&FRAME)), Dflt),
        field("checks", Ty::Struct(&CHECKS), Opt),
        field("places", Ty::List(&Ty::Struct(&PLACE)), Dflt),
        field("event_kinds", Ty::List(&Ty::Struct(&EVENT_KIND)), Dflt),
    ],
};

/// Checks `node` against `spec`, pushing every problem; `name` names the entry in messages
/// (its id, when it has one).
pub(crate) fn check_struct(node: &Node, spec: &Spec, issues: &mut Vec<Issue>) {
    let NodeValue::Map(entries) = &node.value else {
        issues.push(Issue::new(node.at, format!("expected {}, a mapping, found {}", spec.what, node.describe())));
        return;
    };
    let label = entry_label(node, spec);
    for (key, value) in entries {
        let Some(name) = key.as_str() else {
            issues.push(Issue::new(key.at, format!("expected a field name in {label}, found {}", key.describe())));
            continue;
        };
        match spec.fields.iter().find(|f| f.name == name) {
            Some(field) => {
                if value.scalar_kind() == Some(ScalarKind::Null) {
                    if field.need != Need::Optional {
                        issues.push(
                            Issue::new(key.at, format!("`{name}` is empty; expected {}", expected(&field.ty)))
                                .help(format!("give `{name}` a value, or remove the key")),
                        );
                    }
                } else {
                    check(value, &field.ty, name, issues);
                }
            }
            None => {
                let names: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
                let mut issue =
                    Issue::new(key.at, format!("unknown field `{name}` in {label}; expected one of {}", list(&names)));
                if let Some(best) = suggest(name, names.iter().copied()) {
                    issue = issue.help(format!("did you mean `{best}`?"));
                } else if spec.what == PACK.what && name == "tests" {
                    issue = issue.help("fixtures belong in files named `*.test.yaml`, run by `rules test`");
                }
                issues.push(issue);
            }
        }
    }
    for field in spec.fields.iter().filter(|f| f.need == Need::Required) {
        if node.get(field.name).is_none() {
            issues.push(Issue::new(node.at, format!("missing field `{}` in {label}", field.name)).help(format!(
                "add `{}:` with {}",
                field.name,
                expected(&field.ty)
            )));
        }
    }
}

/// "an actor `RUS`" when the entry has a string id, else "an actor".
fn entry_label(node: &Node, spec: &Spec) -> String {
    let id = ["id", "cue", "target", "actor", "title"].iter().find_map(|k| node.get(k).and_then(Node::as_str));
    match id {
        Some(id) if spec.fields.iter().any(|f| node.get(f.name).and_then(Node::as_str) == Some(id)) => {
            format!("{} `{id}`", spec.what)
        }
        _ => spec.what.to_owned(),
    }
}

fn check(node: &Node, ty: &Ty, name: &str, issues: &mut Vec<Issue>) {
    match ty {
        Ty::Str => match (node.scalar_kind(), node.as_str()) {
            (_, Some(text)) if text.trim().is_empty() => issues
                .push(Issue::new(node.at, format!("empty string in `{name}`")).help("write the text, or remove it")),
            (_, Some(_)) => {}
            _ => issues.push(Issue::new(node.at, format!("expected a string in `{name}`, found {}", node.describe()))),
        },
        Ty::Num => {
            if !matches!(node.scalar_kind(), Some(ScalarKind::Int | ScalarKind::Float)) {
                issues.push(
                    Issue::new(node.at, format!("expected a number in `{name}`, found {}", node.describe()))
                        .help("write a number, such as `0.8`"),
                );
            }
        }
        Ty::Bool => {
            if node.scalar_kind() != Some(ScalarKind::Bool) {
                issues.push(
                    Issue::new(node.at, format!("expected `true` or `false` in `{name}`, found {}", node.describe()))
                        .help(format!("write `{name}: true`, or leave `{name}` out for false")),
                );
            }
        }
        Ty::Word(what, words) => match node.as_str() {
            Some(word) if words.contains(&word) => {}
            Some(word) => {
                let mut issue = Issue::new(
                    node.at,
                    format!("unknown {what} `{word}` in `{name}`; expected one of {}", list(words)),
                );
                if let Some(best) = suggest(word, words.iter().copied()) {
                    issue = issue.help(format!("did you mean `{best}`?"));
                }
                issues.push(issue);
            }
            None => issues.push(Issue::new(
                node.at,
                format!("expected a {what} in `{name}` (one of {}), found {}", list(words), node.describe()),
            )),
        },
        Ty::List(item) => match &node.value {
            NodeValue::Seq(items) => {
                for it in items {
                    check(it, item, name, issues);
                }
            }
            _ => {
                let mut issue = Issue::new(node.at, format!("expected a list in `{name}`, found {}", node.describe()));
                if let Some(text) = node.as_str() {
                    issue = issue.help(format!("write a list: `{name}: [{text}]`"));
                } else if matches!(node.value, NodeValue::Map(_)) {
                    issue = issue.help("start each entry of the list with `- `");
                }
                issues.push(issue);
            }
        },
        Ty::Struct(spec) => check_struct(node, spec, issues),
        Ty::Table(what, keys, value) => match &node.value {
            NodeValue::Map(entries) => {
                for (key, v) in entries {
                    check(key, &Ty::Word(what, keys), name, issues);
                    check(v, value, name, issues);
                }
            }
            _ => issues.push(Issue::new(node.at, format!("expected a mapping in `{name}`, found {}", node.describe()))),
        },
    }
}

fn expected(ty: &Ty) -> String {
    match ty {
        Ty::Str => "a string".into(),
        Ty::Num => "a number".into(),
        Ty::Bool => "`true` or `false`".into(),
        Ty::Word(what, words) => format!("a {what} (one of {})", list(words)),
        Ty::List(_) => "a list".into(),
        Ty::Struct(spec) => spec.what.into(),
        Ty::Table(..) => "a mapping".into(),
    }
}

/// "`a`, `b`, `c`".
pub(crate) fn list(words: &[&str]) -> String {
    words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{ActorKind, CueKind, CuePattern, FrameKind, Gender};
    use claim::Stance;
    use claim::check::{ConflictKind, Severity};
    use serde::de::DeserializeOwned;

    fn all_read<T: DeserializeOwned>(words: &[&str]) {
        for w in words {
            assert!(serde_yaml::from_str::<T>(w).is_ok(), "`{w}` is not a {}", std::any::type_name::<T>());
        }
    }

    #[test]
    fn word_lists_mirror_the_schema_enums() {
        all_read::<ActorKind>(ACTOR_KINDS);
        all_read::<Stance>(STANCES);
        all_read::<CueKind>(CUE_KINDS);
        all_read::<CuePattern>(CUE_PATTERNS);
        all_read::<Gender>(GENDERS);
        all_read::<FrameKind>(FRAME_KINDS);
        all_read::<crate::schema::PlaceKind>(PLACE_KINDS);
        all_read::<ConflictKind>(CONFLICT_KINDS);
        all_read::<Severity>(&SEVERITIES[..3]);
        assert!(serde_yaml::from_str::<ActorKind>("planet").is_err(), "the check can fail");
    }

    /// Every field the mirror knows is a field serde accepts: a mapping with all of them,
    /// each given a plausible value, deserialises.
    #[test]
    fn field_names_mirror_the_schema_structs() {
        fn sample(ty: &Ty) -> String {
            match ty {
                Ty::Str => "\"2017-01-01\"".into(),
                Ty::Num => "0.5".into(),
                Ty::Bool => "true".into(),
                Ty::Word(_, words) => words[0].into(),
                Ty::List(item) => format!("[{}]", sample(item)),
                Ty::Struct(spec) => full(spec),
                Ty::Table(_, keys, value) => format!("{{{}: {}}}", keys[0], sample(value)),
            }
        }
        fn full(spec: &Spec) -> String {
            let fields: Vec<String> = spec.fields.iter().map(|f| format!("{}: {}", f.name, sample(&f.ty))).collect();
            format!("{{{}}}", fields.join(", "))
        }
        let text = full(&PACK);
        let parsed = serde_yaml::from_str::<crate::schema::PackFile>(&text);
        assert!(parsed.is_ok(), "{text}: {parsed:?}");
    }
}
