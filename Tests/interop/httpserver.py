"""Runs `dgx-pixels serve --http` for the HTTP tests and talks raw HTTP/SSE to it (stdlib only)."""
import contextlib
import http.client
import json
import os
import pathlib
import re
import signal
import subprocess
import tempfile
import time

BIN = os.environ.get("DGX_PIXELS_BIN") or str(pathlib.Path(__file__).resolve().parents[2] / ".build/debug/dgx-pixels")
ACCEPT_BOTH = "application/json, text/event-stream"


def initialize_message(request_id=1):
    return {"jsonrpc": "2.0", "id": request_id, "method": "initialize",
            "params": {"protocolVersion": "2025-11-25", "capabilities": {},
                       "clientInfo": {"name": "raw-http-test", "version": "1"}}}


class Server:
    """A `dgx-pixels serve` process with its scratch home; `url` is its MCP endpoint once it listens."""

    def __init__(self, work, config=None, env=None, args=None, listen="127.0.0.1:0"):
        self.work = pathlib.Path(work)
        self.stderr_path = self.work / "server.log"
        environment = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(self.work),
            "XDG_CONFIG_HOME": str(self.work / "config"),
            "DGX_PIXELS_OUTPUT_DIR": str(self.work / "out"),
            "DGX_PIXELS_LOG_LEVEL": "info",
        }
        environment.update(env or {})
        command = [BIN, "serve"]
        if listen is not None:
            command += ["--http", listen]
        if config is not None:
            (self.work / "dgx-pixels.yaml").write_text(config)
            command += ["--config", str(self.work / "dgx-pixels.yaml")]
        command += args or []
        self.stderr = open(self.stderr_path, "wb")
        self.process = subprocess.Popen(command, cwd=self.work, env=environment, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.stderr)

    def log(self):
        return self.stderr_path.read_text(errors="replace")

    def wait_for(self, pattern, timeout=60):
        """The first match of `pattern` in the server's stderr, waiting for it to appear."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(pattern, self.log())
            if found:
                return found
            if self.process.poll() is not None:
                raise AssertionError(f"server exited {self.process.returncode}:\n{self.log()}")
            time.sleep(0.05)
        raise AssertionError(f"no {pattern!r} in the server's log after {timeout} s:\n{self.log()}")

    @property
    def url(self):
        return self.wait_for(r"serving MCP over HTTP at (http://\S+/mcp)").group(1)

    @property
    def port(self):
        return int(re.search(r":(\d+)/mcp$", self.url).group(1))

    def stop(self):
        """SIGTERM, then the exit status (a clean stop is 0)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=30)
        finally:
            self.stderr.close()


@contextlib.contextmanager
def serving(config=None, env=None, listen="127.0.0.1:0"):
    """A running HTTP server in a scratch directory; checks it stops cleanly (exit 0) on SIGTERM."""
    with tempfile.TemporaryDirectory() as work:
        server = Server(work, config=config, env=env, listen=listen)
        try:
            server.url
            yield server
        finally:
            status = server.stop()
        assert status == 0, f"server exit status {status}:\n{server.log()}"


class Response:
    """An HTTP answer: status, headers (lower-case names) and the body, or its SSE events."""

    def __init__(self, raw, connection):
        self.raw = raw
        self.connection = connection
        self.status = raw.status
        self.headers = {name.lower(): value for name, value in raw.getheaders()}

    @property
    def is_sse(self):
        return self.headers.get("content-type", "").startswith("text/event-stream")

    def body(self):
        data = self.raw.read()
        self.connection.close()
        return data

    def json(self):
        return json.loads(self.body())

    def events(self):
        """Yields each SSE event's JSON message as it arrives (comments skipped)."""
        data = []
        while True:
            line = self.raw.readline()
            if not line:
                return
            line = line.rstrip(b"\r\n")
            if line.startswith(b"data:"):
                data.append(line[5:].lstrip(b" "))
            elif line == b"" and data:
                yield json.loads(b"\n".join(data))
                data = []

    def messages(self):
        """Every message of the stream, until the server ends it."""
        messages = list(self.events())
        self.connection.close()
        return messages

    def close(self):
        self.connection.close()


def request(port, method, path="/mcp", body=None, headers=None, timeout=30):
    """One HTTP request on a fresh connection; `body` may be a dict (sent as JSON) or bytes."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    all_headers = {"Accept": ACCEPT_BOTH}
    if body is not None:
        all_headers["Content-Type"] = "application/json"
        if isinstance(body, dict):
            body = json.dumps(body).encode()
    all_headers.update(headers or {})
    all_headers = {name: value for name, value in all_headers.items() if value is not None}
    connection.request(method, path, body=body, headers=all_headers)
    return Response(connection.getresponse(), connection)


def open_session(port, headers=None):
    """Initializes a session over raw HTTP; returns its id."""
    answer = request(port, "POST", body=initialize_message(), headers=headers)
    assert answer.status == 200, answer.body()
    session = answer.headers["mcp-session-id"]
    answer.messages() if answer.is_sse else answer.body()
    notified = request(port, "POST", body={"jsonrpc": "2.0", "method": "notifications/initialized"},
                       headers={"Mcp-Session-Id": session, **(headers or {})})
    assert notified.status == 202, notified.body()
    notified.body()
    return session


def call(port, session, request_id, name, arguments, progress_token=None, headers=None):
    """Starts a tools/call; returns the open response (read its events)."""
    params = {"name": name, "arguments": arguments}
    if progress_token is not None:
        params["_meta"] = {"progressToken": progress_token}
    return request(port, "POST", body={"jsonrpc": "2.0", "id": request_id, "method": "tools/call", "params": params},
                   headers={"Mcp-Session-Id": session, **(headers or {})})


def wait_until(predicate, timeout=60, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("timed out waiting")
