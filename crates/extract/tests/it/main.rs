//! Integration tests of the extract crate.

mod anaphors;
mod attributions;
mod common;
mod fixtures;
mod headlines;
mod hostile;
mod named;
mod pipeline;
mod relay;
mod spans;
mod stories;
mod tied;
mod unlisted;
mod veto;
