#!/bin/sh
# make check's run of tests/stress/stress: 32 threads x 20 cycles, so that it stays within
# seconds. The full load (32 x 200) runs in scripts/check.d/34-stress.sh, a lighter one under
# ThreadSanitizer in scripts/check.d/35-tsan.sh.
RS_STRESS_CYCLES=${RS_STRESS_QUICK_CYCLES:-20}
export RS_STRESS_CYCLES
exec "${top_builddir:-.}/tests/stress/stress"
