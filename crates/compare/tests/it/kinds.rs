//! One test per conflict kind, and the rules around them.

use crate::claim;
use claim::{Claim, ConflictKind, Severity, Stance};
use compare::{Comparison, PositionStance, compare};
use pack::schema::{ChecksDef, Off, OverrideDef, SeverityOrOff, UnlistedDef};
use parse::Bound;

fn run(claims: &[Claim]) -> Comparison {
    compare(claims, &ChecksDef::default().compile())
}

fn kinds(c: &Comparison) -> Vec<(ConflictKind, Vec<String>)> {
    c.conflicts.iter().map(|c| (c.kind, c.actors.clone())).collect()
}

fn strs(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn opposed_stance_between_principals_with_members_rolled_up() {
    let claims = vec![
        claim("USA", Stance::Assert, Some("p"), 0, "Tillerson said Assad did it.").speaker("rex-tillerson").build(),
        claim("USA", Stance::Assert, Some("p"), 1, "Haley said Assad did it.").speaker("nikki-haley").build(),
        claim("RUS", Stance::Deny, Some("p"), 2, "Lavrov denied Assad did it.").speaker("sergey-lavrov").build(),
    ];
    let c = run(&claims);
    assert_eq!(kinds(&c), vec![(ConflictKind::OpposedStance, strs(&["RUS", "USA"]))]);
    let conflict = &c.conflicts[0];
    assert_eq!(conflict.severity, Severity::Error);
    assert_eq!(conflict.sides[0].actor, "USA");
    assert_eq!(conflict.sides[0].evidence.len(), 2);
    assert_eq!(conflict.sides[0].evidence[0].speaker_id, "rex-tillerson");
    assert_eq!(conflict.sides[1].actor, "RUS");
    assert_eq!(c.positions.len(), 2);
    assert_eq!(c.positions[1].actor, "USA");
    assert_eq!(c.positions[1].asserts, 2);
    assert_eq!(c.positions[1].stance, PositionStance::Assert);
}

#[test]
fn a_side_lists_its_first_evidence_and_counts_the_rest() {
    let mut claims: Vec<Claim> = (0..30u32)
        .map(|doc| claim("USA", Stance::Assert, Some("p"), doc, &format!("Assad did it, statement {doc}.")).build())
        .collect();
    claims.push(claim("RUS", Stance::Deny, Some("p"), 40, "Assad did not do it.").build());
    let c = run(&claims);
    let usa = &c.conflicts[0].sides[0];
    assert_eq!(usa.actor, "USA");
    assert_eq!(usa.evidence.len(), compare::MAX_EVIDENCE_PER_SIDE);
    assert_eq!(usa.evidence_omitted, 30 - compare::MAX_EVIDENCE_PER_SIDE);
    assert_eq!(usa.evidence[0].evidence.sentence, "Assad did it, statement 0.", "the first in document order");
    assert_eq!(c.conflicts[0].sides[1].evidence_omitted, 0);
    assert_eq!(c.positions.iter().find(|p| p.actor == "USA").map(|p| p.asserts), Some(30), "positions count all");

    // The fingerprint is what the conflict is about, not its evidence: rewording, adding or
    // removing a report of a known position keeps it (baselines hold).
    let mut changed = claims.clone();
    changed[29].evidence.sentence = "Assad did it, a different statement.".into();
    assert_eq!(run(&changed).conflicts[0].fingerprint, c.conflicts[0].fingerprint);
    changed.truncate(3);
    changed.push(claim("RUS", Stance::Deny, Some("p"), 41, "Assad never did it.").build());
    assert_eq!(run(&changed).conflicts[0].fingerprint, c.conflicts[0].fingerprint);
}

#[test]
fn same_bloc_is_not_opposed() {
    let claims = vec![
        claim("USA", Stance::Assert, Some("p"), 0, "A.").blocs(&["WEST"]).build(),
        claim("GBR", Stance::Deny, Some("p"), 1, "B.").blocs(&["WEST"]).build(),
        claim("WEST", Stance::Deny, Some("p"), 2, "C.").build(),
    ];
    assert_eq!(kinds(&run(&claims)), vec![]);
}

#[test]
fn outlet_voice_takes_no_stance_part() {
    let claims = vec![
        claim("USA", Stance::Assert, Some("p"), 0, "A.").build(),
        claim("source:paper", Stance::Deny, Some("p"), 1, "B.").outlet_voice().build(),
    ];
    let c = run(&claims);
    assert!(c.conflicts.is_empty());
    assert_eq!(c.positions.len(), 1);
}

/// Issue 18: "an unknown speaker who takes a stance on a listed proposition is its own
/// principal in conflicts".
#[test]
fn a_speaker_no_pack_lists_is_its_own_principal_of_an_opposed_stance() {
    let claims = vec![
        claim("SYR", Stance::Deny, Some("p"), 0, "Damascus denied it.").build(),
        claim("description:local-activists", Stance::Assert, Some("p"), 1, "Activists accused Assad.")
            .unlisted_voice()
            .build(),
    ];
    let c = run(&claims);
    assert_eq!(kinds(&c), vec![(ConflictKind::OpposedStance, strs(&["SYR", "description:local-activists"]))]);
    assert_eq!(c.positions.len(), 2);
    // A hedge commits to nothing, whoever says it.
    let mut hedged = claims.clone();
    hedged[1].stance = Stance::Hedge;
    assert!(run(&hedged).conflicts.is_empty());
}

/// One description gathers people who need not share a position: "activists" asserting in
/// one article and denying in another contradict no one.
#[test]
fn a_speaker_no_pack_lists_does_not_contradict_itself() {
    let claims = vec![
        claim("description:local-activists", Stance::Assert, Some("p"), 0, "Activists blamed the army.")
            .unlisted_voice()
            .build(),
        claim("description:local-activists", Stance::Deny, Some("p"), 1, "Activists said the army had no part.")
            .unlisted_voice()
            .build(),
    ];
    assert!(run(&claims).conflicts.is_empty(), "{:?}", kinds(&run(&claims)));
    // The same two stances of a pack's actor are one.
    let mut listed = claims.clone();
    for c in &mut listed {
        c.voice = claim::Voice::Actor;
    }
    assert_eq!(kinds(&run(&listed)).len(), 1);
}

#[test]
fn a_speaker_no_pack_lists_keeps_its_figures_in_value_conflicts() {
    let claims = vec![
        claim("SOHR", Stance::Assert, None, 0, "74 killed.")
            .count("toll", Bound::Inclusive(74.0), Bound::Inclusive(74.0), "74")
            .build(),
        claim("description:local-activists", Stance::Assert, None, 1, "213 killed.")
            .unlisted_voice()
            .count("toll", Bound::Inclusive(213.0), Bound::Inclusive(213.0), "213")
            .build(),
    ];
    assert_eq!(kinds(&run(&claims)).first().map(|k| k.0), Some(ConflictKind::ValueMismatch));
}

#[test]
fn self_contradiction_in_one_source_shows_the_change_of_position() {
    let claims = vec![
        claim("RUS", Stance::Deny, Some("p"), 1, "Later they denied it.").date(2017, 5, 1).build(),
        claim("RUS", Stance::Assert, Some("p"), 0, "First they said it.").date(2017, 4, 5).build(),
    ];
    let c = run(&claims);
    assert_eq!(kinds(&c), vec![(ConflictKind::SelfContradiction, strs(&["RUS"]))]);
    let conflict = &c.conflicts[0];
    assert!(conflict.message.contains("changed position: asserted until 2017-04-05, denies from 2017-05-01"));
    assert_eq!(conflict.sides[0].stance, Stance::Assert);
    assert_eq!(conflict.severity, Severity::Warning);
    assert_eq!(c.positions[0].stance, PositionStance::Mixed);
}

#[test]
fn changed_position_ordered_deny_first_when_the_deny_came_first() {
    let claims = vec![
        claim("RUS", Stance::Assert, Some("p"), 0, "Now they say it.").date(2017, 6, 1).build(),
        claim("RUS", Stance::Deny, Some("p"), 1, "They denied it.").date(2017, 4, 1).build(),
    ];
    let c = run(&claims);
    assert_eq!(c.conflicts[0].sides[0].stance, Stance::Deny);
    assert!(c.conflicts[0].message.contains("denied until 2017-04-01"));
}

#[test]
fn report_conflict_when_outlets_disagree_at_the_same_time() {
    let claims = vec![
        claim("RUS", Stance::Assert, Some("p"), 0, "Paper A: Russia acknowledged it.").source("a").build(),
        claim("RUS", Stance::Deny, Some("p"), 1, "Paper B: Russia denied it.").source("b").build(),
    ];
    let c = run(&claims);
    assert_eq!(kinds(&c), vec![(ConflictKind::ReportConflict, strs(&["RUS"]))]);
    let sides: Vec<(&str, Stance)> = c.conflicts[0].sides.iter().map(|s| (s.actor.as_str(), s.stance)).collect();
    assert_eq!(sides, vec![("a", Stance::Assert), ("b", Stance::Deny)]);
}

#[test]
fn first_hand_on_both_sides_is_a_change_of_position_not_a_report_conflict() {
    let claims = vec![
        claim("RUS", Stance::Assert, Some("p"), 0, "We acknowledge it.").source("RUS").build(),
        claim("RUS", Stance::Deny, Some("p"), 1, "We deny it.").source("rus").build(),
    ];
    assert_eq!(kinds(&run(&claims)), vec![(ConflictKind::SelfContradiction, strs(&["RUS"]))]);
}

#[test]
fn value_mismatch_and_hedged_intervals() {
    let claims = vec![
        claim("source:a", Stance::Assert, None, 0, "74 killed.")
            .outlet_voice()
            .count("toll", Bound::Inclusive(74.0), Bound::Inclusive(74.0), "74")
            .build(),
        claim("SYR", Stance::Assert, None, 1, "86 killed.")
            .count("toll", Bound::Inclusive(86.0), Bound::Inclusive(86.0), "86")
            .build(),
        claim("USA", Stance::Assert, None, 2, "At least 70 killed.")
            .count("toll", Bound::Inclusive(70.0), Bound::Unbounded, "at least 70")
            .build(),
    ];
    let c = run(&claims);
    // [70, inf) overlaps both 74 and 86: only 74 vs 86 is a mismatch.
    assert_eq!(kinds(&c), vec![(ConflictKind::ValueMismatch, strs(&["SYR", "source:a"]))]);
    assert_eq!(c.conflicts[0].sides[0].value.as_ref().map(|v| v.raw.as_str()), Some("74"));
}

#[test]
fn readings_are_deduplicated_by_principal_and_interval() {
    let seventy_four = |doc| {
        claim("source:a", Stance::Assert, None, doc, "74 killed.")
            .outlet_voice()
            .count("toll", Bound::Inclusive(74.0), Bound::Inclusive(74.0), "74")
            .build()
    };
    let claims = vec![
        seventy_four(0),
        seventy_four(1),
        claim("SYR", Stance::Assert, None, 2, "86.")
            .count("toll", Bound::Inclusive(86.0), Bound::Inclusive(86.0), "86")
            .build(),
        claim("SYR", Stance::Deny, None, 3, "not 90.")
            .count("toll", Bound::Inclusive(90.0), Bound::Inclusive(90.0), "90")
            .build(),
    ];
    let c = run(&claims);
    assert_eq!(c.conflicts.len(), 1, "denials give no value and equal readings merge");
    assert_eq!(c.conflicts[0].sides[0].evidence.len(), 2);
}

/// A count read as `value` by outlet `source`.
fn toll(source: &str, doc: u32, low: Bound, high: Bound, raw: &str) -> Claim {
    claim(source, Stance::Assert, None, doc, raw).outlet_voice().count("toll", low, high, raw).build()
}

fn pairs(c: &Comparison) -> Vec<(String, String)> {
    c.conflicts
        .iter()
        .map(|k| {
            let raw = |i: usize| k.sides[i].value.as_ref().map_or(String::new(), |v| v.raw.clone());
            (raw(0), raw(1))
        })
        .collect()
}

#[test]
fn many_readings_pair_with_their_nearest_neighbours_not_all_pairs() {
    let exact = |source: &str, doc, v: f64, raw: &str| toll(source, doc, Bound::Inclusive(v), Bound::Inclusive(v), raw);
    let claims = vec![
        exact("source:a", 0, 74.0, "74"),
        exact("source:b", 1, 86.0, "86"),
        exact("source:c", 2, 86.0, "eighty-six"),
        exact("source:d", 3, 92.0, "92"),
        toll("source:e", 4, Bound::Inclusive(80.0), Bound::Unbounded, "at least 80"),
    ];
    let c = run(&claims);
    let mut found = pairs(&c);
    found.sort();
    let want = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect();
        v.sort();
        v
    };
    // 74 meets "at least 80" (nearest, open above) and both 86s (nearest bounded); each 86
    // meets 92; 74 vs 92 follows along the chain and is not repeated.
    assert_eq!(
        found,
        want(&[("74", "at least 80"), ("74", "86"), ("74", "eighty-six"), ("86", "92"), ("eighty-six", "92")])
    );

    // A hundred different tolls give 99 conflicts, not 4,950.
    let many: Vec<Claim> = (0..100u32).map(|i| exact(&format!("source:{i}"), i, 50.0 + f64::from(i), "n")).collect();
    assert_eq!(run(&many).conflicts.len(), 99);
}

#[test]
fn rising_toll_published_later_is_revised() {
    let claims = vec![
        claim("source:a", Stance::Assert, None, 0, "58 killed.")
            .outlet_voice()
            .date(2017, 4, 4)
            .count("toll", Bound::Inclusive(58.0), Bound::Inclusive(58.0), "58")
            .build(),
        claim("source:a", Stance::Assert, None, 1, "86 killed.")
            .outlet_voice()
            .date(2017, 4, 6)
            .count("toll", Bound::Inclusive(86.0), Bound::Inclusive(86.0), "86")
            .build(),
    ];
    let c = run(&claims);
    assert_eq!(kinds(&c), vec![(ConflictKind::ValueRevised, strs(&["source:a"]))]);
    assert_eq!(c.conflicts[0].severity, Severity::Note);
    assert!(c.conflicts[0].message.contains("revised from 58"));

    // The same values with the higher one first are a mismatch, not a revision.
    let mut reversed = claims.clone();
    reversed[0].evidence.published = parse::Date::new(2017, 4, 8);
    assert_eq!(run(&reversed).conflicts[0].kind, ConflictKind::ValueMismatch);
}

#[test]
fn two_figures_of_one_sentence_by_one_principal_are_no_conflict() {
    let sentence = "Of the 40 missiles launched, 31 hit the runway, officials said.";
    let hit = |principal: &str, doc: u32, sentence: &str, n: f64| {
        claim(principal, Stance::Assert, None, doc, sentence)
            .count("hit", Bound::Inclusive(n), Bound::Inclusive(n), &n.to_string())
            .build()
    };
    // One speaker, one sentence, two figures: two quantities, not a speaker against itself.
    assert!(run(&[hit("USA", 0, sentence, 40.0), hit("USA", 0, sentence, 31.0)]).conflicts.is_empty());
    // Two principals in one sentence still disagree.
    let two = run(&[hit("USA", 0, sentence, 40.0), hit("RUS", 0, sentence, 31.0)]);
    assert_eq!(kinds(&two), vec![(ConflictKind::ValueMismatch, strs(&["RUS", "USA"]))]);
    // One principal in two sentences does too.
    let apart = run(&[hit("USA", 0, sentence, 40.0), hit("USA", 1, "Only 31 hit the runway.", 31.0)]);
    assert_eq!(kinds(&apart), vec![(ConflictKind::ValueMismatch, strs(&["USA"]))]);
}

#[test]
fn event_dates_conflict_when_different_days() {
    let claims = vec![
        claim("source:a", Stance::Assert, None, 0, "vetoed on Tuesday").outlet_voice().day("veto", 2017, 4, 11).build(),
        claim("source:b", Stance::Assert, None, 1, "vetoed on Wednesday")
            .outlet_voice()
            .day("veto", 2017, 4, 12)
            .build(),
        claim("source:c", Stance::Assert, None, 2, "vetoed Wednesday").outlet_voice().day("veto", 2017, 4, 12).build(),
    ];
    let c = run(&claims);
    assert_eq!(
        kinds(&c),
        vec![
            (ConflictKind::ValueMismatch, strs(&["source:a", "source:b"])),
            (ConflictKind::ValueMismatch, strs(&["source:a", "source:c"])),
        ]
    );
    assert!(c.conflicts[0].message.contains("2017-04-11"));
}

fn unlisted_pair(second: &str) -> Vec<Claim> {
    let mut a = claim("USA", Stance::Assert, None, 0, "x").build();
    a.content = "the syrian air force dropped sarin bombs on the town of khan shaykhun".to_owned();
    let mut b = claim("RUS", Stance::Deny, None, 1, "y").build();
    b.content = second.to_owned();
    let mut noise = claim("FRA", Stance::Deny, None, 2, "z").build();
    noise.content = "the weather in paris was fine on tuesday".to_owned();
    vec![a, b, noise]
}

#[test]
fn unlisted_near_duplicates_with_opposite_stance() {
    let c = run(&unlisted_pair("the syrian air force did not drop sarin bombs on the town of khan shaykhoun"));
    assert_eq!(kinds(&c), vec![(ConflictKind::Unlisted, strs(&["RUS", "USA"]))]);
    assert!(c.conflicts[0].confidence < 1.0);
    assert_eq!(c.conflicts[0].severity, Severity::Note);
    // Different contents are not near-duplicates.
    assert!(
        run(&unlisted_pair("the syrian opposition staged the whole incident for the cameras")).conflicts.is_empty()
    );
}

#[test]
fn unlisted_threshold_comes_from_checks() {
    let claims = unlisted_pair("the syrian air force did not drop sarin bombs on the town of khan shaykhoun");
    let checks = ChecksDef { unlisted: Some(UnlistedDef { similarity: 0.999 }), ..ChecksDef::default() };
    assert!(compare(&claims, &checks.compile()).conflicts.is_empty());
}

#[test]
fn severities_kinds_off_and_overrides() {
    let claims = vec![
        claim("USA", Stance::Assert, Some("p"), 0, "A.").build(),
        claim("RUS", Stance::Deny, Some("p"), 1, "B.").build(),
        claim("USA", Stance::Assert, Some("q"), 2, "C.").build(),
        claim("RUS", Stance::Deny, Some("q"), 3, "D.").build(),
    ];
    let mut checks = ChecksDef::default();
    checks.severity.insert(ConflictKind::OpposedStance, SeverityOrOff::Severity(Severity::Warning));
    checks.overrides.push(OverrideDef { target: "q".to_owned(), kind: None, severity: SeverityOrOff::Off(Off::Off) });
    let c = compare(&claims, &checks.compile());
    assert_eq!(c.conflicts.len(), 1);
    assert_eq!(c.conflicts[0].severity, Severity::Warning);
    assert_eq!(c.conflicts[0].proposition.as_ref().map(|p| p.id.as_str()), Some("p"));
}

#[test]
fn fingerprint_ignores_evidence_paths_lines_and_document_order() {
    let claims = vec![
        claim("USA", Stance::Assert, Some("p"), 0, "Assad did it.").build(),
        claim("RUS", Stance::Deny, Some("p"), 1, "Assad did  NOT do it.").build(),
    ];
    let mut moved = claims.clone();
    for (i, c) in moved.iter_mut().enumerate() {
        c.evidence.path = format!("elsewhere/{i}.txt");
        c.evidence.line += 40;
        c.evidence.ordinal.file = 9 - i as u32;
    }
    moved[1].evidence.sentence = "assad did not do it.".to_owned();
    let (a, b) = (run(&claims), run(&moved));
    assert_eq!(a.conflicts[0].fingerprint, b.conflicts[0].fingerprint);
    assert_eq!(a.conflicts[0].fingerprint.len(), 16);
    // Other evidence for the same positions: the same conflict.
    let mut reworded = claims.clone();
    reworded[1].evidence.sentence = "Something else.".to_owned();
    assert_eq!(a.conflicts[0].fingerprint, run(&reworded).conflicts[0].fingerprint);
    // Another proposition, or another actor: another conflict.
    let other = vec![
        claim("USA", Stance::Assert, Some("q"), 0, "Assad did it.").build(),
        claim("RUS", Stance::Deny, Some("q"), 1, "Assad did  NOT do it.").build(),
    ];
    assert_ne!(a.conflicts[0].fingerprint, run(&other).conflicts[0].fingerprint);
    let mut other = claims;
    other[1] = claim("SYR", Stance::Deny, Some("p"), 1, "Assad did NOT do it.").build();
    assert_ne!(a.conflicts[0].fingerprint, run(&other).conflicts[0].fingerprint);
}

#[test]
fn one_outlet_relaying_two_accounts_of_a_speaker_is_a_report_conflict() {
    // "…, according to a Turkish diplomat" and "Russian media quoted him as saying …" in one
    // article: the outlet relays two reports that disagree; nobody contradicted themselves.
    let claims = vec![
        claim("RUS", Stance::Assert, Some("p"), 0, "He conceded it, according to a diplomat.")
            .relay("diplomat")
            .build(),
        claim("RUS", Stance::Deny, Some("p"), 0, "Russian media quoted him denying it.").relay("RUS-media").build(),
    ];
    let c = run(&claims);
    assert_eq!(kinds(&c), vec![(ConflictKind::ReportConflict, strs(&["RUS"]))]);
    let sides: Vec<(&str, Stance)> = c.conflicts[0].sides.iter().map(|s| (s.actor.as_str(), s.stance)).collect();
    assert_eq!(sides, vec![("diplomat", Stance::Assert), ("RUS-media", Stance::Deny)]);
    assert!(c.conflicts[0].message.contains("outlet-a (via diplomat) report an assert"));
}

#[test]
fn one_relay_giving_both_stances_is_still_a_self_contradiction() {
    // The negative: the same relay reports both stances of the speaker.
    let claims = vec![
        claim("RUS", Stance::Assert, Some("p"), 0, "He conceded it, a diplomat said.").relay("diplomat").build(),
        claim("RUS", Stance::Deny, Some("p"), 0, "He then denied it, the diplomat added.").relay("diplomat").build(),
    ];
    assert_eq!(kinds(&run(&claims)), vec![(ConflictKind::SelfContradiction, strs(&["RUS"]))]);
}

#[test]
fn an_outlet_relaying_its_own_principal_is_not_first_hand() {
    // A relayed claim in the principal's own outlet is still second-hand: a direct deny in
    // that outlet and an assert it heard through a diplomat are two reports, not one voice.
    let claims = vec![
        claim("RUS", Stance::Assert, Some("p"), 0, "He conceded it, a diplomat said.")
            .source("RUS")
            .relay("diplomat")
            .build(),
        claim("RUS", Stance::Deny, Some("p"), 1, "We deny it.").source("rus").build(),
    ];
    assert_eq!(kinds(&run(&claims)), vec![(ConflictKind::ReportConflict, strs(&["RUS"]))]);
}
