//! Values of frames: counts and dates read around numbers, credited to the unit whose
//! words hold them.

use super::sentence::Words;
use super::{Run, Unit, Voice, words};
use claim::trace::{Step, StepKind};
use claim::{FrameRef, Stance, Value, ValueKind};
use pack::schema::FrameKind;
use parse::{DateValue, Interval, Span};

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
        let frames = self.frames_of_paragraph(s.paragraph);
        if frames.is_empty() {
            return;
        }
        let sentence_region = self.region(s.span);
        // Pass two completed the sentence's analysis: borrow its words, give them back below.
        let words = match self.analysed.get_mut(i) {
            Some(a) if a.full => std::mem::take(&mut a.words),
            _ => Words::new(self.text, s.span),
        };
        let quantities = parse::number::quantities(self.text, s.span);
        let dates = self.sentence_dates(i);
        for f in frames {
            let frame = &self.rules.frames[f as usize];
            if frame.about.excluded(&sentence_region, &self.rules.terms).is_some() {
                continue;
            }
            let readings: Vec<(Span, Interval, Option<DateValue>)> = match frame.kind {
                FrameKind::Count => quantities.iter().map(|q| (q.span, q.interval, None)).collect(),
                FrameKind::Date => dates
                    .iter()
                    .filter_map(|d| {
                        let (from, until) = match d.value {
                            DateValue::Day(day) => (day, day),
                            DateValue::Range { from, until } => (from, until),
                            DateValue::Unresolved => return None,
                        };
                        let interval =
                            Interval::closed(from.days_since_epoch() as f64, until.days_since_epoch() as f64);
                        Some((d.span, interval, Some(d.value)))
                    })
                    .collect(),
            };
            for (k, (span, interval, date)) in readings.iter().enumerate() {
                let first = words.at(span.start);
                let last = words.before(span.end);
                let before: Vec<&str> =
                    (0..first).map(|j| words.word(j)).filter(|w| !super::is_punct_word(w)).collect();
                let after: Vec<&str> =
                    (last..words.len()).map(|j| words.word(j)).filter(|w| !super::is_punct_word(w)).collect();
                if before.last().is_some_and(|w| words::is_subset_marker(w)) {
                    continue;
                }
                // "rose from 58 to 74": the first number is the old value.
                if before.last() == Some(&"from")
                    && readings[k + 1..].iter().any(|(s2, ..)| {
                        let j = words.at(s2.start);
                        j > 0 && words.word(j - 1) == "to"
                    })
                {
                    continue;
                }
                let Some(pattern) = frame.patterns.iter().find(|p| p.matches(&before, &after)) else { continue };
                let unit = units
                    .iter()
                    .filter(|u| u.content.contains(*span))
                    .min_by_key(|u| (u.voice == Voice::Outlet, u.content.len()));
                let Some(unit) = unit else { continue };
                let raw = self.words_of(*span);
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
                    interval: *interval,
                    raw,
                    date: *date,
                };
                let reasons = vec![format!("value of `{}` by pattern `{}`", frame.id, pattern.source)];
                let claim = self.claim(i, unit, Stance::Assert, None, Some(value), reasons);
                self.push_claim(claim, super::Support::Roles);
            }
        }
        if let Some(a) = self.analysed.get_mut(i) {
            a.words = words;
        }
    }
}
