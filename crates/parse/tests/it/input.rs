//! Reading files: formats, metadata, and bad input that is reported, never fatal.
