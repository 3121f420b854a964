#!/usr/bin/env bash
# Lints the SAM template with cfn-lint, and proves the check can fail: a copy with a mistyped
# resource type must be refused.
set -euo pipefail
cd "$(dirname "$0")/.."
lint=.venv-infra/bin/cfn-lint
"$lint" infra/template.yaml
broken=$(mktemp -d)/template.yaml
trap 'rm -rf "$(dirname "$broken")"' EXIT
sed 's/Type: AWS::DynamoDB::Table/Type: AWS::DynamoDB::Tabel/' infra/template.yaml > "$broken"
if "$lint" "$broken" >/dev/null 2>&1; then
  echo "cfn-lint accepted a template with a mistyped resource type: the check cannot fail" >&2
  exit 1
fi
echo "cfn-lint: template clean; a broken copy is refused"
