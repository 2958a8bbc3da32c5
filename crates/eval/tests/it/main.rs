//! The bundled corpus scored against its gold, and the scoring rules on small cases.

mod corpus;
mod inputs;
mod scoring;
