# The only commands a newcomer needs: `make run` and `make test`.
#
#   make run                      the local server on 127.0.0.1:$(PORT), data under $(DATA_DIR)
#   make run PORT=9000 DATA_DIR=/tmp/x
#   make test                     formatting, clippy, unit and integration tests
#   make lint                     formatting and clippy only
#   make build                    release binaries of every function

PORT ?= 8080
DATA_DIR ?= .data
BACKEND ?= memory
CARGO ?= cargo

.PHONY: run test lint fmt build check-toolchain clean

check-toolchain:
	@command -v $(CARGO) >/dev/null 2>&1 || { echo "cargo is required: install the Rust toolchain (https://rustup.rs)"; exit 1; }

run: check-toolchain
	$(CARGO) build -p local
	PORT=$(PORT) DATA_DIR=$(DATA_DIR) BACKEND=$(BACKEND) ./target/debug/local

# Tests start their own servers on free loopback ports; the binaries they drive (the Lambda
# functions and the local server) are built first.
test: check-toolchain lint
	$(CARGO) build --workspace --bins
	$(CARGO) test --workspace

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
	rm -rf .data
