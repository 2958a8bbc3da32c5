"""Learns the cue list `rules/cues-learned.yaml` from PolNeAR train counts.

For every word form outside quotation marks in the PolNeAR train articles (the annotator scored
by `claimcheck eval --polnear`: the first in name order), count how often it occurs and how
often it lies inside a gold Cue span; likewise for a word and the particle after it ("called
for", "pointed to"). A form becomes a cue when it is inside a gold Cue at least MIN_COUNT times
and in at least PRECISION of its uses (PAIR_PRECISION for a word with its particle), and is not
already a cue in `rules/cues.yaml` (the lemma's regular forms as `crates/extract/src/inflect.rs`
makes them, the listed `forms`, and every word of a listed phrase). Left out: adverbs (-ly; they
sit inside a cue, "repeatedly said", never head one) and a particle after a listed cue that makes
claims ("said to" would take "said" from the claims it gives). Uses inside quotation marks are
not counted: the engine reports no cue there (the quoted speaker's own words, which PolNeAR, one
attribution per token, does not annotate either).

Forms are grouped under their lemma (regular inflection undone); a lemma whose bare form does not
pass is written under its most frequent passing form, so that only passing forms are cues. Every
learned cue is a verb cue with `claims: false`: PolNeAR's cues mix speech, intention and
evaluation ("wants", "hopes", "supported"), so a learned cue makes an attribution, never a claim.

Usage (repository root, shared data at ../shared):
    python3 train/cues/learn.py > rules/cues-learned.yaml
Options: --precision (0.6), --pair-precision (0.5), --min-count (4); 0.5 for single words
gave a higher recall but took PolNeAR dev precision below its floor (0.79), so 0.6. Needs PyYAML only. Reads nothing but
PolNeAR train and rules/cues.yaml.
"""
import argparse
import collections
import os
import re
import sys

import yaml

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
VOWELS = set("aeiou")


def third_person(w):
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return w + "es"
    if len(w) >= 2 and w[-1] == "y" and w[-2] not in VOWELS:
        return w[:-1] + "ies"
    return w + "s"


def doubles(w):
    n = len(w)
    return 3 <= n <= 4 and w[-1] not in VOWELS and w[-1] not in "wxy" and w[-2] in VOWELS and w[-3] not in VOWELS


def past(w):
    if w.endswith("e"):
        return w + "d"
    if len(w) >= 2 and w[-1] == "y" and w[-2] not in VOWELS:
        return w[:-1] + "ied"
    return w + w[-1] + "ed" if doubles(w) else w + "ed"


def gerund(w):
    if w.endswith("ie"):
        return w[:-2] + "ying"
    if w.endswith("e") and not w.endswith("ee") and len(w) > 2:
        return w[:-1] + "ing"
    return w + w[-1] + "ing" if doubles(w) else w + "ing"


def verb_forms(lemma):
    head, _, tail = lemma.partition(" ")
    tail = " " + tail if tail else ""
    return {lemma} | {f + tail for f in (third_person(head), past(head), gerund(head))}


def noun_forms(lemma):
    return {lemma, third_person(lemma)}


def claiming_forms(cues_yaml):
    """Forms of the listed cues that make claims, but for `call` ones (the engine reads
    "called for" as no characterisation): a particle after them must not take them over."""
    pack = yaml.safe_load(open(cues_yaml, encoding="utf-8"))
    out = set()
    for c in pack.get("cues", []):
        if c.get("claims", True) and c.get("pattern", "say") != "call" and c.get("kind", "verb") == "verb":
            out |= {f.lower() for f in (c.get("forms") or verb_forms(c["cue"])) } | {c["cue"]}
    return out


def listed_forms(cues_yaml):
    """Every form of a cue in `cues_yaml`, and every word of a listed phrase ("according" of
    "according to"): the phrase already is the cue."""
    pack = yaml.safe_load(open(cues_yaml, encoding="utf-8"))
    out = set()
    for c in pack.get("cues", []):
        kind = c.get("kind", "verb")
        forms = set(c.get("forms") or [])
        if not forms:
            forms = verb_forms(c["cue"]) if kind == "verb" else noun_forms(c["cue"]) if kind == "noun" else set()
        out |= {f.lower() for f in forms | {c["cue"]}}
    return out | {w for f in out if " " in f for w in f.split()}


def scored_annotation(names, anns, name):
    prefix = name + "_"
    return next((a for a in anns if a.startswith(prefix) and "_" not in a[len(prefix):]), None)


def cue_spans(ann_text):
    spans, cues = {}, []
    for line in ann_text.splitlines():
        f = line.split("\t")
        if len(f) >= 2 and f[0][:1] == "T" and f[0][1:].isdigit() and " " in f[1]:
            try:
                spans[f[0]] = [tuple(map(int, p.split())) for p in f[1].split(" ", 1)[1].split(";")]
            except ValueError:
                pass
    for line in ann_text.splitlines():
        f = line.split("\t")
        if f[0][:1] == "E" and len(f) > 1:
            for arg in f[1].split(" "):
                role, _, tid = arg.partition(":")
                if role.rstrip("0123456789") == "Cue" and tid in spans:
                    cues.extend(spans[tid])
    return cues


PARTICLES = {"for", "on", "to", "about", "against", "of", "out", "up"}
QUOTE = re.compile(r"“|”|\"|''")


def quoted(text):
    """Marks the characters inside quotation marks, paragraph by paragraph: curly pairs,
    straight double quotes and the doubled apostrophes some outlets write for them."""
    mask = bytearray(len(text) + 1)
    for para in re.finditer(r"[^\n]+", text):
        inside, start = False, 0
        for m in QUOTE.finditer(para.group()):
            q, at = m.group(), para.start() + m.start()
            if q == "“":
                inside, start = True, at
            elif inside:
                mask[start:at] = b"\1" * (at - start)
                inside = False
            elif q != "”":
                inside, start = True, at
    return mask


def count(split_dir):
    names = sorted(f[:-4] for f in os.listdir(os.path.join(split_dir, "text")) if f.endswith(".txt"))
    anns = sorted(f[:-4] for f in os.listdir(os.path.join(split_dir, "attributions")) if f.endswith(".ann"))
    total, in_cue = collections.Counter(), collections.Counter()
    for name in names:
        text = open(os.path.join(split_dir, "text", name + ".txt"), encoding="utf-8").read()
        ann = scored_annotation(names, anns, name)
        if ann is None:
            continue
        inside = bytearray(len(text) + 1)
        for s, e in cue_spans(open(os.path.join(split_dir, "attributions", ann + ".ann"), encoding="utf-8").read()):
            inside[s:e] = b"\1" * (max(e, s) - s)
        in_quote = quoted(text)
        prev = None
        for m in WORD.finditer(text):
            # The engine reports no cue inside a quotation (the quoted speaker's own words,
            # which PolNeAR, one attribution per token, does not annotate either): count only
            # the uses it can read.
            if in_quote[m.start()]:
                prev = None
                continue
            w = m.group().lower().replace("’", "'")
            total[w] += 1
            in_cue[w] += inside[m.start()]
            # A verb and its particle ("called for", "pointed to"), as one cue.
            if prev is not None and w in PARTICLES and text[prev.end():m.start()] == " ":
                pair = prev.group().lower() + " " + w
                total[pair] += 1
                in_cue[pair] += inside[prev.start()] & inside[m.start()]
            prev = m
    return total, in_cue


def lemma_of(form, total):
    """The lemma whose regular forms hold `form`, the most frequent in the text."""
    stems = {form, form[:-1], form[:-2], form[:-3], form[:-3] + "e", form[:-3] + "y", form[:-2] + "e", form[:-4]}
    fits = [s for s in stems if len(s) >= 2 and form in verb_forms(s) and total[s] + sum(total[f] for f in verb_forms(s)) > 0]
    return max(fits, key=lambda s: (total[s] > 0, sum(total[f] for f in verb_forms(s)), len(s)), default=form)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", default="../shared/data/polnear/train")
    ap.add_argument("--cues", default="rules/cues.yaml")
    ap.add_argument("--precision", type=float, default=0.6)
    ap.add_argument("--pair-precision", type=float, default=0.5)
    ap.add_argument("--min-count", type=int, default=4)
    args = ap.parse_args()
    listed = listed_forms(args.cues)
    total, in_cue = count(args.train)
    passing = {
        w for w in in_cue
        if in_cue[w] >= args.min_count
        and in_cue[w] >= (args.pair_precision if " " in w else args.precision) * total[w] and w not in listed and "'" not in w
        # An adverb ("repeatedly said", "publicly criticized") sits inside a cue, never heads it.
        and not w.endswith("ly")
    }
    # A verb with its particle: not over a listed cue that makes claims ("said to" would
    # take "said" from the claims it gives).
    claiming = claiming_forms(args.cues)
    passing = {w for w in passing if " " not in w or w.split()[0] not in claiming | PARTICLES}
    groups = collections.defaultdict(list)
    for w in passing:
        head, _, particle = w.partition(" ")
        lemma = lemma_of(head, total)
        groups[lemma + (" " + particle if particle else "")].append(w)
    out = sys.stdout
    out.write(
        "# Cues learned from PolNeAR train counts by train/cues/learn.py (do not edit by hand; rerun it):\n"
        f"# word forms (outside quotations) inside a gold Cue at least {args.min_count} times and in at least\n"
        f"# {args.precision:.0%} of their uses ({args.pair_precision:.0%} for a word with its particle), not already\n"
        "# forms of a cue in cues.yaml. Each is an attribution cue without\n"
        "# a claim (`claims: false`). Comments give: in-cue count / occurrences per form.\n"
        "pack:\n  name: cues-learned\n"
        "  description: Reporting, intention and evaluation verbs learned from PolNeAR train cue statistics.\n"
        "  sources:\n    - Newell, Margolin, Ruths, An Attribution Relations Corpus for Political News (LREC 2018), train split\n"
        "cues:\n"
    )
    for lemma in sorted(groups):
        forms = sorted(groups[lemma], key=lambda f: (-in_cue[f], f))
        cue = lemma if lemma in passing else forms[0]
        rest = [f for f in forms if f != cue]
        note = ", ".join(f"{f} {in_cue[f]}/{total[f]}" for f in forms)
        forms_yaml = f", forms: [{', '.join(rest)}]" if rest else ", forms: []"
        if not rest:
            forms_yaml = f", forms: [{cue}]"
        out.write(f"  - {{cue: {cue}, stance: assert, claims: false{forms_yaml}}}  # {note}\n")


if __name__ == "__main__":
    main()
