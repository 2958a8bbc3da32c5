//! The `claimcheck` binary: wiring only; every decision lives in the library crates.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::SUCCESS
}
