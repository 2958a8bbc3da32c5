//! Integration tests of `parse`: data-driven fixtures, bad input, and properties.

mod fixtures;
mod input;
mod props;
