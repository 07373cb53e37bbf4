#!/usr/bin/env python3
"""Benchmarks the MCP server over real stdio: cold start to `initialize` answered, `tools/list` and
`generate_sprite` round trips, and peak RSS, side by side with a Python FastMCP server of the same kind.

Usage: python3 bench/stdio_bench.py --bin .build/release/dgx-pixels   (or: make bench)
Figures are medians over repeated runs; compare ratios, not absolute times, across machines.
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

HERE = pathlib.Path(__file__).resolve().parent
INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}
INITIALIZED = {"jsonrpc": "2.0", "method": "notifications/initialized"}


class Session:
    """One server process driven line by line over its stdin/stdout pipes."""

    def __init__(self, command, env):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=env)
        self.next_id = 100

    def send(self, message):
        self.process.stdin.write((json.dumps(message) + "\n").encode())
        self.process.stdin.flush()

    def receive(self, want_id):
        """Reads lines until the response to `want_id`; returns it raw (parsing is not the server's time)."""
        marker = b'"id":%d' % want_id
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("server closed stdout")
            if marker in line.replace(b" ", b""):
                return line

    def request(self, method, params=None):
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.receive(self.next_id)

    def peak_rss_mb(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)
        return self.process.returncode


def cold_start(command, env, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        session = Session(command, env)
        session.send(INIT)
        session.receive(1)
        times.append((time.perf_counter() - start) * 1000)
        session.close()
    return statistics.median(times)


def round_trips(command, env, method, params, count):
    session = Session(command, env)
    session.send(INIT)
    session.receive(1)
    session.send(INITIALIZED)
    for _ in range(min(50, count)):  # warm-up
        session.request(method, params)
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        response = session.request(method, params)
        samples.append((time.perf_counter() - start) * 1000)
        assert "result" in json.loads(response), response
    rss = session.peak_rss_mb()
    session.close()
    samples.sort()
    return samples[len(samples) // 2], samples[int(len(samples) * 0.99) - 1], rss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--skip-python", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        env = dict(os.environ, HOME=work, XDG_CONFIG_HOME=work, DGX_PIXELS_OUTPUT_DIR=work + "/out",
                   DGX_PIXELS_LOG_LEVEL="error")
        ours = [args.bin, "serve"]
        generate = {"name": "generate_sprite",
                    "arguments": {"prompt": "red knight", "size": 32, "seed": 7, "return_image": False}}
        rows = []
        start_ms = cold_start(ours, env, args.runs)
        list_p50, list_p99, list_rss = round_trips(ours, env, "tools/list", None, 2000)
        gen_p50, gen_p99, gen_rss = round_trips(ours, env, "tools/call", generate, 300)
        rows.append(("dgx-pixels (Swift)", start_ms, list_p50, list_p99, gen_p50, max(list_rss, gen_rss)))
        # Made fresh each time (force): a still against a 4-direction walk sheet of the same character.
        fresh = {"prompt": "red knight", "category": "character", "size": 32, "seed": 7, "force": True,
                 "return_image": False}
        still_p50, _, _ = round_trips(ours, env, "tools/call", {"name": "generate_sprite", "arguments": fresh}, 60)
        walk = dict(fresh, animation="walk", directions=4)
        sheet_p50, _, _ = round_trips(ours, env, "tools/call", {"name": "generate_sprite", "arguments": walk}, 60)
        if not args.skip_python:
            python = [sys.executable, str(HERE / "fastmcp_server.py")]
            py_start = cold_start(python, env, max(3, args.runs // 6))
            py_p50, py_p99, py_rss = round_trips(python, env, "tools/list", None, 500)
            py_gen = {"name": "generate_sprite", "arguments": {"prompt": "red knight", "size": 32}}
            py_gen_p50, _, py_gen_rss = round_trips(python, env, "tools/call", py_gen, 200)
            rows.append(("FastMCP (Python)", py_start, py_p50, py_p99, py_gen_p50, max(py_rss, py_gen_rss)))

    print(f"# make bench — {time.strftime('%Y-%m-%d %H:%M')} — `python3 bench/stdio_bench.py --bin {args.bin}`")
    print()
    print("| server | cold start → initialize (median ms) | tools/list p50 (ms) | tools/list p99 (ms) "
          "| generate_sprite 32 px p50 (ms) | peak RSS (MB) |")
    print("|---|---|---|---|---|---|")
    for name, start_ms, p50, p99, gen, rss in rows:
        print(f"| {name} | {start_ms:.1f} | {p50:.3f} | {p99:.3f} | {gen:.2f} | {rss:.1f} |")
    if len(rows) == 2:
        ours, theirs = rows
        print()
        print(f"Ratios (Python / Swift): start-up {theirs[1] / ours[1]:.0f}×, tools/list p50 {theirs[2] / ours[2]:.1f}×, "
              f"peak RSS {theirs[5] / ours[5]:.1f}×.")
    print()
    print(f"Procedural, made fresh (force): still 32 px p50 {still_p50:.2f} ms; walk sheet 8 frames x 4 directions "
          f"p50 {sheet_p50:.2f} ms ({sheet_p50 / 32:.2f} ms a frame, {sheet_p50 / still_p50:.1f}x a still for 32 frames).")
    print()
    print("Peak RSS is VmHWM after the round trips; for the static Swift binary most of it is file-backed pages of "
          "the executable (see docs/benchmarks.md).")


if __name__ == "__main__":
    main()
