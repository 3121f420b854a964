#!/usr/bin/env bash
# What `make bench` needs beyond the toolchain: wrk (the load generator), from Debian's packages.
set -euo pipefail
if ! command -v wrk >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || { echo "wrk is missing and there is no apt-get: install wrk" >&2; exit 1; }
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing Debian's wrk (benchmarks)"
  $sudo apt-get install -y --no-install-recommends wrk >/dev/null 2>&1 \
    || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends wrk >/dev/null; }
fi
