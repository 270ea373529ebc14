#!/usr/bin/env bash
# bench/compare.sh BASE N: time `dossier build` of this checkout against the
# checkout in folder BASE (a git worktree of an earlier commit), on the same
# generated corpus of N articles, alternating base and this checkout RUNS times.
# Environment: RUNS (default 5), SEED (default 1), SETTLE (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

BASE=${1:?usage: bench/compare.sh BASE N}
N=${2:?usage: bench/compare.sh BASE N}
need_time
build_tools
(cd "$BASE" && go build -o "$OUT/dossier-base" ./cmd/dossier)
src=$(corpus "$N")
describe "$src"
settle
BASE_WALLS=() BASE_CPUS=() BASE_RSSES=() WALLS_THIS=() CPUS_THIS=() RSSES_THIS=()
for i in $(seq "$RUNS"); do
	measure base "$OUT/public-base-$N" "$OUT/dossier-base" build --quiet --source "$src" --out "$OUT/public-base-$N"
	report base "$i"
	BASE_WALLS+=("$WALL") BASE_CPUS+=("$CPU") BASE_RSSES+=("$RSS")
	measure this "$OUT/public-$N" "$OUT/dossier" build --quiet --source "$src" --out "$OUT/public-$N"
	report this "$i"
	WALLS_THIS+=("$WALL") CPUS_THIS+=("$CPU") RSSES_THIS+=("$RSS")
done
WALLS=("${BASE_WALLS[@]}") CPUS=("${BASE_CPUS[@]}") RSSES=("${BASE_RSSES[@]}")
summary base
WALLS=("${WALLS_THIS[@]}") CPUS=("${CPUS_THIS[@]}") RSSES=("${RSSES_THIS[@]}")
summary this
awk -v b="$(median "${BASE_WALLS[@]}")" -v t="$(median "${WALLS_THIS[@]}")" \
	-v bc="$(median "${BASE_CPUS[@]}")" -v tc="$(median "${CPUS_THIS[@]}")" \
	'BEGIN { printf "this/base: wall %.2f, CPU %.2f (medians)\n", t / b, tc / bc }'
