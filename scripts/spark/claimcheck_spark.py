"""claimcheck on Apache Spark: extract per partition, compare per group, merge.

    python claimcheck_spark.py CORPUS... --output report.jsonl [--master local[2]]

CORPUS is a JSON Lines file or a folder of them (walked like `claimcheck check` walks a
folder: sorted, `.jsonl` files only). The job

1. reads every file as lines (`textFile`), numbered within their file (`zipWithIndex`);
2. pipes each partition through `claimcheck claims - --stdin-name FILE --format jsonl`,
   padded with blank lines up to the partition's first line so that record numbers, line
   numbers and default document ids are the ones a run over the whole file gives;
3. keys each claim by the subjects `compare` groups by, read from fields the claim carries:
   its `proposition.id`, its `value.frame.id`, and one group for claims with no proposition
   (the unlisted check compares those with each other). A claim with a proposition and a
   value goes to both groups;
4. hash-partitions by key, so every group lies whole in one partition, and pipes each
   partition through `claimcheck compare - --format jsonl`; of its output it keeps the
   conflicts whose subject (the conflict's `proposition.id`, else `frame.id`, else none for
   unlisted) is a key of that partition: those were compared over all their claims, while
   conflicts about a subject whose claims only partly came along are dropped there and
   found whole in their own partition;
5. merges: the comparator orders conflicts by subject first (unlisted last), so sorting the
   kept lines by (subject, place in their partition's output) gives the order of one run;
   the sorted partitions are saved as text and concatenated after the summary line.

The output is the JSON Lines report `claimcheck claims CORPUS --format jsonl | claimcheck
compare - --format jsonl` writes, byte for byte (test.sh checks it); its conflicts are
those of `claimcheck check CORPUS --format jsonl`. The summary line is the one `compare`
writes for the claims: extraction counts (sentences, documents without claims) do not
travel with claims.

Keying stays correct as long as each of the comparator's groups lies within one key: the
comparator may group values finer (per frame and event, say) but every conflict it reports
must be about one proposition, one frame, or the unlisted claims. A new conflict subject
needs a new key here.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

UNLISTED = None


def corpus_files(paths):
    """(path as claimcheck names it, path to read) for every JSON Lines file named."""
    out = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(".jsonl"):
                        out.append(os.path.join(root, name))
        else:
            out.append(path)
    out.sort()
    return [(name, os.path.abspath(name)) for name in out]


def run(command, data, cwd):
    """Runs `command` with `data` on stdin; its stdout, or an error with its stderr."""
    done = subprocess.run(command, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    if done.returncode != 0:
        raise RuntimeError(
            "{} exited with {}: {}".format(" ".join(command), done.returncode, done.stderr.decode("utf-8", "replace"))
        )
    return done.stdout


def extract(claimcheck, flags, cwd):
    """Partition of (name, (line number, line)) -> ((partition, n), claim line)."""

    def go(partition, rows):
        by_file = {}
        for name, (index, line) in rows:
            by_file.setdefault(name, []).append((index, line))
        n = 0
        for name in sorted(by_file):
            lines = sorted(by_file[name])
            chunks = []
            at = 0
            for index, line in lines:
                # Blank lines are skipped by the reader but counted, so record and line
                # numbers stay those of the whole file.
                chunks.append("\n" * (index - at))
                chunks.append(line)
                chunks.append("\n")
                at = index + 1
            data = "".join(chunks).encode("utf-8")
            command = [claimcheck, *flags, "--quiet", "claims", "-", "--stdin-name", name, "--format", "jsonl"]
            for claim in run(command, data, cwd).decode("utf-8").splitlines():
                if claim:
                    yield ((partition, n), claim)
                    n += 1

    return go


def keys(numbered_claim):
    """(key, (claim number, claim line)) for every group the claim takes part in."""
    number, line = numbered_claim
    claim = json.loads(line)
    proposition = claim.get("proposition")
    value = claim.get("value")
    out = []
    if proposition is not None:
        out.append((proposition["id"], (number, line)))
    else:
        out.append((UNLISTED, (number, line)))
    if value is not None:
        frame = value["frame"]["id"]
        if proposition is None or frame != proposition["id"]:
            out.append((frame, (number, line)))
    return out


def subject(conflict):
    """What a conflict is about, as the comparator orders by it."""
    if conflict.get("proposition") is not None:
        return conflict["proposition"]["id"]
    if conflict.get("frame") is not None:
        return conflict["frame"]["id"]
    return UNLISTED


def order(key):
    """The comparator's subject order: by id, unlisted (no subject) last."""
    return (1, "") if key is UNLISTED else (0, key)


def compare(claimcheck, flags, cwd):
    """Partition of whole groups -> ((subject order, place), conflict line) for its keys."""

    def go(rows):
        keys_here = set()
        claims = {}
        for key, (number, line) in rows:
            keys_here.add(key)
            # A claim keyed twice into this partition is one claim.
            claims[number] = line
        if not claims:
            return
        data = "".join(claims[n] + "\n" for n in sorted(claims)).encode("utf-8")
        command = [claimcheck, *flags, "--quiet", "compare", "-", "--format", "jsonl", "--fail-on", "never"]
        out = run(command, data, cwd).decode("utf-8").splitlines()
        for place, line in enumerate(out):
            record = json.loads(line)
            if record.get("type") != "conflict":
                continue
            about = subject(record)
            if about in keys_here:
                yield ((order(about), place), (line, record["severity"]))

    return go


def counts(rows):
    """(claims, documents) of a partition of claims. A document is one line of one file, so
    it never spans two partitions and the partitions' counts add up."""
    claims = 0
    documents = set()
    for _, line in rows:
        evidence = json.loads(line)["evidence"]
        claims += 1
        documents.add((evidence["path"], evidence["ordinal"]["record"]))
    yield (claims, len(documents))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="+", help="JSON Lines files or folders of them")
    parser.add_argument("--output", "-o", required=True, help="where to write the JSON Lines report")
    parser.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[2]"))
    parser.add_argument("--claimcheck", default="claimcheck", help="the binary, on every worker")
    parser.add_argument("--workdir", default=os.getcwd(), help="where claimcheck runs (finds rules/ from)")
    parser.add_argument("--flag", action="append", default=[], help="a global claimcheck flag (repeatable)")
    parser.add_argument("--partitions", type=int, default=8, help="partitions to extract in and to group in")
    args = parser.parse_args()

    from pyspark import SparkConf, SparkContext, StorageLevel

    conf = SparkConf().setAppName("claimcheck").setMaster(args.master).set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    started = time.time()
    try:
        files = corpus_files(args.corpus)
        if not files:
            sys.exit("no .jsonl files in " + " ".join(args.corpus))
        total = sum(os.path.getsize(path) for _, path in files) or 1
        lines = sc.union(
            [
                # Partitions in proportion to the file's share of the corpus.
                sc.textFile("file://" + path, max(1, round(args.partitions * os.path.getsize(path) / total)))
                .zipWithIndex()
                .map(lambda pair, name=name: (name, (pair[1], pair[0])))
                for name, path in files
            ]
        )
        claims = lines.mapPartitionsWithIndex(extract(args.claimcheck, args.flag, args.workdir))
        # Read twice (counts, grouping): kept rather than extracted again.
        claims.persist(StorageLevel.MEMORY_AND_DISK)
        claim_count, documents = claims.mapPartitions(counts).fold((0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1]))
        conflicts = (
            claims.flatMap(keys)
            .partitionBy(args.partitions)
            .mapPartitions(compare(args.claimcheck, args.flag, args.workdir))
        )
        # Read twice (severities, sorting): kept rather than compared again.
        conflicts.persist(StorageLevel.MEMORY_AND_DISK)
        severities = conflicts.map(lambda row: row[1][1]).countByValue()
        parts = os.path.join(os.path.dirname(os.path.abspath(args.output)), ".spark-" + os.path.basename(args.output))
        shutil.rmtree(parts, ignore_errors=True)
        conflicts.sortByKey(numPartitions=args.partitions).map(lambda row: row[1][0]).saveAsTextFile("file://" + parts)
        conflict_count = sum(severities.values())
        tmp = args.output + ".part"
        with open(tmp, "wb") as out:
            summary = {
                "type": "summary",
                "schema_version": 1,
                "summary": {
                    "files": 1,
                    "documents": documents,
                    "sentences": 0,
                    "claims": claim_count,
                    "conflicts": conflict_count,
                    "errors": severities.get("error", 0),
                    "warnings": severities.get("warning", 0),
                    "notes": severities.get("note", 0),
                    "baselined": 0,
                    "input_warnings": 0,
                    "skipped": [],
                },
            }
            out.write((json.dumps(summary, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8"))
            # saveAsTextFile writes the sorted partitions as part-00000, part-00001, … in order.
            for part in sorted(f for f in os.listdir(parts) if f.startswith("part-")):
                with open(os.path.join(parts, part), "rb") as chunk:
                    shutil.copyfileobj(chunk, out)
        shutil.rmtree(parts, ignore_errors=True)
        os.replace(tmp, args.output)
        print(
            "spark: {} files, {} claims, {} conflicts in {:.1f} s ({})".format(
                len(files), claim_count, conflict_count, time.time() - started, args.master
            ),
            file=sys.stderr,
        )
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
