#!/usr/bin/env bash
# Runs claimcheck on Apache Spark (local mode, 2 workers unless SPARK_MASTER says otherwise)
# over JSON Lines files or folders, writing the JSON Lines conflict report:
#
#   bash scripts/spark/run.sh -o report.jsonl CORPUS...
#
# Installs what it needs on first use: Java (Debian's default-jre-headless) when `java` is
# missing, and pyspark into a virtualenv under target/spark/venv. Builds claimcheck in
# release mode. Any argument is passed to claimcheck_spark.py (see its --help).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${SPARK_VENV:-$root/target/spark/venv}"
pyspark_version="${PYSPARK_VERSION:-4.3.0}"

if ! command -v java >/dev/null 2>&1; then
    echo "run.sh: java not found; installing default-jre-headless" >&2
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update
    $sudo_cmd apt-get install -y default-jre-headless
fi
if ! "$venv/bin/python" -c "import pyspark" >/dev/null 2>&1; then
    echo "run.sh: installing pyspark $pyspark_version into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "pyspark==$pyspark_version"
fi
if [ -z "${CLAIMCHECK:-}" ]; then
    (cd "$root" && cargo build --release --quiet -p claimcheck)
    CLAIMCHECK="$root/target/release/claimcheck"
fi

export PYSPARK_PYTHON="$venv/bin/python"
export PYSPARK_DRIVER_PYTHON="$venv/bin/python"
exec "$venv/bin/python" "$here/claimcheck_spark.py" --claimcheck "$CLAIMCHECK" --workdir "$root" "$@"
