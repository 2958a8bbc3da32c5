//! Integration tests of the extract crate.

mod fixtures;
mod hostile;
mod stories;
