//! Values of frames: counts and dates read around numbers, credited to the unit whose
//! words hold them.

use super::sentence::Words;
use super::{Run, Unit, Voice, words};
use crate::place::Gazetteer;
use crate::ruleset::Frame;
use claim::trace::{Step, StepKind};
use claim::{Event, Found, FrameRef, Stance, Value, ValueKind};
use pack::frame::ValuePattern;
use pack::schema::{FrameKind, PlaceKind};
use parse::{Date, DateValue, Interval, Span};

impl Run<'_> {
    /// Frames relevant to paragraph `p`.
    pub(super) fn frames_of_paragraph(&mut self, p: usize) -> Vec<u32> {
        if self.paragraph_frames.len() <= p {
            self.paragraph_frames.resize(p + 1, None);
        }
        if let Some(done) = &self.paragraph_frames[p] {
            return done.clone();
        }
        let span = self.parsed.paragraphs.get(p).copied().unwrap_or_default();
        let region = self.region(span);
        let mut candidates: Vec<u32> = region
            .found_terms()
            .iter()
            .flat_map(|(t, _)| self.rules.term_frames.get(*t as usize).into_iter().flatten().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let published = self.published();
        candidates.retain(|&f| {
            let frame = &self.rules.frames[f as usize];
            self.doc_frames[f as usize]
                && frame.window.covers(published)
                && frame.about.positive(&region, &self.rules.terms, false).is_some()
        });
        self.paragraph_frames[p] = Some(candidates.clone());
        candidates
    }

    /// Values of frames in sentence `i`, each credited to the unit whose content holds it.
    pub(super) fn values(&mut self, i: usize, units: &[Unit], steps: &mut Vec<Step>) {
        let s = self.parsed.sentences[i];
        let mut frames = self.frames_of_paragraph(s.paragraph);
        if frames.is_empty() {
            return;
        }
        let rules = self.rules;
        // Named-event frames first: a number one of them reads is theirs, not a generic
        // frame's (the Khan Shaykhun toll stays `syria-2017/ks-deaths`).
        frames.sort_by_key(|&f| rules.frames[f as usize].generic);
        let mut taken: Vec<Span> = Vec::new();
        let sentence_region = self.region(s.span);
        // Pass two completed the sentence's analysis: borrow its words, give them back below.
        let words = match self.analysed.get_mut(i) {
            Some(a) if a.full => std::mem::take(&mut a.words),
            _ => Words::new(self.text, s.span),
        };
        let mut count_readings: Vec<Reading> = self
            .sentence_quantities(i)
            .iter()
            .filter(|q| !clock_time(self.text, q.span))
            .map(|q| (q.span, q.interval, None))
            .collect();
        count_readings.extend(zero_counts(&words));
        count_readings.sort_by_key(|r| r.0.start);
        let date_readings = self.date_readings(i, &frames);
        // The words before and after each reading, computed once for every frame.
        let count_around = around(&words, &count_readings);
        let date_around = around(&words, &date_readings);
        let count_shared = shared_around(&words, &count_readings, &count_around);
        let date_shared = vec![None; date_readings.len()];
        // "dozens", "hundreds": not a figure anyone reports as a toll, of any frame.
        let vague = |readings: &[Reading]| -> Vec<bool> {
            readings.iter().map(|r| words::is_vague_quantity(&self.words_of(r.0))).collect()
        };
        let (count_vague, date_vague) = (vague(&count_readings), vague(&date_readings));
        for f in frames {
            let frame = &rules.frames[f as usize];
            if frame.about.excluded(&sentence_region, &rules.terms).is_some() {
                continue;
            }
            let (readings, contexts, shared, vague) = match frame.kind {
                FrameKind::Count => (&count_readings, &count_around, &count_shared, &count_vague),
                FrameKind::Date => (&date_readings, &date_around, &date_shared, &date_vague),
            };
            for (k, (reading, context)) in readings.iter().zip(contexts).enumerate() {
                let span = reading.0;
                if frame.generic && taken.contains(&span) || vague[k] {
                    continue;
                }
                let later = &readings[k + 1..];
                // Two coordinated counts are parts ("nine children and 14 others"), never the total.
                let coordinated = || {
                    let part = !frame.heads.is_empty();
                    shared[k].as_ref().filter(|_| part).and_then(|c| frame_pattern(frame, &words, later, c))
                };
                let Some(pattern) = frame_pattern(frame, &words, later, context).or_else(coordinated) else {
                    continue;
                };
                let unit = units
                    .iter()
                    .filter(|u| u.content.contains(span))
                    .min_by_key(|u| (u.voice == Voice::Outlet, u.content.len()));
                let Some(unit) = unit else { continue };
                // A named event's frame reads only numbers of its event: "10 dead after
                // strikes on hospitals" in Idlib a year on is another event's toll.
                if let Some(named) = &frame.event
                    && !self.of_named_event(named, i)
                {
                    continue;
                }
                if !frame.generic {
                    taken.push(span);
                }
                self.push_value(i, frame, unit, reading, pattern, steps);
            }
        }
        if let Some(a) = self.analysed.get_mut(i) {
            a.words = words;
        }
    }

    /// The dates of sentence `i` as readings; read only when a date frame applies (an event
    /// key reads its own).
    fn date_readings(&self, i: usize, frames: &[u32]) -> Vec<Reading> {
        if !frames.iter().any(|&f| self.rules.frames[f as usize].kind == FrameKind::Date) {
            return Vec::new();
        }
        self.sentence_dates(i)
            .iter()
            .filter_map(|d| {
                let (from, until) = match d.value {
                    DateValue::Day(day) => (day, day),
                    DateValue::Range { from, until } => (from, until),
                    DateValue::Unresolved => return None,
                };
                let interval = Interval::closed(from.days_since_epoch() as f64, until.days_since_epoch() as f64);
                Some((d.span, interval, Some(d.value)))
            })
            .collect()
    }

    /// Records the value `frame` reads at `reading` of sentence `i` as a claim of `unit`.
    fn push_value(
        &mut self,
        i: usize,
        frame: &Frame,
        unit: &Unit,
        &(span, interval, date): &Reading,
        pattern: &ValuePattern,
        steps: &mut Vec<Step>,
    ) {
        let event = frame.generic.then(|| self.event_of(i));
        let raw = self.words_of(span);
        if self.explain {
            let detail = format!(
                "{} = {} by {} (pattern `{}`)",
                frame.id,
                interval,
                self.speaker_text(&unit.speaker),
                pattern.source
            );
            steps.push(Step { kind: StepKind::Value, text: raw.clone(), detail });
        }
        let value = Value {
            frame: FrameRef { id: frame.id.clone(), quantity: frame.quantity.clone() },
            kind: match frame.kind {
                FrameKind::Count => ValueKind::Count,
                FrameKind::Date => ValueKind::Date,
            },
            interval,
            raw,
            date,
            event,
        };
        let reasons = vec![format!("value of `{}` by pattern `{}`", frame.id, pattern.source)];
        let claim = self.claim(i, unit, Stance::Assert, None, Some(value), reasons);
        self.push_claim(claim, super::Support::Roles);
    }
}

/// A number or a date of a sentence: where it is, what it reads, the date it names.
type Reading = (Span, Interval, Option<DateValue>);

/// The words before and after a reading, punctuation left out, with the noun phrase that
/// opens `after` in lower case: read once for every frame that tries the reading.
#[derive(Clone, Debug)]
struct Around<'w> {
    before: Vec<&'w str>,
    after: Vec<&'w str>,
    /// [`noun_phrase`] of `after`, lower case.
    head: Vec<String>,
}

impl<'w> Around<'w> {
    fn new(before: Vec<&'w str>, after: Vec<&'w str>) -> Around<'w> {
        let head = noun_phrase(&after);
        Around { before, after, head }
    }
}

/// The words around each of `readings`.
fn around<'w>(words: &'w Words, readings: &[Reading]) -> Vec<Around<'w>> {
    readings
        .iter()
        .map(|(span, ..)| {
            let first = words.at(span.start);
            let last = words.before(span.end);
            let before = (0..first).map(|j| words.word(j)).filter(|w| !super::is_punct_word(w)).collect();
            let after = (last..words.len()).map(|j| words.word(j)).filter(|w| !super::is_punct_word(w)).collect();
            Around::new(before, after)
        })
        .collect()
}

/// For each count coordinated with the next one ("45 opposition fighters and 43 regime
/// forces had been killed", "including seven children and two women"), the words around it
/// with the predicate the two share: the first takes what follows the second's noun phrase,
/// the second what precedes the first. `None` for a count in no such pair.
fn shared_around<'w>(words: &Words, readings: &[Reading], around: &[Around<'w>]) -> Vec<Option<Around<'w>>> {
    let mut out = vec![None; readings.len()];
    for k in 1..readings.len() {
        if !coordinated(words, readings[k - 1].0, readings[k].0) {
            continue;
        }
        let (first, second) = (&around[k - 1], &around[k]);
        let own = first.head.len();
        let past_second = second.after.get(second.head.len()..).unwrap_or(&[]);
        let shared_after = first.after[..own].iter().chain(past_second).copied().collect();
        out[k - 1].get_or_insert_with(|| Around::new(first.before.clone(), shared_after));
        out[k] = Some(Around::new(first.before.clone(), second.after.clone()));
    }
    out
}

/// Whether only a noun phrase of one to three words and "and" (or "as well as") lie between
/// the counts at `first` and `second`.
fn coordinated(words: &Words, first: Span, second: Span) -> bool {
    let between: Vec<&str> = (words.before(first.end)..words.at(second.start)).map(|j| words.word(j)).collect();
    let conjunction = match between.as_slice() {
        [.., "as", "well", "as"] => 3,
        [.., "and"] => 1,
        _ => return false,
    };
    let phrase = &between[..between.len() - conjunction];
    // "six people died and over 10 …": a verb ends the first count's phrase.
    let verb = |w: &str| w.ends_with("ed") || w.ends_with("ing");
    (1..=3).contains(&phrase.len())
        && phrase.iter().all(|w| !super::is_punct_word(w) && !words::ends_noun_phrase(w) && !verb(w))
}

/// "there were no deaths", "no casualties were reported": a count of zero, read at `no`.
fn zero_counts(words: &Words) -> Vec<Reading> {
    (0..words.len())
        .filter(|&k| {
            words.word(k) == "no" && matches!(words.word(k + 1), "deaths" | "fatalities" | "casualties" | "dead")
        })
        .filter_map(|k| Some((words.toks.get(k)?.span, Interval::exact(0.0), None)))
        .collect()
}

/// Whether the number at `span` is part of a clock time or a time zone ("1849 UTC+3",
/// "GMT+2", "0600 GMT"): no count of anything.
fn clock_time(text: &str, span: Span) -> bool {
    const ZONES: [&str; 2] = ["UTC", "GMT"];
    let before = text.get(..span.start).unwrap_or("").trim_end_matches(['+', '-']);
    let after = text.get(span.end..).unwrap_or("").trim_start();
    ZONES.iter().any(|z| before.ends_with(z) || after.starts_with(z))
}

/// The pattern by which `frame` reads the number between `before` and `after`, or `None`
/// when what the number counts or the words around it say it is no value of this frame.
/// `later` are the sentence's readings after this one.
fn frame_pattern<'f>(frame: &'f Frame, words: &Words, later: &[Reading], around: &Around) -> Option<&'f ValuePattern> {
    let (before, after) = (around.before.as_slice(), around.after.as_slice());
    // What the number counts decides between a total and its parts: "killed 12 people" is
    // the toll, "killed 12 civilians" the civilians among it.
    let head = &around.head;
    if frame.heads.is_empty() {
        // "including 30 children" is a part; "among 25 people killed" is the whole that
        // something else is among.
        if before.last().is_some_and(|w| words::is_subset_marker(w) && *w != "among") {
            return None;
        }
        // "Two medics were among the 31 dead": a part of a toll, not the toll. But "72
        // people, among them 20 children" gives the toll and its part.
        let rest = after.get(head.len()..).unwrap_or(&[]);
        let at = rest.iter().position(|w| !matches!(words::lowercase(w).as_str(), "were" | "was" | "are" | "is"));
        let among = at.is_some_and(|k| {
            rest[k].eq_ignore_ascii_case("among")
                && !rest.get(k + 1).is_some_and(|w| matches!(words::lowercase(w).as_str(), "them" | "whom" | "those"))
        });
        if among || head.iter().any(|w| frame.refused_heads.contains(w)) {
            return None;
        }
    } else if !head.iter().any(|w| frame.heads.contains(w)) {
        return None;
    }
    // "rose from 58 to 74": the first number is the old value.
    if before.last() == Some(&"from")
        && later.iter().any(|(s2, ..)| {
            let j = words.at(s2.start);
            j > 0 && words.word(j - 1) == "to"
        })
    {
        return None;
    }
    let pattern = frame.patterns.iter().find(|p| p.matches(before, after))?;
    // "killed 3 civilians 12 others injured": a number whose own predicate is another
    // frame's ("12 others injured") is that frame's, even after this frame's verb. Not when
    // that word has an object of its own ("killed 12 wounded 30": `wounded` is a verb of 30).
    if !pattern.before.is_empty() && rival_predicate(after, head.len(), &frame.rival_predicates) {
        return None;
    }
    // "Get short URL 113 At least nine people were killed": a number between this one and
    // the predicate is the predicate's subject.
    if pattern.before.is_empty() && gap_holds_number(&pattern.after, after) {
        return None;
    }
    // "two pro-opposition groups claimed … killed dozens": a number of bodies, not of people.
    let bodies = |w: &String| w.len() > 3 && w.ends_with('s') && words::is_group_head(&w[..w.len() - 1]);
    if head.iter().any(bodies) {
        return None;
    }
    // "a room filled with 90 bodies", "he saw 80 bodies at the clinic": bodies seen in one
    // place are what someone saw, not a toll; bodies found, recovered or pulled out are.
    let of_bodies = pattern.after.iter().any(|e| matches!(e, pack::frame::Elem::Word(w) if w == "bodies"));
    if of_bodies && !before.iter().chain(after).any(|w| words::is_recovery_verb(&words::lowercase(w))) {
        return None;
    }
    // "in less than one hour", "five years of conflict": a time or a distance.
    if frame.generic && head.first().is_some_and(|w| MEASURES.contains(&w.as_str())) {
        return None;
    }
    Some(pattern)
}

impl Run<'_> {
    /// Whether the numbers of sentence `i` can count the named event `named` ([`fits`]); a
    /// document whose lead, headline or most-named place is the event's own place lends it
    /// to a sentence that names only a place the event lies in ("the Idlib health
    /// directorate put the toll at 89" in a report on Khan Shaykhun).
    fn of_named_event(&mut self, named: &Event, i: usize) -> bool {
        let read = self.event_of(i);
        let doc = self.document_event();
        let gazetteer = &self.rules.gazetteer;
        let own =
            |place: Option<u32>| place.and_then(|p| gazetteer.place_ref(p)).is_some_and(|p| is_own_place(named, &p));
        let about_it = own(doc.lead_place) || own(doc.title_place) || own(self.main_place());
        fits(named, &read, about_it)
    }
}

/// Whether `place` is the named event's place or one inside it.
fn is_own_place(named: &Event, place: &claim::PlaceRef) -> bool {
    named.place.as_ref().is_some_and(|n| place.id == n.id || place.within.iter().any(|w| w.id == n.id))
}

/// Days after a named event on which a sentence may give its toll ("gave a toll of 86 on
/// Thursday" for Tuesday's attack).
const FOLLOW_UP: i64 = 7;

/// Whether a number read in a sentence that describes `read` can count the named event
/// `named`. Its place: the event's, one inside it, or one the event's lies in ("in Idlib");
/// not another town or governorate. Its day: within a day of the event's; else, if the
/// place is the event's own, or one the event lies in in a document `about_it`, up to
/// [`FOLLOW_UP`] days after it (a toll given "on Thursday" for Tuesday's attack) or any day
/// when the sentence writes none (a report weeks later on "the attack in Khan Shaykhun");
/// up to [`FOLLOW_UP`] days after it too for a place the event lies in and the event's
/// very kind ("the chemical attack in Idlib" two days on).
/// Its kind, when written: the event's or one compatible.
fn fits(named: &Event, read: &Event, about_it: bool) -> bool {
    let own = read.place.as_ref().is_some_and(|r| is_own_place(named, r));
    let place = match (&named.place, &read.place) {
        (Some(n), Some(r)) => own || n.within.iter().any(|w| w.id == r.id),
        _ => true,
    };
    let day = match (named.date, read.date) {
        (Some(n), Some(r)) => {
            let after = r.days_since_epoch() - n.days_since_epoch();
            let written = read.date_from == Some(Found::Sentence);
            let here = own || (place && about_it);
            let same_kind = matches!((&named.kind, &read.kind), (Some(n), Some(r)) if n.id == r.id);
            after.abs() <= 1
                || ((here || (place && same_kind)) && (0..=FOLLOW_UP).contains(&after))
                || (here && !written)
        }
        _ => true,
    };
    let kind = match (&named.kind, &read.kind) {
        (Some(n), Some(r)) => n.id == r.id || n.compatible.contains(&r.id) || r.compatible.contains(&n.id),
        _ => true,
    };
    place && day && kind
}

/// Whether `span` of `text` says "in <Month>" ("in February", "In July a suicide bomb
/// killed 16" in a report of 27 July): an older event's time, since a report of the day's
/// event names its day, not its month.
fn names_a_month(text: &str, span: Span) -> bool {
    let Some(sentence) = text.get(span.start..span.end) else { return false };
    let words: Vec<&str> = sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.windows(2).any(|pair| {
        pair[0].eq_ignore_ascii_case("in")
            && pair[1].len() >= 3
            && pair[1].starts_with(|c: char| c.is_ascii_uppercase())
            && parse::date::month_number(pair[1]).is_some()
    })
}

/// Nouns of time and distance: a number they count is no count of people.
const MEASURES: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "percent",
];

/// Whether the gap of a `{N} ... word` pattern (`after`, its elements after the number)
/// holds another number before the pattern's word in `words` (the words after the number):
/// that nearer number is the word's subject. Not a part ("12 people including 3 children
/// were killed"), a figure counted out of it ("3 of them"), nor the whole this number is
/// among ("6 civilians were among 22 people killed").
fn gap_holds_number(after: &[pack::frame::Elem], words: &[&str]) -> bool {
    let [pack::frame::Elem::Gap, pack::frame::Elem::Word(w), ..] = after else { return false };
    let first = w.split(' ').next().unwrap_or("");
    let Some(end) = words.iter().take(pack::frame::GAP + 1).position(|x| x.eq_ignore_ascii_case(first)) else {
        return false;
    };
    // "Six civilians were among at least 22 people killed": the later number is the whole
    // this one is a part of.
    // "31 of the 40 missiles hit": this number is counted out of the later one, its whole.
    if words[..end].iter().any(|w| w.eq_ignore_ascii_case("among"))
        || words.first().is_some_and(|w| w.eq_ignore_ascii_case("of"))
    {
        return false;
    }
    (0..end).any(|k| {
        let word = words[k];
        let number = !parse::number::quantities(word, Span::new(0, word.len())).is_empty();
        let part = k > 0 && words::is_subset_marker(&words::lowercase(words[k - 1]));
        let counted_out = words.get(k + 1).is_some_and(|n| n.eq_ignore_ascii_case("of"));
        number && !part && !counted_out
    })
}

/// The words of the noun phrase right after a number, up to three, in lower case: "12
/// Syrian civilians were killed" gives "syrian civilians"; it ends at a word that opens
/// another phrase.
fn noun_phrase(after: &[&str]) -> Vec<String> {
    after.iter().take(3).map(|w| words::lowercase(w)).take_while(|w| !words::ends_noun_phrase(w)).collect()
}

/// Whether the words after a number, before its noun phrase (`phrase` words) ends, hold one
/// of `rivals` that is not followed by a number of its own.
fn rival_predicate(after: &[&str], phrase: usize, rivals: &[String]) -> bool {
    if rivals.is_empty() {
        return false;
    }
    // "14 people were killed 25 were wounded": the predicate may follow an auxiliary.
    let auxiliaries = after[phrase..]
        .iter()
        .take_while(|w| {
            matches!(words::lowercase(w).as_str(), "were" | "was" | "are" | "is" | "have" | "has" | "had" | "been")
        })
        .count();
    (0..phrase + auxiliaries + 1).filter(|&k| k < after.len()).any(|k| {
        rivals.iter().any(|r| after[k].eq_ignore_ascii_case(r))
            && after.get(k + 1).is_none_or(|w| parse::number::quantities(w, Span::new(0, w.len())).is_empty())
    })
}

/// The first place among `found` (span, place) that is not a country, preferring the most
/// deeply nested: a town over its governorate.
fn most_specific(gazetteer: &Gazetteer, found: &[(Span, u32)], last: bool) -> Option<u32> {
    let candidates = found.iter().filter(|(_, p)| gazetteer.kind_of_place(*p) != Some(PlaceKind::Country));
    let best = |a: &&(Span, u32), b: &&(Span, u32)| gazetteer.depth(a.1).cmp(&gazetteer.depth(b.1));
    if last {
        candidates.max_by(best).map(|(_, p)| *p)
    } else {
        // `max_by` keeps the last of equals: reverse so the first mention wins.
        candidates.rev().max_by(best).map(|(_, p)| *p)
    }
}

/// How many earlier sentences of its paragraph a value's event may take its place, day
/// and kind from.
const EARLIER: usize = 2;

/// What the whole document says of its events, computed once: the lead's place, day and
/// kind, and the place it names most.
#[derive(Clone, Debug, Default)]
pub(super) struct DocumentEvent {
    /// The day the body says it was written, when it opens with one ("Sun 16 Apr 2017",
    /// "Published February 18 2015", "24.08.2013"): the day an event's "on Tuesday" counts
    /// from, before the publication date given with the document (a CSV column may be wrong).
    dateline: Option<Date>,
    lead_place: Option<u32>,
    lead_date: Option<Date>,
    lead_kind: Option<u32>,
    /// The headline's, when given apart from the body (a CSV column, front matter).
    title_place: Option<u32>,
    title_kind: Option<u32>,
    /// [`Run::main_place`], once an event has asked for it (a scan of the whole document).
    main_place: Option<Option<u32>>,
}

impl Run<'_> {
    /// A day among `dates` that an event reported on `published` can have happened on: not
    /// after publication, at most a fortnight before it.
    fn event_day(dates: &[parse::DateMention], published: Option<Date>) -> Option<Date> {
        dates.iter().find_map(|d| match d.value {
            DateValue::Day(day) => match published {
                Some(p) => (day <= p && p.days_since_epoch() - day.days_since_epoch() <= 14).then_some(day),
                None => Some(day),
            },
            _ => None,
        })
    }

    fn document_event(&mut self) -> DocumentEvent {
        if let Some(done) = &self.document_event {
            return done.clone();
        }
        let gazetteer = &self.rules.gazetteer;
        let mut out = DocumentEvent::default();
        if let Some(lead) = self.parsed.sentences.first() {
            out.dateline = dateline(self.text, lead.span);
            let today = out.dateline.or(self.published());
            out.lead_place = most_specific(gazetteer, &gazetteer.places_in(self.text, lead.span), false);
            out.lead_kind = gazetteer.kinds_in(self.text, lead.span).first().map(|(_, k)| *k);
            let dates = parse::date::dates(self.text, lead.span, today);
            // The dateline itself is the day of writing, not of the lead's event.
            let dates: Vec<parse::DateMention> =
                dates.into_iter().filter(|d| out.dateline.is_none() || d.span.start > lead.span.start + 40).collect();
            out.lead_date = Self::event_day(&dates, today);
        }
        if let Some(title) = self.document.title.as_deref() {
            let whole = Span::new(0, title.len());
            out.title_place = most_specific(gazetteer, &gazetteer.places_in(title, whole), false);
            out.title_kind = gazetteer.kinds_in(title, whole).first().map(|(_, k)| *k);
        }
        self.document_event = Some(out.clone());
        out
    }

    /// The place the document names most, countries left out; among equals, the first
    /// named. Read for the document's first event that needs it, then kept.
    fn main_place(&mut self) -> Option<u32> {
        if let Some(done) = self.document_event.as_ref().and_then(|d| d.main_place) {
            return done;
        }
        let gazetteer = &self.rules.gazetteer;
        let all = gazetteer.places_in(self.text, Span::new(0, self.text.len()));
        let mut counts: Vec<(u32, usize, usize)> = Vec::new();
        for (at, (_, place)) in all.iter().enumerate() {
            if gazetteer.kind_of_place(*place) == Some(PlaceKind::Country) {
                continue;
            }
            match counts.iter_mut().find(|(p, _, _)| p == place) {
                Some(entry) => entry.1 += 1,
                None => counts.push((*place, 1, at)),
            }
        }
        // Most mentions; among equals, the first named.
        let main = counts.iter().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2))).map(|(p, _, _)| *p);
        if let Some(doc) = &mut self.document_event {
            doc.main_place = Some(main);
        }
        main
    }

    /// The event sentence `i` describes: each part from the sentence, else the sentences
    /// before it in its paragraph, else the document's lead, else (place and kind) its
    /// headline when given apart from the body, else (the place) the place the document
    /// names most or (the day) the publication date.
    pub(super) fn event_of(&mut self, i: usize) -> Event {
        if let Some((at, event)) = &self.event_cache
            && *at == i
        {
            return event.clone();
        }
        let s = self.parsed.sentences[i];
        // The sentences before it in its paragraph, at most [`EARLIER`] of them: a story's
        // context is near, and a paragraph may be a whole article (so never all of it).
        let first = (i.saturating_sub(EARLIER)..i)
            .find(|&j| self.parsed.sentences[j].paragraph == s.paragraph)
            .map_or(s.span.start, |j| self.parsed.sentences[j].span.start);
        let before = Span::new(first.min(s.span.start), s.span.start);
        let mut doc = self.document_event();
        let rules = self.rules;
        let gazetteer = &rules.gazetteer;
        // "In another incident", "elsewhere": the sentence leaves the event before it, so
        // its place and kind are its own or unknown.
        let broken = gazetteer.breaks_in(self.text, s.span);
        let (before, doc) = if broken {
            doc = DocumentEvent { dateline: doc.dateline, ..DocumentEvent::default() };
            (Span::new(s.span.start, s.span.start), doc)
        } else {
            (before, doc)
        };

        let place = most_specific(gazetteer, &gazetteer.places_in(self.text, s.span), false)
            .map(|p| (p, Found::Sentence))
            .or_else(|| {
                most_specific(gazetteer, &gazetteer.places_in(self.text, before), true).map(|p| (p, Found::Paragraph))
            })
            .or_else(|| doc.lead_place.map(|p| (p, Found::Lead)))
            .or_else(|| doc.title_place.map(|p| (p, Found::Title)));
        let place = match place {
            None if !broken => self.main_place().map(|p| (p, Found::Document)),
            found => found,
        };
        let kind = gazetteer
            .kinds_in(self.text, s.span)
            .first()
            .map(|(_, k)| *k)
            .or_else(|| gazetteer.kinds_in(self.text, before).last().map(|(_, k)| *k))
            .or(doc.lead_kind)
            .or(doc.title_kind);
        let today = doc.dateline.or(self.published());
        let own = if doc.dateline.is_some() && doc.dateline != self.published() {
            std::rc::Rc::from(parse::date::dates(self.text, s.span, today))
        } else {
            self.sentence_dates(i)
        };
        // In the first sentence, the dateline is no event's day.
        let own: Vec<parse::DateMention> = own
            .iter()
            .filter(|d| i > 0 || doc.dateline.is_none() || d.span.start > s.span.start + 40)
            .cloned()
            .collect();
        // "A string of bombings near the shrine in February left 134 dead": a sentence that
        // names only an earlier time tells an older event, whose day is not the story's.
        // A day more than a fortnight back, or a span over before yesterday ("last month").
        let older = |d: &parse::DateMention| {
            let (until, slack) = match d.value {
                DateValue::Day(day) => (day, 14),
                DateValue::Range { until, .. } => (until, 1),
                DateValue::Unresolved => return false,
            };
            today.is_some_and(|t| t.days_since_epoch() - until.days_since_epoch() > slack)
        };
        let earlier_only =
            Self::event_day(&own, today).is_none() && (own.iter().any(older) || names_a_month(self.text, s.span));
        let date = Self::event_day(&own, today)
            .map(|d| (d, Found::Sentence))
            .filter(|_| !earlier_only)
            .or_else(|| {
                let earlier = parse::date::dates(self.text, before, today);
                Self::event_day(&earlier, today).map(|d| (d, Found::Paragraph))
            })
            .or_else(|| doc.lead_date.map(|d| (d, Found::Lead)))
            .or_else(|| today.map(|d| (d, Found::Published)))
            .filter(|_| !earlier_only);
        let event = Event {
            place: place.and_then(|(p, _)| gazetteer.place_ref(p)),
            place_from: place.map(|(_, f)| f),
            date: date.map(|(d, _)| d),
            date_from: date.map(|(_, f)| f),
            kind: kind.and_then(|k| gazetteer.kind_ref(k)),
        };
        self.event_cache = Some((i, event.clone()));
        event
    }
}

/// Words that may come before a dateline: "Published", "Posted on", "Date of publication",
/// a weekday's abbreviation ("Sun"); full weekday names come from [`parse::date::is_weekday`].
const DATELINE_WORDS: &[&str] = &[
    "published",
    "posted",
    "on",
    "date",
    "of",
    "publication",
    "updated",
    "last",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

/// The day a body opens with, its dateline: a full date (with its year) within the first
/// 40 bytes of the lead `lead`, after nothing but [`DATELINE_WORDS`] and weekdays; numeric datelines
/// are day first ("24.08.2013", "06-08-2013").
fn dateline(text: &str, lead: Span) -> Option<Date> {
    let head = text.get(lead.start..lead.end)?;
    let cut = head.char_indices().nth(60).map_or(head.len(), |(k, _)| k);
    let head = &head[..cut];
    let only_preamble = |before: &str| {
        before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| parse::date::is_weekday(w) || DATELINE_WORDS.iter().any(|d| d.eq_ignore_ascii_case(w)))
    };
    // Day first, with dots or dashes: "24.08.2013", "6-09-2013".
    let start = head.find(|c: char| c.is_ascii_digit())?;
    let numeric: Vec<&str> = head[start..]
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .next()
        .map(|w| w.split(['.', '-']).collect())
        .unwrap_or_default();
    if start <= 40
        && only_preamble(&head[..start])
        && let [d, m, y] = numeric.as_slice()
        && y.len() == 4
        && let (Ok(d), Ok(m), Ok(y)) = (d.parse::<u32>(), m.parse::<u32>(), y.parse::<i32>())
    {
        return Date::new(y, m, d);
    }
    let dates = parse::date::dates(head, Span::new(0, head.len()), None);
    let first = dates.first()?;
    let written = head.get(first.span.start..first.span.end)?;
    let has_year = written.split(|c: char| !c.is_ascii_digit()).any(|w| w.len() == 4);
    match first.value {
        DateValue::Day(day) if has_year && first.span.start <= 40 && only_preamble(&head[..first.span.start]) => {
            Some(day)
        }
        _ => None,
    }
}
