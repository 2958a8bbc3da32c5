//! Seeded, deterministic news-like text for benchmarks and scale tests.
//!
//! Articles mix what real reports hold: narration that claims nothing (most of any
//! article), attributed claims in the layouts the engine reads (`X said that C`, `C, X
//! said`, quotes, `according to X`), denials, hedged casualty counts that differ between
//! outlets, event dates and other stories. The same seed gives the same bytes on every
//! machine; the sentences are assembled from word lists written for this crate.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A small, fast, seeded generator (SplitMix64); enough for text, not for cryptography.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is zero).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next_u64() % n as u64) as usize }
    }

    /// One element of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// One generated article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable id (`gen-000042`).
    pub id: String,
    /// The outlet.
    pub source: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// Headline.
    pub title: String,
    /// Body: paragraphs separated by blank lines.
    pub text: String,
}

/// How articles are written to disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One `.txt` file per article, body only.
    Txt,
    /// One `.md` file per article with YAML front matter.
    Md,
    /// `.jsonl` files of many articles, one JSON object per line.
    Jsonl,
}

const OUTLETS: &[&str] = &[
    "Meridian Wire",
    "Harbor Ledger",
    "Albion Broadcast",
    "Novaya Vest Agency",
    "Qasioun Press",
    "Bosphorus Daily",
    "Gulf Courier",
    "Northern Gazette",
    "Continental Review",
    "Pacific Bulletin",
];

const ASSERT_SPEAKERS: &[&str] = &[
    "US officials",
    "the White House",
    "Washington",
    "Secretary of State Rex Tillerson",
    "Nikki Haley",
    "the British government",
    "Boris Johnson",
    "French diplomats",
    "Turkey's health minister",
    "the Pentagon",
    "Western governments",
    "the Observatory",
];

const DENY_SPEAKERS: &[&str] = &[
    "Russia's foreign ministry",
    "the Kremlin",
    "Sergei Lavrov",
    "Dmitry Peskov",
    "Moscow",
    "Syrian state media",
    "Damascus",
    "the Russian defence ministry",
    "Maria Zakharova",
    "Syria's foreign minister",
];

const ASSERT_CUES: &[&str] = &["said", "stated", "insisted", "argued", "told reporters", "maintained", "claimed"];
const DENY_CUES: &[&str] = &["denied", "rejected", "dismissed", "disputed"];

/// Contents asserted by one camp; the same events told the other camp's way follow.
const CONTENTS: &[&str] = &[
    "Syrian government forces carried out the chemical attack on Khan Shaykhun",
    "the sarin attack in Idlib was the work of the Assad government",
    "Syrian aircraft dropped a nerve agent on Khan Sheikhoun",
    "Moscow knew about the chemical attack in advance",
    "Russia was trying to cover up the role of the Syrian government",
    "the missile strike on the Shayrat air base was lawful",
    "a Russian Buk missile shot down flight MH17",
    "the Buk launcher crossed into Ukraine from Russia",
    "Russia was responsible for the poisoning of Sergei Skripal in Salisbury",
    "a Novichok nerve agent was used against the Skripals",
];

const DENIALS: &[&str] = &[
    "that the Syrian army had used chemical weapons in Khan Shaykhun",
    "any involvement in the chemical attack",
    "claims that Damascus used sarin, calling them a fabrication",
    "that it had known of the attack beforehand",
    "the accusations over MH17 as baseless",
    "any role in the Salisbury poisoning",
];

const RIVAL_ACCOUNTS: &[&str] = &[
    "the gas leaked from a rebel depot struck by Syrian jets",
    "the incident in Khan Shaykhun was staged by the White Helmets",
    "the video from Idlib was a provocation",
    "a Ukrainian missile downed the airliner",
    "the Salisbury case was a provocation staged by British intelligence",
];

const SUBJECTS: &[&str] = &[
    "Residents of the town",
    "Shopkeepers in the old market",
    "Farmers outside the city",
    "Teachers at the local school",
    "Aid convoys",
    "Engineers at the water plant",
    "Families who fled the fighting",
    "Volunteers at the field clinic",
    "Drivers on the northern highway",
    "Officials at the border crossing",
];

const PREDICATES: &[&str] = &[
    "waited for news through the night",
    "described a quiet morning before the sirens",
    "queued for bread and fuel",
    "repaired the damaged roof of the clinic",
    "moved supplies across the river",
    "kept the generators running",
    "counted the days since the last delivery",
    "crossed the checkpoint before dusk",
];

const TIMES: &[&str] =
    &["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "later that week", "in the afternoon", "overnight"];

const BACKGROUND: &[&str] = &[
    "The talks in Geneva are due to resume next month.",
    "Markets in the region were little changed on the day.",
    "The war has displaced millions of people since 2011.",
    "The province borders Turkey and is home to more than two million people.",
    "Diplomats expect the matter to return to the council before the summer.",
    "The airline has since changed its routes over the region.",
    "Salisbury is a cathedral city about ninety miles from London.",
    "The base lies south-east of Homs.",
];

const TOPICS: &[&str] = &[
    "Khan Shaykhun attack",
    "Shayrat strike",
    "chemical weapons inquiry",
    "MH17 investigation",
    "Salisbury poisoning",
];

/// What the sentences of an article are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mix {
    /// Wire copy: about a third of the sentences carry a claim or a count.
    #[default]
    News,
    /// Narration and background only: no reporting cue, quotation, count of the dead or
    /// question; text `check` reads without a claim to find.
    Narration,
}

/// Writes one article of about `target_bytes` bytes for `index` under `seed`.
pub fn article(seed: u64, index: u64, target_bytes: usize) -> Article {
    article_of(Mix::News, seed, index, target_bytes)
}

/// Writes one article of `mix` of about `target_bytes` bytes for `index` under `seed`.
pub fn article_of(mix: Mix, seed: u64, index: u64, target_bytes: usize) -> Article {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0xA24B_AED4_963E_E407));
    let source = rng.pick(OUTLETS).to_owned();
    let day = 4 + rng.below(20);
    let published = format!("2017-04-{day:02}");
    let endings: &[&str] = match mix {
        Mix::News => &["draws fresh accusations", "latest", "what we know"],
        Mix::Narration => &["latest", "in pictures", "the day after"],
    };
    let title = format!("{} {}", rng.pick(TOPICS), rng.pick(endings));
    let mut text = String::with_capacity(target_bytes + 512);
    while text.len() < target_bytes {
        let sentences = 1 + rng.below(3);
        for k in 0..sentences {
            if k > 0 {
                text.push(' ');
            }
            sentence(&mut rng, mix, &mut text);
        }
        text.push_str("\n\n");
    }
    Article { id: format!("gen-{index:07}"), source, published, title, text }
}

fn sentence(rng: &mut Rng, mix: Mix, out: &mut String) {
    let roll = match mix {
        Mix::News => rng.below(100),
        Mix::Narration => 38 + rng.below(62),
    };
    // About a third of the sentences carry a claim or a count, as in wire copy.
    let s = match roll {
        0..=9 => format!("{} {} that {}.", rng.pick(ASSERT_SPEAKERS), rng.pick(ASSERT_CUES), rng.pick(CONTENTS)),
        10..=15 => format!("{} {} {}.", rng.pick(DENY_SPEAKERS), rng.pick(DENY_CUES), rng.pick(DENIALS)),
        16..=19 => format!("{}, {} said {}.", rng.pick(RIVAL_ACCOUNTS), rng.pick(DENY_SPEAKERS), rng.pick(TIMES)),
        20..=23 => format!("\"{},\" {} said.", cap(rng.pick(CONTENTS)), rng.pick(ASSERT_SPEAKERS)),
        24..=26 => format!("According to {}, {}.", rng.pick(DENY_SPEAKERS), rng.pick(RIVAL_ACCOUNTS)),
        27..=30 => {
            let hedge = rng.pick(&["", "at least ", "more than ", "nearly ", "about "]);
            let n = 50 + rng.below(50);
            format!("{hedge}{n} people were killed in the attack on Khan Shaykhun, {} said.", rng.pick(ASSERT_SPEAKERS))
        }
        31..=33 => format!("The death toll in Khan Shaykhun rose to {} {}.", 60 + rng.below(40), rng.pick(TIMES)),
        34..=35 => {
            format!("{} said {} of the 59 Tomahawk missiles hit Shayrat.", rng.pick(DENY_SPEAKERS), 20 + rng.below(40))
        }
        36..=37 => format!("Did {} know about the attack {}?", rng.pick(DENY_SPEAKERS), rng.pick(TIMES)),
        38..=55 => rng.pick(BACKGROUND).to_owned(),
        _ => format!("{} {} {}.", rng.pick(SUBJECTS), rng.pick(PREDICATES), rng.pick(TIMES)),
    };
    out.push_str(&cap(&s));
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// What [`write_corpus`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Articles written.
    pub articles: u64,
    /// Files written.
    pub files: u64,
    /// Bytes of text written (bodies, front matter and JSON included).
    pub bytes: u64,
}

/// Writes about `bytes` bytes of articles of about `article_bytes` each under `dir`, in
/// folders of 1000 files (`Jsonl`: files of 1000 articles).
pub fn write_corpus(dir: &Path, bytes: u64, article_bytes: usize, layout: Layout, seed: u64) -> io::Result<Written> {
    write_corpus_of(Mix::News, dir, bytes, article_bytes, layout, seed)
}

/// [`write_corpus`] with the articles' sentences of `mix`.
pub fn write_corpus_of(
    mix: Mix,
    dir: &Path,
    bytes: u64,
    article_bytes: usize,
    layout: Layout,
    seed: u64,
) -> io::Result<Written> {
    fs::create_dir_all(dir)?;
    let mut written = Written::default();
    let mut jsonl: Option<io::BufWriter<fs::File>> = None;
    let mut index = 0u64;
    while written.bytes < bytes {
        let a = article_of(mix, seed, index, article_bytes);
        let shard = dir.join(format!("{:04}", index / 1000));
        let record = match layout {
            Layout::Txt => format!("{}\n\n{}", a.title, a.text),
            Layout::Md => format!(
                "---\nid: {}\nsource: {}\npublished: {}\ntitle: {}\n---\n\n{}",
                a.id, a.source, a.published, a.title, a.text
            ),
            Layout::Jsonl => {
                let line = serde_json::json!({
                    "id": a.id, "source": a.source, "published": a.published, "title": a.title, "text": a.text,
                });
                format!("{line}\n")
            }
        };
        match layout {
            Layout::Txt | Layout::Md => {
                if index.is_multiple_of(1000) {
                    fs::create_dir_all(&shard)?;
                }
                let ext = if layout == Layout::Txt { "txt" } else { "md" };
                fs::write(shard.join(format!("{}.{ext}", a.id)), &record)?;
                written.files += 1;
            }
            Layout::Jsonl => {
                if index.is_multiple_of(1000) {
                    if let Some(mut w) = jsonl.take() {
                        w.flush()?;
                    }
                    let path: PathBuf = dir.join(format!("{:04}.jsonl", index / 1000));
                    jsonl = Some(io::BufWriter::new(fs::File::create(path)?));
                    written.files += 1;
                }
                if let Some(w) = jsonl.as_mut() {
                    w.write_all(record.as_bytes())?;
                }
            }
        }
        written.bytes += record.len() as u64;
        written.articles += 1;
        index += 1;
    }
    if let Some(mut w) = jsonl.take() {
        w.flush()?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_article_other_seed_other_article() {
        assert_eq!(article(7, 3, 2000), article(7, 3, 2000));
        assert_ne!(article(7, 3, 2000).text, article(8, 3, 2000).text);
        assert_ne!(article(7, 3, 2000).text, article(7, 4, 2000).text);
    }

    #[test]
    fn articles_reach_their_size_and_hold_claims_and_counts() {
        let a = article(1, 0, 4000);
        assert!(a.text.len() >= 4000, "{}", a.text.len());
        assert!(a.text.len() < 4000 + 1000);
        let all: String = (0..20).map(|i| article(1, i, 3000).text).collect();
        assert!(all.contains(" said"));
        assert!(all.contains("denied") || all.contains("rejected") || all.contains("dismissed"));
        assert!(all.contains("people were killed"));
        assert!(all.contains('"'));
    }

    #[test]
    fn narration_holds_no_claim_count_quotation_or_question() {
        let articles: Vec<Article> = (0..50).map(|i| article_of(Mix::Narration, 3, i, 3000)).collect();
        let all: String = articles.iter().flat_map(|a| [a.title.as_str(), "\n", a.text.as_str()]).collect();
        assert!(all.len() > 100_000);
        for absent in [" said", "ccording to", "denied", "rejected", "dismissed", "accusations", "know", "\"", "?"] {
            assert!(!all.contains(absent), "{absent}");
        }
        // The figures left are a year of the background ("since 2011") and a title's flight
        // number ("MH17"): no count of the dead.
        let rest = all.replace("2011", "").replace("MH17", "");
        assert!(!rest.chars().any(|c| c.is_ascii_digit()), "a count");
        assert_ne!(article_of(Mix::Narration, 3, 0, 3000), article(3, 0, 3000));
    }

    #[test]
    fn every_paragraph_starts_with_a_capital_or_a_figure() {
        let a = article(5, 9, 20_000);
        for para in a.text.split("\n\n").filter(|p| !p.is_empty()) {
            let first = para.trim_start_matches('"').chars().next();
            assert!(first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()), "{para}");
        }
    }

    #[test]
    fn writes_the_asked_size_in_each_layout() -> io::Result<()> {
        for layout in [Layout::Txt, Layout::Md, Layout::Jsonl] {
            let dir = std::env::temp_dir().join(format!("corpusgen-test-{layout:?}-{}", std::process::id()));
            let w = write_corpus(&dir, 50_000, 2000, layout, 42)?;
            assert!(w.bytes >= 50_000 && w.articles >= 20, "{w:?}");
            let on_disk: u64 = walk(&dir)?.iter().map(|p| fs::metadata(p).map_or(0, |m| m.len())).sum();
            assert_eq!(on_disk, w.bytes);
            fs::remove_dir_all(&dir)?;
        }
        Ok(())
    }

    fn walk(dir: &Path) -> io::Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        for e in fs::read_dir(dir)? {
            let p = e?.path();
            if p.is_dir() { out.extend(walk(&p)?) } else { out.push(p) }
        }
        Ok(out)
    }
}
