//! Rendering: conflicts, claims and explanations as text, JSON, SARIF, JUnit, Markdown and
//! HTML. Writes to any `io::Write`; never decides what a conflict is.
