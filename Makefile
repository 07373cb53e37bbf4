# DGX-Pixels — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PREFIX ?= /usr/local
RELEASE_FLAGS := -c release --static-swift-stdlib
BIN_DEBUG = $(shell swift build --show-bin-path)/dgx-pixels
BIN_RELEASE = $(shell swift build $(RELEASE_FLAGS) --show-bin-path)/dgx-pixels
# Python tools run in a project virtualenv (git-ignored): stock Debian/Ubuntu Pythons refuse `pip install` outside
# one ("externally-managed-environment").
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Seconds each libFuzzer target runs under `make fuzz`.
FUZZ_SECONDS ?= 300
SYSTEM_PACKAGES := libpng-dev libdeflate-dev libcurl4-openssl-dev pkg-config \
	librust-serde-dev librust-serde-derive-dev librust-serde-json-dev

.PHONY: all deps venv build release run serve test test-swift test-interop test-rust bench bench-pixelart bench-decode \
	bench-comfyui bench-soak fuzz fuzz-smoke lint format install uninstall clean

all: build

## Installs what the build and tests need and a fresh machine lacks: the system libraries and Debian's serde crates
## (apt-get, as root or through sudo; without either it says what to install), and the Python virtualenv.
deps:
	@missing=""; \
	for pkg in $(SYSTEM_PACKAGES); do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	$(PYTHON) -c "import ensurepip" 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	    echo "installing$$missing (sudo)"; sudo apt-get update -qq && sudo apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "error: missing system packages:$$missing" >&2; \
	    echo "  install them as root:  sudo apt-get install -y$$missing" >&2; \
	    echo "  (then run make again; nothing else needs root: make install PREFIX=~/.local installs for you alone)" >&2; \
	    exit 1; \
	  fi; \
	fi
	@$(MAKE) --no-print-directory venv

## The project virtualenv with the Python side's packages (the official `mcp` client, pytest, Pillow for benches).
venv: $(VENV)/.ready

$(VENV)/.ready: Tests/interop/requirements.txt bench/requirements.txt
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV) || { echo "error: $(PYTHON) -m venv failed: install python3-venv" >&2; exit 1; }
	$(PY) -m pip install -q --disable-pip-version-check -r Tests/interop/requirements.txt -r bench/requirements.txt
	@touch $@

build: deps
	swift build

release: deps
	swift build $(RELEASE_FLAGS)

## The main job: an MCP client session against `dgx-pixels serve` that generates a sprite set into examples/bevy-game.
run: release
	$(BIN_RELEASE) demo --config config/dgx-pixels.yaml --project examples/bevy-game

## The MCP server on stdio (what an MCP client launches).
serve: release
	$(BIN_RELEASE) serve --config config/dgx-pixels.yaml

## Every test: Swift unit, engine and MCP round-trip tests, the stdio test, the Python `mcp` interop test, and the Rust client.
test: deps
	swift build --build-tests
	swift test --skip-build
	DGX_PIXELS_BIN=$(BIN_DEBUG) $(PY) -m pytest -q Tests/interop
	@$(MAKE) --no-print-directory test-rust

test-swift:
	swift build --build-tests && swift test --skip-build

test-interop: venv
	swift build && DGX_PIXELS_BIN=$(BIN_DEBUG) $(PY) -m pytest -q Tests/interop

## The Rust client crate against the debug server: offline, from Debian's packaged serde/serde_json.
test-rust:
	swift build
	cd examples/dgx-pixels-client && DGX_PIXELS_BIN=$(BIN_DEBUG) cargo test --offline

## Benchmarks (release build): start-up, tools/list round trip, RSS, against a Python FastMCP server; 8 concurrent
## clients doing cache-hit generate_sprite over HTTP against the same over stdio; the soak.
bench: release venv
	$(PY) bench/stdio_bench.py --bin $(BIN_RELEASE)
	$(PY) bench/http_bench.py --bin $(BIN_RELEASE)
	@$(MAKE) --no-print-directory bench-soak
	@$(MAKE) --no-print-directory bench-pixelart
	@$(MAKE) --no-print-directory bench-comfyui

## The PixelArt pipeline against Pillow's equivalent on the same generated 1024×1024 image.
bench-pixelart: venv
	swift build $(RELEASE_FLAGS) --product PixelBench
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $$(swift build $(RELEASE_FLAGS) --show-bin-path)/PixelBench --runs 15 \
	  --pillow bench/pillow_pipeline.py

## PNGCodec.decode against libpng alone on the bench source and on Pillow-written RGB, RGBA, gray and palette files.
bench-decode: venv
	swift build $(RELEASE_FLAGS) --product PixelBench
	@dir=$$(mktemp -d) && bin=$$(swift build $(RELEASE_FLAGS) --show-bin-path)/PixelBench && \
	  $$bin --save-source $$dir/source.png && $(PY) bench/decode_samples.py $$dir && \
	  $$bin --decode $$dir/source.png $$dir/rgb.png $$dir/rgba.png $$dir/gray.png $$dir/palette.png --runs 21; \
	  status=$$?; rm -rf $$dir; exit $$status

## The server in front of ComfyUI stand-ins: execution_success → result latency, batches of 64 and 1000, cache hits.
bench-comfyui: release
	swift build $(RELEASE_FLAGS) --product PixelBench
	$$(swift build $(RELEASE_FLAGS) --show-bin-path)/PixelBench --comfyui --bin $(BIN_RELEASE) --workflows workflows

## 10 000 generate_sprite calls through one server: RSS, latency per thousand, restart time with that history.
bench-soak: release venv
	$(PY) bench/soak_bench.py --bin $(BIN_RELEASE)

## Coverage-guided fuzzing (libFuzzer + AddressSanitizer) of every reader of untrusted bytes: PNG decode and
## validation, Cargo.toml/Cargo.lock/RON, ComfyUI JSON and WebSocket events, JSON-RPC lines. FUZZ_SECONDS per target;
## new inputs go to .build/fuzz/corpus, crashing ones to fuzz-artifacts/ (git-ignored). See docs/reliability.md.
fuzz:
	Tests/Fuzz/fuzz.sh run $(FUZZ_SECONDS)

## 20 seconds per target, for CI.
fuzz-smoke:
	Tests/Fuzz/fuzz.sh run 20

lint:
	swift format lint --strict --recursive Sources Tests Package.swift
	@if grep -rnE '(^|[^A-Za-z_.])print\(' Sources --include='*.swift'; then \
	  echo "error: print( in Sources/: stdout belongs to JSON-RPC; log to stderr"; exit 1; fi
	Tests/Fuzz/fuzz.sh check

format:
	swift format format --in-place --recursive Sources Tests Package.swift

## Installs dgx-pixels and its workflow templates under PREFIX (default /usr/local; PREFIX=~/.local needs no root).
install: release
	install -d $(PREFIX)/bin
	install -m 0755 $(BIN_RELEASE) $(PREFIX)/bin/dgx-pixels
	install -d $(PREFIX)/share/dgx-pixels/workflows
	install -m 0644 workflows/*.json $(PREFIX)/share/dgx-pixels/workflows/

uninstall:
	rm -f $(PREFIX)/bin/dgx-pixels
	rm -rf $(PREFIX)/share/dgx-pixels

clean:
	swift package clean
