# The only commands a newcomer needs: `make run` and `make test`.
#
#   make run                      the local server on 127.0.0.1:$(PORT), data under $(DATA_DIR)
#   make run PORT=9000 DATA_DIR=/tmp/x
#   make run BACKEND=aws          the same on the AWS adapters, against moto started for it
#   make test                     formatting, clippy, unit and integration tests
#   make lint                     formatting and clippy only
#   make build                    release binaries of every function

PORT ?= 8080
DATA_DIR ?= .data
BACKEND ?= memory
CARGO ?= cargo
VENV := .venv
MOTO_VERSION := 5.2.5
INFRA_VENV := .venv-infra
CFN_LINT_VERSION := 1.58.0
SAM_VENV := .venv-sam
SAM_VERSION := 1.170.0

.PHONY: run test lint fmt build check-toolchain venv infra-check clean

check-toolchain:
	@command -v $(CARGO) >/dev/null 2>&1 || { echo "cargo is required: install the Rust toolchain (https://rustup.rs)"; exit 1; }

# moto (the AWS stand-in for tests) in a virtual environment of its own, installed once.
$(VENV)/.moto-$(MOTO_VERSION):
	@command -v python3 >/dev/null 2>&1 || { echo "python3 is required for the AWS stand-in (moto)"; exit 1; }
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check 'moto[server]==$(MOTO_VERSION)'
	touch $@

venv: $(VENV)/.moto-$(MOTO_VERSION)

# Infrastructure checkers in a virtual environment of their own.
$(INFRA_VENV)/.cfn-lint-$(CFN_LINT_VERSION):
	python3 -m venv $(INFRA_VENV)
	$(INFRA_VENV)/bin/pip install --quiet --disable-pip-version-check 'cfn-lint==$(CFN_LINT_VERSION)'
	touch $@

# The SAM CLI pins its own cfn-lint and boto3: a virtual environment of its own.
$(SAM_VENV)/.sam-$(SAM_VERSION):
	python3 -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/pip install --quiet --disable-pip-version-check 'aws-sam-cli==$(SAM_VERSION)'
	touch $@

infra-check: $(INFRA_VENV)/.cfn-lint-$(CFN_LINT_VERSION) $(SAM_VENV)/.sam-$(SAM_VERSION)
	scripts/check-infra.sh

run: check-toolchain $(if $(filter aws,$(BACKEND)),venv)
	$(CARGO) build -p local
	PORT=$(PORT) DATA_DIR=$(DATA_DIR) BACKEND=$(BACKEND) scripts/run-local.sh

# Tests start their own servers on free loopback ports; the binaries they drive (the Lambda
# functions and the local server) are built first, and one moto server serves the whole run.
# The HTTP suite runs twice: on the embedded adapters and on the AWS adapters against moto.
test: check-toolchain lint venv infra-check
	$(CARGO) build --workspace --bins
	scripts/with-moto.sh bash -c '$(CARGO) test --workspace && TEST_BACKEND=aws $(CARGO) test -p integration-tests --test api'

lint: check-toolchain
	@if $(CARGO) fmt --version >/dev/null 2>&1; then $(CARGO) fmt --all -- --check; \
	 else echo "rustfmt is not installed: formatting check skipped"; fi
	@if $(CARGO) clippy --version >/dev/null 2>&1; then $(CARGO) clippy --workspace --all-targets -- -D warnings; \
	 else echo "clippy is not installed: lint skipped"; fi

fmt:
	$(CARGO) fmt --all

build: check-toolchain
	$(CARGO) build --release --workspace --bins

clean:
	$(CARGO) clean
	rm -rf .data $(VENV) $(INFRA_VENV) $(SAM_VENV)
