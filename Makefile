# The two set-up commands (README): on a fresh Debian 12 machine, as root,
#   make run    installs what is missing, builds, codes the bundled example
#   make test   installs what is missing, builds, runs every test
#   make install  installs the Python module (with curlew's data) for the
#                 system python3 (docs/python.md)
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps build run test bench clean format install

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@bash scripts/run-example.sh $(BUILD)/curlew

test: build
	@bash scripts/run-tests.sh $(BUILD)

install: build
	@cmake --install $(BUILD)

bench: build
	@for b in $(BUILD)/bench/*; do $$b; done

format:
	@clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD)
