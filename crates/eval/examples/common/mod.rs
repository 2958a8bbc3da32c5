//! What the offline examples of this crate share: reading `--name value` options, putting
//! models read from files in place of the embedded ones, and printing a point of a threshold
//! curve.

use std::io::Write;

/// The value after the option `name` (`--epochs 10`), if given.
pub fn arg<'a>(args: &'a [String], name: &str) -> Option<&'a String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1))
}

/// One point of a threshold curve on standard error: the threshold and the figures
/// `[P, R, F1, strict P]` it gives.
#[allow(dead_code)] // `fakes` reads options only
pub fn curve_point(t: f32, f: &[f64; 4]) {
    let _ =
        writeln!(std::io::stderr(), "  at {t:.3}: P {:.3} R {:.3} F1 {:.3} (strict P {:.3})", f[0], f[1], f[2], f[3]);
}

/// `--syntax-model FILE` and `--veto-model FILE`: a syntax model and a veto read from files in
/// place of the embedded ones ([`eval::models::install`]), before anything parses or vetoes,
/// so that the classifiers are trained on the readings a retrained parser gives (and over the
/// veto that goes with it).
pub fn install_models(args: &[String]) -> Result<(), String> {
    let path = |name: &str| arg(args, name).map(std::path::Path::new);
    eval::models::install(path("--syntax-model"), None, path("--veto-model")).map_err(|e| e.to_string())
}
