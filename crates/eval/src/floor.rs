//! The committed minimums (`corpus/eval-floor.yaml`) a run must reach.

use crate::EvalError;
use crate::score::{Figures, Scores};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Minimum precision, recall and F1 for one area; a missing figure is not checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Minimums {
    /// Minimum precision.
    #[serde(default)]
    pub precision: Option<f64>,
    /// Minimum recall.
    #[serde(default)]
    pub recall: Option<f64>,
    /// Minimum F1.
    #[serde(default)]
    pub f1: Option<f64>,
}

/// The floors for each area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Floor {
    /// Claims on propositions.
    #[serde(default)]
    pub claims: Minimums,
    /// Values for frames.
    #[serde(default)]
    pub values: Minimums,
    /// Conflicts.
    #[serde(default)]
    pub conflicts: Minimums,
}

impl Floor {
    /// Reads a floor file; errors name the file, line and column.
    pub fn load(path: &Path) -> Result<Floor, EvalError> {
        let text = std::fs::read_to_string(path)
            .map_err(|err| EvalError::Io { path: path.display().to_string(), message: err.to_string() })?;
        Floor::parse(&text, &path.display().to_string())
    }

    /// Reads floor YAML from a string; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Floor, EvalError> {
        let floor: Floor = serde_yaml::from_str(text).map_err(|err| EvalError::located(origin, &err))?;
        for (area, m) in [("claims", floor.claims), ("values", floor.values), ("conflicts", floor.conflicts)] {
            for (name, v) in [("precision", m.precision), ("recall", m.recall), ("f1", m.f1)] {
                if let Some(v) = v
                    && !(0.0..=1.0).contains(&v)
                {
                    return Err(EvalError::Invalid {
                        origin: origin.to_owned(),
                        line: 1,
                        column: 1,
                        message: format!("{area}.{name} is {v}; a floor lies between 0 and 1"),
                    });
                }
            }
        }
        Ok(floor)
    }
}

impl Scores {
    /// The figures below their floor, one line each (`claims f1 0.512 < floor 0.550`);
    /// empty when every figure reaches its floor.
    pub fn below(&self, floor: &Floor) -> Vec<String> {
        let mut out = Vec::new();
        for (area, figures, minimums) in [
            ("claims", &self.claims, &floor.claims),
            ("values", &self.values, &floor.values),
            ("conflicts", &self.conflicts, &floor.conflicts),
        ] {
            check(area, figures, minimums, &mut out);
        }
        out
    }
}

fn check(area: &str, figures: &Figures, minimums: &Minimums, out: &mut Vec<String>) {
    for (name, got, min) in [
        ("precision", figures.precision, minimums.precision),
        ("recall", figures.recall, minimums.recall),
        ("f1", figures.f1, minimums.f1),
    ] {
        // A figure equal to its floor passes; the epsilon absorbs float noise.
        if let Some(min) = min
            && got + 1e-9 < min
        {
            out.push(format!("{area} {name} {got:.3} < floor {min:.3}"));
        }
    }
}
