#!/usr/bin/env bash
# Retrains crates/syntax/model/en.model from scratch: installs the teacher (spaCy
# en_core_web_sm) in a virtual environment, dumps the sentences of the PolNeAR train text,
# the FA-KES articles and the sample corpus as claimcheck splits and tokenises them, has the
# teacher tag and parse them, trains the Rust tagger and parser on that silver data, and
# scores agreement on the PolNeAR dev text (held out).
#
#   bash train/retrain.sh            # from the repository root
#
# Environment: WORK (scratch folder, default /tmp/claimcheck-syntax), SHARED (the shared
# data, default ../shared), TAGGER_EPOCHS, PARSER_EPOCHS, MIN_WEIGHT (the parser's),
# TAGGER_MIN_WEIGHT, TAGGER_FROM (a model file whose tagger is kept: only the parser is
# trained, over that tagger's tags), JACKKNIFE (parts: the parser learns from the tags of
# taggers that did not see the sentence; 0 for the kept tagger's own tags), CLUSTERS (word
# clusters for the parser: a Brown-style paths file, or `make` to have train/clusters.py make
# one from the training text; unset, the parser has none, as the committed model).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/claimcheck-syntax}
SHARED=${SHARED:-../shared}
mkdir -p "$WORK"

if [ ! -x "$WORK/venv/bin/python" ]; then
    python3 -m venv "$WORK/venv"
    "$WORK/venv/bin/pip" install -q -r train/requirements.txt
fi

cargo build --release -p syntax --example sentences --example train
SENTENCES=target/release/examples/sentences
"$SENTENCES" "$SHARED/data/polnear/train/text" > "$WORK/polnear-train.jsonl"
"$SENTENCES" "$SHARED/data/polnear/dev/text" > "$WORK/polnear-dev.jsonl"
"$SENTENCES" --csv-column article_content "$SHARED/data/fa-kes/articles.csv" > "$WORK/fakes.jsonl"
"$SENTENCES" corpus > "$WORK/corpus.jsonl"

for part in polnear-train polnear-dev fakes corpus; do
    if [ ! -s "$WORK/$part.conll" ] || [ "$WORK/$part.jsonl" -nt "$WORK/$part.conll" ]; then
        "$WORK/venv/bin/python" train/annotate.py "$WORK/$part.jsonl" "$WORK/$part.conll"
    fi
done

# Word clusters from the training text only (never the held-out text).
CLUSTER_ARGS=()
if [ -n "${CLUSTERS:-}" ]; then
    if [ "$CLUSTERS" = make ]; then
        CLUSTERS="$WORK/clusters.paths"
        if [ ! -s "$CLUSTERS" ]; then
            "$WORK/venv/bin/python" train/clusters.py "$CLUSTERS" \
                "$WORK/polnear-train.jsonl" "$WORK/fakes.jsonl" "$WORK/corpus.jsonl"
        fi
    fi
    CLUSTER_ARGS=(--clusters "$CLUSTERS")
fi

# Train keeping every weight, then prune. The committed model was made with
# TAGGER_FROM=<the previous model> (its tagger, pruned at 700, kept; the parser learns from
# that tagger's tags, as it sees them at run time).
KEEP_TAGGER=()
if [ -n "${TAGGER_FROM:-}" ]; then
    cp "$TAGGER_FROM" "$WORK/tagger-from.model"
    KEEP_TAGGER=(--tagger-from "$WORK/tagger-from.model")
fi
target/release/examples/train --out "$WORK/unpruned.model" "${KEEP_TAGGER[@]}" \
    --tagger-epochs "${TAGGER_EPOCHS:-5}" --parser-epochs "${PARSER_EPOCHS:-10}" --min-weight 2 \
    --jackknife "${JACKKNIFE:-0}" "${CLUSTER_ARGS[@]}" \
    --train "$WORK/polnear-train.conll" "$WORK/fakes.conll" "$WORK/corpus.conll" \
    --heldout "$WORK/polnear-dev.conll"
target/release/examples/train --prune "$WORK/unpruned.model" --min-weight "${MIN_WEIGHT:-500}" \
    --tagger-min-weight "${TAGGER_MIN_WEIGHT:-700}" \
    --out crates/syntax/model/en.model --heldout "$WORK/polnear-dev.conll"
