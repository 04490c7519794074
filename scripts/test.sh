#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds everything once and runs every test (in parallel).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFRONTDOOR_BENCHMARKS=OFF
cmake --build build -j "$(nproc)"
ctest --test-dir build -j "$(nproc)" --output-on-failure
