//! What pack values must mean, across all files: ids unique, references that resolve,
//! dates that are days and in order, state ids, matchers that can match, value patterns that
//! compile, override targets that exist.
//!
//! Runs over the located trees, so it reports on entries whose shape is wrong too, and
//! never assumes a value has the type the schema wants.

use super::yaml::{Node, Pos};
use super::{ActorRefs, FrameRefs, Issue, Origin, PackError, ParsedFile, PropositionRefs, Resolved, suggest};
use crate::frame::ValuePattern;
use crate::schema::FrameKind;
use std::collections::HashMap;

/// An id and where it is defined.
struct Defined<'a> {
    id: &'a str,
    origin: Origin,
}

/// Every actor id, with the names that help suggest one for a misspelled reference.
struct Actors<'a> {
    ids: HashMap<&'a str, Origin>,
    /// Each id's position among the actors of all files.
    index: HashMap<&'a str, usize>,
    /// (lower-case name, alias or id; the id it stands for), in file order.
    names: Vec<(String, &'a str)>,
    /// Actors with their `member_of` ids, for cycles.
    parents: Vec<(&'a str, Vec<&'a str>, Origin)>,
}

impl Actors<'_> {
    /// The id most likely meant by `written`: same id in other case, a name or alias of the
    /// actor, or a close spelling of either.
    fn suggest(&self, written: &str) -> Option<&str> {
        let lower = written.to_lowercase();
        if let Some((_, id)) = self.names.iter().find(|(name, _)| *name == lower) {
            return Some(id);
        }
        let best = suggest(written, self.names.iter().map(|(name, _)| name.as_str()))?;
        self.names.iter().find(|(name, _)| name == best).map(|(_, id)| *id)
    }
}

/// Runs every check; errors are located in the file that holds the problem. While it checks
/// a reference it resolves it, and while it checks a value pattern it compiles it: the
/// [`Resolved`] it returns is what the compiler takes (meaningful only without errors, when
/// every entry is in place).
pub(super) fn check(files: &[&ParsedFile]) -> (Vec<PackError>, Resolved) {
    let mut errors = Vec::new();
    let mut resolved = Resolved::default();
    let actors = actor_index(files, &mut errors);
    let mut targets: Vec<(Defined<'_>, &'static str)> = Vec::new();
    for file in files {
        for (key, what) in [("propositions", "proposition"), ("frames", "frame")] {
            for item in section(&file.root, key) {
                if let Some(id) = item.get("id").and_then(Node::as_str) {
                    let origin = Origin::at(&file.path, item.get("id").map_or(item.at, |n| n.at));
                    targets.push((Defined { id, origin }, what));
                }
            }
        }
    }
    let mut seen: HashMap<&str, (&Origin, &str)> = HashMap::new();
    for (defined, what) in &targets {
        match seen.get(defined.id) {
            Some((first, first_what)) => errors.push(PackError {
                origin: defined.origin.clone(),
                message: format!("duplicate id `{}`: this {what} and the {first_what} at {first} share it", defined.id),
                help: Some("ids of propositions and frames must be unique across all packs; rename one".into()),
            }),
            None => {
                seen.insert(defined.id, (&defined.origin, what));
            }
        }
    }
    let propositions: Vec<&str> =
        targets.iter().filter(|(_, what)| *what == "proposition").map(|(d, _)| d.id).collect();
    let all_targets: Vec<&str> = targets.iter().map(|(d, _)| d.id).collect();

    for file in files {
        let mut issues = Vec::new();
        for actor in section(&file.root, "actors") {
            resolved.actors.push(check_actor(actor, &actors, &mut issues));
        }
        for proposition in section(&file.root, "propositions") {
            resolved.propositions.push(check_proposition(proposition, &actors, &propositions, &mut issues));
        }
        for frame in section(&file.root, "frames") {
            resolved.frames.push(FrameRefs { patterns: check_frame(frame, &mut issues), part_of: None });
        }
        if let Some(checks) = file.root.get("checks") {
            check_checks(checks, &all_targets, &mut issues);
        }
        errors.extend(issues.into_iter().map(|i| i.located(&file.path)));
    }
    check_cycles(&actors, &mut errors);
    check_duplicate_cues(files, &mut errors);
    for (frame, part_of) in resolved.frames.iter_mut().zip(check_part_of(files, &mut errors)) {
        frame.part_of = part_of;
    }
    check_places(files, &mut errors);
    check_event_kinds(files, &mut errors);
    (errors, resolved)
}

/// Ids of `key` entries across files, each with where it is defined; duplicates reported.
fn ids_of<'a>(files: &[&'a ParsedFile], key: &str, what: &str, errors: &mut Vec<PackError>) -> Vec<(&'a str, Origin)> {
    let mut out: Vec<(&str, Origin)> = Vec::new();
    for file in files {
        for item in section(&file.root, key) {
            let Some(node) = item.get("id") else { continue };
            let Some(id) = node.as_str() else { continue };
            let origin = Origin::at(&file.path, node.at);
            match out.iter().find(|(seen, _)| *seen == id) {
                Some((_, first)) => errors.push(PackError {
                    origin,
                    message: format!("duplicate {what} id `{id}`, first defined at {first}"),
                    help: Some(format!("{what} ids must be unique across all packs; merge the two or rename one")),
                }),
                None => out.push((id, origin)),
            }
        }
    }
    out
}

/// A reference in field `field` of `item` to an id of `ids`, with a suggestion when it is
/// unknown; the position in `ids` of the one it names.
fn id_reference(
    path: &std::path::Path,
    item: &Node,
    field: &str,
    what: &str,
    ids: &[(&str, Origin)],
    errors: &mut Vec<PackError>,
) -> Option<usize> {
    let id = item.get(field)?.as_str()?;
    let node = item.get(field)?;
    if let Some(found) = ids.iter().position(|(known, _)| *known == id) {
        return Some(found);
    }
    let help = suggest(id, ids.iter().map(|(known, _)| *known)).map(|best| format!("did you mean `{best}`?"));
    errors.push(PackError {
        origin: Origin::at(path, node.at),
        message: format!("unknown {what} `{id}` in `{field}`"),
        help,
    });
    None
}

/// `part_of` names a frame; the position of the one each frame names, in frame order.
fn check_part_of(files: &[&ParsedFile], errors: &mut Vec<PackError>) -> Vec<Option<usize>> {
    let mut frames: Vec<(&str, Origin)> = Vec::new();
    for file in files {
        for frame in section(&file.root, "frames") {
            if let Some(id) = frame.get("id").and_then(Node::as_str) {
                frames.push((id, Origin::at(&file.path, frame.at)));
            }
        }
    }
    let mut part_of = Vec::new();
    for file in files {
        for frame in section(&file.root, "frames") {
            let total = id_reference(&file.path, frame, "part_of", "frame", &frames, errors);
            let own = frame.get("id").and_then(Node::as_str);
            if let Some(node) = frame.get("part_of").filter(|n| n.as_str().is_some() && n.as_str() == own) {
                errors.push(PackError {
                    origin: Origin::at(&file.path, node.at),
                    message: format!("frame `{}` is a part of itself", own.unwrap_or_default()),
                    help: Some("`part_of` names the frame whose total this one is a part of; remove it".into()),
                });
            }
            part_of.push(total);
            if frame.get("part_of").is_some() && strings(frame, "heads").is_empty() {
                errors.push(PackError {
                    origin: Origin::at(&file.path, frame.at),
                    message: "a frame with `part_of` needs `heads`: the nouns that make a number a part".into(),
                    help: Some("add `heads: [children, child]` (what the part counts)".into()),
                });
            }
        }
    }
    part_of
}

/// Places: unique ids, `in` names a place, and no place lies in itself.
fn check_places(files: &[&ParsedFile], errors: &mut Vec<PackError>) {
    let ids = ids_of(files, "places", "place", errors);
    let mut parent: HashMap<&str, &str> = HashMap::new();
    for file in files {
        for place in section(&file.root, "places") {
            id_reference(&file.path, place, "in", "place", &ids, errors);
            if let (Some(id), Some(within)) =
                (place.get("id").and_then(Node::as_str), place.get("in").and_then(Node::as_str))
            {
                parent.insert(id, within);
            }
        }
    }
    for (id, origin) in &ids {
        let mut at = *id;
        for _ in 0..=ids.len() {
            match parent.get(at) {
                Some(&next) if next == *id => {
                    errors.push(PackError {
                        origin: origin.clone(),
                        message: format!("place `{id}` lies in itself through `in`"),
                        help: Some("a place's `in` names a larger place; break the cycle".into()),
                    });
                    break;
                }
                Some(&next) => at = next,
                None => break,
            }
        }
    }
}

/// Event kinds: unique ids, `compatible` names event kinds.
fn check_event_kinds(files: &[&ParsedFile], errors: &mut Vec<PackError>) {
    let ids = ids_of(files, "event_kinds", "event kind", errors);
    for file in files {
        for kind in section(&file.root, "event_kinds") {
            for (id, at) in strings(kind, "compatible") {
                if !ids.iter().any(|(known, _)| *known == id) {
                    let help = suggest(id, ids.iter().map(|(known, _)| *known)).map(|b| format!("did you mean `{b}`?"));
                    errors.push(PackError {
                        origin: Origin::at(&file.path, at),
                        message: format!("unknown event kind `{id}` in `compatible`"),
                        help,
                    });
                }
            }
        }
    }
}

/// The same cue (lemma in any case, same part of speech) twice: its stance would depend on
/// load order.
fn check_duplicate_cues(files: &[&ParsedFile], errors: &mut Vec<PackError>) {
    let mut seen: HashMap<(String, &str), (Origin, Option<&str>)> = HashMap::new();
    for file in files {
        for cue in section(&file.root, "cues") {
            let Some(lemma) = cue.get("cue") else { continue };
            let Some(text) = lemma.as_str() else { continue };
            let kind = cue.get("kind").and_then(Node::as_str).unwrap_or("verb");
            let stance = cue.get("stance").and_then(Node::as_str);
            let origin = Origin::at(&file.path, lemma.at);
            let key = (parse::normalize::normalise_term(text).to_lowercase(), kind);
            match seen.get(&key) {
                Some((first, first_stance)) => {
                    let help = match (first_stance, stance) {
                        (Some(a), Some(b)) if *a != b => {
                            format!("the two give different stances (`{a}`, `{b}`); keep the one you mean")
                        }
                        _ => "remove one of the two".to_owned(),
                    };
                    errors.push(PackError {
                        origin,
                        message: format!("duplicate cue `{text}` ({kind}), first defined at {first}"),
                        help: Some(help),
                    });
                }
                None => {
                    seen.insert(key, (origin, stance));
                }
            }
        }
    }
}

fn section<'a>(root: &'a Node, key: &str) -> &'a [Node] {
    root.get(key).map(Node::items).unwrap_or_default()
}

fn strings<'a>(node: &'a Node, key: &str) -> Vec<(&'a str, Pos)> {
    let items = node.get(key).map(Node::items).unwrap_or_default();
    items.iter().filter_map(|n| n.as_str().map(|s| (s, n.at))).collect()
}

fn actor_index<'a>(files: &[&'a ParsedFile], errors: &mut Vec<PackError>) -> Actors<'a> {
    let mut actors = Actors { ids: HashMap::new(), index: HashMap::new(), names: Vec::new(), parents: Vec::new() };
    for file in files {
        for actor in section(&file.root, "actors") {
            let Some(id_node) = actor.get("id") else { continue };
            let Some(id) = id_node.as_str() else { continue };
            let origin = Origin::at(&file.path, id_node.at);
            if let Some(first) = actors.ids.get(id) {
                errors.push(PackError {
                    origin: origin.clone(),
                    message: format!("duplicate actor id `{id}`, first defined at {first}"),
                    help: Some("actor ids must be unique across all packs; merge the two entries or rename one".into()),
                });
                continue;
            }
            actors.ids.insert(id, origin.clone());
            actors.index.insert(id, actors.index.len());
            actors.names.push((id.to_lowercase(), id));
            let name = actor.get("name").and_then(Node::as_str).into_iter();
            for alias in name.chain(strings(actor, "aliases").into_iter().map(|(s, _)| s)) {
                actors.names.push((alias.to_lowercase(), id));
            }
            let parents = section(actor, "member_of").iter().filter_map(|m| m.get("actor").and_then(Node::as_str));
            actors.parents.push((id, parents.collect(), origin));
        }
    }
    actors
}

/// The position of the actor `written` names, or an issue saying it names none.
fn reference(written: &str, at: Pos, field: &str, actors: &Actors<'_>, issues: &mut Vec<Issue>) -> Option<usize> {
    if let Some(&found) = actors.index.get(written) {
        return Some(found);
    }
    let mut issue = Issue::new(at, format!("unknown actor `{written}` in `{field}`; expected the id of an actor"));
    issue = match actors.suggest(written) {
        Some(id) => issue.help(format!("did you mean `{id}`?")),
        None => issue.help("define the actor in a pack under `actors`, or correct the id"),
    };
    issues.push(issue);
    None
}

fn check_actor(actor: &Node, actors: &Actors<'_>, issues: &mut Vec<Issue>) -> ActorRefs {
    let mut refs = ActorRefs::default();
    let id = actor.get("id").and_then(Node::as_str);
    if let (Some(id), Some("state")) = (id, actor.get("kind").and_then(Node::as_str)) {
        let ok = id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase());
        if !ok {
            let at = actor.get("id").map_or(actor.at, |n| n.at);
            let upper = id.to_uppercase();
            let help = if upper.len() == 3 && upper.bytes().all(|b| b.is_ascii_uppercase()) {
                format!("write it in capitals: `{upper}`")
            } else {
                "use the state's ISO 3166-1 alpha-3 code, such as `RUS`, `USA` or `SYR`".to_owned()
            };
            issues.push(
                Issue::new(at, format!("state id `{id}` is not three capital letters (an ISO 3166-1 alpha-3 code)"))
                    .help(help),
            );
        }
    }
    for membership in section(actor, "member_of") {
        if let Some(parent) = membership.get("actor")
            && let Some(written) = parent.as_str()
        {
            if Some(written) == id {
                issues.push(
                    Issue::new(parent.at, format!("actor `{written}` is listed as a member of itself"))
                        .help("remove this membership"),
                );
            } else {
                refs.member_of.extend(reference(written, parent.at, "member_of", actors, issues));
            }
        }
        check_period(membership, issues);
    }
    for role in section(actor, "roles") {
        let of = role.get("of").and_then(|of| Some((of.as_str()?, of.at)));
        refs.roles_of.push(of.and_then(|(written, at)| reference(written, at, "roles", actors, issues)));
        check_period(role, issues);
    }
    refs
}

fn check_proposition(
    node: &Node,
    actors: &Actors<'_>,
    propositions: &[&str],
    issues: &mut Vec<Issue>,
) -> PropositionRefs {
    let mut refs = PropositionRefs::default();
    for (written, at) in strings(node, "agent") {
        refs.agent.extend(reference(written, at, "agent", actors, issues));
    }
    for (written, at) in strings(node, "rivals") {
        refs.rivals.extend(reference(written, at, "rivals", actors, issues));
    }
    let agents: Vec<&str> = strings(node, "agent").into_iter().map(|(s, _)| s).collect();
    for (rival, at) in strings(node, "rivals") {
        if agents.contains(&rival) {
            issues.push(
                Issue::new(at, format!("`{rival}` is both an agent and a rival of this proposition"))
                    .help("keep it in one of `agent` and `rivals`"),
            );
        }
    }
    let own = node.get("id").and_then(Node::as_str);
    for (written, at) in strings(node, "contradicts") {
        if Some(written) == own {
            issues.push(Issue::new(at, format!("proposition `{written}` contradicts itself")).help("remove it"));
        } else if let Some(found) = propositions.iter().position(|p| *p == written) {
            refs.contradicts.push(found);
        } else {
            let mut issue = Issue::new(
                at,
                format!("unknown proposition `{written}` in `contradicts`; expected the id of a proposition"),
            );
            if let Some(best) = suggest(written, propositions.iter().copied()) {
                issue = issue.help(format!("did you mean `{best}`?"));
            }
            issues.push(issue);
        }
    }
    if let Some(about) = node.get("about") {
        check_matcher(about, issues);
    }
    for (term, at) in strings(node, "counter").into_iter().chain(strings(node, "context")) {
        check_term(term, at, issues);
    }
    check_period(node, issues);
    refs
}

/// Checks a frame; its value patterns, compiled.
fn check_frame(node: &Node, issues: &mut Vec<Issue>) -> Vec<ValuePattern> {
    let mut compiled_patterns = Vec::new();
    if let Some(about) = node.get("about") {
        check_matcher(about, issues);
    }
    for (term, at) in strings(node, "context") {
        check_term(term, at, issues);
    }
    let kind = match node.get("kind").and_then(Node::as_str) {
        Some("date") => FrameKind::Date,
        Some("count") | None => FrameKind::Count,
        // An unknown kind is reported by the shape check; its patterns cannot be judged.
        Some(_) => {
            check_period(node, issues);
            return compiled_patterns;
        }
    };
    let (placeholder, example) = match kind {
        FrameKind::Date => ("{DATE}", "`vetoed ... on {DATE}`"),
        FrameKind::Count => ("{N}", "`killed {N}`, `{N} ... dead`"),
    };
    let (what, name) = if kind == FrameKind::Date { ("a date", "date") } else { ("a count", "count") };
    for (pattern, at) in strings(node, "patterns") {
        let slots = pattern.split_whitespace().filter(|w| *w == placeholder).count();
        let issue = match crate::frame::compile(pattern, kind) {
            Ok(compiled) if compiled.before.is_empty() && compiled.after.is_empty() => Issue::new(
                at,
                format!("pattern `{pattern}` has no words around `{placeholder}`, so it matches any value"),
            )
            .help(format!("add the words that mark this quantity: {example}")),
            Ok(compiled) => match pattern.split_whitespace().find_map(|w| not_a_text_word(w, placeholder)) {
                Some((word, reads)) => Issue::new(
                    at,
                    format!("`{word}` in pattern `{pattern}` reads as {reads} in text, so the pattern never matches"),
                )
                .help(format!(
                    "patterns are words, not regular expressions, and punctuation between words is skipped: {example}"
                )),
                None => {
                    compiled_patterns.push(compiled);
                    continue;
                }
            },
            Err(_) if slots == 0 && pattern.contains(placeholder) => {
                Issue::new(at, format!("`{placeholder}` in pattern `{pattern}` is not a word of its own"))
                    .help(format!("put spaces around `{placeholder}`: {example}"))
            }
            Err(_) if slots == 0 => {
                Issue::new(at, format!("pattern `{pattern}` has no `{placeholder}`; {what} pattern needs exactly one"))
                    .help(format!("mark where the value stands: {example}"))
            }
            Err(_) if slots > 1 => Issue::new(
                at,
                format!("pattern `{pattern}` has {slots} `{placeholder}`; {what} pattern needs exactly one"),
            )
            .help(format!("keep one, as in {example}")),
            Err(err) => {
                Issue::new(at, err.0).help(format!("a {} frame takes `{placeholder}` and `...` only: {example}", name))
            }
        };
        issues.push(issue);
    }
    if let Some(patterns) = node.get("patterns")
        && matches!(&patterns.value, super::yaml::NodeValue::Seq(items) if items.is_empty())
    {
        issues.push(
            Issue::new(patterns.at, "a frame with no patterns never gives a value")
                .help(format!("add a pattern such as {example}")),
        );
    }
    check_period(node, issues);
    compiled_patterns
}

fn check_matcher(about: &Node, issues: &mut Vec<Issue>) {
    if !matches!(about.value, super::yaml::NodeValue::Map(_)) {
        return;
    }
    let mut positive = 0;
    for group in about.get("all").map(Node::items).unwrap_or_default() {
        if matches!(group.value, super::yaml::NodeValue::Seq(ref items) if items.is_empty()) {
            issues.push(
                Issue::new(group.at, "empty group in `all`: a group with no terms never matches")
                    .help("remove the group, or list its terms"),
            );
        }
        for term in group.items() {
            if let Some(text) = term.as_str() {
                positive += 1;
                check_term(text, term.at, issues);
            }
        }
    }
    for key in ["any", "none"] {
        for (term, at) in strings(about, key) {
            if key == "any" {
                positive += 1;
            }
            check_term(term, at, issues);
        }
    }
    if positive == 0 {
        issues.push(
            Issue::new(about.at, "empty matcher: `about` needs terms in `all` or `any`")
                .help("add `all: [[term, other spelling]]` or `any: [term]`"),
        );
    }
}

/// A matcher term: words, `~words` for close spellings, or a word ending in `*`.
fn check_term(term: &str, at: Pos, issues: &mut Vec<Issue>) {
    let trimmed = term.trim();
    let (fuzzy, body) = match trimmed.strip_prefix('~') {
        Some(rest) => (true, rest.trim()),
        None => (false, trimmed),
    };
    let words = parse::normalize::normalise_term(body);
    if words.trim_end_matches('*').trim().is_empty() {
        issues.push(Issue::new(at, format!("term `{term}` has no words")).help("write a word or phrase"));
        return;
    }
    if fuzzy && words.contains('*') {
        issues.push(
            Issue::new(at, format!("term `{term}` is fuzzy (`~`) and has a `*`; a term may be one or the other"))
                .help(format!("drop the `*`: `~{}`", words.replace('*', ""))),
        );
    } else if words.trim_end_matches('*').contains('*') {
        issues.push(
            Issue::new(at, format!("`*` inside term `{term}`: it may only end a term (`chemic*`)"))
                .help("keep one `*` at the end, or split the term"),
        );
    } else if fuzzy && words.chars().filter(|c| c.is_alphanumeric()).count() < 4 {
        issues.push(
            Issue::new(at, format!("fuzzy term `{term}` is too short to compare spellings"))
                .help(format!("write it exactly: `{words}`")),
        );
    }
}

/// `from` and `until`: each a real `YYYY-MM-DD` day, `from` not after `until`.
fn check_period(node: &Node, issues: &mut Vec<Issue>) {
    let mut days = [None, None];
    for (slot, key) in ["from", "until"].into_iter().enumerate() {
        let Some(value) = node.get(key) else { continue };
        let Some(text) = value.as_str() else { continue };
        match day(text) {
            Some(d) => days[slot] = Some(d),
            None => issues.push(
                Issue::new(value.at, format!("bad date `{text}` in `{key}`; expected a day as YYYY-MM-DD"))
                    .help(date_help(text)),
            ),
        }
    }
    if let [Some(from), Some(until)] = days
        && from > until
    {
        let at = node.get("until").map_or(node.at, |n| n.at);
        issues.push(
            Issue::new(at, format!("`until` {} is before `from` {}", show(until), show(from)))
                .help("swap the two dates, or correct one"),
        );
    }
}

fn show((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn day(text: &str) -> Option<(i32, u32, u32)> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape {
        return None;
    }
    let (y, m, d) = (text[..4].parse().ok()?, text[5..7].parse().ok()?, text[8..].parse().ok()?);
    parse::Date::new(y, m, d).map(|_| (y, m, d))
}

fn date_help(text: &str) -> String {
    let parts: Vec<u32> = text.split(['-', '/', '.']).filter_map(|p| p.trim().parse().ok()).collect();
    match parts.as_slice() {
        [y, m, d] if *y >= 1000 => match i32::try_from(*y).ok().and_then(|y| parse::Date::new(y, *m, *d)) {
            Some(_) => format!("write two digits for month and day: `{y:04}-{m:02}-{d:02}`"),
            None => format!("{y:04}-{m:02}-{d:02} is not a day of the calendar"),
        },
        [_, _, y] if *y >= 1000 => "write the year first, then month and day: YYYY-MM-DD".to_owned(),
        _ => "write the day as YYYY-MM-DD, for example `2017-04-04`".to_owned(),
    }
}

fn check_checks(checks: &Node, targets: &[&str], issues: &mut Vec<Issue>) {
    for item in checks.get("overrides").map(Node::items).unwrap_or_default() {
        let Some(target) = item.get("target") else { continue };
        let Some(written) = target.as_str() else { continue };
        if !targets.contains(&written) {
            let mut issue = Issue::new(target.at, format!("override target `{written}` names no proposition or frame"));
            issue = match suggest(written, targets.iter().copied()) {
                Some(best) => issue.help(format!("did you mean `{best}`?")),
                None => issue.help("use the id of a proposition or frame defined in a pack"),
            };
            issues.push(issue);
        }
    }
    if let Some(similarity) = checks.get("unlisted").and_then(|u| u.get("similarity"))
        && let Some(v) = similarity.as_number().filter(|v| !(0.0..=1.0).contains(v))
    {
        issues.push(
            Issue::new(similarity.at, format!("similarity {v} is outside 0 to 1")).help("use a value such as 0.8"),
        );
    }
}

/// Actors that are, through `member_of`, members of themselves: one depth-first search
/// over the whole graph (linear in actors and memberships), each cycle reported once, at
/// the member whose id sorts first.
fn check_cycles(actors: &Actors<'_>, errors: &mut Vec<PackError>) {
    let index: HashMap<&str, usize> = actors.parents.iter().enumerate().map(|(i, (id, _, _))| (*id, i)).collect();
    let edges: Vec<Vec<usize>> = actors
        .parents
        .iter()
        .enumerate()
        .map(|(i, (_, parents, _))| parents.iter().filter_map(|p| index.get(p).copied()).filter(|&p| p != i).collect())
        .collect();
    // 0: not seen; 1: on the current path; 2: done.
    let mut state = vec![0u8; edges.len()];
    let mut cycles: Vec<Vec<usize>> = Vec::new();
    for start in 0..edges.len() {
        if state[start] != 0 {
            continue;
        }
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (at, ref mut next)) = path.last_mut() {
            match edges[at].get(*next) {
                Some(&parent) => {
                    *next += 1;
                    match state[parent] {
                        0 => {
                            state[parent] = 1;
                            path.push((parent, 0));
                        }
                        1 => {
                            let from = path.iter().position(|(n, _)| *n == parent).unwrap_or(0);
                            cycles.push(path[from..].iter().map(|(n, _)| *n).collect());
                        }
                        _ => {}
                    }
                }
                None => {
                    state[at] = 2;
                    path.pop();
                }
            }
        }
    }
    for mut cycle in cycles {
        let id = |n: usize| actors.parents[n].0;
        let first = (0..cycle.len()).min_by_key(|&i| id(cycle[i])).unwrap_or(0);
        cycle.rotate_left(first);
        let mut shown: Vec<String> = cycle.iter().map(|&n| format!("`{}`", id(n))).collect();
        shown.push(format!("`{}`", id(cycle[0])));
        errors.push(PackError {
            origin: actors.parents[cycle[0]].2.clone(),
            message: format!("`member_of` goes round in a circle: {}", shown.join(" → ")),
            help: Some("remove one of these memberships".into()),
        });
    }
}

/// A pattern word that no single token of text can equal, with how text would read it
/// (frame patterns are matched against word and number tokens; punctuation is skipped).
fn not_a_text_word<'a>(word: &'a str, placeholder: &str) -> Option<(&'a str, String)> {
    if word == placeholder || word == "..." {
        return None;
    }
    let tokens: Vec<parse::Token> = parse::token::tokens(word, parse::Span::new(0, word.len())).collect();
    match tokens.as_slice() {
        [one] if one.kind != parse::TokenKind::Punct => None,
        [one] => Some((word, format!("punctuation `{}`", one.span.text(word)))),
        many => {
            let parts: Vec<String> = many.iter().map(|t| format!("`{}`", t.span.text(word))).collect();
            Some((word, parts.join(" ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn days_are_strict() {
        assert_eq!(day("2017-04-04"), Some((2017, 4, 4)));
        for bad in ["2017-4-4", "2017-02-30", "04/04/2017", "2017-13-01", "20170404", "2017-04-04T00"] {
            assert_eq!(day(bad), None, "{bad}");
        }
        assert_eq!(day("2016-02-29"), Some((2016, 2, 29)));
    }

    #[test]
    fn unused_path_helper_is_consistent() {
        let origin = Origin::at(Path::new("a.yaml"), Pos { line: 2, column: 3 });
        assert_eq!(origin.to_string(), "a.yaml:2:3");
    }
}
