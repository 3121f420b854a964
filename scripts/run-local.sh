#!/usr/bin/env bash
# `make run`: the local server. With BACKEND=aws and no AWS endpoint, profile or keys in the
# environment, it runs against a moto server started here (and stopped with it); otherwise it
# uses whatever endpoint or account the environment names (set AWS_SERIALIZE_TRANSACTIONS=true
# yourself for a moto of your own).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BACKEND:-memory}" = "aws" ] && [ -z "${AWS_ENDPOINT_URL:-}" ] && [ -z "${AWS_PROFILE:-}" ] && [ -z "${AWS_ACCESS_KEY_ID:-}" ]; then
  export AWS_REGION="${AWS_REGION:-us-east-1}" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
  export AWS_EC2_METADATA_DISABLED=true AWS_BOOTSTRAP=true
  # moto's transactions are not safe under concurrency (DynamoDB's are): one at a time.
  export AWS_SERIALIZE_TRANSACTIONS=true
  export MAIL_FROM="${MAIL_FROM:-invitations@invitations.test}"
  echo "BACKEND=aws: starting moto on a free loopback port (its data lasts as long as the server)"
  exec scripts/with-moto.sh bash -c 'AWS_ENDPOINT_URL="$MOTO_ENDPOINT" exec ./target/debug/local'
fi
exec ./target/debug/local
