#!/usr/bin/env bash
# Runs a command with a moto server (the AWS stand-in) on a free loopback port, exported as
# MOTO_ENDPOINT, and stops the server afterwards, whatever the command's outcome.
set -euo pipefail
cd "$(dirname "$0")/.."
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.venv/bin/moto_server -H 127.0.0.1 -p "$port" >"${MOTO_LOG:-/dev/null}" 2>&1 &
moto=$!
trap 'kill "$moto" 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.05
done
export MOTO_ENDPOINT="http://127.0.0.1:$port"
"$@"
