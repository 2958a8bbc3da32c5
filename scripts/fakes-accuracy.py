#!/usr/bin/env python3
"""Death-count accuracy of `claimcheck claims` on the FA-KES articles.

FA-KES (Salem et al., ICWSM 2019) holds 770 real news articles on the Syrian war with the
casualty counts annotators read from each. This script runs the CLI over the CSV through the
column mapping, keeps the values of every `...deaths` frame per article, and compares them with
the annotated total (nb_civilians + nb_noncivilians). The data is third-party and not in the
project; this is a measurement, not a CI check.

    scripts/fakes-accuracy.py [ARTICLES.csv] [--claimcheck PATH] [--list N] [--json]
    scripts/fakes-accuracy.py [ARTICLES.csv] --claims-jsonl CLAIMS.jsonl   # claims made elsewhere

The binary is `$CLAIMCHECK`, else `claimcheck` on PATH. Standard library only.
"""

import argparse
import csv
import json
import math
import os
import subprocess
import sys
from collections import Counter

DEFAULT_CSV = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "fa-kes", "articles.csv")
CSV_MAP = "text=article_content,source=source,published=date,title=article_title,id=unit_id"


def bound(b):
    """A serialised interval bound as (value, inclusive); None when unbounded."""
    if b is None or b.get("kind") == "unbounded":
        return None
    return float(b["value"]), b.get("kind") == "inclusive"


def holds(interval, x):
    """Whether the interval record of a claim value holds x."""
    low, high = bound(interval.get("low")), bound(interval.get("high"))
    if low is not None and (x < low[0] or (x == low[0] and not low[1])):
        return False
    if high is not None and (x > high[0] or (x == high[0] and not high[1])):
        return False
    return True


def show(interval):
    low, high = bound(interval.get("low")), bound(interval.get("high"))
    num = lambda v: str(int(v)) if v == math.floor(v) else str(v)
    if low and high and low[0] == high[0]:
        return num(low[0])
    left = ("[" if low[1] else "(") + num(low[0]) if low else "(-inf"
    right = num(high[0]) + ("]" if high[1] else ")") if high else "inf)"
    return f"{left}, {right}"


def annotations(path):
    out = {}
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            n = lambda k: float(row.get(k) or 0)
            parts = [n("nb_civilians"), n("nb_noncivilians"), n("nb_children"), n("nb_women")]
            out[row["unit_id"]] = {
                "title": row.get("article_title", ""),
                "source": row.get("source", ""),
                "total": parts[0] + parts[1],
                "parts": parts,
            }
    return out


def run_cli(binary, path):
    cmd = [binary, "claims", "--quiet", "--format", "jsonl", "--csv-map", CSV_MAP, path]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}")
    return proc.stdout


def deaths_values(jsonl):
    """The values of `...deaths` frames per document id, from claim records one a line."""
    values = {}
    for line in jsonl.splitlines():
        if not line.strip():
            continue
        claim = json.loads(line)
        value = claim.get("value")
        if not value or not value["frame"]["id"].endswith("deaths"):
            continue
        doc = claim["evidence"]["document"]
        values.setdefault(doc, []).append(
            {"frame": value["frame"]["id"], "interval": value["interval"], "raw": value.get("raw", ""),
             "sentence": claim["evidence"]["sentence"]}
        )
    return values


def classify(gold, values):
    tally, ks, examples = Counter(), Counter(), []
    for doc, a in sorted(gold.items()):
        if a["total"] <= 0:
            continue
        found = values.get(doc, [])
        hit = lambda x: any(holds(v["interval"], x) for v in found)
        if not found:
            cls = "no deaths value extracted"
        elif hit(a["total"]):
            cls = "correct"
        elif any(p > 0 and hit(p) for p in a["parts"]):
            cls = "a part of the toll (civilians, children...)"
        else:
            cls = "wrong number"
        tally[cls] += 1
        if any(v["frame"] == "syria-2017/ks-deaths" for v in found):
            ks["correct" if hit(a["total"]) else "wrong"] += 1
        if cls not in ("correct", "no deaths value extracted"):
            examples.append({"id": doc, "source": a["source"], "annotated": a["total"], "title": a["title"],
                             "found": [f"{v['frame']} = {show(v['interval'])} ({v['raw']})" for v in found],
                             "sentence": found[0]["sentence"][:240]})
    return tally, ks, examples


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", nargs="?", default=DEFAULT_CSV)
    ap.add_argument("--claimcheck", default=os.environ.get("CLAIMCHECK", "claimcheck"))
    ap.add_argument("--list", type=int, default=10, help="examples of errors to show")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--claims-jsonl", help="read claim records from this file instead of running the CLI")
    args = ap.parse_args()
    gold = annotations(args.csv)
    if args.claims_jsonl:
        with open(args.claims_jsonl, encoding="utf-8") as f:
            values = deaths_values(f.read())
    else:
        values = deaths_values(run_cli(args.claimcheck, args.csv))
    tally, ks, examples = classify(gold, values)
    scored = sum(tally.values())
    covered = scored - tally["no deaths value extracted"]
    result = {
        "articles": len(gold),
        "scored": scored,
        "classes": dict(sorted(tally.items())),
        "accuracy": tally["correct"] / scored if scored else 0.0,
        "accuracy_where_extracted": tally["correct"] / covered if covered else 0.0,
        "ks_deaths": dict(ks),
        "examples": examples[: args.list],
    }
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return
    print(f"scored {scored} of {len(gold)} articles (annotated toll above 0)")
    for cls, n in sorted(tally.items()):
        print(f"  {cls:<45} {n:>4}  {100 * n / scored:5.1f}%")
    print(f"accuracy over all scored: {100 * result['accuracy']:.1f}%")
    print(f"accuracy where a deaths value was extracted: {100 * result['accuracy_where_extracted']:.1f}% "
          f"({tally['correct']}/{covered})")
    print(f"syria-2017/ks-deaths values: {dict(ks)}")
    for e in result["examples"]:
        print(f"{e['id']} [{e['source']}] annotated {e['annotated']:g} | found {', '.join(e['found'])}")
        print(f"    title: {e['title']}")
        print(f"    sentence: {e['sentence']}")


if __name__ == "__main__":
    main()
