//! Tests of the embedded parser: it never panics, is deterministic, gives well-formed trees,
//! and reads the relations attribution needs in sentences written for these tests.

mod api;
mod relations;
