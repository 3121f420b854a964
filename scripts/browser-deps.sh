#!/usr/bin/env bash
# What the browser tests need: Debian's Chromium (installed with apt-get when missing) and
# playwright-core from the npm registry (tests/browser/package-lock.json), installed once.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || { echo "Chromium is missing and there is no apt-get: set CHROMIUM=/path/to/chromium" >&2; exit 1; }
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing Debian's chromium (browser tests)"
  $sudo apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
    || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends chromium >/dev/null; }
fi
command -v node >/dev/null 2>&1 || { echo "Node.js is required for the browser tests" >&2; exit 1; }
lock=tests/browser/package-lock.json
stamp=tests/browser/node_modules/.installed
if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --silent)
  touch "$stamp"
fi
