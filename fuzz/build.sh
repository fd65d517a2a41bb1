#!/usr/bin/env bash
# Build the libFuzzer targets (fuzz/fuzz_*.c) with clang, AddressSanitizer and UBSan, against
# the driver's sources compiled directly (fuzz/fuzz.mk), into build/fuzz. Incremental: a
# second run rebuilds only what changed. Does not touch the automake build.
#
#   fuzz/build.sh            # all targets; then e.g. build/fuzz/fuzz_connstr fuzz/corpus/connstr
#
# Environment: CC (default clang-14, else clang), RS_FUZZ_OUT (default build/fuzz),
# RS_FUZZ_JOBS (default 2). Needs the Debian packages clang-14 and libclang-rt-14-dev
# (libFuzzer and the sanitizer runtimes) besides the driver's own -dev packages.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CC=${CC:-}
if [ -z "$CC" ]; then
    if command -v clang-14 > /dev/null; then CC=clang-14
    elif command -v clang > /dev/null; then CC=clang
    else echo "fuzz/build.sh: clang not found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 1
    fi
fi
OUT=${RS_FUZZ_OUT:-build/fuzz}
mkdir -p "$OUT"
# Does this clang link libFuzzer? (libclang-rt-14-dev provides it on Debian.)
probe="$OUT/.probe"
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' > "$probe.c"
if ! "$CC" -fsanitize=fuzzer,address,undefined "$probe.c" -o "$probe" 2> "$probe.log"; then
    cat "$probe.log" >&2
    echo "fuzz/build.sh: $CC cannot link libFuzzer (apt-get install libclang-rt-14-dev)" >&2
    exit 1
fi
rm -f "$probe" "$probe.c" "$probe.log"
exec make -s -f fuzz/fuzz.mk -j"${RS_FUZZ_JOBS:-2}" CC="$CC" OUT="$OUT" "$@"
