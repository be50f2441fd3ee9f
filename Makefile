# The two set-up commands (README): on a fresh Debian 12 machine, as root,
#   make run    installs what is missing, builds, codes the bundled example
#   make test   installs what is missing, builds, runs every test
#   make install  installs the Python module (with curlew's data) for the
#                 system python3 (docs/python.md)
BUILD ?= build
JOBS ?= $(shell nproc)
# Each folder compiled as one translation unit: a clean build (a fresh
# machine, CI) takes about half the time. While editing, `make build
# UNITY=OFF` recompiles only the files that changed.
UNITY ?= ON

.PHONY: all deps build run test test-sanitize fuzz bench clean format install

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCURLEW_UNITY=$(UNITY) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@bash scripts/run-example.sh $(BUILD)/curlew

test: build
	@bash scripts/run-tests.sh $(BUILD)

# The whole test suite again, built with AddressSanitizer and
# UndefinedBehaviorSanitizer (gcc, -Og -g1) in build-asan/; CI runs it after
# `make test`.
test-sanitize: deps
	@bash scripts/run-sanitized-tests.sh

# The libFuzzer targets (clang, ASan/UBSan) for FUZZ_SECONDS each (default
# 60); see fuzz/CMakeLists.txt.
fuzz:
	@bash scripts/fuzz.sh

install: build
	@cmake --install $(BUILD)

bench: build
	@for b in $(BUILD)/bench/*; do $$b; done

format:
	@clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) build-asan build-fuzz
