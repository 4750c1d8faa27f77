#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS] [BUILD_DIR] [HARNESS...]
#
# Builds the libFuzzer harnesses (tests/fuzz/fuzz_*.c) with clang in
# BUILD_DIR (default build-fuzz; -DNB_FUZZ=ON) and runs each for SECONDS
# (default 10) on a copy of its seed corpus (tests/fuzz/corpus/NAME: the
# repository is never written), FUZZ_JOBS harnesses at a time (default: the
# number of processors), each with -rss_limit_mb=1024 and -timeout=10.
# Names given after BUILD_DIR run only those harnesses.  Fails when any
# harness finds a crash, leak, timeout, out-of-memory or sanitizer error,
# printing the reproducer's path (kept under BUILD_DIR/fuzz-run-*) and the
# end of the harness's log.  Reproduce with: BUILD_DIR/fuzz/NAME FILE
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
seconds=${1:-10}
build=${2:-$top/build-fuzz}
shift $(($# < 2 ? $# : 2))
jobs=${FUZZ_JOBS:-$(nproc)}
case $seconds in '' | *[!0-9]*) echo "run.sh: SECONDS must be a whole number" >&2; exit 2 ;; esac

if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=${CC:-clang} cmake -S "$top" -B "$build" -DNB_FUZZ=ON -DBUILD_TESTING=OFF \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target nb_fuzz -j"$(nproc)"

if [ $# -gt 0 ]; then
    names=("$@")
else
    names=()
    for f in "$here"/fuzz_*.c; do names+=("$(basename "$f" .c)"); done
fi
mkdir -p "$build"
scratch=$(mktemp -d "$build/fuzz-run-XXXXXX")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run_one() {
    local name=$1 dir=$scratch/$1
    mkdir -p "$dir/corpus" "$dir/artifacts" "$dir/tmp"
    if [ -d "$here/corpus/$name" ]; then cp -R "$here/corpus/$name/." "$dir/corpus/"; fi
    # stdin closed: no harness may wait for input; TMPDIR: its scratch files
    TMPDIR=$dir/tmp "$build/fuzz/$name" "$dir/corpus" -max_total_time="$seconds" \
        -rss_limit_mb=1024 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$dir/artifacts/" </dev/null >"$dir/log" 2>&1
}

echo "fuzzing ${#names[@]} harnesses for ${seconds} s each, $jobs at a time (in $scratch)"
declare -A pids
for name in "${names[@]}"; do
    [ -x "$build/fuzz/$name" ] || { echo "run.sh: no harness $name" >&2; exit 2; }
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
    run_one "$name" &
    pids[$name]=$!
done
failed=()
for name in "${names[@]}"; do
    if ! wait "${pids[$name]}"; then failed+=("$name"); fi
done

for name in "${names[@]}"; do
    log=$scratch/$name/log
    stats=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1 | tr -s ' \t' ' ' || true)
    printf '%-20s %s\n' "$name" "${stats:-no stats (see $log)}"
done
if [ ${#failed[@]} -gt 0 ]; then
    for name in "${failed[@]}"; do
        echo
        echo "== $name FAILED; log: $scratch/$name/log"
        grep -E 'ERROR:|runtime error:|SUMMARY:|^ +#[0-9] ' "$scratch/$name/log" | head -30 || true
        for f in "$scratch/$name"/artifacts/*; do
            [ -e "$f" ] && echo "reproducer: $f  (run: $build/fuzz/$name $f)"
        done
    done
    exit 1
fi
rm -rf "$scratch"
echo "no crashes"
