//! Integration tests of the rules crate.

mod fixtures;
mod hostile;
