//! Integration tests of the extract crate.

mod attributions;
mod fixtures;
mod hostile;
mod pipeline;
mod spans;
mod stories;
