#!/usr/bin/env bash
# Lints the SAM template with cfn-lint and `sam validate --lint`, and proves the checks can
# fail: a copy with a mistyped resource type must be refused by both.
set -euo pipefail
cd "$(dirname "$0")/.."
export SAM_CLI_TELEMETRY=0
lint() { .venv-infra/bin/cfn-lint "$1"; }
validate() { .venv-sam/bin/sam validate --lint --template "$1" --region us-east-1; }
lint infra/template.yaml
validate infra/template.yaml
broken=$(mktemp -d)/template.yaml
trap 'rm -rf "$(dirname "$broken")"' EXIT
sed 's/Type: AWS::DynamoDB::Table/Type: AWS::DynamoDB::Tabel/' infra/template.yaml > "$broken"
for check in lint validate; do
  if "$check" "$broken" >/dev/null 2>&1; then
    echo "$check accepted a template with a mistyped resource type: the check cannot fail" >&2
    exit 1
  fi
done
echo "cfn-lint and sam validate --lint: template clean; a broken copy is refused by both"
