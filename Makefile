# The only commands a newcomer needs: `make run` and `make test`.
#
#   make run                      the local server on 127.0.0.1:$(PORT), data under $(DATA_DIR)
#   make run PORT=9000 DATA_DIR=/tmp/x
#   make run BACKEND=aws          the same on the AWS adapters, against moto started for it
#   make test                     formatting, clippy, unit and integration tests (debug builds)
#   make check-build              release Lambda artefacts and `sam build`, checked (CI runs it after make test)
#   make lint                     formatting and clippy only
#   make build                    release Lambda artefacts (cargo-lambda), then `sam build`
#   make bench                    cold starts, throughput, latency, cost, critical paths: BENCHMARKS.md
#   make deploy                   `sam deploy --guided` with infra/samconfig.toml (after make build)

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
CHECKOV_VENV := .venv-checkov
CHECKOV_VERSION := 3.3.30
API_VENV := .venv-api
SCHEMATHESIS_VERSION := 4.32.5
OPENAPI_VALIDATOR_VERSION := 0.9.0
LAMBDA_VENV := .venv-lambda
CARGO_LAMBDA_VERSION := 1.9.2
STACK ?= invitations
FUNCTIONS := invite accept reinvite deactivate list sessions edit dispatch deliver events
# arm64 (Graviton, the template's default) where this machine can build it; x86_64 otherwise.
ARCH ?= $(shell if [ "$$(uname -m)" = aarch64 ] || rustup target list --installed 2>/dev/null | grep -qx aarch64-unknown-linux-gnu; then echo arm64; else echo x86_64; fi)
SAM := SAM_CLI_TELEMETRY=0 PATH="$(CURDIR)/$(LAMBDA_VENV)/bin:$$PATH" $(SAM_VENV)/bin/sam

.PHONY: run test check-build lint fmt build bench deploy check-toolchain venv infra-check api-check browser-test gallery clean

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

# checkov pins its own boto3: a virtual environment of its own.
$(CHECKOV_VENV)/.checkov-$(CHECKOV_VERSION):
	python3 -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install --quiet --disable-pip-version-check 'checkov==$(CHECKOV_VERSION)'
	touch $@

# The HTTP contract's checkers: the OpenAPI validator and schemathesis.
$(API_VENV)/.api-$(SCHEMATHESIS_VERSION)-$(OPENAPI_VALIDATOR_VERSION):
	python3 -m venv $(API_VENV)
	$(API_VENV)/bin/pip install --quiet --disable-pip-version-check \
	  'schemathesis==$(SCHEMATHESIS_VERSION)' 'openapi-spec-validator==$(OPENAPI_VALIDATOR_VERSION)'
	touch $@

# cargo-lambda from PyPI (it brings zig, its linker for Lambda's glibc).
$(LAMBDA_VENV)/.cargo-lambda-$(CARGO_LAMBDA_VERSION):
	python3 -m venv $(LAMBDA_VENV)
	$(LAMBDA_VENV)/bin/pip install --quiet --disable-pip-version-check 'cargo-lambda==$(CARGO_LAMBDA_VERSION)'
	touch $@

infra-check: $(INFRA_VENV)/.cfn-lint-$(CFN_LINT_VERSION) $(SAM_VENV)/.sam-$(SAM_VERSION) $(CHECKOV_VENV)/.checkov-$(CHECKOV_VERSION)
	scripts/check-infra.sh

# schemathesis against the local server (built by `make test` before it runs this).
api-check: $(API_VENV)/.api-$(SCHEMATHESIS_VERSION)-$(OPENAPI_VALIDATOR_VERSION)
	scripts/check-api.sh

run: check-toolchain $(if $(filter aws,$(BACKEND)),venv)
	$(CARGO) build -p local
	PORT=$(PORT) DATA_DIR=$(DATA_DIR) BACKEND=$(BACKEND) scripts/run-local.sh

# Tests start their own servers on free loopback ports; the binaries they drive (the Lambda
# functions and the local server) are built first, with the tests, so that one feature resolution
# (dev-dependencies included) serves both and no dependency is compiled twice. One moto server
# serves the whole run.
# The HTTP suite runs twice: on the embedded adapters and on the AWS adapters against moto.
# Then schemathesis and the browser tests against the local server. Everything runs on debug
# builds (the Runtime API tests too): the release artefacts, ten fat-LTO links, are built and
# checked by `make check-build`, which CI runs after `make test` (`.ci/run`).
test: check-toolchain lint venv infra-check
	$(CARGO) build --workspace --bins --tests
	$(MAKE) --no-print-directory api-check
	$(MAKE) --no-print-directory browser-test
	scripts/with-moto.sh bash -c '$(CARGO) test --workspace && TEST_BACKEND=aws $(CARGO) test -p integration-tests --test api'

# The release artefacts as `make deploy` ships them (cargo-lambda, then `sam build`), checked by
# scripts/check-build.sh: what CI builds once, after `make test`.
check-build: build

# The pages in Debian's Chromium driven by Playwright (screenshots in target/screenshots/).
browser-test:
	scripts/browser-deps.sh
	cd tests/browser && node --test --test-concurrency=1 .

# The README's gallery: screenshots the browser tests take, copied into docs/gallery/ (run after
# a change to the pages, and commit the images).
GALLERY := console console-invite-dialog console-reinvite-dialog console-details console-bulk \
  console-settings console-audit console-ar console-es-390 accept-page accept-es accept-branded \
  accept-expired reset-de-390 sign-in-access-code sign-up-pt-BR-390
gallery: browser-test
	mkdir -p docs/gallery
	for shot in $(GALLERY); do cp target/screenshots/$$shot.png docs/gallery/; done

lint: check-toolchain
	@if $(CARGO) fmt --version >/dev/null 2>&1; then $(CARGO) fmt --all -- --check; \
	 else echo "rustfmt is not installed: formatting check skipped"; fi
	@if $(CARGO) clippy --version >/dev/null 2>&1; then $(CARGO) clippy --workspace --all-targets -- -D warnings; \
	 else echo "clippy is not installed: lint skipped"; fi

fmt:
	$(CARGO) fmt --all

# One bootstrap per function under target/lambda/, then `sam build` into .aws-sam/build (whose
# cargo-lambda runs find those artefacts up to date), then a check of what was built.
build: check-toolchain $(LAMBDA_VENV)/.cargo-lambda-$(CARGO_LAMBDA_VERSION) $(SAM_VENV)/.sam-$(SAM_VERSION)
	PATH="$(CURDIR)/$(LAMBDA_VENV)/bin:$$PATH" $(CARGO) lambda build --release \
	  $(if $(filter arm64,$(ARCH)),--arm64,--x86-64) $(addprefix --bin ,$(FUNCTIONS))
	$(SAM) build --config-file infra/samconfig.toml --parameter-overrides Architecture=$(ARCH)
	scripts/check-build.sh $(ARCH) $(FUNCTIONS)

# `make bench`: release binaries for this machine (the functions, the hello-world reference and
# the local server), then tests/benches/figures.rs against them and a moto server; the figures
# go to BENCHMARKS.md. About 5 minutes once the release build is there.
HOST_ARCH_FLAG := $(if $(filter aarch64,$(shell uname -m)),--arm64,--x86-64)
bench: check-toolchain venv $(LAMBDA_VENV)/.cargo-lambda-$(CARGO_LAMBDA_VERSION)
	scripts/bench-deps.sh
	PATH="$(CURDIR)/$(LAMBDA_VENV)/bin:$$PATH" $(CARGO) lambda build --release $(HOST_ARCH_FLAG) \
	  $(addprefix --bin ,$(FUNCTIONS))
	PATH="$(CURDIR)/$(LAMBDA_VENV)/bin:$$PATH" $(CARGO) lambda build --release $(HOST_ARCH_FLAG) -p hello-reference
	$(CARGO) build --release -p local
	scripts/with-moto.sh $(CARGO) bench -p integration-tests --bench figures --profile dev

deploy: build
	$(SAM) deploy --guided --config-file infra/samconfig.toml --stack-name $(STACK) --parameter-overrides Architecture=$(ARCH)
	$(SAM_VENV)/bin/python scripts/upload-pages.py $(STACK)

clean:
	$(CARGO) clean
	rm -rf .data .aws-sam $(VENV) $(INFRA_VENV) $(SAM_VENV) $(CHECKOV_VENV) $(API_VENV) $(LAMBDA_VENV)
