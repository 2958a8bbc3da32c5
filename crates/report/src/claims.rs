//! The claims ledger: who asserts or denies what, as a table, JSON, JSON Lines or CSV.
//! JSON Lines writes [`claim::Claim`] records exactly, so they can be read back.

use claim::Claim;
use std::io;

/// A format for the claims ledger. Its doc lines are the help of `claims --format`
/// (feature `clap`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum ClaimFormat {
    /// Aligned columns.
    Table,
    /// One JSON array of claim records.
    Json,
    /// One claim record a line.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

/// What a claim is about, in one cell: proposition id, `frame = value`, or the content.
fn subject(claim: &Claim) -> String {
    match (&claim.proposition, &claim.value) {
        (Some(p), _) => p.id.clone(),
        (None, Some(v)) => format!("{} = {}", v.frame.id, v.raw),
        (None, None) => format!("(unlisted) {}", claim.content),
    }
}

fn who(claim: &Claim) -> String {
    if claim.actor.id == claim.principal.id {
        claim.principal.id.clone()
    } else {
        format!("{} ({})", claim.principal.id, claim.actor.id)
    }
}

/// Renders `claims` (already in report order) in `format`.
pub fn render_claims(claims: &[Claim], format: ClaimFormat, out: &mut dyn io::Write) -> io::Result<()> {
    match format {
        ClaimFormat::Table => table(claims, out),
        ClaimFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, claims)?;
            writeln!(out)
        }
        ClaimFormat::Jsonl => {
            for claim in claims {
                serde_json::to_writer(&mut *out, claim)?;
                writeln!(out)?;
            }
            Ok(())
        }
        ClaimFormat::Csv => csv(claims, out),
    }
}

/// Width of the WHAT column in the table; JSON, JSON Lines and CSV keep the full text.
const MAX_WHAT: usize = 72;

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn table(claims: &[Claim], out: &mut dyn io::Write) -> io::Result<()> {
    let rows: Vec<[String; 5]> = claims
        .iter()
        .map(|c| {
            let e = &c.evidence;
            [
                format!("{}:{}:{}", e.path, e.line, e.column),
                who(c),
                c.stance.to_string(),
                truncate(&subject(c), MAX_WHAT),
                e.cue.as_ref().map_or_else(String::new, |m| m.text.clone()),
            ]
        })
        .collect();
    let header = ["LOCATION", "ACTOR", "STANCE", "WHAT", "CUE"];
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 5], out: &mut dyn io::Write| -> io::Result<()> {
        let mut text = String::new();
        for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == cells.len() {
                text.push_str(cell);
            } else {
                text.push_str(&format!("{cell:<width$}  "));
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(header, out)?;
    for row in &rows {
        line([&row[0], &row[1], &row[2], &row[3], &row[4]], out)?;
    }
    writeln!(out, "{}", crate::plural(claims.len(), "claim"))
}

fn csv(claims: &[Claim], out: &mut dyn io::Write) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record([
        "path",
        "line",
        "column",
        "document",
        "source",
        "published",
        "actor",
        "actor_name",
        "principal",
        "voice",
        "stance",
        "proposition",
        "frame",
        "value",
        "cue",
        "speaker",
        "sentence",
    ])?;
    for c in claims {
        let e = &c.evidence;
        let voice = match c.voice {
            claim::Voice::Actor => "actor",
            claim::Voice::Outlet => "outlet",
            claim::Voice::Headline => "headline",
            claim::Voice::Unlisted => "unlisted",
        };
        writer.write_record([
            e.path.as_str(),
            &e.line.to_string(),
            &e.column.to_string(),
            &e.document,
            &e.source,
            &e.published.map(|d| d.to_string()).unwrap_or_default(),
            &c.actor.id,
            &c.actor.name,
            &c.principal.id,
            voice,
            c.stance.name(),
            c.proposition.as_ref().map_or("", |p| p.id.as_str()),
            c.value.as_ref().map_or("", |v| v.frame.id.as_str()),
            c.value.as_ref().map_or("", |v| v.raw.as_str()),
            e.cue.as_ref().map_or("", |m| m.text.as_str()),
            e.speaker.as_ref().map_or("", |m| m.text.as_str()),
            &e.sentence,
        ])?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_contents_are_cut_in_the_table() {
        assert_eq!(super::truncate("abcdef", 4), "abc…");
        assert_eq!(super::truncate("abc", 4), "abc");
    }
}
