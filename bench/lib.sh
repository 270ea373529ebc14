# Shared helpers for bench/*.sh: tools, corpora, timed runs and their statistics.
# Source it from a script whose working directory is the repository root.

# BENCH_OUT is where the scripts write binaries, corpora and outputs; by
# default a folder outside the checkout. Inside it, go commands walking ./...
# would visit hundreds of thousands of generated files, and writing the 10,000
# small files of a 1,000-article site there cost 25 s of system time here,
# against under 5 s in /tmp on the same disk.
OUT=${BENCH_OUT:-${TMPDIR:-/tmp}/dossier-bench}
RUNS=${RUNS:-5}
SEED=${SEED:-1}

# as_root runs a command as root (directly when already root).
as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# apt_install installs Debian packages, running apt-get update once per script.
APT_UPDATED=
apt_install() {
	if [ -z "$APT_UPDATED" ]; then
		as_root apt-get update -qq
		APT_UPDATED=1
	fi
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# need_time makes sure GNU time (/usr/bin/time -v) is there.
need_time() {
	[ -x /usr/bin/time ] || apt_install time
}

# build_tools compiles dossier and benchcorpus into $OUT.
build_tools() {
	mkdir -p "$OUT"
	go build -o "$OUT/dossier" ./cmd/dossier
	go build -o "$OUT/benchcorpus" ./cmd/benchcorpus
}

# generated DIR FLAG N makes sure DIR holds what `benchcorpus FLAG DIR` writes for N
# articles with the current generator: a stamp file records the generator binary's
# hash (Go builds are reproducible), and a stale or missing folder is rewritten.
generated() {
	local dir=$1 flag=$2 n=$3 stamp
	stamp="$(sha256sum "$OUT/benchcorpus" | cut -c1-16) n=$n seed=$SEED"
	if [ "$(cat "$dir/.benchcorpus" 2>/dev/null)" != "$stamp" ]; then
		rm -rf "$dir"
		"$OUT/benchcorpus" -n "$n" -seed "$SEED" "$flag" "$dir" >&2
		echo "$stamp" >"$dir/.benchcorpus"
	fi
}

# corpus N prints the path of the dossier corpus of N articles, generating it if needed.
corpus() {
	local dir="$OUT/corpus-$1-s$SEED"
	generated "$dir" -out "$1"
	echo "$dir"
}

# TRASH holds the outputs of earlier runs until the script ends. On this
# machine's disk, creating 10,000 files right after deleting a tree of the
# same size cost several times the system time of creating them in a fresh
# place (0.8 s against 2 to 6 s, growing with every delete), and the cost
# fell on whichever run came next. So runs write into a folder that does not
# exist yet, as a first build or a CI build does; earlier outputs are moved
# aside (a rename) and deleted once, after the last run.
TRASH="$OUT/trash.$$"
trap 'rm -rf "$TRASH"' EXIT

# settle waits SETTLE seconds (default 30) before the first timed run: the
# slowdown after a large delete (an earlier script's outputs) faded within
# about 20 s here.
settle() {
	sync
	sleep "${SETTLE:-30}"
}

# measure LABEL CLEANDIR CMD... moves CLEANDIR aside and flushes the disk
# (untimed), runs CMD once under /usr/bin/time -v and sets WALL (seconds),
# CPU (user + system seconds), SYS (system seconds) and RSS (peak, KiB). On
# failure it prints the command's output and exits.
measure() {
	local label=$1 clean=$2 log="$OUT/$1.log" tv="$OUT/$1.time"
	shift 2
	if [ -e "$clean" ]; then
		mkdir -p "$TRASH"
		mv "$clean" "$(mktemp -u "$TRASH/run.XXXXXX")"
	fi
	sync
	if ! /usr/bin/time -v -o "$tv" "$@" >"$log" 2>&1; then
		echo "$label: run failed; output:" >&2
		tail -n 20 "$log" >&2
		tail -n 25 "$tv" >&2
		exit 1
	fi
	WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {
		n = split($2, p, ":"); s = 0
		for (k = 1; k <= n; k++) s = s * 60 + p[k]
		printf "%.3f", s }' "$tv")
	CPU=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$tv")
	SYS=$(awk -F': ' '/System time \(seconds\)/ { printf "%.2f", $2 }' "$tv")
	RSS=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tv")
}

# report LABEL RUN prints the last measurement.
report() {
	printf '%-8s run %d: %7.3f s wall  %7.2f s CPU (%6.2f s system)  %6d MiB peak RSS  (load %s)\n' \
		"$1" "$2" "$WALL" "$CPU" "$SYS" "$((RSS / 1024))" "$(cut -d' ' -f1 /proc/loadavg)"
}

# timed LABEL CLEANDIR CMD... measures CMD $RUNS times, printing each run, and
# leaves the wall times in WALLS, the CPU times in CPUS and the peak RSS values in
# RSSES. CPU time is the steadier figure when other processes share the machine.
timed() {
	local label=$1 i
	WALLS=() CPUS=() RSSES=()
	for i in $(seq "$RUNS"); do
		measure "$@"
		WALLS+=("$WALL") CPUS+=("$CPU") RSSES+=("$RSS")
		report "$label" "$i"
	done
}

# median, minimum, maximum VALUES... print one number each.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { printf '%s\n' "$@" | sort -g | head -n 1; }
maximum() { printf '%s\n' "$@" | sort -g | tail -n 1; }

# summary LABEL prints the statistics of the last timed call.
summary() {
	printf '%-8s wall median %.3f s  min %.3f s  max %.3f s | CPU median %.2f s | peak RSS max %d MiB (median %d MiB)\n' \
		"$1" "$(median "${WALLS[@]}")" "$(minimum "${WALLS[@]}")" "$(maximum "${WALLS[@]}")" "$(median "${CPUS[@]}")" \
		"$(($(maximum "${RSSES[@]}") / 1024))" "$(($(median "${RSSES[@]}" | cut -d. -f1) / 1024))"
}

# describe DIR prints the size of a corpus folder.
describe() {
	local files bytes
	files=$(find "$1/content" -type f | wc -l)
	bytes=$(find "$1/content" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
	printf 'corpus %s: %d files, %.1f MB of content\n' "$1" "$files" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')"
}
