//! serde over the located tree: a validated pack file becomes its schema struct from the
//! tree [`super::parse`] built, instead of serde_yaml parsing the text a second time (that
//! second parse was half of reading the packs). Scalars mean what they mean to serde_yaml
//! (a plain `12` is a number, and the string it spells where a string is wanted).

use super::{Node, NodeValue, ScalarKind, parse_float, parse_int};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

/// Why the tree does not make the struct (the caller then asks serde_yaml, whose messages
/// say where).
#[derive(Debug)]
pub(crate) struct TreeError(String);

impl std::fmt::Display for TreeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TreeError {}

impl de::Error for TreeError {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        TreeError(message.to_string())
    }
}

/// The text of a scalar that is not empty.
fn text_of(node: &Node) -> Option<&str> {
    match &node.value {
        NodeValue::Scalar { text, kind } if *kind != ScalarKind::Null => Some(text),
        _ => None,
    }
}

impl<'de> de::Deserializer<'de> for &'de Node {
    type Error = TreeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match &self.value {
            NodeValue::Scalar { text, kind } => match kind {
                ScalarKind::Null => visitor.visit_unit(),
                ScalarKind::Bool => visitor.visit_bool(text.starts_with(['t', 'T'])),
                ScalarKind::Int => match parse_int(text) {
                    Some(n) if n >= 0 => visitor.visit_u64(n as u64),
                    Some(n) => visitor.visit_i64(n),
                    None => Err(TreeError(format!("a number out of range: {text}"))),
                },
                ScalarKind::Float => match parse_float(text) {
                    Some(x) => visitor.visit_f64(x),
                    None => Err(TreeError(format!("not a number: {text}"))),
                },
                ScalarKind::Str => visitor.visit_borrowed_str(text),
            },
            NodeValue::Seq(items) => visitor.visit_seq(Items(items.iter())),
            NodeValue::Map(entries) => visitor.visit_map(Entries { entries: entries.iter(), value: None }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self.scalar_kind() {
            Some(ScalarKind::Null) => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match text_of(self) {
            Some(text) => visitor.visit_borrowed_str(text),
            None => self.deserialize_any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, TreeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        // Only unit variants, written as a word: the schema has no other.
        match text_of(self) {
            Some(text) => visitor.visit_enum(text.into_deserializer()),
            None => Err(TreeError(format!("expected a word, found {}", self.describe()))),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit unit_struct seq
        tuple tuple_struct map struct ignored_any
    }
}

/// The items of a sequence, one by one.
struct Items<'de>(std::slice::Iter<'de, Node>);

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = TreeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, TreeError> {
        self.0.next().map(|item| seed.deserialize(item)).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// The entries of a mapping, key then value.
struct Entries<'de> {
    entries: std::slice::Iter<'de, (Node, Node)>,
    /// The value of the key given last.
    value: Option<&'de Node>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = TreeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, TreeError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, TreeError> {
        match self.value.take() {
            Some(value) => seed.deserialize(value),
            None => Err(TreeError("a value asked for before its key".into())),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use crate::schema::{FixtureFile, PackFile};
    use crate::yaml::{deserialize, parse};
    use serde::de::DeserializeOwned;
    use std::path::{Path, PathBuf};

    /// The struct from the tree and the one serde_yaml reads from the text, alike; its
    /// debug text.
    fn same<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let Ok(Some(root)) = parse(text) else {
            panic!("not a YAML document: {text}");
        };
        let from_tree = T::deserialize(&root).map(|v| format!("{v:?}")).map_err(|e| e.to_string());
        let from_text = deserialize::<T>(text).map(|v| format!("{v:?}")).map_err(|e| e.message);
        assert!(from_tree.is_ok(), "the tree does not make it: {from_tree:?}");
        assert_eq!(from_tree, from_text);
        from_tree.unwrap_or_default()
    }

    fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                yaml_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path);
            }
        }
    }

    /// Every bundled pack and fixture makes the same struct from the tree as from serde_yaml.
    #[test]
    fn every_bundled_file_deserialises_from_the_tree_as_serde_yaml_reads_it() {
        let mut files = Vec::new();
        yaml_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules"), &mut files);
        assert!(files.len() >= 20, "{files:?}");
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if path.components().any(|c| c.as_os_str() == "tests") {
                same::<FixtureFile>(&text);
            } else {
                same::<PackFile>(&text);
            }
        }
    }

    /// Scalars of every kind where strings, numbers, flags, words and severities are wanted.
    #[test]
    fn scalars_deserialise_as_serde_yaml_reads_them() {
        let pack = "pack: {name: 2024, description: ~, sources: [12, \"13\", 1.5, no, true]}
actors:
  - id: x1
    name: false
    kind: person
checks:
  severity: {opposed-stance: off, value-mismatch: error}
  overrides:
    - {target: t1, severity: note}
    - {target: t2, kind: unlisted, severity: off}
  unlisted: {similarity: 1}
";
        let read = same::<PackFile>(pack);
        for spelled in ["\"2024\"", "\"false\"", "\"1.5\"", "\"no\"", "similarity: 1.0", "Off(Off)"] {
            assert!(read.contains(spelled), "{spelled} in {read}");
        }
    }
}
