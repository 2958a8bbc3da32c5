//! The readable report of a scoring run.

use crate::score::{Figures, Item, Scores};
use std::io::{self, Write};

impl Scores {
    /// Writes the figures as a table, then every miss and false positive with its sentence.
    pub fn write_text(&self, w: &mut dyn Write) -> io::Result<()> {
        match &self.slice {
            Some(slice) => writeln!(w, "slice {slice}: scored {} documents", self.documents)?,
            None => writeln!(w, "scored {} documents", self.documents)?,
        }
        writeln!(w)?;
        writeln!(
            w,
            "{:<10} {:<8} {:<44} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}",
            "area", "by", "kind", "tp", "fp", "miss", "P", "R", "F1"
        )?;
        for (area, figures) in [("claims", &self.claims), ("values", &self.values), ("conflicts", &self.conflicts)] {
            row(w, area, "all", "", figures)?;
            for r in self.rows.iter().filter(|r| r.area.name() == area) {
                row(w, "", &r.by, &r.kind, &r.figures)?;
            }
        }
        if !self.classes.is_empty() {
            writeln!(w)?;
            writeln!(w, "claim errors by class")?;
            for (class, n) in &self.classes {
                writeln!(w, "  {n:>5}  {class}")?;
            }
        }
        section(w, "misses", &self.misses)?;
        section(w, "false positives", &self.false_positives)?;
        if !self.unscored_documents.is_empty() {
            writeln!(w)?;
            writeln!(w, "not in the gold, not scored: {}", self.unscored_documents.join(", "))?;
        }
        if !self.unscored_frames.is_empty() {
            writeln!(w)?;
            writeln!(w, "frames the gold annotates nowhere, not scored: {}", self.unscored_frames.join(", "))?;
        }
        Ok(())
    }
}

fn row(w: &mut dyn Write, area: &str, by: &str, kind: &str, f: &Figures) -> io::Result<()> {
    writeln!(
        w,
        "{:<10} {:<8} {:<44} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}",
        area, by, kind, f.true_positives, f.false_positives, f.misses, f.precision, f.recall, f.f1
    )
}

fn section(w: &mut dyn Write, title: &str, items: &[Item]) -> io::Result<()> {
    writeln!(w)?;
    writeln!(w, "{title} ({})", items.len())?;
    for item in items {
        let place = match (&item.document, item.line) {
            (Some(d), Some(l)) => format!("{d}:{l}"),
            (Some(d), None) => d.clone(),
            _ => "-".to_owned(),
        };
        writeln!(w, "  {:<9} {place}  {}", item.area.name(), item.what)?;
        if let Some(class) = item.class {
            writeln!(w, "            ({class})")?;
        }
        if let Some(s) = &item.sentence {
            writeln!(w, "            | {}", s.split_whitespace().collect::<Vec<_>>().join(" "))?;
        }
        if let Some(d) = &item.detail {
            writeln!(w, "            = {d}")?;
        }
    }
    Ok(())
}
