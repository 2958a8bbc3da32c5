//! Integration tests of `parse`: data-driven fixtures, bad input, and properties.

mod fixtures;
mod hostile;
mod input;
mod props;
