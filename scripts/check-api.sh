#!/usr/bin/env bash
# The HTTP contract, checked from outside: infra/openapi.yaml must be a valid OpenAPI 3.1
# document, and schemathesis, generating requests from it against the local server, must find
# no 5xx and no response that the document does not describe.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-api
"$venv/bin/openapi-spec-validator" infra/openapi.yaml

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
PORT=$port DATA_DIR=$data BACKEND=memory ./target/debug/local >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
base=http://127.0.0.1:$port
for _ in $(seq 100); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

# A tenant, its admin's session and one invited member give the path parameters real values.
json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }
tenant=$(curl -fsS "$base/dev/tenants" -H 'content-type: application/json' -d '{
  "name": "Schemathesis", "products": ["chat"], "sms_countries": ["ES"],
  "admin": {"email": "admin@st.example", "password": "correct horse battery staple",
            "first_name": "Ada", "last_name": "Admin"}}')
export ST_BASE_URL=$base
ST_TENANT=$(json "['tenant_id']" <<<"$tenant")
ST_TOKEN=$(json "['token']" <<<"$tenant")
export ST_TENANT ST_TOKEN
ST_USER=$(curl -fsS "$base/v1/tenants/$ST_TENANT/invitations" -H 'content-type: application/json' \
  -H "authorization: Bearer $ST_TOKEN" -d '{"email": "ana@st.example", "role": "user"}' | json "['id']")
export ST_USER

if ! "$venv/bin/st" --config-file tests/schemathesis/schemathesis.toml run infra/openapi.yaml \
     --seed 1 --no-color; then
  echo "schemathesis found responses the OpenAPI document does not describe (server log: below)" >&2
  grep -E "status=5|ERROR|panick" "$data/server.log" | tail -20 >&2
  exit 1
fi
