//! The YAML layer: text into a located tree, and that tree into the serde structs.
//!
//! The only code that knows a YAML library. yaml-rust2's event parser gives every node its
//! line and column; serde turns the validated tree into the typed [`crate::schema`]
//! structs (`de`), so that a pack's text is parsed once; serde_yaml reads the text where
//! the tree does not make the struct, for its located message, and reads fixtures.
//! Swapping the parser means rewriting this file alone.

use serde::de::DeserializeOwned;
use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

mod de;

/// Most nodes the aliases of a file may expand to: a guard against alias bombs ("billion
/// laughs"). The default packs use no aliases; a real pack would use a few.
const MAX_ALIAS_NODES: usize = 100_000;

/// Deepest nesting accepted; real packs nest five levels.
const MAX_DEPTH: usize = 64;

/// A 1-based line and column in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A YAML node and where it starts.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub at: Pos,
    pub value: NodeValue,
}

/// What a node holds.
#[derive(Clone, Debug)]
pub(crate) enum NodeValue {
    /// A scalar as written, and what it means: a plain `12` is a number, `"12"` a string.
    /// The kind is worked out once, as the tree is built.
    Scalar { text: String, kind: ScalarKind },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, keys in file order.
    Map(Vec<(Node, Node)>),
}

/// What a scalar means under the YAML 1.2 core schema, as serde_yaml reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScalarKind {
    Null,
    Bool,
    Int,
    Float,
    Str,
}

impl ScalarKind {
    /// The kind, with an article, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            ScalarKind::Null => "an empty value",
            ScalarKind::Bool => "a boolean",
            ScalarKind::Int | ScalarKind::Float => "a number",
            ScalarKind::Str => "a string",
        }
    }
}

impl Node {
    /// The kind of a scalar node; `None` for collections.
    pub fn scalar_kind(&self) -> Option<ScalarKind> {
        match &self.value {
            NodeValue::Scalar { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// The value under `key`, when this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v)
    }

    /// The entries of a mapping (none for other nodes).
    pub fn entries(&self) -> impl Iterator<Item = (&Node, &Node)> {
        let entries: &[(Node, Node)] = match &self.value {
            NodeValue::Map(entries) => entries,
            _ => &[],
        };
        entries.iter().map(|(k, v)| (k, v))
    }

    /// The items of a sequence (none for other nodes).
    pub fn items(&self) -> &[Node] {
        match &self.value {
            NodeValue::Seq(items) => items,
            _ => &[],
        }
    }

    /// What the node is, with an article, for messages.
    pub fn describe(&self) -> &'static str {
        match &self.value {
            NodeValue::Seq(_) => "a list",
            NodeValue::Map(_) => "a mapping",
            NodeValue::Scalar { .. } => self.scalar_kind().map_or("a value", ScalarKind::describe),
        }
    }

    /// The value of a number scalar.
    pub fn as_number(&self) -> Option<f64> {
        match (&self.value, self.scalar_kind()) {
            (NodeValue::Scalar { text, .. }, Some(ScalarKind::Int)) => parse_int(text).map(|i| i as f64),
            (NodeValue::Scalar { text, .. }, Some(ScalarKind::Float)) => parse_float(text),
            _ => None,
        }
    }

    /// The text of any scalar but an empty one: serde_yaml reads a plain `false` or `12`
    /// as the string it spells where a string is wanted.
    pub fn as_str(&self) -> Option<&str> {
        match (&self.value, self.scalar_kind()) {
            (_, Some(ScalarKind::Null)) => None,
            (NodeValue::Scalar { text, .. }, _) => Some(text),
            _ => None,
        }
    }
}

/// Deserialises a whole file into a schema struct; errors are located.
pub(crate) fn deserialize<T: DeserializeOwned>(text: &str) -> Result<T, SyntaxError> {
    serde_yaml::from_str(text).map_err(|e| {
        let at = e.location().map_or(Pos { line: 1, column: 1 }, |l| Pos { line: l.line(), column: l.column() });
        SyntaxError { at, message: e.to_string(), help: None }
    })
}

/// Deserialises a file already parsed into `root` (its text is `text`) from the tree,
/// without parsing the text again; when the tree does not make the struct, serde_yaml reads
/// the text, so that an error is the one it gives, located.
pub(crate) fn deserialize_tree<T: DeserializeOwned>(root: &Node, text: &str) -> Result<T, SyntaxError> {
    T::deserialize(root).or_else(|_| deserialize(text))
}

/// Types a plain scalar like serde_yaml 0.9 (YAML 1.2 core schema: `yes` and `no` are strings).
fn resolve(text: &str) -> ScalarKind {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => ScalarKind::Null,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => ScalarKind::Bool,
        _ if parse_int(text).is_some() => ScalarKind::Int,
        _ if parse_float(text).is_some() => ScalarKind::Float,
        _ => ScalarKind::Str,
    }
}

fn parse_int(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let value = if let Some(hex) = digits.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).ok()?
    } else if let Some(oct) = digits.strip_prefix("0o") {
        i64::from_str_radix(oct, 8).ok()?
    } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()?
    } else {
        return None;
    };
    Some(if negative { -value } else { value })
}

fn parse_float(text: &str) -> Option<f64> {
    match text.trim_start_matches(['+', '-']) {
        ".inf" | ".Inf" | ".INF" => return Some(if text.starts_with('-') { f64::NEG_INFINITY } else { f64::INFINITY }),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    // Rust also reads `inf`, `NaN` and `infinity`, which YAML keeps as strings.
    let numeric = text.bytes().any(|b| b.is_ascii_digit())
        && text.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    if numeric { text.parse().ok() } else { None }
}

/// Why a file is not YAML, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub at: Pos,
    pub message: String,
    pub help: Option<String>,
}

/// Parses one YAML document; `Ok(None)` when the file holds no document (empty, or only
/// comments).
pub(crate) fn parse(text: &str) -> Result<Option<Node>, SyntaxError> {
    let mut builder = Builder::default();
    let mut parser = Parser::new_from_str(text);
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            let info = e.info();
            let mut at = pos(*e.marker());
            if info.contains("tab") {
                at = first_tab_indent(text, at).unwrap_or(at);
            }
            SyntaxError { at, message: format!("invalid YAML: {info}"), help: syntax_help(info) }
        })?;
        let done = builder.on_event(event, mark).map_err(|mut e| {
            if e.message.starts_with("YAML tags") {
                e.at = tag_before(text, e.at).unwrap_or(e.at);
            }
            e
        })?;
        if done {
            break;
        }
    }
    Ok(builder.root)
}

fn pos(mark: Marker) -> Pos {
    // yaml-rust2 counts lines from 1 and columns from 0.
    Pos { line: mark.line().max(1), column: mark.col() + 1 }
}

/// The `!` of a tag written before `at` on its line: yaml-rust2 places a tagged node
/// where its value starts.
fn tag_before(text: &str, at: Pos) -> Option<Pos> {
    let line = text.lines().nth(at.line.checked_sub(1)?)?;
    let before: String = line.chars().take(at.column.saturating_sub(1)).collect();
    let bang = before.rfind('!')?;
    // `!!str` is one tag: step back over the whole run of `!`.
    let start = before[..bang].trim_end_matches('!').len();
    Some(Pos { line: at.line, column: before[..start].chars().count() + 1 })
}

/// The first tab in the indentation of a line from `from` on: yaml-rust2 reports a tab at
/// the start of the scalar it was scanning, which may be the line before.
fn first_tab_indent(text: &str, from: Pos) -> Option<Pos> {
    text.lines().enumerate().skip(from.line.saturating_sub(1)).find_map(|(i, line)| {
        let indent = &line[..line.len() - line.trim_start().len()];
        indent.find('\t').map(|col| Pos { line: i + 1, column: indent[..col].chars().count() + 1 })
    })
}

fn syntax_help(info: &str) -> Option<String> {
    let help = if info.contains("tab") {
        "indent with spaces; YAML does not allow tabs for indentation"
    } else if info.contains("mapping values are not allowed") {
        "a value that contains `: ` must be quoted, or the key is indented wrongly"
    } else if info.contains("did not find expected key") || info.contains("did not find expected '-'") {
        "check the indentation: entries of one mapping or list must line up"
    } else if info.contains("quoted scalar") || info.contains("unexpected end of") {
        "a quote, bracket or brace is left open"
    } else {
        return None;
    };
    Some(help.to_owned())
}

/// A collection being built.
struct Open {
    node: Node,
    /// For a mapping, the key waiting for its value.
    pending: Option<Node>,
    /// For a mapping, where each key was written, to find a repeated one at once.
    keys: HashMap<String, Pos>,
}

/// Builds the tree from parser events.
#[derive(Default)]
struct Builder {
    /// Open collections.
    stack: Vec<Open>,
    anchors: HashMap<usize, (Node, usize)>,
    /// Anchor ids of the open collections, to register them when they close.
    open_anchors: Vec<usize>,
    /// Nodes added by expanding aliases.
    expanded: usize,
    root: Option<Node>,
    documents: usize,
}

impl Builder {
    /// Takes one event; `Ok(true)` at the end of the stream.
    fn on_event(&mut self, event: Event, mark: Marker) -> Result<bool, SyntaxError> {
        let at = pos(mark);
        let error = |message: String, help: Option<&str>| SyntaxError { at, message, help: help.map(str::to_owned) };
        match event {
            Event::StreamEnd => return Ok(true),
            Event::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(error(
                        "a second YAML document (`---`) in one pack file".into(),
                        Some("put each pack in its own file"),
                    ));
                }
            }
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
            Event::Alias(id) => {
                let Some((node, size)) = self.anchors.get(&id) else {
                    return Err(error("alias to an unknown anchor".into(), None));
                };
                let (node, size) = (node.clone(), *size);
                self.count(size, at)?;
                self.push(node, at)?;
            }
            Event::Scalar(text, style, anchor, tag) => {
                if tag.is_some() {
                    return Err(error("YAML tags (`!name`) are not used in rule packs".into(), Some("remove the tag")));
                }
                let kind = if style == TScalarStyle::Plain { resolve(&text) } else { ScalarKind::Str };
                let node = Node { at, value: NodeValue::Scalar { text, kind } };
                if anchor > 0 {
                    self.anchors.insert(anchor, (node.clone(), 1));
                }
                self.push(node, at)?;
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) if tag.is_some() => {
                let _ = anchor;
                return Err(error("YAML tags (`!name`) are not used in rule packs".into(), Some("remove the tag")));
            }
            Event::SequenceStart(anchor, _) => self.open(Node { at, value: NodeValue::Seq(Vec::new()) }, anchor, at)?,
            Event::MappingStart(anchor, _) => self.open(Node { at, value: NodeValue::Map(Vec::new()) }, anchor, at)?,
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(Open { node, pending, .. }) = self.stack.pop() else {
                    return Err(error("unbalanced collection".into(), None));
                };
                if pending.is_some() {
                    return Err(error("a mapping key without a value".into(), None));
                }
                let anchor = self.open_anchors.pop().unwrap_or(0);
                // yaml-rust2 places a block mapping at its first `:`; its first key is where
                // a reader looks for it.
                let mut node = node;
                if let NodeValue::Map(entries) = &node.value
                    && let Some((key, _)) = entries.first()
                {
                    node.at = node.at.min(key.at);
                }
                if anchor > 0 {
                    let size = count_nodes(&node);
                    self.anchors.insert(anchor, (node.clone(), size));
                }
                self.push(node, at)?;
            }
        }
        Ok(false)
    }

    fn count(&mut self, n: usize, at: Pos) -> Result<(), SyntaxError> {
        self.expanded = self.expanded.saturating_add(n);
        if self.expanded > MAX_ALIAS_NODES {
            return Err(SyntaxError {
                at,
                message: format!("the aliases of the file expand to more than {MAX_ALIAS_NODES} nodes"),
                help: Some("write the values out instead of nesting aliases".into()),
            });
        }
        Ok(())
    }

    fn open(&mut self, node: Node, anchor: usize, at: Pos) -> Result<(), SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(SyntaxError { at, message: format!("nested deeper than {MAX_DEPTH} levels"), help: None });
        }
        self.stack.push(Open { node, pending: None, keys: HashMap::new() });
        self.open_anchors.push(anchor);
        Ok(())
    }

    /// Adds a finished node to the collection that holds it, or makes it the root.
    fn push(&mut self, node: Node, at: Pos) -> Result<(), SyntaxError> {
        let Some(Open { node: parent, pending, keys }) = self.stack.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        match &mut parent.value {
            NodeValue::Seq(items) => items.push(node),
            NodeValue::Map(entries) => match pending.take() {
                None => {
                    if matches!(node.value, NodeValue::Scalar { .. }) {
                        *pending = Some(node);
                    } else {
                        return Err(SyntaxError {
                            at,
                            message: format!("a mapping key must be a plain word, found {}", node.describe()),
                            help: None,
                        });
                    }
                }
                Some(key) => {
                    let name = match &key.value {
                        NodeValue::Scalar { text, .. } => text.clone(),
                        _ => String::new(),
                    };
                    if let Some(first) = keys.get(&name) {
                        return Err(SyntaxError {
                            at: key.at,
                            message: format!(
                                "duplicate key `{name}` (first at line {}, column {})",
                                first.line, first.column
                            ),
                            help: Some("remove one of the two; a mapping holds each key once".into()),
                        });
                    }
                    keys.insert(name, key.at);
                    entries.push((key, node));
                }
            },
            NodeValue::Scalar { .. } => {}
        }
        Ok(())
    }
}

fn count_nodes(node: &Node) -> usize {
    match &node.value {
        NodeValue::Scalar { .. } => 1,
        NodeValue::Seq(items) => 1 + items.iter().map(count_nodes).sum::<usize>(),
        NodeValue::Map(entries) => 1 + entries.iter().map(|(k, v)| count_nodes(k) + count_nodes(v)).sum::<usize>(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_are_located_from_one() {
        let root = parse("a: 1\nlist:\n  - x\n  - \"12\"\n").ok().flatten();
        let root = root.as_ref();
        let a = root.and_then(|r| r.get("a"));
        assert_eq!(a.map(|n| n.at), Some(Pos { line: 1, column: 4 }));
        assert_eq!(a.and_then(Node::scalar_kind), Some(ScalarKind::Int));
        let items = root.and_then(|r| r.get("list")).map(Node::items).unwrap_or_default();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].at, Pos { line: 4, column: 5 });
        assert_eq!(items[1].as_str(), Some("12"));
    }

    #[test]
    fn scalars_are_typed_like_serde_yaml() {
        for (text, kind) in [
            ("", ScalarKind::Null),
            ("~", ScalarKind::Null),
            ("true", ScalarKind::Bool),
            ("no", ScalarKind::Str),
            ("NO", ScalarKind::Str),
            ("-12", ScalarKind::Int),
            ("0.8", ScalarKind::Float),
            ("1e3", ScalarKind::Float),
            ("2017-04-04", ScalarKind::Str),
            ("inf", ScalarKind::Str),
            (".inf", ScalarKind::Float),
        ] {
            assert_eq!(resolve(text), kind, "{text}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let nested = parse(&deep);
        assert!(matches!(&nested, Err(e) if e.message.contains("recursion")), "{nested:?}");
        let nested = parse(&"[".repeat(100));
        assert!(matches!(&nested, Err(e) if e.message.contains("nested deeper")), "{nested:?}");
        let flat: String = (0..20_000).map(|i| format!("k{i}: v\n")).collect();
        assert!(matches!(parse(&flat), Ok(Some(_))));
    }

    #[test]
    fn comments_alone_are_no_document() {
        assert!(matches!(parse("# nothing here\n"), Ok(None)));
        assert!(matches!(parse(""), Ok(None)));
    }

    #[test]
    fn duplicate_keys_and_bombs_are_errors() {
        let dup = parse("a: 1\nb: 2\na: 3\n");
        assert!(matches!(dup, Err(SyntaxError { at: Pos { line: 3, column: 1 }, .. })), "{dup:?}");
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = i - 1;
            bomb.push_str(&format!("a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"));
        }
        assert!(matches!(parse(&bomb), Err(e) if e.message.contains("aliases")));
    }
}
