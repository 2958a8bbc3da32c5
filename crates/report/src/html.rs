//! One self-contained HTML page: the summary, a stance matrix (propositions × actors,
//! coloured by stance, with claim counts), and the conflicts with their evidence, filtered
//! by kind and source with a few lines of inline script. No external assets.

use crate::escape::html as h;
use crate::matrix::{Matrix, counts, stance_name};
use crate::{Report, side_verb, subject_of};
use compare::{Conflict, PositionStance, SideEvidence};
use std::collections::BTreeSet;
use std::io;

const STYLE: &str = r#"
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f5f6f8}
header{background:#1d2330;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
main{padding:18px 28px;max-width:1300px}h2{font-size:18px;margin:26px 0 10px}
table.matrix{border-collapse:collapse;background:#fff;box-shadow:0 1px 2px #0002}
.matrix th,.matrix td{border:1px solid #d9dce3;padding:6px 10px;text-align:center;font-size:13px}
.matrix th.prop{text-align:left;max-width:420px;font-weight:normal}.matrix th.prop code{color:#667}
.matrix td.assert{background:#2e9d5b;color:#fff}.matrix td.deny{background:#d64545;color:#fff}
.matrix td.hedge{background:#f0b429}.matrix td.mixed{background:#8a5cd0;color:#fff}.matrix td.none{background:#fafbfc}
.legend span{display:inline-block;padding:2px 8px;margin-right:6px;border-radius:3px;font-size:12px}
.filters{margin:10px 0;display:flex;gap:16px;align-items:center}.filters select{font-size:14px;padding:3px}
.conflict{background:#fff;border-left:5px solid #999;margin:12px 0;padding:10px 16px;box-shadow:0 1px 2px #0002}
.conflict.error{border-color:#d64545}.conflict.warning{border-color:#f0b429}.conflict.note{border-color:#4a7bd0}
.badge{display:inline-block;font-size:12px;padding:1px 7px;border-radius:3px;margin-right:6px;background:#e4e7ec}
.badge.error{background:#d64545;color:#fff}.badge.warning{background:#f0b429}.badge.note{background:#4a7bd0;color:#fff}
.subject{color:#556;margin:4px 0 8px}.side{margin:8px 0 4px;font-weight:600}
blockquote{margin:4px 0 4px 14px;padding:4px 10px;border-left:3px solid #d9dce3;background:#fafbfc}
blockquote .where{display:block;font-size:12px;color:#667}mark.cue{background:#ffe08a}mark.speaker{background:#bfe3ff}
.fp{font-size:11px;color:#99a}.skipped li{color:#a33}
"#;

const SCRIPT: &str = r#"
(function(){
  var kind=document.getElementById('kind'),source=document.getElementById('source');
  function apply(){
    var k=kind.value,s=source.value,shown=0;
    document.querySelectorAll('.conflict').forEach(function(c){
      var ok=(k===''||c.dataset.kind===k)&&(s===''||c.dataset.sources.split('\u001f').indexOf(s)>=0);
      c.style.display=ok?'':'none';if(ok)shown++;
    });
    document.getElementById('shown').textContent=shown;
  }
  // A link may preselect filters: report.html#kind=value-mismatch&source=Quay%20Post
  new URLSearchParams(location.hash.slice(1)).forEach(function(v,k){
    if(k==='kind')kind.value=v;if(k==='source')source.value=v;
  });
  kind.addEventListener('change',apply);source.addEventListener('change',apply);apply();
})();
"#;

pub(crate) fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")?;
    writeln!(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")?;
    writeln!(out, "<title>claimcheck report</title>\n<style>{STYLE}</style>\n</head>\n<body>")?;
    writeln!(out, "<header><h1>claimcheck report</h1><div>{}</div></header>\n<main>", h(&report.summary.line()))?;
    matrix(report, out)?;
    conflicts(report, out)?;
    if !report.summary.skipped.is_empty() {
        writeln!(out, "<h2>Skipped inputs</h2>\n<ul class=\"skipped\">")?;
        for skipped in &report.summary.skipped {
            writeln!(out, "<li><code>{}</code>: {}</li>", h(&skipped.path), h(&skipped.reason))?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>")
}

fn matrix(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let matrix = Matrix::new(&report.comparison.positions);
    writeln!(out, "<h2>Stance matrix</h2>")?;
    if matrix.rows.is_empty() {
        return writeln!(out, "<p>No positions: no claim matched a proposition.</p>");
    }
    writeln!(
        out,
        "<p class=\"legend\"><span class=\"assert\" style=\"background:#2e9d5b;color:#fff\">asserts</span>\
         <span style=\"background:#d64545;color:#fff\">denies</span><span style=\"background:#f0b429\">hedges</span>\
         <span style=\"background:#8a5cd0;color:#fff\">mixed</span></p>"
    )?;
    writeln!(out, "<table class=\"matrix\">\n<tr><th></th>")?;
    for (id, name) in &matrix.columns {
        writeln!(out, "<th title=\"{}\">{}</th>", h(id), h(name))?;
    }
    writeln!(out, "</tr>")?;
    for row in &matrix.rows {
        writeln!(out, "<tr><th class=\"prop\">{}<br><code>{}</code></th>", h(&row.statement), h(&row.id))?;
        for (actor, name) in &matrix.columns {
            match matrix.cell(&row.id, actor) {
                Some(p) => {
                    let class = match p.stance {
                        PositionStance::Assert => "assert",
                        PositionStance::Deny => "deny",
                        PositionStance::Hedge => "hedge",
                        PositionStance::Mixed => "mixed",
                    };
                    let title =
                        format!("{name} {}: {}; sources: {}", stance_name(p.stance), counts(p), p.sources.join(", "));
                    writeln!(
                        out,
                        "<td class=\"{class}\" title=\"{}\">{}<br><small>{}</small></td>",
                        h(&title),
                        stance_name(p.stance),
                        h(&counts(p))
                    )?;
                }
                None => writeln!(out, "<td class=\"none\"></td>")?,
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</table>")
}

fn sources_of(conflict: &Conflict) -> BTreeSet<&str> {
    conflict.sides.iter().flat_map(|s| s.evidence.iter().map(|e| e.evidence.source.as_str())).collect()
}

fn conflicts(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let conflicts = &report.comparison.conflicts;
    writeln!(out, "<h2>Conflicts (<span id=\"shown\">{}</span> of {})</h2>", conflicts.len(), conflicts.len())?;
    let kinds: BTreeSet<&str> = conflicts.iter().map(|c| c.kind.name()).collect();
    let sources: BTreeSet<&str> = conflicts.iter().flat_map(sources_of).collect();
    writeln!(out, "<div class=\"filters\"><label>Kind <select id=\"kind\"><option value=\"\">all</option>")?;
    for kind in &kinds {
        writeln!(out, "<option>{}</option>", h(kind))?;
    }
    writeln!(out, "</select></label><label>Source <select id=\"source\"><option value=\"\">all</option>")?;
    for source in &sources {
        writeln!(out, "<option>{}</option>", h(source))?;
    }
    writeln!(out, "</select></label></div>")?;
    for conflict in conflicts {
        let sources: Vec<&str> = sources_of(conflict).into_iter().collect();
        writeln!(
            out,
            "<section class=\"conflict {sev}\" data-kind=\"{kind}\" data-sources=\"{}\">",
            h(&sources.join("\u{1f}")),
            sev = conflict.severity,
            kind = conflict.kind.name()
        )?;
        writeln!(
            out,
            "<div><span class=\"badge {sev}\">{sev}</span><span class=\"badge\">{}</span><strong>{}</strong></div>",
            conflict.kind.name(),
            h(&conflict.message),
            sev = conflict.severity
        )?;
        if let Some((id, statement)) = subject_of(conflict) {
            writeln!(out, "<div class=\"subject\">{} <code>{}</code></div>", h(statement), h(id))?;
        }
        for side in &conflict.sides {
            writeln!(out, "<div class=\"side\">{} {}</div>", h(&crate::side_who(side)), h(&side_verb(side)))?;
            for item in &side.evidence {
                let e = &item.evidence;
                writeln!(
                    out,
                    "<blockquote>{}<span class=\"where\">{} · {}:{}:{}{}</span></blockquote>",
                    highlighted(item),
                    h(&e.source),
                    h(&e.path),
                    e.line,
                    e.column,
                    e.published.map(|d| format!(" · {d}")).unwrap_or_default()
                )?;
            }
        }
        writeln!(out, "<div class=\"fp\">fingerprint {}</div>\n</section>", h(&conflict.fingerprint))?;
    }
    Ok(())
}

/// The sentence, escaped, with the speaker and the cue marked.
fn highlighted(item: &SideEvidence) -> String {
    let e = &item.evidence;
    let mut marks: Vec<(usize, usize, &str)> = [(&e.speaker, "speaker"), (&e.cue, "cue")]
        .into_iter()
        .filter_map(|(m, class)| {
            let m = m.as_ref()?;
            let start = m.span.start.checked_sub(e.span.start)?;
            let end = m.span.end.checked_sub(e.span.start)?;
            let ok = start < end
                && end <= e.sentence.len()
                && e.sentence.is_char_boundary(start)
                && e.sentence.is_char_boundary(end);
            ok.then_some((start, end, class))
        })
        .collect();
    marks.sort();
    let mut out = String::new();
    let mut at = 0;
    for (start, end, class) in marks {
        if start < at {
            continue;
        }
        out.push_str(&h(&e.sentence[at..start]));
        out.push_str(&format!("<mark class=\"{class}\">{}</mark>", h(&e.sentence[start..end])));
        at = end;
    }
    out.push_str(&h(&e.sentence[at..]));
    out
}

#[cfg(test)]
mod tests {
    use crate::sample;

    #[test]
    fn html_report() -> std::io::Result<()> {
        let mut out = Vec::new();
        super::render(&sample::report(), &mut out)?;
        let html = String::from_utf8_lossy(&out);
        assert!(!html.contains("src=\"http"), "external asset");
        assert!(html.contains("<mark class=\"cue\">denied</mark>"));
        insta::assert_snapshot!(html);
        Ok(())
    }
}
