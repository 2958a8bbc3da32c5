//! Integration tests of the pack crate.

mod bad_rules;
mod overlap;
mod resolved;
