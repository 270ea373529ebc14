#!/usr/bin/env bash
# bench/hugo.sh N: build the same generated corpus with Hugo and with dossier, RUNS
# times each (default 5, alternating), and report both medians and their ratio. Installs Debian's
# hugo package when missing. The Hugo site is written by `benchcorpus -hugo`.
# Environment: RUNS (default 5), SEED (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

N=${1:?usage: bench/hugo.sh N}
need_time
command -v hugo >/dev/null || apt_install hugo
build_tools
src=$(corpus "$N")
site="$OUT/hugo-$N-s$SEED"
generated "$site" -hugo "$N"
describe "$src"
settle
hugo version

# Hugo and dossier runs alternate, so that a change in the machine's load hits both.
H_WALLS=() H_CPUS=() H_RSSES=() D_WALLS=() D_CPUS=() D_RSSES=()
for i in $(seq "$RUNS"); do
	measure hugo "$OUT/hugo-public-$N" hugo --source "$site" --destination "$(cd "$OUT" && pwd)/hugo-public-$N" \
		--cacheDir "$(cd "$OUT" && pwd)/hugo-cache" --quiet
	H_WALLS+=("$WALL") H_CPUS+=("$CPU") H_RSSES+=("$RSS")
	report hugo "$i"
	measure dossier "$OUT/public-$N" "$OUT/dossier" build --source "$src" --out "$OUT/public-$N"
	D_WALLS+=("$WALL") D_CPUS+=("$CPU") D_RSSES+=("$RSS")
	report dossier "$i"
done

WALLS=("${H_WALLS[@]}") CPUS=("${H_CPUS[@]}") RSSES=("${H_RSSES[@]}")
summary hugo
hugo_median=$(median "${WALLS[@]}") hugo_cpu=$(median "${CPUS[@]}")
WALLS=("${D_WALLS[@]}") CPUS=("${D_CPUS[@]}") RSSES=("${D_RSSES[@]}")
summary dossier
dossier_median=$(median "${WALLS[@]}") dossier_cpu=$(median "${CPUS[@]}")
printf 'output: hugo %d files, %d bytes; dossier %d files, %d bytes\n' \
	"$(find "$OUT/hugo-public-$N" -type f | wc -l)" "$(du -sb "$OUT/hugo-public-$N" | cut -f1)" \
	"$(find "$OUT/public-$N" -type f | wc -l)" "$(du -sb "$OUT/public-$N" | cut -f1)"

awk -v d="$dossier_median" -v h="$hugo_median" -v dc="$dossier_cpu" -v hc="$hugo_cpu" -v n="$N" 'BEGIN {
	printf "N=%d: wall median dossier %.3f s, hugo %.3f s, dossier/hugo = %.2f\n", n, d, h, d / h
	printf "N=%d: CPU median  dossier %.2f s, hugo %.2f s, dossier/hugo = %.2f\n", n, dc, hc, dc / hc }'
