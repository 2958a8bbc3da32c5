//! Integration tests of the rules crate.

mod bad_rules;
mod fixtures;
mod hostile;
