//! The shape of a pack file: which keys each mapping takes and what type each value has.
//!
//! Read from the JSON Schema that schemars generates from the serde structs of
//! [`crate::schema`] (the one description of a pack, the one editors get), then walked over
//! the located tree so that every unknown key, wrong type and missing field is reported, not
//! only the first serde would meet. A type's name in messages comes from its schema name
//! (`ActorDef` is "an actor", `ActorKind` an "actor kind") unless the type sets `x-what`.

use super::yaml::{Node, NodeValue, ScalarKind};
use super::{Issue, suggest};
use serde_json::Value;
use std::sync::LazyLock;

/// What a value must be.
#[derive(Debug)]
pub(crate) enum Ty {
    /// A non-empty string.
    Str,
    /// A number.
    Num,
    /// `true` or `false`.
    Bool,
    /// One of these words; the first names what they are ("stance").
    Word(String, Vec<String>),
    /// A list of these.
    List(Box<Ty>),
    /// A mapping with these fields.
    Struct(Spec),
    /// A mapping from words to values of a type.
    Table(String, Vec<String>, Box<Ty>),
    /// Anything: a schema this reader does not know (none in a pack's, as a test checks).
    Any,
}

/// Whether a field may be left out, or left empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Need {
    /// Must be present.
    Required,
    /// May be left out, but not empty.
    Default,
    /// May be left out or empty (`key:` with nothing after it).
    Optional,
}

/// A field of a mapping.
#[derive(Debug)]
pub(crate) struct Field {
    pub name: String,
    pub ty: Ty,
    pub need: Need,
}

/// A mapping with named fields.
#[derive(Debug)]
pub(crate) struct Spec {
    /// What it is, with an article: "an actor".
    pub what: String,
    pub fields: Vec<Field>,
}

/// The shape of a whole pack file, read once from the schema of [`crate::schema::PackFile`].
pub(crate) fn pack() -> &'static Spec {
    static PACK: LazyLock<Spec> = LazyLock::new(|| {
        let schema = schemars::schema_for!(crate::schema::PackFile);
        let empty = serde_json::Map::new();
        let root = schema.as_value();
        let reader = Reader { defs: root.get("$defs").and_then(Value::as_object).unwrap_or(&empty) };
        let name = root.get("title").and_then(Value::as_str);
        match reader.read(root, name).0 {
            Ty::Struct(spec) => spec,
            _ => Spec { what: "a pack file".into(), fields: Vec::new() },
        }
    });
    &PACK
}

/// Turns the generated JSON Schema into [`Ty`]s, resolving `$ref`s into `defs`.
struct Reader<'a> {
    defs: &'a serde_json::Map<String, Value>,
}

impl Reader<'_> {
    /// The type of `schema` (defined as `def`, when it is a named definition) and whether
    /// it may be null.
    fn read(&self, schema: &Value, def: Option<&str>) -> (Ty, bool) {
        if let Some(name) = schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
            return match self.defs.get(name) {
                Some(target) => self.read(target, Some(name)),
                None => (Ty::Any, false),
            };
        }
        if let Some(alternatives) = schema.get("anyOf").and_then(Value::as_array) {
            let nullable = alternatives.iter().any(is_null);
            let mut types: Vec<Ty> =
                alternatives.iter().filter(|a| !is_null(a)).map(|a| self.read(a, None).0).collect();
            if types.len() == 1 {
                return (types.remove(0), nullable);
            }
            // An untagged enum of word enums (`SeverityOrOff`): one word list.
            let mut words = Vec::new();
            for ty in types {
                match ty {
                    Ty::Word(_, more) => words.extend(more),
                    _ => return (Ty::Any, nullable),
                }
            }
            return (Ty::Word(kind_name(schema, def), words), nullable);
        }
        if let Some(words) = words_of(schema) {
            return (Ty::Word(kind_name(schema, def), words), false);
        }
        let (name, nullable) = match schema.get("type") {
            Some(Value::String(name)) => (name.as_str(), false),
            Some(Value::Array(names)) => {
                let mut names = names.iter().filter_map(Value::as_str);
                let first = names.find(|n| *n != "null").unwrap_or("null");
                (first, schema["type"].as_array().is_some_and(|all| all.iter().any(|n| n == "null")))
            }
            _ => ("", false),
        };
        let ty = match name {
            "string" => Ty::Str,
            "number" | "integer" => Ty::Num,
            "boolean" => Ty::Bool,
            "array" => match schema.get("items") {
                Some(items) => Ty::List(Box::new(self.read(items, None).0)),
                None => Ty::Any,
            },
            "object" => match schema.get("additionalProperties") {
                Some(Value::Bool(false)) | None => Ty::Struct(self.spec(schema, def)),
                Some(value) => {
                    let (what, keys) = match schema.get("propertyNames").map(|k| self.read(k, None).0) {
                        Some(Ty::Word(what, keys)) => (what, keys),
                        _ => return (Ty::Any, nullable),
                    };
                    Ty::Table(what, keys, Box::new(self.read(value, None).0))
                }
            },
            _ => Ty::Any,
        };
        (ty, nullable)
    }

    /// The fields of an object schema: required ones are `required`, ones that may be null
    /// optional, the others may be left out (serde fills in a default) but not empty.
    fn spec(&self, schema: &Value, def: Option<&str>) -> Spec {
        let required: Vec<&str> =
            schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        let mut fields = Vec::new();
        for (name, field) in schema.get("properties").and_then(Value::as_object).into_iter().flatten() {
            let (ty, nullable) = self.read(field, None);
            let need = if required.contains(&name.as_str()) {
                Need::Required
            } else if nullable {
                Need::Optional
            } else {
                Need::Default
            };
            fields.push(Field { name: name.clone(), ty, need });
        }
        let what = match schema.get("x-what").and_then(Value::as_str) {
            Some(what) => what.to_owned(),
            None => {
                let name = words(def.unwrap_or("mapping").trim_end_matches("Def"));
                let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
                format!("{article} {name}")
            }
        };
        Spec { what, fields }
    }
}

fn is_null(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("null")
}

/// The words of a word enum: `enum: [...]`, or `oneOf` constants (variants with docs).
fn words_of(schema: &Value) -> Option<Vec<String>> {
    if let Some(words) = schema.get("enum").and_then(Value::as_array) {
        return words.iter().map(|w| w.as_str().map(str::to_owned)).collect();
    }
    let variants = schema.get("oneOf").and_then(Value::as_array)?;
    variants.iter().map(|v| v.get("const").and_then(Value::as_str).map(str::to_owned)).collect()
}

/// What the words of a word enum are: `x-what`, else its name in words ("actor kind").
fn kind_name(schema: &Value, def: Option<&str>) -> String {
    match schema.get("x-what").and_then(Value::as_str) {
        Some(what) => what.to_owned(),
        None => words(def.unwrap_or("word")),
    }
}

/// `EventKind` as "event kind".
fn words(camel: &str) -> String {
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Checks `node` against `spec`, pushing every problem.
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
                let names: Vec<&str> = spec.fields.iter().map(|f| f.name.as_str()).collect();
                let mut issue =
                    Issue::new(key.at, format!("unknown field `{name}` in {label}; expected one of {}", list(&names)));
                if let Some(best) = suggest(name, names.iter().copied()) {
                    issue = issue.help(format!("did you mean `{best}`?"));
                } else if std::ptr::eq(spec, pack()) && name == "tests" {
                    issue = issue.help("fixtures belong in files named `*.test.yaml`, run by `rules test`");
                }
                issues.push(issue);
            }
        }
    }
    for field in spec.fields.iter().filter(|f| f.need == Need::Required) {
        if node.get(&field.name).is_none() {
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
        Some(id) if spec.fields.iter().any(|f| node.get(&f.name).and_then(Node::as_str) == Some(id)) => {
            format!("{} `{id}`", spec.what)
        }
        _ => spec.what.clone(),
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
        Ty::Word(what, words) => check_word(node, what, words, name, issues),
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
                    check_word(key, what, keys, name, issues);
                    check(v, value, name, issues);
                }
            }
            _ => issues.push(Issue::new(node.at, format!("expected a mapping in `{name}`, found {}", node.describe()))),
        },
        Ty::Any => {}
    }
}

fn check_word(node: &Node, what: &str, words: &[String], name: &str, issues: &mut Vec<Issue>) {
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match node.as_str() {
        Some(word) if words.contains(&word) => {}
        Some(word) => {
            let mut issue =
                Issue::new(node.at, format!("unknown {what} `{word}` in `{name}`; expected one of {}", list(&words)));
            if let Some(best) = suggest(word, words.iter().copied()) {
                issue = issue.help(format!("did you mean `{best}`?"));
            }
            issues.push(issue);
        }
        None => issues.push(Issue::new(
            node.at,
            format!("expected a {what} in `{name}` (one of {}), found {}", list(&words), node.describe()),
        )),
    }
}

fn expected(ty: &Ty) -> String {
    match ty {
        Ty::Str => "a string".into(),
        Ty::Num => "a number".into(),
        Ty::Bool => "`true` or `false`".into(),
        Ty::Word(what, words) => {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            format!("a {what} (one of {})", list(&words))
        }
        Ty::List(_) => "a list".into(),
        Ty::Struct(spec) => spec.what.clone(),
        Ty::Table(..) => "a mapping".into(),
        Ty::Any => "a value".into(),
    }
}

/// "`a`, `b`, `c`".
pub(crate) fn list(words: &[&str]) -> String {
    words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")
}

/// The top-level keys of a pack file.
pub(crate) fn top_keys() -> Vec<&'static str> {
    pack().fields.iter().map(|f| f.name.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(spec: &'a Spec, name: &str) -> &'a Field {
        match spec.fields.iter().find(|f| f.name == name) {
            Some(field) => field,
            None => panic!("no field `{name}` in {}: {spec:?}", spec.what),
        }
    }

    fn no_any(ty: &Ty, path: &str) {
        match ty {
            Ty::Any => panic!("`{path}` has a schema the shape reader does not know"),
            Ty::List(item) => no_any(item, path),
            Ty::Struct(spec) => spec.fields.iter().for_each(|f| no_any(&f.ty, &format!("{path}.{}", f.name))),
            Ty::Table(_, keys, value) => {
                assert!(!keys.is_empty(), "`{path}`: a table with no key words");
                no_any(value, path);
            }
            Ty::Word(_, words) => assert!(!words.is_empty(), "`{path}`: no words"),
            Ty::Str | Ty::Num | Ty::Bool => {}
        }
    }

    /// Every part of the pack schema is read into a type the checks know: none is `Any`,
    /// which would let anything through.
    #[test]
    fn the_whole_pack_schema_is_read() {
        assert!(pack().fields.len() >= 9, "{:?}", pack());
        for field in &pack().fields {
            no_any(&field.ty, &field.name);
        }
        assert_eq!(pack().what, "a pack file");
    }

    #[test]
    fn names_needs_and_words_come_from_the_serde_types() {
        let Ty::List(actor) = &find(pack(), "actors").ty else { panic!("actors is a list") };
        let Ty::Struct(actor) = actor.as_ref() else { panic!("an actor is a mapping") };
        assert_eq!(actor.what, "an actor");
        assert_eq!(find(actor, "id").need, Need::Required);
        assert_eq!(find(actor, "aliases").need, Need::Default, "serde(default): may be left out, not empty");
        assert_eq!(find(actor, "gender").need, Need::Optional, "an Option may be empty");
        let Ty::Word(what, words) = &find(actor, "kind").ty else { panic!("kind is a word") };
        assert_eq!((what.as_str(), words.len()), ("actor kind", 5));
        assert_eq!(words[0], "state", "words in declaration order");
        let Ty::Struct(meta) = &find(pack(), "pack").ty else { panic!("pack is a mapping") };
        assert_eq!(meta.what, "the `pack` header", "x-what names it");
        let Ty::Struct(checks) = &find(pack(), "checks").ty else { panic!("checks is a mapping") };
        let Ty::Table(what, keys, value) = &find(checks, "severity").ty else { panic!("severity is a table") };
        assert_eq!((what.as_str(), keys.len()), ("conflict kind", 6));
        let Ty::Word(what, words) = value.as_ref() else { panic!("a severity is a word") };
        assert_eq!((what.as_str(), words.join(" ")), ("severity", "note warning error off".to_owned()));
        let Ty::List(place) = &find(pack(), "places").ty else { panic!("places is a list") };
        let Ty::Struct(place) = place.as_ref() else { panic!("a place is a mapping") };
        assert!(place.fields.iter().any(|f| f.name == "in"), "serde renames hold");
        assert!(!place.fields.iter().any(|f| f.name == "within"));
    }
}
