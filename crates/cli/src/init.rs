//! `claimcheck init`: a config and a starter pack with a fixture, ready for `rules test`.

use crate::config::CONFIG_FILE;
use crate::output::write_atomic;
use crate::status::Status;
use anyhow::{Context, Result, bail};
use std::fmt::Write as _;
use std::path::Path;

const CONFIG: &str = r#"# claimcheck configuration. Flags override every setting here.
# The default packs (actors, cues, propositions) are built into claimcheck; these packs
# (files or folders, relative to this file) are loaded after them and add to them.
rules:
  - rules
# Set to false to load only the packs listed above.
# default-rules: true
# Lowest conflict severity that makes `claimcheck check` exit 1: error | warning | note | never.
fail-on: error
# Conflicts whose fingerprint is listed in this file are hidden (`check --write-baseline FILE`).
# baseline: .claimcheck-baseline
# Columns of CSV input.
# csv: {text: body, source: outlet, published: date, title: headline, id: id, url: url}
"#;

const PACK: &str = r#"# Starter pack: two fictional states and one proposition, added to the default packs
# (which hold the reporting cues: said, denied, …). Replace them with your own;
# `claimcheck rules test` runs rules/tests/*.test.yaml, `claimcheck rules list --sources`
# shows every pack loaded.
pack:
  name: starter
  description: A minimal example pack written by `claimcheck init`.
  sources: [written by hand as an example]

actors:
  - {id: VLD, name: Valdoria, kind: state, aliases: [Valdoria], demonyms: [Valdorian]}
  - {id: MRK, name: Merkland, kind: state, aliases: [Merkland], demonyms: [Merklandic]}

propositions:
  - id: example/dam-breached-by-army
    statement: Valdorian army units breached the Selva dam.
    about:
      all:
        - [Selva dam, the dam]
        - [breached, blew up, destroyed]
"#;

const FIXTURE: &str = r#"# Fixtures for the starter pack: each text and the claims it must (not) yield.
tests:
  - name: an assertion
    text: Merkland said Valdorian army units breached the Selva dam.
    claims:
      - {actor: MRK, stance: assert, proposition: example/dam-breached-by-army}
  - name: a denial
    text: Valdoria denied that its army breached the Selva dam.
    claims:
      - {actor: VLD, stance: deny, proposition: example/dam-breached-by-army}
    not_claims:
      - {actor: VLD, stance: assert}
"#;

/// Writes the files into `dir`; refuses to overwrite any.
pub fn init(dir: &Path, out: &mut String) -> Result<Status> {
    let files = [(CONFIG_FILE, CONFIG), ("rules/starter.yaml", PACK), ("rules/tests/starter.test.yaml", FIXTURE)];
    for (name, _) in &files {
        let path = dir.join(name);
        if path.exists() {
            bail!("{} exists; not overwriting it", path.display());
        }
    }
    for (name, text) in &files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        write_atomic(&path, text.as_bytes())?;
        writeln!(out, "wrote {}", path.display())?;
    }
    writeln!(out, "next: `claimcheck rules test` then `claimcheck check PATH…`")?;
    Ok(Status::Ok)
}
