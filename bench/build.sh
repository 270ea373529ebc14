#!/usr/bin/env bash
# bench/build.sh N: time `dossier build` on a generated corpus of N articles.
# Generates $OUT/corpus-N-sSEED once, builds it RUNS times (default 5) and
# reports the median, minimum and maximum wall time and the peak RSS.
# Environment: RUNS (default 5), SEED (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

N=${1:?usage: bench/build.sh N}
need_time
build_tools
src=$(corpus "$N")
describe "$src"
settle
timed dossier "$OUT/public-$N" "$OUT/dossier" build --source "$src" --out "$OUT/public-$N"
summary dossier
