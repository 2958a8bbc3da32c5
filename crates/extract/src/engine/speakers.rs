//! Speakers beyond a named actor of a pack: names no pack knows (open-world speakers), the
//! owner of a possessed description ("its officials"), pronouns and references resolved
//! against what the discourse named before, and the issuer of a document description ("the
//! statement added").

use super::attribution::{Attribution, SpeakerRef};
use super::sentence::{Found, Mention, Reference, Words};
use super::{OpenSpeaker, REACH, Run, Speaker, Who, phrase, record, words};
use crate::lexicon::{ActorIdx, Pronoun, Role, Via};
use pack::schema::{ActorKind, Gender};
use parse::Span;

impl Run<'_> {
    /// The other speakers of attribution `a`, whose speaker is mention `m`, each with the
    /// attribution as theirs: the mentions coordinated with it ("Damascus and Moscow say …")
    /// and a phrase no pack names coordinated with it ("Cyber security experts and U.S.
    /// officials said …", `phrase::coordinated_phrase`).
    pub(super) fn coordinated_speakers(
        &mut self,
        a: &Attribution,
        m: Mention,
        found: &Found,
        words: &Words,
    ) -> Vec<(Attribution, Option<Speaker>)> {
        let mut out = Vec::new();
        for other in super::sentence::coordinated_with(self.text, &found.mentions, m) {
            let mut also = a.clone();
            also.speaker = Some(SpeakerRef::Mention(other));
            let mut speaker = self.mention_speaker(&other);
            speaker.how = format!("{}, coordinated with `{}`", speaker.how, self.words_of(m.span));
            out.push((also, Some(speaker)));
        }
        // The sentence's words: its first token is its first.
        if let Some(p) = phrase::coordinated_phrase(self.text, words, 0, m.span, a.cue.span)
            && !found.mentions.iter().any(|x| x.span.overlaps(p.span))
        {
            let mut also = a.clone();
            also.speaker = Some(SpeakerRef::Phrase(p));
            let mut speaker = self.open_speaker(p);
            speaker.how = format!("{}, coordinated with `{}`", speaker.how, self.words_of(m.span));
            out.push((also, Some(speaker)));
        }
        out
    }

    /// A speaker no pack knows, registered once per document: a name gets an id from its
    /// normalised words, and a later one-word mention of a name seen before ("Alden" after
    /// "Edward Alden") is that name; descriptions and pronouns stay unresolved, with their
    /// words.
    pub(super) fn open_speaker(&mut self, p: phrase::Phrase) -> Speaker {
        use phrase::PhraseKind;
        let written = self.words_of(p.span);
        let head = phrase::core_head(&written).to_ascii_lowercase();
        let claimant = p.kind != PhraseKind::Pronoun && !words::is_evidence_head(&head);
        let (key, name, how) = match p.kind {
            // "an NGO said", "a source at Hama Governorate said": a name is never indefinite;
            // the phrase describes someone.
            PhraseKind::Named if starts_indefinite(&written) => {
                let key = record::normalise_content(&written).replace(' ', "-");
                (format!("description:{key}"), written.clone(), format!("description `{written}`, unresolved"))
            }
            PhraseKind::Named => {
                let head = self.words_of(p.head);
                let name = words::strip_honorifics(&head);
                let key = record::normalise_content(&name).replace(' ', "-");
                let short = !key.contains('-');
                let earlier = self.open.iter().find(|o| {
                    o.kind == PhraseKind::Named
                        && short
                        && o.id.strip_prefix("name:").is_some_and(|k| k.ends_with(&format!("-{key}")))
                });
                match earlier {
                    Some(o) => (o.id.clone(), o.name.clone(), format!("short for `{}`, a name no pack holds", o.name)),
                    None => (format!("name:{key}"), name.clone(), format!("name `{name}`, no pack holds it")),
                }
            }
            PhraseKind::Description => {
                let key = record::normalise_content(&written).replace(' ', "-");
                (format!("description:{key}"), written.clone(), format!("description `{written}`, unresolved"))
            }
            PhraseKind::Pronoun => {
                let key = record::normalise_content(&written);
                (format!("pronoun:{key}"), written.clone(), format!("pronoun `{written}`, unresolved"))
            }
        };
        let at = match self.open.iter().position(|o| o.id == key) {
            Some(at) => at,
            None => {
                self.open.push(OpenSpeaker { id: key, name, kind: p.kind, claimant });
                self.open.len() - 1
            }
        };
        Speaker { who: Who::Open(u32::try_from(at).unwrap_or(u32::MAX)), span: Some(p.span), how }
    }

    /// "Its officials maintain …", "Their report said …": a body's people or papers owned by a
    /// possessive pronoun speak for the body it refers to, resolved as "it" or "they" would be.
    pub(super) fn possessed_speaker(
        &self,
        at: usize,
        current: &Found,
        p: phrase::Phrase,
        content: Span,
    ) -> Option<Speaker> {
        if p.kind != phrase::PhraseKind::Description {
            return None;
        }
        let written = self.words_of(p.span);
        let first = written.split_whitespace().next()?;
        let pronoun = match first.to_ascii_lowercase().as_str() {
            "its" => Pronoun::It,
            "their" => Pronoun::They,
            // "her government said …": a person's body speaks for the person's principal.
            "his" => Pronoun::He,
            "her" => Pronoun::She,
            _ => return None,
        };
        // Its officials, its report: a body's people or papers speak for it; "its own
        // experiments showed" is evidence, not a speaker.
        let head = words::lowercase(p.head.text(self.text));
        let head = head.split_whitespace().last().unwrap_or("");
        if !words::is_acting_body(head) && !words::is_document_head(head) && !self.is_speaker_head(head) {
            return None;
        }
        let owner = Span::new(p.span.start, p.span.start + first.len());
        let mut speaker = self.resolve_reference(at, current, Reference::Pronoun(pronoun), (owner, content))?;
        speaker.how = format!("`{written}`, of {}", speaker.how);
        speaker.span = Some(p.span);
        Some(speaker)
    }

    /// Whether the lexicon holds `word` as a noun that makes a speaker after a demonym or an
    /// owner ("officials", "authors", "representative").
    pub(super) fn is_speaker_head(&self, word: &str) -> bool {
        let lex = &self.rules.lexicon;
        lex.scan(word)
            .iter()
            .any(|h| h.span.start == 0 && h.span.end == word.len() && lex.roles(h.pattern).contains(&Role::Head))
    }

    /// The body a pack names by the whole of `text` (an alias or a metonym, not a person),
    /// written with or without "the" ("United Kingdom", "the Pentagon", "Kremlin").
    pub(super) fn body_named(&self, text: &str, metonym_only: bool) -> Option<ActorIdx> {
        let text = text.trim().trim_end_matches([',', '.', ';']);
        let bare = ["the ", "The "].iter().find_map(|t| text.strip_prefix(t)).unwrap_or(text);
        if !bare.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let lex = &self.rules.lexicon;
        [bare.to_owned(), format!("the {bare}")].iter().find_map(|t| {
            lex.scan(t).iter().filter(|h| h.span.start == 0 && h.span.end == t.len()).find_map(|h| {
                lex.roles(h.pattern).iter().find_map(|r| match r {
                    Role::Actor(a, via)
                        if self.rules.directory.get(*a).kind != ActorKind::Person
                            && (matches!(via, Via::Metonym) || (!metonym_only && matches!(via, Via::Alias))) =>
                    {
                        Some(*a)
                    }
                    _ => None,
                })
            })
        })
    }

    /// "The representative of the United Kingdom", "a spokesman for the Pentagon", "a Kremlin
    /// official": a noun of the packs' speaker heads tied to a body a pack names, by "of" or
    /// "for" right after it or as the name right before it, speaks for that body. A place is
    /// no tie ("doctors in Syria", "officials at the scene in Idlib").
    pub(super) fn affiliated_speaker(&self, p: phrase::Phrase) -> Option<Speaker> {
        let written = self.words_of(p.span);
        let lex = &self.rules.lexicon;
        let hits = lex.scan(&written);
        let (actor, role) = hits.iter().filter(|h| lex.roles(h.pattern).contains(&Role::Head)).find_map(|h| {
            let role = &written[h.span.start..h.span.end];
            let after = written[h.span.end..].trim_start();
            let tied = ["of ", "for "].iter().find_map(|link| after.strip_prefix(link)).and_then(|rest| {
                // Up to an appositive ("…, Vladimir Safronkov").
                self.body_named(rest.split(',').next().unwrap_or(rest), false)
            });
            let before: Vec<&str> = written[..h.span.start].split_whitespace().collect();
            let modifier = || (0..before.len()).find_map(|k| self.body_named(&before[k..].join(" "), false));
            tied.or_else(modifier).map(|a| (a, role))
        })?;
        let how = format!("`{written}`, {role} of {}", self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(p.span), how })
    }

    /// "In Moscow, officials denied …": a description of a body's people ("officials", "the
    /// foreign ministry") with no tie of its own, after a sentence-opening "In X," where X is a
    /// seat of government a pack holds as a metonym, speaks for that seat's body.
    pub(super) fn seat_speaker(&self, sentence: Span, p: phrase::Phrase) -> Option<Speaker> {
        if p.kind != phrase::PhraseKind::Description {
            return None;
        }
        let written = self.words_of(p.span);
        let last = written.split_whitespace().last()?.to_lowercase();
        if !self.is_speaker_head(&last) {
            return None;
        }
        let lead = self.text.get(sentence.start..p.span.start)?.trim_end().strip_suffix(',')?;
        let place = lead.strip_prefix("In ")?;
        let actor = self.body_named(place, true)?;
        let how = format!("`{written}` in {place}, the seat of {}", self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(p.span), how })
    }

    /// "Moscow, April 5 (NVA). … officials said", "WASHINGTON - … Administration officials
    /// said": a speaker phrase made of the title of a state office alone ("the Ministry of
    /// Foreign Affairs", "a senior administration official", "Deputy Foreign Minister" before
    /// a name no pack holds), with no tie to a body of its own, speaks for the state of the
    /// document's dateline, as a newsroom writes "the ministry" for the host country's.
    pub(super) fn dateline_speaker(&self, p: phrase::Phrase) -> Option<Speaker> {
        let written = self.words_of(p.span);
        if !is_state_office_title(&written, p.kind) {
            return None;
        }
        let (place, actor) = self.dateline_state()?;
        let how = format!("`{written}`, an office of {} (dateline `{place}`)", self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(p.span), how })
    }

    /// The state a document's dateline names: the opening words of its first sentence, cut at
    /// a dash or a comma ("KIEV, Ukraine - ", "Homs, 7 April"), when one piece is a state a
    /// pack names (an alias or a metonym: "Moscow", "Netherlands") or a place a places pack
    /// holds in a country a pack names as a state.
    fn dateline_state(&self) -> Option<(String, ActorIdx)> {
        let first = self.parsed.sentences.first()?.span.text(self.text);
        let window = first.get(..first.len().min(48)).unwrap_or(first);
        // "KIEV, Ukraine - …": the place and its country before a dash; "Moscow, April 5
        // (NVA).": the place before the first comma, the date after it.
        let pieces: Vec<&str> = match window.find(" - ") {
            Some(dash) => window[..dash].split(',').take(2).collect(),
            None => vec![window.split_once(',')?.0],
        };
        pieces.into_iter().find_map(|piece| {
            let name = title_case(piece.trim())?;
            self.state_named(&name).map(|a| (name, a))
        })
    }

    /// The state a place name stands for: a pack's alias or metonym of a state, or a place of
    /// the places pack in a country a pack names.
    fn state_named(&self, name: &str) -> Option<ActorIdx> {
        let is_state = |a: ActorIdx| self.rules.directory.get(a).kind == ActorKind::State;
        if let Some(a) = self.body_named(name, false).filter(|&a| is_state(a)) {
            return Some(a);
        }
        let gazetteer = &self.rules.gazetteer;
        let places = gazetteer.places_in(name, Span::new(0, name.len()));
        let [(span, place)] = places[..] else { return None };
        if span != Span::new(0, name.len()) {
            return None;
        }
        let country = gazetteer.country_of(place)?;
        let hits = self.rules.lexicon.scan(country);
        hits.iter().filter(|h| h.span.start == 0 && h.span.end == country.len()).find_map(|h| {
            self.rules.lexicon.roles(h.pattern).iter().find_map(|r| match r {
                Role::Actor(a, Via::Alias) if is_state(*a) => Some(*a),
                _ => None,
            })
        })
    }

    /// "the network said" after "the Syrian Network for Human Rights …": a definite description
    /// of one noun that is a word of the name of a body named in reach before is that body.
    pub(super) fn named_body_head(&self, at: usize, current: &Found, p: phrase::Phrase) -> Option<Speaker> {
        let (written, noun) = self.the_one_noun(p)?;
        if !noun.chars().all(|c| c.is_lowercase()) {
            return None;
        }
        let fits = |a: &ActorIdx| {
            let entry = self.rules.directory.get(*a);
            entry.kind != ActorKind::Person
                && entry
                    .name
                    .split_whitespace()
                    .any(|w| w.starts_with(char::is_uppercase) && w.eq_ignore_ascii_case(&noun))
        };
        let here = current.mentions.iter().rev().filter(|m| m.span.end <= p.span.start).map(|m| m.actor).find(fits);
        let (actor, j) = match here {
            Some(a) => (a, at),
            None => (at.saturating_sub(REACH)..at)
                .rev()
                .find_map(|j| self.analysed.get(j)?.groups.iter().rev().copied().find(fits).map(|a| (a, j)))?,
        };
        let line = self.sentence_line(j);
        let how = format!("`{written}` → {} (line {line}), the {noun} of its name", self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(p.span), how })
    }

    /// "Clinton said …" after "Hillary Clinton" in the same document: a one-word name that is
    /// the last word of the name of exactly one person the document named before is that
    /// person (a pack lists a surname only when no one else bears it: Hillary and Bill Clinton).
    pub(super) fn surname_speaker(&self, at: usize, current: &Found, p: phrase::Phrase) -> Option<Speaker> {
        if p.kind != phrase::PhraseKind::Named {
            return None;
        }
        let head = self.words_of(p.head);
        let name = words::strip_honorifics(&head);
        if name.contains(' ') || !name.starts_with(char::is_uppercase) {
            return None;
        }
        let directory = &self.rules.directory;
        let fits = |a: &ActorIdx| {
            let entry = directory.get(*a);
            let mut parts = entry.name.split_whitespace();
            entry.kind == ActorKind::Person
                && entry.name.contains(' ')
                && parts.next_back().is_some_and(|w| w.eq_ignore_ascii_case(&name))
        };
        let earlier = current.mentions.iter().filter(|m| m.span.end <= p.span.start).map(|m| m.actor);
        let before = self.analysed.iter().take(at).flat_map(|a| a.persons.iter().copied());
        let mut named: Vec<ActorIdx> = before.chain(earlier).filter(fits).collect();
        named.sort_unstable();
        named.dedup();
        let [actor] = named[..] else { return None };
        let how = format!("`{head}`, short for {} named before", self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(p.span), how })
    }

    /// "Boris Johnson, the Foreign Secretary, has said …": a speaker phrase that opens with an
    /// actor a pack names, or that holds one person a pack names as an appositive ("The Foreign
    /// Secretary, Boris Johnson, has said …"), is that actor, as the mention would be.
    pub(super) fn named_in_phrase(&self, current: &Found, p: phrase::Phrase) -> Option<Speaker> {
        // A phrase cut out of a prepositional phrase ("Doctors in | Britain") is a place or an
        // owner, not the speaker.
        let before = self.text.get(..p.span.start).unwrap_or("").trim_end();
        let last = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
        if before.ends_with(char::is_alphanumeric)
            && (words::is_preposition(&last) || matches!(last.as_str(), "of" | "for" | "by" | "with"))
        {
            return None;
        }
        let inside: Vec<&Mention> = current.mentions.iter().filter(|m| p.span.contains(m.span)).collect();
        // A name the phrase opens with ("Boris Johnson, the Foreign Secretary,"); not one inside
        // a prepositional phrase ("doctors in Britain", "a lawyer for Boris Johnson").
        let head = inside.iter().find(|m| m.span.start == p.span.start);
        let directory = &self.rules.directory;
        // Set off by commas: ", Boris Johnson," or ", Boris Johnson" at the phrase's end.
        let set_off = |m: &Mention| {
            let before = self.text.get(p.span.start..m.span.start).unwrap_or("");
            let after = self.text.get(m.span.end..p.span.end).unwrap_or("").trim_end();
            before.trim_end().ends_with(',') && (after.is_empty() || after == ",")
        };
        let appositive = || {
            let persons: Vec<&&Mention> =
                inside.iter().filter(|m| directory.get(m.actor).kind == ActorKind::Person).collect();
            match persons[..] {
                [m] if set_off(m) => Some(m),
                _ => None,
            }
        };
        // A person's full name after a title in lower case ("Observatory director Rami Abdel
        // Rahman", "RNC spokesman Sean Spicer"): the phrase names that person. Not a surname
        // inside another name ("Eric Trump"), nor the object of a preposition ("a lawyer for
        // Boris Johnson", "75 percent of Democrats").
        let named_head = || {
            inside.iter().find(|m| {
                let title = self.text.get(..m.span.start).unwrap_or("").trim_end();
                let word = title.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
                let titled = word.starts_with(|c: char| c.is_lowercase())
                    && !words::is_preposition(word)
                    && !matches!(word, "of" | "for" | "to" | "by" | "with");
                p.kind == phrase::PhraseKind::Named
                    && m.via == Via::Alias
                    && directory.get(m.actor).kind == ActorKind::Person
                    && self.words_of(m.span).contains(' ')
                    && m.span.end == p.head.end
                    && m.span.start > p.span.start
                    && titled
            })
        };
        let m = head.or_else(appositive).or_else(named_head)?;
        if let Some(speaker) = self.owned_body(m, p.span.end) {
            return Some(speaker);
        }
        let mut speaker = self.mention_speaker(m);
        speaker.how = format!("{}, in `{}`", speaker.how, self.words_of(p.span));
        Some(speaker)
    }

    /// "Syria's opposition", "Syrias opposition": a possessive name that owns a body another
    /// actor is named by ("the opposition"), written from mention `m` to `end`, is not the
    /// speaker; the owned body is.
    pub(super) fn owned_body(&self, m: &Mention, end: usize) -> Option<Speaker> {
        let written = self.text.get(m.span.start..m.span.end)?;
        let rest = self.text.get(m.span.end..end)?;
        let rest = match rest.strip_prefix("'s ") {
            Some(rest) => rest,
            None if written.ends_with('s') && rest.starts_with(' ') => rest.trim_start(),
            None => return None,
        };
        let definite = format!("the {}", rest.trim_end());
        let hits = self.rules.lexicon.scan(&definite);
        let actor = hits.iter().filter(|h| h.span.start == 0 && h.span.end == definite.len()).find_map(|h| {
            self.rules.lexicon.roles(h.pattern).iter().find_map(|r| match r {
                Role::Actor(a, Via::Alias) if *a != m.actor => Some(*a),
                _ => None,
            })
        })?;
        let span = Span::new(m.span.start, end - rest.len() + rest.trim_end().len());
        let how = format!("`{}`, the body `{definite}` names, owned by `{written}`", self.words_of(span));
        Some(Speaker { who: Who::Actor(actor), span: Some(span), how })
    }

    /// "according to a Meridian Wire tally", "the Reuters count": a phrase naming the
    /// document's own outlet is the outlet's voice.
    pub(super) fn outlet_phrase(&self, p: phrase::Phrase) -> Option<Speaker> {
        let source = self.document.source.trim().to_lowercase();
        if source.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return None;
        }
        let written = self.words_of(p.span);
        let lower = written.to_lowercase();
        let names = lower.match_indices(&source).any(|(at, m)| {
            let before = lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = lower[at + m.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before && after
        });
        names.then(|| Speaker { who: Who::Outlet, span: Some(p.span), how: format!("`{written}`, the outlet's own") })
    }

    /// "a monitor said" where "the monitor" names an actor the document names elsewhere
    /// ("… the Syrian Observatory for Human Rights said"): wire copy introduces its source
    /// by description and names it later, or the other way round.
    pub(super) fn described_actor(&self, p: phrase::Phrase) -> Option<Speaker> {
        if p.kind != phrase::PhraseKind::Description {
            return None;
        }
        let written = self.words_of(p.span);
        let (article, rest) = written.split_once(' ')?;
        let indefinite = matches!(article.to_ascii_lowercase().as_str(), "a" | "an");
        // Where a body sits is no part of what it is: "a Britain-based monitoring group" is
        // "a monitoring group", and so is "the UK-based monitoring group" (unless the pack
        // names it with the place: "the Britain-based group").
        let unplaced: Vec<&str> = rest.split(' ').filter(|w| !w.ends_with("-based")).collect();
        let placed = unplaced.len() < rest.split(' ').count() && !unplaced.is_empty();
        let full = indefinite.then(|| format!("the {rest}"));
        let bare = (placed && (indefinite || article.eq_ignore_ascii_case("the")))
            .then(|| format!("the {}", unplaced.join(" ")));
        let (definite, actor) = full.into_iter().chain(bare).find_map(|definite| {
            let actor = self.alias_of(&definite)?;
            Some((definite, actor))
        })?;
        let named = self.hits.iter().any(|h| {
            !p.span.overlaps(h.span)
                && self.rules.lexicon.roles(h.pattern).iter().any(|r| matches!(r, Role::Actor(a, _) if *a == actor))
        });
        named.then(|| Speaker {
            who: Who::Actor(actor),
            span: Some(p.span),
            how: format!("`{written}`, as `{definite}` names {} in this document", self.actor_name(actor)),
        })
    }

    /// The actor a pack names by the whole of `definite` as an alias ("the monitoring group").
    fn alias_of(&self, definite: &str) -> Option<ActorIdx> {
        let hits = self.rules.lexicon.scan(definite);
        hits.iter().filter(|h| h.span.start == 0 && h.span.end == definite.len()).find_map(|h| {
            self.rules.lexicon.roles(h.pattern).iter().find_map(|r| match r {
                Role::Actor(a, Via::Alias) => Some(*a),
                _ => None,
            })
        })
    }

    /// "A source at Aleppo Police Command": a police body named by a place of a country
    /// speaks for that country's state, the state actor a pack names by the country's name.
    pub(super) fn state_police(&self, p: phrase::Phrase) -> Option<Speaker> {
        if p.kind != phrase::PhraseKind::Named {
            return None;
        }
        let head = self.words_of(p.head);
        if !head.split_whitespace().any(|w| words::is_police(&w.to_lowercase())) {
            return None;
        }
        let gazetteer = &self.rules.gazetteer;
        let &(_, place) = gazetteer.places_in(self.text, p.head).first()?;
        let country = gazetteer.country_of(place)?;
        let hits = self.rules.lexicon.scan(country);
        let actor = hits.iter().filter(|h| h.span.start == 0 && h.span.end == country.len()).find_map(|h| {
            self.rules.lexicon.roles(h.pattern).iter().find_map(|r| match r {
                Role::Actor(a, Via::Alias) if self.rules.directory.get(*a).kind == ActorKind::State => Some(*a),
                _ => None,
            })
        })?;
        let how = format!("`{head}`, a police body of {country}");
        Some(Speaker { who: Who::Actor(actor), span: Some(p.span), how })
    }

    /// "a local civil defence official", "the ISIS-run Amaq news agency", "a spokesman of
    /// the Syrian National Coalition": a phrase no pack holds that names an organisation a
    /// pack holds inside it speaks for that organisation, its affiliation. Not through a
    /// clause ("a doctor who worked with the monitor"): that names whom the speaker knows; nor
    /// set against it ("critics of the monitor", `tied::sets_against`).
    pub(super) fn affiliated_actor(&self, p: phrase::Phrase) -> Option<Speaker> {
        let written = self.words_of(p.span);
        if super::tied::through_clause(&written) {
            return None;
        }
        let directory = &self.rules.directory;
        let actor = self.hits.iter().filter(|h| p.span.contains(h.span) && h.span != p.span).find_map(|h| {
            // "Critics of the monitor": set against it, not of it.
            let lead: Vec<String> =
                self.text.get(p.span.start..h.span.start)?.split_whitespace().map(words::lowercase).collect();
            if super::tied::sets_against(&lead) {
                return None;
            }
            self.rules.lexicon.roles(h.pattern).iter().find_map(|r| match r {
                Role::Actor(a, Via::Alias) if directory.get(*a).kind == ActorKind::Organisation => Some(*a),
                _ => None,
            })
        })?;
        let how = format!("`{written}`, of {}", self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(p.span), how })
    }

    /// "Abdel Rahman said …" after "Observatory head Rami Abdel Rahman said …": the last words
    /// of a person a pack holds, named in full earlier in the document, are that person.
    pub(super) fn short_name(&self, p: phrase::Phrase) -> Option<Speaker> {
        if p.kind != phrase::PhraseKind::Named {
            return None;
        }
        let name = words::strip_honorifics(&self.words_of(p.head));
        let actor = self.earlier_person(&name, p.span.start)?;
        let how = format!("`{name}`, short for {} named before", self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(p.span), how })
    }

    /// "The source added …" after "A source at the police said …": a definite description
    /// of one noun that an earlier speaker phrase in reach holds is that speaker again.
    pub(super) fn repeated_description(&self, at: usize, p: phrase::Phrase) -> Option<Speaker> {
        let (written, noun) = self.the_one_noun(p)?;
        if noun.ends_with('s') {
            return None;
        }
        let noun = noun.to_lowercase();
        let (speaker, j) = (at.saturating_sub(REACH)..at).rev().find_map(|j| {
            self.analysed[j].attributions.iter().rev().find_map(|(a, s)| match (a.speaker, s) {
                (Some(SpeakerRef::Phrase(q)), Some(s)) => {
                    let earlier = self.words_of(q.span).to_lowercase();
                    earlier.split_whitespace().any(|w| w == noun).then(|| (s.clone(), j))
                }
                _ => None,
            })
        })?;
        let line = self.sentence_line(j);
        let how = format!("`{written}` → the speaker of line {line} ({})", speaker.how);
        Some(Speaker { span: Some(p.span), how, ..speaker })
    }

    /// A description written as "the" and one noun ("the network", "the source"): its words
    /// and the noun, as written.
    fn the_one_noun(&self, p: phrase::Phrase) -> Option<(String, String)> {
        if p.kind != phrase::PhraseKind::Description {
            return None;
        }
        let written = self.words_of(p.span);
        let mut parts = written.split_whitespace();
        let (Some(article), Some(noun), None) = (parts.next(), parts.next(), parts.next()) else { return None };
        if !article.eq_ignore_ascii_case("the") {
            return None;
        }
        let noun = noun.to_owned();
        Some((written, noun))
    }

    /// The line sentence `j` starts on (0 when there is no such sentence).
    fn sentence_line(&self, j: usize) -> usize {
        self.parsed.sentences.get(j).map_or(0, |s| self.parsed.location(s.span.start).line)
    }

    /// A pronoun or anaphor nothing in reach resolves: kept with its words.
    pub(super) fn unresolved_reference(&mut self, span: Span) -> Speaker {
        self.open_speaker(phrase::Phrase { span, head: span, kind: phrase::PhraseKind::Pronoun })
    }

    pub(super) fn mention_speaker(&self, m: &Mention) -> Speaker {
        let written = self.words_of(m.span);
        let how = match m.via {
            Via::Alias => format!("alias `{written}`"),
            Via::Metonym => format!("metonym `{written}`"),
            Via::Demonym => format!("demonym and head `{written}`"),
            Via::Title(_) => format!("title `{written}` ({})", self.actor_name(m.actor)),
        };
        Speaker { who: Who::Actor(m.actor), span: Some(m.span), how }
    }

    /// Resolves a pronoun or anaphor to the subject of the nearest sentence before that
    /// names a fitting actor; gender only overrides the subject when a speaker of the right
    /// gender is in reach.
    ///
    /// `(span, content)`: the reference, and the words it is said to have said, whose
    /// actors it cannot be ("The American administration, it said, was acting …").
    pub(super) fn resolve_reference(
        &self,
        at: usize,
        current: &Found,
        kind: Reference,
        (span, content): (Span, Span),
    ) -> Option<Speaker> {
        let written = self.words_of(span);
        let person = match kind {
            Reference::Pronoun(Pronoun::He | Pronoun::She) | Reference::Anaphor { person: true } => true,
            Reference::Pronoun(Pronoun::They | Pronoun::It) | Reference::Anaphor { person: false } => false,
            Reference::Pronoun(Pronoun::We) => return None,
            Reference::Issuer => return self.issuer(at, span),
        };
        let want = match kind {
            Reference::Pronoun(Pronoun::He) => Some(Gender::Male),
            Reference::Pronoun(Pronoun::She) => Some(Gender::Female),
            _ => None,
        };
        let first = at.saturating_sub(REACH);
        let mut subject: Option<(ActorIdx, usize)> = None;
        // Earlier in the same sentence first ("Tillerson won support for the strike, which he
        // said …").
        // The noun, not a relative pronoun the span took with it ("the coalition which").
        let head = written.rsplit(' ').map(str::to_lowercase).find(|w| !matches!(w.as_str(), "which" | "who" | "that"));
        let head = head.unwrap_or_default();
        let anaphor = matches!(kind, Reference::Anaphor { .. });
        let compatible = |a: ActorIdx| !anaphor || self.fits_anaphor(&head, a, span.start);
        let fits = |a: ActorIdx| (self.rules.directory.get(a).kind == ActorKind::Person) == person && compatible(a);
        let outside = |m: &&Mention| !content.contains(m.span);
        if let Some(m) = current.mentions.iter().filter(outside).find(|m| m.span.end <= span.start && fits(m.actor)) {
            subject = Some((m.actor, at));
        }
        // Then sentence by sentence backwards; within a sentence, whoever spoke is more
        // salient than whoever was spoken of ("Spicer said Assad … . He said …": Spicer).
        let gender_fits = |a: ActorIdx| want.is_none_or(|w| self.rules.directory.get(a).gender.is_none_or(|g| g == w));
        for j in (first..at).rev().filter(|_| subject.is_none()) {
            let a = &self.analysed[j];
            let spoke = a.attributions.iter().find_map(|(_, s)| match s {
                Some(Speaker { who: Who::Actor(actor), .. }) if fits(*actor) && gender_fits(*actor) => Some(*actor),
                _ => None,
            });
            // A speaker no pack knows spoke there ("The Presidency of the Republic said …"):
            // "it said" is theirs, not an actor they spoke of.
            let unknown_spoke =
                a.attributions.iter().any(|(_, s)| matches!(s, Some(Speaker { who: Who::Open(_), .. })));
            if spoke.is_none() && unknown_spoke {
                return None;
            }
            let list = if person { &a.persons } else { &a.groups };
            if let Some(actor) = spoke.or_else(|| list.iter().copied().find(|&a| compatible(a))) {
                subject = Some((actor, j));
                break;
            }
        }
        let (mut actor, mut from) = subject?;
        if let Some(want) = want {
            let gender = self.rules.directory.get(actor).gender;
            if gender.is_some_and(|g| g != want) {
                // "She said" is no man's words: a speaker of her gender in reach, else nobody.
                (actor, from) = (first..at).rev().find_map(|j| {
                    self.analysed[j].attributions.iter().rev().find_map(|(_, s)| match s {
                        Some(Speaker { who: Who::Actor(a), .. })
                            if self.rules.directory.get(*a).gender == Some(want) =>
                        {
                            Some((*a, j))
                        }
                        _ => None,
                    })
                })?;
            }
        }
        let line = self.parsed.sentences.get(from).map_or(0, |s| self.parsed.location(s.span.start).line);
        let how = format!("`{written}` → {} (line {line})", self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(span), how })
    }

    /// Whether actor `a` can be what an anaphor with head `head` ("the ministry", "the group")
    /// stands for: a state's body ("the ministry", "the army", "the regime") is a state's or
    /// one of its own, or an actor whose name holds the word ("Free Syrian Army"), never a
    /// group a speaker names ("terrorists"), a monitor or a bloc; "the group" is no state.
    ///
    /// A title ("the president", "the spokesman") is a person the packs give that title, or one
    /// they give no title; a body's kind ("the coalition", "the observatory") is a body whose
    /// name holds the word, or one the document names as its leader ("a US-led coalition").
    fn fits_anaphor(&self, head: &str, a: ActorIdx, before: usize) -> bool {
        let directory = &self.rules.directory;
        let entry = directory.get(a);
        let named = entry.name.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case(head));
        if entry.kind == ActorKind::Person && words::is_personal_title(head) {
            let mut titles = directory.titles.iter().filter(|t| t.person == a).peekable();
            let untitled = titles.peek().is_none();
            if !untitled && !titles.any(|t| t.title.split_whitespace().any(|w| w.eq_ignore_ascii_case(head))) {
                return false;
            }
        }
        if words::is_state_office(head) || words::is_state_arm(head) {
            named || directory.get(directory.principal(a, self.published())).kind == ActorKind::State
        } else if words::is_body_kind(head) {
            named || self.named_before_kind(head, a, before)
        } else {
            head != "group" || entry.kind != ActorKind::State
        }
    }

    /// Whether the document, before offset `before`, names actor `a` as the leader of a body
    /// of the noun `kind`: "a US-led coalition", "the Saudi-backed coalition" (not "the Syrian
    /// Coalition": a demonym inside a name leads nothing).
    fn named_before_kind(&self, kind: &str, a: ActorIdx, before: usize) -> bool {
        let lex = &self.rules.lexicon;
        self.hits.iter().filter(|h| h.span.end <= before).any(|h| {
            let rest = self.text.get(h.span.end..).unwrap_or("");
            let rest = ["-led ", "-backed "].iter().find_map(|link| rest.strip_prefix(link)).unwrap_or("");
            let word = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            word.eq_ignore_ascii_case(kind)
                && lex.roles(h.pattern).iter().any(|r| matches!(r, Role::Actor(x, _) if *x == a))
        })
    }

    /// The speaker a document description ("the statement added") stands for: the
    /// nearest speaker before it, person or body, else the actor the sentence
    /// just before names.
    pub(super) fn issuer(&self, at: usize, span: Span) -> Option<Speaker> {
        let first = at.saturating_sub(REACH);
        // The last speaker before, named or not: an unnamed one ("The General Command said
        // in a statement") issued it, and no actor did.
        // In a sentence where an actor spoke, that actor, not a phrase inside their words
        // ("The difference, the network said, is explained by late deaths").
        let last = (first..at).rev().find_map(|j| {
            let attributions = &self.analysed.get(j)?.attributions;
            let actor = |s: &Option<Speaker>| matches!(s, Some(Speaker { who: Who::Actor(_), .. }));
            let (_, speaker) = attributions.iter().rev().find(|(_, s)| actor(s)).or(attributions.last())?;
            Some(match speaker {
                Some(Speaker { who: Who::Actor(a), .. }) => Some((*a, j)),
                _ => None,
            })
        });
        let (actor, from) = match last {
            Some(spoke) => spoke?,
            // Nobody spoke: whoever the sentence before is about ("X issued a statement").
            None => {
                let j = at.checked_sub(1)?;
                let a = self.analysed.get(j)?;
                a.groups.first().or(a.persons.first()).map(|&actor| (actor, j))?
            }
        };
        let line = self.parsed.sentences.get(from).map_or(0, |s| self.parsed.location(s.span.start).line);
        let how = format!("`{}` → issued by {} (line {line})", self.words_of(span), self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(span), how })
    }
}

/// Whether a speaker phrase is the title of a state office and nothing else: every word an
/// office or its modifier, at least one an office; a name may follow the title ("Deputy
/// Foreign Minister Sergei Ryabkov"), cut at an appositive's comma.
fn is_state_office_title(written: &str, kind: phrase::PhraseKind) -> bool {
    let title = written.split(',').next().unwrap_or(written);
    let mut office = false;
    let mut named = false;
    for word in title.split_whitespace() {
        let lower = word.to_lowercase();
        if named || !(words::is_state_office(&lower) || words::is_state_office_modifier(&lower)) {
            // Past the title only a name no pack holds, capitalised.
            if kind != phrase::PhraseKind::Named || !office || !word.starts_with(char::is_uppercase) {
                return false;
            }
            named = true;
            continue;
        }
        office |= words::is_state_office(&lower);
    }
    office
}

/// Whether a phrase opens with the indefinite article ("an NGO", "A source at …").
fn starts_indefinite(written: &str) -> bool {
    written.split_once(' ').is_some_and(|(article, _)| matches!(article, "a" | "A" | "an" | "An"))
}

/// A dateline's place written in capitals ("KIEV", "BUNNIK") as a name is ("Kiev"); one to
/// three words, each capitalised.
fn title_case(piece: &str) -> Option<String> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 || !words.iter().all(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    let fold = |w: &&str| {
        if w.chars().all(|c| !c.is_lowercase()) {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| c.to_string() + &chars.as_str().to_lowercase())
        } else {
            (*w).to_owned()
        }
    };
    Some(words.iter().map(fold).collect::<Vec<_>>().join(" "))
}
