//! Writes the embedded syntax model in the form the parser holds it (`src/tables.rs`), from
//! the model file the trainer wrote (`model/en.model`), so that the binary reads its tables
//! in place instead of decoding them on every run.

#[allow(dead_code)]
#[path = "src/dense.rs"]
mod dense;
#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/packed.rs"]
mod packed;
#[allow(dead_code)]
#[path = "src/tables.rs"]
mod tables;

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    #[allow(clippy::print_stdout)]
    for input in ["model/en.model", "src/model.rs", "src/tables.rs", "src/packed.rs", "src/dense.rs", "build.rs"] {
        println!("cargo::rerun-if-changed={input}");
    }
    let model = std::fs::read("model/en.model")?;
    let tables = tables::write(&model)?;
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    std::fs::write(out.join("en.tables"), tables)?;
    Ok(())
}
