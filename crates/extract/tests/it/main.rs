//! Integration tests of the extract crate.

mod attributions;
mod fixtures;
mod headlines;
mod hostile;
mod pipeline;
mod spans;
mod stories;
