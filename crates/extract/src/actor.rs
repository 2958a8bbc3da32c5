//! The compiled actor directory: who belongs to whom, when, and whom a speaker speaks for.

use crate::lexicon::ActorIdx;
use pack::schema::{ActorKind, Gender};
use parse::Date;
use std::collections::HashMap;

/// A dated membership or role: open at either end when the date is absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: Option<Date>,
    /// Last day.
    pub until: Option<Date>,
}

impl Period {
    /// Whether `date` falls in the period; an unknown date falls in every period.
    pub fn covers(self, date: Option<Date>) -> bool {
        let Some(date) = date else { return true };
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// One actor of the directory.
#[derive(Clone, Debug)]
pub struct Actor {
    /// Canonical id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What sort of actor.
    pub kind: ActorKind,
    /// For pronoun resolution.
    pub gender: Option<Gender>,
    /// Whom it belongs to, when.
    pub memberships: Vec<(ActorIdx, Period)>,
}

/// A title that names a person for a time ("foreign minister" of Russia).
#[derive(Clone, Debug)]
pub struct Title {
    /// The title as the pack writes it ("president", "foreign minister").
    pub title: String,
    /// The person.
    pub person: ActorIdx,
    /// Whose title it is.
    pub of: Option<ActorIdx>,
    /// When the person held it.
    pub period: Period,
}

/// All actors, indexed by id.
#[derive(Clone, Debug, Default)]
pub struct Directory {
    actors: Vec<Actor>,
    by_id: HashMap<String, ActorIdx>,
    /// Titles, indexed by [`crate::lexicon::Via::Title`].
    pub titles: Vec<Title>,
}

/// How far membership chains are followed; packs are checked for cycles, this is a guard.
const MAX_DEPTH: usize = 8;

impl Directory {
    /// Adds an actor and returns its index; memberships are added later with ids resolved.
    pub fn push(&mut self, actor: Actor) -> ActorIdx {
        let idx = self.actors.len() as ActorIdx;
        self.by_id.entry(actor.id.clone()).or_insert(idx);
        self.actors.push(actor);
        idx
    }

    /// The actor at `idx`.
    pub fn get(&self, idx: ActorIdx) -> &Actor {
        &self.actors[idx as usize]
    }

    /// Mutable access, for wiring memberships after every actor is known.
    pub fn get_mut(&mut self, idx: ActorIdx) -> &mut Actor {
        &mut self.actors[idx as usize]
    }

    /// The index of the actor with `id`.
    pub fn find(&self, id: &str) -> Option<ActorIdx> {
        self.by_id.get(id).copied()
    }

    /// Whom `actor` speaks for on `date`: people and bodies roll up through their
    /// memberships until a state, a bloc, or an actor that belongs to no state or body.
    /// Blocs are not principals: a state that belongs to the West speaks for itself.
    pub fn principal(&self, actor: ActorIdx, date: Option<Date>) -> ActorIdx {
        let mut current = actor;
        for _ in 0..MAX_DEPTH {
            let here = self.get(current);
            if matches!(here.kind, ActorKind::State | ActorKind::Bloc) {
                return current;
            }
            let parent = here
                .memberships
                .iter()
                .find(|(p, period)| period.covers(date) && self.get(*p).kind != ActorKind::Bloc)
                .map(|(p, _)| *p);
            match parent {
                Some(p) => current = p,
                None => return current,
            }
        }
        current
    }

    /// Ids of the blocs `actor` belongs to on `date`, directly or through its own blocs,
    /// sorted.
    pub fn blocs(&self, actor: ActorIdx, date: Option<Date>) -> Vec<String> {
        let mut out = Vec::new();
        let mut frontier = vec![(actor, 0)];
        while let Some((at, depth)) = frontier.pop() {
            if depth >= MAX_DEPTH {
                continue;
            }
            for &(parent, period) in &self.get(at).memberships {
                if period.covers(date) && self.get(parent).kind == ActorKind::Bloc {
                    let id = &self.get(parent).id;
                    if !out.contains(id) {
                        out.push(id.clone());
                        frontier.push((parent, depth + 1));
                    }
                }
            }
        }
        out.sort();
        out
    }

    /// Whether `member` belongs to `group` on `date`, directly or through others.
    pub fn belongs_to(&self, member: ActorIdx, group: ActorIdx, date: Option<Date>) -> bool {
        let mut frontier = vec![(member, 0)];
        while let Some((at, depth)) = frontier.pop() {
            if at == group {
                return true;
            }
            if depth < MAX_DEPTH {
                frontier.extend(
                    self.get(at)
                        .memberships
                        .iter()
                        .filter(|(_, p)| p.covers(date))
                        .map(|&(parent, _)| (parent, depth + 1)),
                );
            }
        }
        false
    }
}
