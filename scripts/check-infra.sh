#!/usr/bin/env bash
# Lints the SAM template with cfn-lint, `sam validate --lint` and checkov, and proves each check
# can fail: a copy with a mistyped resource type must be refused by the first two, a copy whose
# table has no point-in-time recovery by checkov.
set -euo pipefail
cd "$(dirname "$0")/.."
export SAM_CLI_TELEMETRY=0
lint() { .venv-infra/bin/cfn-lint "$1"; }
validate() { .venv-sam/bin/sam validate --lint --template "$1" --region us-east-1; }
# checkov: zero failed checks; every suppression carries its reason in the template's Metadata.
policy() { .venv-checkov/bin/checkov --skip-download --quiet --compact --framework cloudformation -f "$1"; }
lint infra/template.yaml
validate infra/template.yaml
policy infra/template.yaml
broken=$(mktemp -d)/template.yaml
trap 'rm -rf "$(dirname "$broken")"' EXIT
sed 's/Type: AWS::DynamoDB::Table/Type: AWS::DynamoDB::Tabel/' infra/template.yaml > "$broken"
for check in lint validate; do
  if "$check" "$broken" >/dev/null 2>&1; then
    echo "$check accepted a template with a mistyped resource type: the check cannot fail" >&2
    exit 1
  fi
done
# A table without point-in-time recovery is a policy failure that only checkov catches.
sed 's/PointInTimeRecoveryEnabled: true/PointInTimeRecoveryEnabled: false/' infra/template.yaml > "$broken"
if policy "$broken" >/dev/null 2>&1; then
  echo "checkov accepted a table without point-in-time recovery: the check cannot fail" >&2
  exit 1
fi
echo "cfn-lint, sam validate --lint and checkov: template clean; broken copies are refused"
