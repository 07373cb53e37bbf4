#!/usr/bin/env bash
# Builds and runs the libFuzzer targets in Tests/Fuzz/Targets (see docs/reliability.md).
#
#   Tests/Fuzz/fuzz.sh build [target…]            compile (only what changed) into .build/fuzz/
#   Tests/Fuzz/fuzz.sh run SECONDS [target…]      build, then fuzz each target for SECONDS
#   Tests/Fuzz/fuzz.sh check [target…]            type-check each target's source list only (seconds; `make lint`)
#
# Each target compiles the module sources it reads directly with `swiftc -sanitize=fuzzer,address`, so nothing here
# touches Package.swift or the SwiftPM build. libFuzzer writes the inputs it discovers to .build/fuzz/corpus/<target>
# (the committed seeds in Tests/Fuzz/corpus/<target> are only read) and crashing inputs to fuzz-artifacts/<target>/,
# which git ignores. The run fails when any target finds a crash, a leak, a timeout or a broken invariant.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=.build/fuzz
ARTIFACTS=fuzz-artifacts
ALL_TARGETS=(png-decode png-validate cargo-toml ron comfyui-json comfyui-events jsonrpc)

BEVY=Sources/BevyAssets
COMFY=Sources/ComfyUI

# The target's entry file and the module sources it is compiled with.
sources() {
    case "$1" in
    png-decode) echo Tests/Fuzz/Targets/PNGDecodeFuzz.swift $(find Sources/PixelArt -name '*.swift' | sort) ;;
    png-validate) echo Tests/Fuzz/Targets/PNGValidateFuzz.swift $(find Sources/PixelArt -name '*.swift' | sort) ;;
    cargo-toml)
        echo Tests/Fuzz/Targets/CargoTOMLFuzz.swift $BEVY/{TOMLReader,TOMLValue,ScalarCursor,BevyVersion}.swift \
            $BEVY/{CargoLock,CargoManifest,ProjectFile,BevyAssetsError}.swift
        ;;
    ron)
        echo Tests/Fuzz/Targets/RONFuzz.swift $BEVY/{RONReader,RONValue,RONValue+Rendering,ScalarCursor}.swift \
            $BEVY/{BevyAssetsError,DescriptorJSON}.swift $BEVY/Sheets/{AssetCollection,SheetLayout}.swift
        ;;
    comfyui-json) echo Tests/Fuzz/Targets/ComfyUIJSONFuzz.swift $COMFY/JSON/*.swift ;;
    comfyui-events)
        echo Tests/Fuzz/Targets/ComfyUIEventsFuzz.swift $COMFY/JSON/*.swift $COMFY/Events/ComfyEvent.swift \
            $COMFY/Models/OutputImage.swift
        ;;
    jsonrpc) echo Tests/Fuzz/Targets/JSONRPCFuzz.swift Sources/PixelsMCP/JSONRPC/{JSONScanner,JSONScanner+Cursor,InboundMessage}.swift ;;
    *)
        echo "error: unknown fuzz target '$1' (targets: ${ALL_TARGETS[*]})" >&2
        exit 2
        ;;
    esac
}

# Sets `extra` to the flags a target needs beyond its sources.
extra_flags() {
    extra=()
    if [ "$1" = jsonrpc ]; then
        # InboundMessage names two MCP SDK types; a stub module with their shapes stands in for the SDK.
        mkdir -p "$OUT/stubs"
        if [ ! -f "$OUT/stubs/libMCP.a" ] || [ Tests/Fuzz/Stubs/MCP.swift -nt "$OUT/stubs/libMCP.a" ]; then
            swiftc -parse-as-library -O -module-name MCP -emit-module -emit-module-path "$OUT/stubs/MCP.swiftmodule" \
                -emit-library -static -o "$OUT/stubs/libMCP.a" Tests/Fuzz/Stubs/MCP.swift
        fi
        extra=(-I "$OUT/stubs" -L "$OUT/stubs" -lMCP)
    fi
}

include_flags() {
    echo -I Sources/CLibPNG -I Sources/CLibDeflate $(pkg-config --cflags-only-I libpng16 | sed 's/-I/-Xcc -I/g')
}

# Type-checks a target's source list: a module source that starts using a file the list lacks fails here in seconds,
# not after the whole test suite when fuzz-smoke builds.
check_one() {
    local files extra
    files=$(sources "$1")
    extra_flags "$1"
    swiftc -typecheck -parse-as-library -package-name dgx_pixels -module-name "Fuzz_${1//-/_}" \
        -module-cache-path "$OUT/module-cache" $(include_flags) "${extra[@]}" $files
}

build_one() {
    local target=$1 binary=$OUT/bin/$1
    local files extra
    files=$(sources "$target")
    extra_flags "$target"
    local newest
    newest=$(ls -t $files Tests/Fuzz/fuzz.sh | head -1)
    if [ -x "$binary" ] && [ "$binary" -nt "$newest" ]; then return; fi
    echo "fuzz: building $target" >&2
    mkdir -p "$OUT/bin" "$OUT/tmp/$target"
    # -parse-as-library: the entry point is libFuzzer's main, not top-level code.
    swiftc -sanitize=fuzzer,address -use-ld=lld -parse-as-library -O -g -package-name dgx_pixels \
        -module-name "Fuzz_${target//-/_}" -module-cache-path "$OUT/module-cache" \
        $(include_flags) "${extra[@]}" $files -o "$binary"
}

build() {
    local targets=("$@")
    [ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")
    for target in "${targets[@]}"; do build_one "$target"; done
}

run() {
    local seconds=$1
    shift
    local targets=("$@")
    [ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")
    build "${targets[@]}"
    local failed=() summary=()
    for target in "${targets[@]}"; do
        mkdir -p "$OUT/corpus/$target" "$OUT/logs" "$ARTIFACTS/$target"
        echo "fuzz: $target for ${seconds}s" >&2
        local log=$OUT/logs/$target.log status=0
        # The first corpus folder receives new inputs; the committed seeds are only read. Swift's own backtracer is
        # off: it would race libFuzzer's crash handler (and trip AddressSanitizer while reading the stack).
        SWIFT_BACKTRACE=enable=no "$OUT/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
            -print_final_stats=1 -artifact_prefix="$ARTIFACTS/$target/" \
            "$OUT/corpus/$target" "Tests/Fuzz/corpus/$target" >"$log" 2>&1 || status=$?
        local execs
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        if [ $status -ne 0 ]; then
            failed+=("$target")
            summary+=("$target: FAILED after ${execs:-?} execs (exit $status); see $log and $ARTIFACTS/$target/")
            grep -E '^(==[0-9]+==ERROR|Fatal error|SUMMARY|artifact_prefix|Test unit written)' "$log" | head -8 >&2 || true
        else
            summary+=("$target: ${execs:-?} execs in ${seconds}s, no crash")
        fi
    done
    printf '%s\n' "${summary[@]}"
    if [ ${#failed[@]} -gt 0 ]; then
        echo "error: fuzzing found problems in: ${failed[*]}" >&2
        exit 1
    fi
}

case "${1:-}" in
check)
    shift
    targets=("$@")
    [ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")
    for target in "${targets[@]}"; do check_one "$target"; done
    ;;
build)
    shift
    build "$@"
    ;;
run)
    shift
    [ $# -ge 1 ] || { echo "usage: $0 run SECONDS [target…]" >&2; exit 2; }
    run "$@"
    ;;
*)
    echo "usage: $0 check [target…] | build [target…] | run SECONDS [target…]" >&2
    exit 2
    ;;
esac
