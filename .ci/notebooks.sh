#!/usr/bin/env bash
# Runs every notebook (notebooks/*/) on small data into a temporary folder
# (the lead's .ci/run calls it). Usage: .ci/notebooks.sh [OUTDIR]
#
#   store: 1,500 simulated athletes (podium generate, seed 1) and the synthetic
#          ATP fixture of notebooks/talent/testdata/tennis-atp;
#   dataquality, talent, integrity: on that store (talent with the fixture's
#          cohorts and the simulated swimmers);
#   bench: the committed podium bench runs of notebooks/bench/testdata.
# Each report must be written, non-empty and hold at least one chart; the
# reports stay in OUTDIR (default a temporary folder) for a look.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$HOME/go/bin:$PATH"
export CGO_ENABLED=1
out="${1:-$(mktemp -d /tmp/podium-notebooks-XXXXXX)}"
mkdir -p "$out"
db="$out/small.duckdb"
rm -f "$db" "$db.wal"

echo "== notebooks: building podium and a small store in $out"
go build -o "$out/podium" ./cmd/podium
"$out/podium" generate --db "$db" --athletes 1500 --seed 1 > /dev/null
"$out/podium" import --db "$db" tennis-atp notebooks/talent/testdata/tennis-atp > /dev/null

run() { # name, then the notebook's arguments
  local name="$1"; shift
  go run "./notebooks/$name" --out "$out/$name.html" "$@"
  [ -s "$out/$name.html" ] && grep -q '<svg' "$out/$name.html" ||
    { echo "notebooks.sh: $name wrote no chart in $out/$name.html" >&2; exit 1; }
}
run dataquality --db "$db"
run talent --db "$db" --elite-rank 50 --train-born 1980-1989 --test-born 1990-1995 --swim-source sim --examples 2
run integrity --db "$db"
run bench notebooks/bench/testdata/b1e*.json
echo "== notebooks: all reports written to $out"
