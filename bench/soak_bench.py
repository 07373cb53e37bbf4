#!/usr/bin/env python3
"""Soak benchmark: many generate_sprite calls through one `dgx-pixels serve`, to show that memory, latency and
restart time do not grow with history.

Usage: python3 bench/soak_bench.py --bin .build/release/dgx-pixels [--calls 10000]   (part of: make bench)

Each call makes a distinct 16 px procedural sprite (distinct seeds, no inline preview), as a long game-jam session
would. Reported: RSS after 1000, 5000 and 10000 calls; p50/p99 latency of each thousand; the journal's and the
output directory's size; then the time from spawning a second server on the same output directory (with all that
history) to its `initialize` answer, against a fresh server's.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "soak", "version": "1"}}}


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def start(binary, env):
    return subprocess.Popen([binary, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env)


def receive(process, want_id):
    marker = b'"id":%d,' % want_id
    while True:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("server closed stdout")
        if line.startswith(b'{"id":%d,' % want_id) or marker in line:
            return line


def initialize_ms(binary, env, runs=15):
    """Median spawn → initialize answered."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        process = start(binary, env)
        process.stdin.write((json.dumps(INIT) + "\n").encode())
        process.stdin.flush()
        receive(process, 1)
        times.append((time.perf_counter() - began) * 1000)
        process.stdin.close()
        process.wait(timeout=60)
    return statistics.median(times)


def tree_size_mb(root):
    total = 0
    for folder, _, files in os.walk(root):
        for name in files:
            try:
                total += os.lstat(os.path.join(folder, name)).st_size
            except OSError:
                pass
    return total / 1e6


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--calls", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, HOME=scratch, DGX_PIXELS_OUTPUT_DIR=os.path.join(scratch, "out"),
                   DGX_PIXELS_ENGINE="procedural", DGX_PIXELS_LOG_LEVEL="warning")
        fresh = initialize_ms(args.bin, env)
        process = start(args.bin, env)
        process.stdin.write((json.dumps(INIT) + "\n").encode())
        process.stdin.flush()
        receive(process, 1)
        latencies, rss = [], {}
        for call in range(1, args.calls + 1):
            request = {"jsonrpc": "2.0", "id": call + 1, "method": "tools/call",
                       "params": {"name": "generate_sprite",
                                  "arguments": {"prompt": "green slime", "size": 16, "seed": call,
                                                "return_image": False, "name": f"slime-{call}"}}}
            began = time.perf_counter()
            process.stdin.write((json.dumps(request) + "\n").encode())
            process.stdin.flush()
            line = receive(process, call + 1)
            latencies.append((time.perf_counter() - began) * 1000)
            if b'"isError":true' in line:
                sys.exit(f"call {call} failed: {line[:300]!r}")
            if call in (1000, 5000, 10000) or call == args.calls:
                rss[call] = rss_mb(process.pid)
        process.stdin.close()
        process.wait(timeout=120)
        out = pathlib.Path(scratch, "out")
        journal = out / "journal.jsonl"
        journal_mb = journal.stat().st_size / 1e6 if journal.exists() else 0.0
        output_mb = tree_size_mb(out)
        jobs = sum(1 for entry in out.iterdir() if entry.is_dir() and entry.name[:1].isdigit())
        restarted = initialize_ms(args.bin, env)

    print(f"soak: {args.calls} generate_sprite calls (16 px, procedural, distinct seeds) through one server")
    print("  RSS: " + ", ".join(f"{calls} calls {mb:.1f} MB" for calls, mb in sorted(rss.items())))
    first, last = min(rss), max(rss)
    print(f"  RSS growth {first} → {last} calls: {rss[last] - rss[first]:+.1f} MB (target ≤ +2 MB)")
    print("  latency per thousand calls (p50 / p99 ms):")
    thousands = [latencies[i:i + 1000] for i in range(0, len(latencies), 1000)]
    for index, chunk in enumerate(thousands):
        print(f"    {index * 1000 + 1:>6}-{index * 1000 + len(chunk):<6} {statistics.median(chunk):6.2f} / "
              f"{percentile(chunk, 0.99):6.2f}")
    drift = statistics.median(thousands[-1]) / statistics.median(thousands[0])
    print(f"  last thousand's p50 / first's: {drift:.3f} (target ≤ 1.10)")
    print(f"  journal.jsonl after the run: {journal_mb:.2f} MB; output directory: {output_mb:.1f} MB in {jobs} job folders"
          " (output.keep_jobs applies after start-up and hourly)")
    print(f"  spawn → initialize: fresh {fresh:.1f} ms, with this history {restarted:.1f} ms (target ≤ 50 ms)")


if __name__ == "__main__":
    main()
