#!/usr/bin/env python3
# Usage: python3 scripts/sizes.py (from the repository root); exits 1 when it lists anything.
# A function that is a table (a word list) is allowed over 100 lines when a comment line above
# it says `sizes.py: a table`: judge what it lists.
"""Rust files over 800 lines and functions over 100 lines (from `fn` to its closing brace
at the same indentation, as rustfmt lays them out)."""
import re, subprocess, sys
files = subprocess.run(["git", "ls-files", "*.rs"], capture_output=True, text=True).stdout.split()
fn_re = re.compile(r'^(\s*)(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?(extern\s+"[^"]*"\s+)?fn\s+(\w+)')
bad = 0
for f in files:
    lines = open(f, encoding="utf-8", errors="replace").read().split("\n")
    if len(lines) - 1 > 800:
        print(f"{f}: {len(lines) - 1} lines"); bad += 1
    for i, line in enumerate(lines):
        m = fn_re.match(line)
        if not m or line.rstrip().endswith(";"):
            continue
        indent = m.group(1)
        k = i - 1
        while k >= 0 and lines[k].strip().startswith(("//", "#[")):
            k -= 1
        if any("sizes.py: a table" in lines[x] for x in range(k + 1, i)):
            continue
        for j in range(i + 1, len(lines)):
            if lines[j] == indent + "}" or (j == i and line.rstrip().endswith("}")):
                break
        else:
            continue
        if j - i + 1 > 100:
            print(f"{f}:{i+1}: fn {m.group(8)} is {j - i + 1} lines"); bad += 1
sys.exit(1 if bad else 0)
