#!/usr/bin/env python3
"""Benchmarks MCP over Streamable HTTP against stdio under the same load, in one run: N concurrent clients, each
calling `generate_sprite` with the same prompt and seed (a cache hit after the first call, no image returned).

HTTP: one `dgx-pixels serve --http` shared by every client (a session each, one keep-alive connection each, answers
read as SSE). stdio: every client launches its own `dgx-pixels serve`, as stdio clients do. Clients are processes,
so Python's GIL does not queue them behind each other; the client reads only as much of each answer as it needs.

Usage: python3 bench/http_bench.py --bin .build/release/dgx-pixels   (or: make bench)
Compare the HTTP/stdio ratio, not absolute times, across machines.
"""
import argparse
import http.client
import json
import multiprocessing
import os
import re
import statistics
import subprocess
import tempfile
import time

ARGUMENTS = {"prompt": "red knight", "size": 32, "seed": 7, "return_image": False}
INITIALIZE = {"jsonrpc": "2.0", "id": 0, "method": "initialize",
              "params": {"protocolVersion": "2025-11-25", "capabilities": {},
                         "clientInfo": {"name": "http-bench", "version": "1"}}}
INITIALIZED = {"jsonrpc": "2.0", "method": "notifications/initialized"}


def call_message(request_id):
    return {"jsonrpc": "2.0", "id": request_id, "method": "tools/call",
            "params": {"name": "generate_sprite", "arguments": ARGUMENTS}}


class HTTPClient:
    """One MCP session on one keep-alive connection."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port)
        self.headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
        response = self.post(INITIALIZE)
        self.headers["Mcp-Session-Id"] = response.getheader("Mcp-Session-Id")
        self.headers["MCP-Protocol-Version"] = "2025-11-25"
        response.read()
        self.post(INITIALIZED).read()

    def post(self, message):
        self.connection.request("POST", "/mcp", body=json.dumps(message).encode(), headers=self.headers)
        return self.connection.getresponse()

    def call(self, request_id):
        """Sends a call and reads its SSE stream to the end (the response is its last event)."""
        response = self.post(call_message(request_id))
        body = response.read()
        if b'"result"' not in body:
            raise RuntimeError(body[:300])

    def close(self):
        self.connection.request("DELETE", "/mcp", headers=self.headers)
        self.connection.getresponse().read()
        self.connection.close()


class StdioClient:
    """One MCP session with a server process of its own."""

    def __init__(self, binary, env):
        self.process = subprocess.Popen([binary, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=env)
        self.send(INITIALIZE)
        self.receive(0)
        self.send(INITIALIZED)

    def send(self, message):
        self.process.stdin.write((json.dumps(message) + "\n").encode())
        self.process.stdin.flush()

    def receive(self, request_id):
        marker = b'"id":%d,' % request_id
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("server closed stdout")
            if marker in line:
                if b'"result"' not in line:
                    raise RuntimeError(line[:300])
                return

    def call(self, request_id):
        self.send(call_message(request_id))
        self.receive(request_id)

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def client_run(transport, target, calls, warmup, barrier, results):
    """One client: warm up, wait for the others, then time `calls` calls."""
    if transport == "http":
        client = HTTPClient(target)
    else:
        binary, env = target
        client = StdioClient(binary, env)
    for request_id in range(1, warmup + 1):
        client.call(request_id)
    barrier.wait()
    samples = []
    for request_id in range(warmup + 1, warmup + calls + 1):
        start = time.perf_counter()
        client.call(request_id)
        samples.append((time.perf_counter() - start) * 1000)
    client.close()
    results.put(samples)


def run_clients(transport, targets, calls, warmup):
    """Runs one client process per target at once; returns every latency (ms) and the wall time of the timed part."""
    barrier = multiprocessing.Barrier(len(targets) + 1)
    results = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=client_run, args=(transport, target, calls, warmup, barrier, results))
               for target in targets]
    for worker in workers:
        worker.start()
    barrier.wait()
    start = time.perf_counter()
    samples = [sample for _ in workers for sample in results.get(timeout=600)]
    wall = time.perf_counter() - start
    for worker in workers:
        worker.join(timeout=60)
    return samples, wall


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def environment(work):
    return dict(os.environ, HOME=work, XDG_CONFIG_HOME=work + "/config", DGX_PIXELS_OUTPUT_DIR=work + "/out",
                DGX_PIXELS_LOG_LEVEL="info")


def bench_http(binary, clients, calls, warmup):
    with tempfile.TemporaryDirectory() as work:
        log = open(os.path.join(work, "server.log"), "wb")
        server = subprocess.Popen([binary, "serve", "--http", "127.0.0.1:0"], env=environment(work),
                                  stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log)
        try:
            deadline = time.monotonic() + 30
            port = None
            while port is None and time.monotonic() < deadline:
                found = re.search(r"serving MCP over HTTP at http://127\.0\.0\.1:(\d+)/mcp",
                                  open(os.path.join(work, "server.log"), errors="replace").read())
                port = int(found.group(1)) if found else None
                time.sleep(0.02)
            if port is None:
                raise RuntimeError("the HTTP server did not start")
            first = HTTPClient(port)
            first.call(1)  # fills the cache: every timed call is a hit
            first.close()
            samples, wall = run_clients("http", [port] * clients, calls, warmup)
        finally:
            server.terminate()
            server.wait(timeout=60)
            log.close()
    return samples, wall


def bench_stdio(binary, clients, calls, warmup):
    with tempfile.TemporaryDirectory() as work:
        targets = []
        for index in range(clients):
            folder = os.path.join(work, f"client-{index}")
            os.makedirs(folder)
            env = environment(folder)
            env["DGX_PIXELS_LOG_LEVEL"] = "error"
            targets.append((binary, env))
        return run_clients("stdio", targets, calls, warmup)


def bench_stdio_shared(binary, clients, calls, warmup):
    """One stdio server with `clients` requests in flight at once: the same single engine as HTTP, so the
    difference from the HTTP row is the transport's own cost."""
    with tempfile.TemporaryDirectory() as work:
        env = environment(work)
        env["DGX_PIXELS_LOG_LEVEL"] = "error"
        client = StdioClient(binary, env)
        for request_id in range(1, warmup + 1):
            client.call(request_id)
        next_id = warmup + 1
        sent = {}
        samples = []
        start = time.perf_counter()
        for _ in range(clients):
            sent[next_id] = time.perf_counter()
            client.send(call_message(next_id))
            next_id += 1
        marker = re.compile(rb'^\{"id":(\d+),')
        while sent:
            line = client.process.stdout.readline()
            found = marker.match(line)
            if not found:
                continue
            answered = int(found.group(1))
            samples.append((time.perf_counter() - sent.pop(answered)) * 1000)
            if next_id <= warmup + clients * calls:
                sent[next_id] = time.perf_counter()
                client.send(call_message(next_id))
                next_id += 1
        wall = time.perf_counter() - start
        client.close()
        return samples, wall


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--calls", type=int, default=250, help="timed calls per client")
    parser.add_argument("--warmup", type=int, default=20, help="untimed calls per client first")
    args = parser.parse_args()

    rows = []
    benches = (("stdio, a server per client", bench_stdio), ("stdio, one server, all in flight", bench_stdio_shared),
               ("HTTP, one server", bench_http))
    for transport, bench in benches:
        samples, wall = bench(args.bin, args.clients, args.calls, args.warmup)
        rows.append((transport, percentile(samples, 0.5), percentile(samples, 0.99), statistics.mean(samples),
                     len(samples) / wall))

    print(f"# {args.clients} concurrent clients × {args.calls} cache-hit generate_sprite calls "
          f"({time.strftime('%Y-%m-%d %H:%M')}) — `python3 bench/http_bench.py --bin {args.bin}`")
    print()
    print("| transport | p50 (ms) | p99 (ms) | mean (ms) | calls/s |")
    print("|---|---|---|---|---|")
    for transport, p50, p99, mean, rate in rows:
        print(f"| {transport} | {p50:.2f} | {p99:.2f} | {mean:.2f} | {rate:.0f} |")
    stdio, shared, http_row = rows
    print()
    for name, row in (("a server per client", stdio), ("one server", shared)):
        ratio = http_row[1] / row[1]
        print(f"HTTP p50 / stdio ({name}) p50 = {ratio:.2f}× (target ≤ 2×): {'met' if ratio <= 2 else 'NOT met'}.")
    print("A server per client is how stdio clients run (each its own engine, cache and journal); one server is the")
    print("engine HTTP shares, so the HTTP row against it is the transport's own cost.")


if __name__ == "__main__":
    main()
