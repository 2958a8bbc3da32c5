//! Integration tests of the extract crate.

mod fixtures;
mod hostile;
mod pipeline;
mod stories;
