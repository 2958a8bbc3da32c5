//! The stance matrix: propositions × actors, one position per cell. Shared by the Markdown
//! and HTML reports.

use claim::PropositionRef;
use compare::{Position, PositionStance};
use std::collections::BTreeMap;

pub(crate) struct Matrix<'a> {
    /// Propositions, by id.
    pub rows: Vec<&'a PropositionRef>,
    /// Actors as (id, display name), by id.
    pub columns: Vec<(&'a str, &'a str)>,
    cells: BTreeMap<(&'a str, &'a str), &'a Position>,
}

impl<'a> Matrix<'a> {
    pub(crate) fn new(positions: &'a [Position]) -> Matrix<'a> {
        let mut rows: BTreeMap<&str, &PropositionRef> = BTreeMap::new();
        let mut columns: BTreeMap<&str, &str> = BTreeMap::new();
        let mut cells = BTreeMap::new();
        for position in positions {
            rows.insert(position.proposition.id.as_str(), &position.proposition);
            columns.insert(position.actor.as_str(), position.actor_name.as_str());
            cells.insert((position.proposition.id.as_str(), position.actor.as_str()), position);
        }
        Matrix { rows: rows.into_values().collect(), columns: columns.into_iter().collect(), cells }
    }

    pub(crate) fn cell(&self, proposition: &str, actor: &str) -> Option<&'a Position> {
        self.cells.get(&(proposition, actor)).copied()
    }
}

pub(crate) fn stance_name(stance: PositionStance) -> &'static str {
    match stance {
        PositionStance::Assert => "asserts",
        PositionStance::Deny => "denies",
        PositionStance::Hedge => "hedges",
        PositionStance::Mixed => "mixed",
    }
}

/// The claim counts behind a position: "2 claims" when all agree, else "2 assert, 1 deny".
pub(crate) fn counts(position: &Position) -> String {
    let kinds = [position.asserts, position.denies, position.hedges].iter().filter(|n| **n > 0).count();
    if kinds == 1 {
        return crate::plural(position.asserts + position.denies + position.hedges, "claim");
    }
    let mut parts = Vec::new();
    for (n, what) in [(position.asserts, "assert"), (position.denies, "deny"), (position.hedges, "hedge")] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    parts.join(", ")
}
