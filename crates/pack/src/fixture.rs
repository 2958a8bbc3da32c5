//! Rule fixtures (`*.test.yaml`) read with the place of each case and expectation, so a
//! failing case is reported at its file:line and an id no pack defines is an error with a
//! suggestion, before any case runs.

use crate::schema::{ExpectedClaim, FixtureCase, FixtureFile};
use crate::yaml::{self, Node, Pos};
use crate::{Issue, LoadErrors, Origin, PackSet, suggest};
use std::path::Path;

/// A fixture case and where it and its expectations are written.
#[derive(Clone, Debug)]
pub struct LocatedCase {
    /// The case.
    pub case: FixtureCase,
    /// Where the case starts.
    pub origin: Origin,
    /// Where each of `case.claims` is.
    pub claims: Vec<Origin>,
    /// Where each of `case.not_claims` is.
    pub not_claims: Vec<Origin>,
}

/// Reads a fixture file; every problem is located.
pub fn load_fixture(path: &Path, bytes: &[u8]) -> Result<Vec<LocatedCase>, LoadErrors> {
    let fail = |issue: Issue| LoadErrors { errors: vec![issue.located(path)] };
    let top = Pos { line: 1, column: 1 };
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|_| fail(Issue::new(top, "the file is not valid UTF-8").help("save the fixture as UTF-8")))?;
    let root = match yaml::parse(text) {
        Ok(Some(root)) => root,
        Ok(None) => return Ok(Vec::new()),
        Err(err) => {
            let mut issue = Issue::new(err.at, err.message);
            issue.help = err.help;
            return Err(fail(issue));
        }
    };
    let file: FixtureFile = yaml::deserialize(text).map_err(|err| {
        let mut issue = Issue::new(err.at, err.message);
        issue.help = err.help;
        fail(issue)
    })?;
    let items = root.get("tests").map(Node::items).unwrap_or_default();
    let at = |node: &Node| Origin::at(path, node.at);
    let list =
        |node: Option<&Node>| -> Vec<Origin> { node.map(Node::items).unwrap_or_default().iter().map(at).collect() };
    Ok(file
        .tests
        .into_iter()
        .enumerate()
        .map(|(i, case)| {
            let node = items.get(i);
            LocatedCase {
                origin: node.map_or_else(|| Origin::at(path, top), at),
                claims: list(node.and_then(|n| n.get("claims"))),
                not_claims: list(node.and_then(|n| n.get("not_claims"))),
                case,
            }
        })
        .collect())
}

/// Prefixes of actor ids that the documents name, not the packs.
const DOCUMENT_ACTORS: [&str; 5] = ["outlet:", "source:", "name:", "description:", "pronoun:"];

fn named_by_documents(actor: &str) -> bool {
    DOCUMENT_ACTORS.iter().any(|prefix| actor.starts_with(prefix))
}

/// Ids in fixture expectations that no pack of `packs` defines (actors, propositions,
/// frames), each an error at its expectation with the closest id suggested. Outlet voices
/// (`outlet:…`, `source:…`) and speakers no pack holds (`name:…`, `description:…`,
/// `pronoun:…`, as `explain` writes them) are named by the documents, not the packs, and are
/// not checked.
pub fn check_ids(cases: &[LocatedCase], packs: &PackSet) -> LoadErrors {
    let actors: Vec<&str> = packs.actors.iter().map(|a| a.value.id.as_str()).collect();
    let propositions: Vec<&str> = packs.propositions.iter().map(|p| p.value.id.as_str()).collect();
    let frames: Vec<&str> = packs.frames.iter().map(|f| f.value.id.as_str()).collect();
    let mut errors = Vec::new();
    for located in cases {
        let expectations = located.case.claims.iter().zip(&located.claims);
        let forbidden = located.case.not_claims.iter().zip(&located.not_claims);
        for (expected, origin) in expectations.chain(forbidden) {
            let ExpectedClaim { actor, proposition, frame, .. } = expected;
            let checks = [
                ("actor", actor.as_deref().filter(|a| !named_by_documents(a)), &actors),
                ("proposition", proposition.as_deref(), &propositions),
                ("frame", frame.as_deref(), &frames),
            ];
            for (what, id, known) in checks {
                let Some(id) = id else { continue };
                if known.contains(&id) {
                    continue;
                }
                let mut error = crate::PackError {
                    origin: origin.clone(),
                    message: format!("unknown {what} `{id}` in fixture `{}`: no pack defines it", located.case.name),
                    help: None,
                };
                if let Some(near) = suggest(id, known.iter().copied()) {
                    error.help = Some(format!("did you mean `{near}`?"));
                }
                errors.push(error);
            }
        }
    }
    LoadErrors { errors }
}
