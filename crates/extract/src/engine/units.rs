//! Units of speech in a sentence: attributed contents, quotes with the speaker carried
//! from elsewhere, and the outlet's own narration.

use super::sentence::Words;
use super::{Run, Speaker, Unit, Who, words};
use claim::Voice;
use claim::trace::{Step, StepKind};
use pack::schema::{CueKind, CuePattern};
use parse::Span;

impl Run<'_> {
    /// The words of a unit's content, tokenised once for the steps of [`Run::unit_claims`]
    /// that each read them (stance, doers, elided predicates, unmatched content): the last
    /// content asked for is kept.
    pub(super) fn content_words(&self, content: Span) -> std::rc::Rc<Words> {
        let mut kept = self.content_words.borrow_mut();
        match kept.as_ref() {
            Some((span, words)) if *span == content => words.clone(),
            _ => {
                let words = std::rc::Rc::new(self.words_in(content));
                *kept = Some((content, words.clone()));
                words
            }
        }
    }

    /// The words of `span`: taken from its sentence's words when pass one or
    /// [`Run::complete`] made them (the same tokens, see [`Words::within`]), else tokenised.
    pub(super) fn words_in(&self, span: Span) -> Words {
        let i = self.parsed.sentences.partition_point(|s| s.span.end < span.end);
        let sentence = self.analysed.get(i).filter(|a| a.full && self.parsed.sentences[i].span.contains(span));
        sentence.and_then(|a| a.words.within(span)).unwrap_or_else(|| Words::new(self.text, span))
    }

    /// The last speaker of paragraph `p` before sentence `before`.
    pub(super) fn paragraph_speaker(&self, p: usize, before: usize) -> Option<(Speaker, usize)> {
        (0..before).rev().take_while(|&j| self.parsed.sentences[j].paragraph >= p).find_map(|j| {
            if self.parsed.sentences[j].paragraph != p {
                return None;
            }
            self.analysed[j]
                .attributions
                .iter()
                .rev()
                .find_map(|(_, s)| s.clone().filter(Speaker::claims).map(|s| (s, j)))
        })
    }

    /// Who a quote opening paragraph `p + 1` belongs to: the last speaker of paragraph `p`,
    /// or, when nobody spoke there, the person it is about ("Lavrov spoke after the talks.").
    fn previous_paragraph_speaker(&self, p: usize, before: usize) -> Option<(Speaker, usize)> {
        self.paragraph_speaker(p, before).or_else(|| {
            let j = (0..before).rev().find(|&j| self.parsed.sentences[j].paragraph == p)?;
            let a = &self.analysed[j];
            let actor = a.persons.first().or(a.groups.first()).copied()?;
            let how = format!("the subject of the paragraph before ({})", self.actor_name(actor));
            Some((Speaker { who: Who::Actor(actor), span: None, how }, j))
        })
    }

    /// A paragraph of one short line with no final punctuation, or a Markdown heading.
    pub(super) fn is_heading(&self, i: usize) -> bool {
        let s = self.parsed.sentences[i];
        let text = self.words_of(s.span);
        if text.starts_with('#') {
            return true;
        }
        let alone = self.parsed.paragraphs.get(s.paragraph).is_some_and(|p| *p == s.span);
        let last = text.trim_end().chars().next_back();
        alone
            && !matches!(last, Some('.' | '!' | '?' | '"' | '\'' | ':' | ';'))
            && text.split_whitespace().count() <= 20
    }

    /// For each quote, the index of its chain and the chain's speaker.
    pub(super) fn quote_chains(&self) -> Vec<(usize, Option<(Speaker, usize)>)> {
        let quotes = &self.parsed.quotes;
        let mut chain_of = Vec::with_capacity(quotes.len());
        let mut chain = 0;
        for (k, q) in quotes.iter().enumerate() {
            if k > 0 {
                let prev = quotes[k - 1];
                let starts_paragraph =
                    self.parsed.paragraphs.get(q.paragraph).is_some_and(|p| q.span.start.saturating_sub(p.start) <= 1);
                let continued = !prev.closed && q.paragraph == prev.paragraph + 1 && starts_paragraph;
                if !continued {
                    chain += 1;
                }
            }
            chain_of.push(chain);
        }
        let mut speakers: Vec<Option<(Speaker, usize)>> = vec![None; chain + 1];
        for (j, a) in self.analysed.iter().enumerate() {
            for (attr, speaker) in &a.attributions {
                let Some(speaker) = speaker.as_ref().filter(|s| s.claims()) else { continue };
                for (k, q) in quotes.iter().enumerate() {
                    // A report inside the quote ("This was confirmed by the OPCW") is part of
                    // what was quoted, not who is quoted.
                    if q.span.contains(attr.cue.span) {
                        continue;
                    }
                    let near = attr.content.overlaps(q.span)
                        || (attr.cue.span.start >= q.span.end && attr.cue.span.start - q.span.end <= 24);
                    let in_sentence = self.parsed.sentences[j].span.overlaps(q.span);
                    if near && in_sentence && speakers[chain_of[k]].is_none() {
                        speakers[chain_of[k]] = Some((speaker.clone(), j));
                    }
                }
            }
        }
        chain_of.into_iter().map(|c| (c, speakers[c].clone())).collect()
    }

    /// The units of speech of sentence `i`.
    pub(super) fn units(
        &self,
        i: usize,
        chains: &[(usize, Option<(Speaker, usize)>)],
        steps: &mut Vec<Step>,
    ) -> Vec<Unit> {
        let s = self.parsed.sentences[i];
        let a = &self.analysed[i];
        let mut units = self.attributed_units(i, steps);
        self.quote_units(i, chains, &mut units, steps);
        // Non-restrictive relative clauses inside what someone said are the narrator's.
        let mut narration = Vec::new();
        for unit in &mut units {
            // Only after the cue: "the strike, which he said was necessary" is the speaker's.
            let from = unit.cue.map_or(unit.content.start, |c| c.span.end.max(unit.content.start));
            if let Some(cut) = self.relative_clause(Span::new(from, unit.content.end)) {
                narration.push(Span::new(cut, unit.content.end));
                unit.content.end = cut;
            }
        }
        // A learned cue is an attribution only (`engine::learned`): its sentence stays the
        // outlet's ("Assad's forces fired rockets at the suburbs").
        let pure = units.is_empty()
            && a.attributions.iter().all(|(attr, _)| self.rules.is_learned(attr.cue.cue))
            && !self.parsed.quotes.iter().any(|q| q.span.overlaps(s.span));
        let outlet = Speaker { who: Who::Outlet, span: None, how: "the outlet's own voice".into() };
        if pure {
            // "Assad's forces bombard Damascus suburbs after gas attack: activists": a
            // headline that names its source after a colon is the source's, not the outlet's.
            let sourced = self.headline_source(s.span);
            units.push(Unit {
                speaker: outlet,
                voice: Voice::Outlet,
                content: s.span,
                cue: None,
                agent: None,
                values_only: sourced,
                attribution: None,
            });
        } else {
            let taken: Vec<Span> = units.iter().map(|u| u.content).collect();
            for span in narration.into_iter().chain(self.uncovered(s.span, &taken)) {
                units.push(Unit {
                    speaker: outlet.clone(),
                    voice: Voice::Outlet,
                    content: span,
                    cue: None,
                    agent: None,
                    values_only: true,
                    attribution: None,
                });
            }
        }
        self.cut_headline(i, &mut units, steps);
        units
    }

    /// Where the document's title is written again at the start of sentence `i`, after a
    /// dateline at most ("7 October 2016 Seven killed 37 others injured in Aleppo. A source
    /// at …" under the title "Seven killed, 37 others injured in Aleppo"): scraped pages
    /// repeat their headline before the body. Compared on letters and digits only, since the
    /// copy may drop the title's punctuation ("Syrias" for "Syria's").
    fn headline(&self, i: usize) -> Option<Span> {
        let s = *self.parsed.sentences.get(i).filter(|_| i == 0)?;
        let Some(title) = self.document.title.as_deref() else { return self.title_line(s) };
        let key = |w: &str| w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
        let want = key(title);
        if title.split_whitespace().count() < 3 {
            return None;
        }
        let words = self.words_in(s.span);
        let keys: Vec<String> = words.toks.iter().map(|t| key(t.span.text(self.text))).collect();
        // The title opens the sentence or follows a dateline of a few words.
        for start in (0..keys.len().min(8)).filter(|&k| !keys[k].is_empty()) {
            let mut joined = String::new();
            for (k, w) in keys.iter().enumerate().skip(start) {
                joined.push_str(w);
                if joined.len() >= want.len() {
                    if joined == want {
                        return Some(Span::new(words.toks[start].span.start, words.toks[k].span.end));
                    }
                    break;
                }
                if !want.starts_with(&joined) {
                    break;
                }
            }
        }
        None
    }

    /// A text given no title whose first paragraph is one sentence in title case ("Putin's
    /// Potential Involvement In The Email Hack."): the headline, not the body.
    fn title_line(&self, s: parse::Sentence) -> Option<Span> {
        let alone = self.parsed.paragraphs.get(s.paragraph).is_some_and(|p| *p == s.span);
        (alone && self.words_in(s.span).is_title_case(self.text)).then_some(s.span)
    }

    /// Headlines are no claims (the body makes them with their source): the title written
    /// at the head of the text is cut from the units that hold it and kept for its figures
    /// alone, which name the article's main event and toll.
    fn cut_headline(&self, i: usize, units: &mut Vec<Unit>, steps: &mut Vec<Step>) {
        let Some(headline) = self.headline(i) else { return };
        if self.explain {
            let detail = if self.document.title.is_some() {
                "the document's title, written again before the body: figures only, no claim".into()
            } else {
                "a first paragraph in title case, the headline: figures only, no claim".into()
            };
            steps.push(Step { kind: StepKind::Skip, text: self.words_of(headline), detail });
        }
        let mut figures = Vec::new();
        for unit in units.iter_mut() {
            let start = unit.content.start.max(headline.start);
            let end = unit.content.end.min(headline.end);
            if start < end {
                let content = Span::new(start, end);
                figures.push(Unit { content, values_only: true, voice: Voice::Headline, ..unit.clone() });
                unit.content.start = unit.content.start.max(headline.end).min(unit.content.end);
            }
        }
        units.retain(|u| u.content.text(self.text).trim().len() > 3);
        units.extend(figures);
    }

    /// Whether a sentence ends in a colon and a short phrase naming a source, in the way
    /// of headlines ("…: activists.", "…: rights group"): one to four words, no number,
    /// after at least four words.
    fn headline_source(&self, span: Span) -> bool {
        let text = span.text(self.text).trim_end();
        let text = text.strip_suffix(['.', '!']).unwrap_or(text);
        let Some((before, after)) = text.rsplit_once(':') else { return false };
        let source: Vec<&str> = after.split_whitespace().collect();
        let numbered = after.chars().any(|c| c.is_ascii_digit());
        (1..=4).contains(&source.len()) && !numbered && before.split_whitespace().count() >= 4
    }

    /// The units of sentence `i` its attributions give: a cue with a speaker and content.
    fn attributed_units(&self, i: usize, steps: &mut Vec<Step>) -> Vec<Unit> {
        let a = &self.analysed[i];
        let mut units = Vec::new();
        for (k, (attr, speaker)) in a.attributions.iter().enumerate() {
            // A learned cue is an attribution only (`engine::learned`): no unit of speech,
            // its words stay the outlet's ("… fired shells, claiming the lives of 8").
            if self.rules.is_learned(attr.cue.cue) {
                continue;
            }
            if self.explain {
                let cue = &self.rules.cues[attr.cue.cue as usize];
                let mut detail = format!("{} ({}), read as `{}`", cue.lemma, cue.stance, attr.layout);
                if attr.cue.passive {
                    detail.push_str(", passive");
                }
                if let Some((_, n)) = attr.cue.negation {
                    detail.push_str(&format!(", negated by `{}`", self.words_of(n)));
                }
                steps.push(Step { kind: StepKind::Cue, text: self.words_of(attr.cue.span), detail });
            }
            // A speaker no pack lists claims in a voice of its own (no principal of a stance
            // conflict) when its layout names whom it accuses ("Syrian activists accused
            // Assad's forces of …"): with no side of its own known, its plain words ("residents
            // said the militants stored weapons") are not read as a position. An unresolved
            // pronoun or a piece of evidence ("a video showed") holds no position at all.
            // So does one that says what a pack's actor says in the same sentence, by one
            // cue or by its own ("Cyber security experts and U.S. officials said …", "as many
            // researchers believe, and Democrats are alleging, but Moscow denies"): the
            // sentence sets it among the sides of a dispute it knows. So does one another
            // quotes ("the Observatory quoted activists as saying …"): it is a source.
            let claims_open =
                self.names_accused(attr) || self.accuses_in_noun(i, attr) || self.sided(i, k) || attr.vouched;
            let voice = match speaker.as_ref().map(|s| s.who) {
                Some(Who::Open(o)) if !self.names_someone(o) || !claims_open => None,
                Some(Who::Open(_)) => Some(Voice::Unlisted),
                _ => Some(Voice::Actor),
            };
            let (Some(speaker), Some(voice)) = (speaker.as_ref(), voice) else {
                if let Some(unit) = self.evidence_in_narration(i, k, speaker.as_ref(), steps) {
                    units.push(unit);
                    continue;
                }
                if self.explain {
                    let detail = match speaker {
                        Some(s) => format!("{}: not yet a claimant, values only", s.how),
                        None => "no speaker found before or after the cue".into(),
                    };
                    steps.push(Step { kind: StepKind::Skip, text: self.words_of(attr.cue.span), detail });
                }
                // Such a speaker takes no position in its own name, but the figures it gives
                // are its own ("George Sabra said the attack killed 1300"), not the outlet's.
                if let Some(open) = speaker.as_ref().filter(|_| !attr.content.is_empty()) {
                    units.push(Unit {
                        speaker: open.clone(),
                        voice: Voice::Actor,
                        content: attr.content,
                        cue: Some(attr.cue),
                        agent: None,
                        values_only: true,
                        attribution: Some(k),
                    });
                }
                continue;
            };
            if attr.content.is_empty() {
                continue;
            }
            if self.explain {
                steps.push(Step {
                    kind: StepKind::Speaker,
                    text: self.speaker_text(speaker),
                    detail: speaker.how.clone(),
                });
                steps.push(Step { kind: StepKind::Content, text: self.words_of(attr.content), detail: String::new() });
            }
            // "asked whether …", "urged Congress to …": the speaker's words, but no position
            // on them; only values in them are the speaker's.
            // "told us what …": an asserting verb over an indirect question asserts nothing;
            // a doubting one ("questioned whether …") still doubts.
            let claims = self
                .rules
                .cues
                .get(attr.cue.cue as usize)
                .is_none_or(|c| c.claims && !(c.stance == claim::Stance::Assert && self.asks(attr.content)));
            if !claims && self.explain {
                let detail = "the cue reports without taking a position: values only".to_owned();
                steps.push(Step { kind: StepKind::Skip, text: self.words_of(attr.cue.span), detail });
            }
            units.push(Unit {
                speaker: speaker.clone(),
                voice,
                content: attr.content,
                cue: Some(attr.cue),
                agent: attr.agent,
                values_only: !claims,
                attribution: Some(k),
            });
        }
        units
    }

    /// Evidence the outlet cites in its own narration ("after leaked emails showed DNC staff
    /// favoring Clinton", "the records suggest …"): what the evidence shows is the outlet's
    /// word, at the stance of the verb. Evidence inside another report ("the company said its
    /// own experiments showed …") or a quotation is that speaker's, and an unresolved pronoun
    /// is no evidence.
    fn evidence_in_narration(
        &self,
        i: usize,
        k: usize,
        speaker: Option<&Speaker>,
        steps: &mut Vec<Step>,
    ) -> Option<Unit> {
        let Who::Open(o) = speaker?.who else { return None };
        let open = self.open.get(o as usize)?;
        if open.kind == super::phrase::PhraseKind::Pronoun || open.claimant {
            return None;
        }
        let attributions = &self.analysed[i].attributions;
        let (attr, _) = attributions.get(k)?;
        // A verb of showing, not a source's phrase ("according to media reports"); a document
        // speaks for whoever issued it ("the report said"), no evidence of the outlet's.
        let verb = self.rules.cues.get(attr.cue.cue as usize).is_some_and(|c| c.claims && c.kind == CueKind::Verb);
        let head = super::phrase::core_head(&open.name).to_ascii_lowercase();
        let document = words::is_document_head(head.strip_suffix('s').unwrap_or(&head));
        // Another speaker's words that hold the verb or say what it shows ("the company said
        // its own experiments showed that …").
        let reported = attributions.iter().enumerate().any(|(j, (other, _))| {
            j != k
                && !other.record_only
                && !self.rules.is_learned(other.cue.cue)
                && (other.content.contains(attr.cue.span) || other.content.overlaps(attr.content))
        });
        let quoted = self.parsed.quotes.iter().any(|q| q.span.overlaps(attr.cue.span));
        if !verb || document || reported || quoted || attr.content.is_empty() {
            return None;
        }
        if self.explain {
            let detail = format!("evidence (`{}`) in the outlet's narration: the outlet's word", open.name);
            steps.push(Step { kind: StepKind::Speaker, text: self.words_of(attr.cue.span), detail });
            steps.push(Step { kind: StepKind::Content, text: self.words_of(attr.content), detail: String::new() });
        }
        Some(Unit {
            speaker: Speaker { who: Who::Outlet, span: None, how: "the outlet's own voice, citing evidence".into() },
            voice: Voice::Outlet,
            content: attr.content,
            cue: Some(attr.cue),
            agent: None,
            values_only: false,
            attribution: Some(k),
        })
    }

    /// Whether open-world speaker `k` can hold a position (`OpenSpeaker::claimant`).
    fn names_someone(&self, k: u32) -> bool {
        self.open.get(k as usize).is_some_and(|o| o.claimant)
    }

    /// Whether a pack's actor (not the outlet, not a speaker no pack knows) says the content
    /// of attribution `k` of sentence `i` by an attribution of its own that takes a position.
    fn sided(&self, i: usize, k: usize) -> bool {
        let attributions = &self.analysed[i].attributions;
        let Some((attr, _)) = attributions.get(k) else { return false };
        attributions.iter().enumerate().any(|(j, (other, speaker))| {
            j != k
                && other.content == attr.content
                && !other.record_only
                && !self.rules.is_learned(other.cue.cue)
                && self.rules.cues.get(other.cue.cue as usize).is_some_and(|c| c.claims)
                && speaker.as_ref().is_some_and(|s| matches!(s.who, Who::Actor(_)))
        })
    }

    /// Whether an attribution's layout names whom it accuses ("X accused Y of C", "X blamed
    /// Y for C").
    fn names_accused(&self, attr: &super::attribution::Attribution) -> bool {
        let pattern = self.rules.cues.get(attr.cue.cue as usize).map(|c| c.pattern);
        matches!(pattern, Some(CuePattern::Accuse | CuePattern::Blame)) && attr.agent.is_some()
    }

    /// Whether the content of `attr` in sentence `i` names an actor a pack holds as the doer of
    /// an act noun by its `by` ("reported hundreds of casualties in the use of toxic gas by the
    /// criminal regime"): an accusation in a noun's words, as "accused the regime of using
    /// toxic gas" is in a verb's.
    fn accuses_in_noun(&self, i: usize, attr: &super::attribution::Attribution) -> bool {
        let Some(tree) = self.tree(i) else { return false };
        let mentions = self.analysed[i].found.mentions.iter().filter(|m| attr.content.contains(m.span));
        mentions.into_iter().any(|m| {
            let Some(w) = tree.head_in(m.span) else { return false };
            let by = tree.head(w).filter(|&b| tree.dep(w) == syntax::Dep::Pobj && tree.word(b) == "by");
            by.and_then(|b| tree.head(b)).is_some_and(|n| tree.is_noun(n))
        })
    }

    /// Whether `content` is an indirect question ("tell us what these arms were"): the
    /// speaker's words, but no position on any proposition in them.
    fn asks(&self, content: Span) -> bool {
        let words = self.words_in(content);
        words::opens_question(words.word(0), words.word(1))
    }

    /// The units of sentence `i` its quotes give, beside those in `units`: each quote piece
    /// of eight bytes or more, attributed by its chain or to the speaker in reach.
    fn quote_units(
        &self,
        i: usize,
        chains: &[(usize, Option<(Speaker, usize)>)],
        units: &mut Vec<Unit>,
        steps: &mut Vec<Step>,
    ) {
        let s = self.parsed.sentences[i];
        for (k, q) in self.parsed.quotes.iter().enumerate() {
            let piece = Span::new(q.span.start.max(s.span.start), q.span.end.min(s.span.end));
            if piece.is_empty() || piece.len() < 8 || units.iter().any(|u| u.content.overlaps(piece)) {
                continue;
            }
            let carried = chains.get(k).and_then(|(_, sp)| sp.clone()).or_else(|| {
                // A floating quote: the paragraph's last speaker, or the previous paragraph's
                // when the quote opens its own paragraph.
                self.paragraph_speaker(s.paragraph, i).or_else(|| {
                    let opens = self
                        .parsed
                        .paragraphs
                        .get(q.paragraph)
                        .is_some_and(|p| q.span.start.saturating_sub(p.start) <= 1);
                    if opens && q.paragraph > 0 { self.previous_paragraph_speaker(q.paragraph - 1, i) } else { None }
                })
            });
            let Some((mut speaker, from)) = carried else {
                if self.explain {
                    let detail = "quote with no speaker in reach".into();
                    steps.push(Step { kind: StepKind::Skip, text: self.words_of(piece), detail });
                }
                continue;
            };
            let line = self.parsed.location(self.parsed.sentences[from].span.start).line;
            speaker.how = format!("quote attributed at line {line} ({})", speaker.how);
            speaker.span = None;
            if self.explain {
                steps.push(Step { kind: StepKind::Quote, text: self.words_of(piece), detail: speaker.how.clone() });
            }
            units.push(Unit {
                speaker,
                voice: Voice::Actor,
                content: piece,
                cue: None,
                agent: None,
                values_only: false,
                attribution: None,
            });
        }
    }

    /// Parts of the sentence no unit covers, for the outlet's values.
    fn uncovered(&self, sentence: Span, taken: &[Span]) -> Vec<Span> {
        let mut taken = taken.to_vec();
        taken.sort();
        let mut out = Vec::new();
        let mut at = sentence.start;
        for t in taken {
            if t.start > at {
                out.push(Span::new(at, t.start));
            }
            at = at.max(t.end);
        }
        if at < sentence.end {
            out.push(Span::new(at, sentence.end));
        }
        out.retain(|s| s.len() > 3);
        out
    }

    /// Where a non-restrictive relative clause starts in `content`: ", which …", ", who …",
    /// or ", an action that …".
    fn relative_clause(&self, content: Span) -> Option<usize> {
        let words = self.words_in(content);
        for k in 0..words.len() {
            if words.word(k) != "," {
                continue;
            }
            let next = words.word(k + 1);
            let article_that = matches!(next, "a" | "an" | "the")
                && (k + 2..(k + 5).min(words.len()))
                    .any(|j| words.word(j) == "that" || words::is_relative(words.word(j)));
            if words::is_relative(next) || article_that {
                return Some(words.toks[k].span.start);
            }
        }
        None
    }
}
