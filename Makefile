# DGX-Pixels — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PREFIX ?= /usr/local
RELEASE_FLAGS := -c release --static-swift-stdlib
BIN_DEBUG = $(shell swift build --show-bin-path)/dgx-pixels
BIN_RELEASE = $(shell swift build $(RELEASE_FLAGS) --show-bin-path)/dgx-pixels
PYTHON ?= python3

.PHONY: all deps build release run serve test test-swift test-interop bench bench-pixelart bench-decode bench-comfyui lint format install clean

all: build

## Installs what the build and tests need and a fresh machine lacks (libpng, libdeflate, libcurl headers, Python's mcp).
deps:
	@missing=""; \
	for pkg in libpng-dev libdeflate-dev libcurl4-openssl-dev; do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $$missing >/dev/null; fi; \
	fi
	@$(PYTHON) -c "import mcp, pytest, prometheus_client" 2>/dev/null || $(PYTHON) -m pip install -q -r Tests/interop/requirements.txt

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

## Every test: Swift unit, engine and MCP round-trip tests, the stdio test, and the Python `mcp` interop test.
test: deps
	swift build --build-tests
	swift test --skip-build
	DGX_PIXELS_BIN=$(BIN_DEBUG) $(PYTHON) -m pytest -q Tests/interop

test-swift:
	swift build --build-tests && swift test --skip-build

test-interop:
	swift build && DGX_PIXELS_BIN=$(BIN_DEBUG) $(PYTHON) -m pytest -q Tests/interop

## Benchmarks (release build): start-up, tools/list round trip, RSS, against a Python FastMCP server; 8 concurrent
## clients doing cache-hit generate_sprite over HTTP against the same over stdio.
bench: release
	$(PYTHON) bench/stdio_bench.py --bin $(BIN_RELEASE)
	$(PYTHON) bench/http_bench.py --bin $(BIN_RELEASE)
	@$(MAKE) --no-print-directory bench-pixelart
	@$(MAKE) --no-print-directory bench-comfyui

## The PixelArt pipeline against Pillow's equivalent on the same generated 1024×1024 image.
bench-pixelart:
	@$(PYTHON) -c "import PIL" 2>/dev/null || $(PYTHON) -m pip install -q -r bench/requirements.txt
	swift build $(RELEASE_FLAGS) --product PixelBench
	$$(swift build $(RELEASE_FLAGS) --show-bin-path)/PixelBench --runs 15 --pillow bench/pillow_pipeline.py

## PNGCodec.decode against libpng alone on the bench source and on Pillow-written RGB, RGBA, gray and palette files.
bench-decode:
	@$(PYTHON) -c "import PIL" 2>/dev/null || $(PYTHON) -m pip install -q -r bench/requirements.txt
	swift build $(RELEASE_FLAGS) --product PixelBench
	@dir=$$(mktemp -d) && bin=$$(swift build $(RELEASE_FLAGS) --show-bin-path)/PixelBench && \
	  $$bin --save-source $$dir/source.png && $(PYTHON) bench/decode_samples.py $$dir && \
	  $$bin --decode $$dir/source.png $$dir/rgb.png $$dir/rgba.png $$dir/gray.png $$dir/palette.png --runs 21; \
	  status=$$?; rm -rf $$dir; exit $$status

## The server in front of ComfyUI stand-ins: execution_success → result latency, batches of 64 and 1000, cache hits.
bench-comfyui: release
	swift build $(RELEASE_FLAGS) --product PixelBench
	$$(swift build $(RELEASE_FLAGS) --show-bin-path)/PixelBench --comfyui --bin $(BIN_RELEASE) --workflows workflows

lint:
	swift format lint --strict --recursive Sources Tests Package.swift
	@if grep -rnE '(^|[^A-Za-z_.])print\(' Sources --include='*.swift'; then \
	  echo "error: print( in Sources/: stdout belongs to JSON-RPC; log to stderr"; exit 1; fi

format:
	swift format format --in-place --recursive Sources Tests Package.swift

install: release
	install -d $(PREFIX)/bin
	install -m 0755 $(BIN_RELEASE) $(PREFIX)/bin/dgx-pixels
	install -d $(PREFIX)/share/dgx-pixels/workflows
	install -m 0644 workflows/*.json $(PREFIX)/share/dgx-pixels/workflows/

clean:
	swift package clean
