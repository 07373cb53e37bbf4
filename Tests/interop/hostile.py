"""A raw JSON-RPC line client for the hostile-input suite: no MCP library between the test and the bytes."""
import json
import os
import pathlib
import select
import subprocess
import tempfile
import time

BIN = os.environ.get("DGX_PIXELS_BIN") or str(pathlib.Path(__file__).resolve().parents[2] / ".build/debug/dgx-pixels")
INIT = {"jsonrpc": "2.0", "id": "init", "method": "initialize",
        "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "hostile", "version": "1"}}}


class Server:
    """One `dgx-pixels serve` on pipes, in its own scratch home; lines in, parsed lines out."""

    def __init__(self, config=None, env=None, work=None, args=("serve",)):
        self.scratch = None if work else tempfile.TemporaryDirectory()
        self.work = pathlib.Path(work or self.scratch.name)
        self.config = self.work / "dgx-pixels.yaml"
        if config is not None:
            self.config.write_text(config)
        self.env = {"PATH": os.environ.get("PATH", ""), "HOME": str(self.work),
                    "XDG_CONFIG_HOME": str(self.work / "config"), "DGX_PIXELS_LOG_LEVEL": "warning",
                    "DGX_PIXELS_OUTPUT_DIR": str(self.work / "out"), **(env or {})}
        command = [BIN, *args] + (["--config", str(self.config)] if config is not None else [])
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, env=self.env, cwd=str(self.work))
        self.buffer = b""
        self.next_id = 0

    def send_raw(self, data: bytes):
        self.process.stdin.write(data if data.endswith(b"\n") else data + b"\n")
        self.process.stdin.flush()

    def send(self, message):
        self.send_raw(json.dumps(message).encode())

    def read_line(self, timeout=30.0):
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no line from the server")
            ready, _, _ = select.select([self.process.stdout], [], [], left)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 1 << 20)
                if not chunk:
                    raise EOFError("the server closed stdout")
                self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def answer(self, want_id, timeout=30.0):
        """The response to `want_id`, skipping notifications (and answers to other ids)."""
        while True:
            message = self.read_line(timeout)
            if "method" not in message and message.get("id", "missing") == want_id:
                return message

    def request(self, method, params=None, timeout=30.0):
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.answer(self.next_id, timeout)

    def call(self, tool, arguments, timeout=60.0):
        return self.request("tools/call", {"name": tool, "arguments": arguments}, timeout)

    def initialize(self):
        self.send(INIT)
        answer = self.answer("init")
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        return answer

    def alive(self, within=1.0):
        """Answers a ping within `within` seconds."""
        began = time.monotonic()
        answer = self.request("ping", timeout=within)
        return answer.get("result") == {} and time.monotonic() - began <= within

    def close(self, timeout=30):
        try:
            self.process.stdin.close()
        except OSError:
            pass
        self.process.wait(timeout=timeout)
        stderr = self.process.stderr.read().decode(errors="replace")
        self.process.stderr.close()
        self.process.stdout.close()
        if self.scratch:
            self.scratch.cleanup()
        return self.process.returncode, stderr


def tool_error_text(answer):
    """The text of an `isError` tool result, or None when the answer is not one."""
    result = answer.get("result") or {}
    if result.get("isError") is not True:
        return None
    return " ".join(block.get("text", "") for block in result.get("content", []))


def make_bevy_project(root: pathlib.Path, name="game", cargo='[package]\nname = "game"\n\n[dependencies]\nbevy = "0.15"\n'):
    project = root / name
    (project / "assets").mkdir(parents=True)
    (project / "Cargo.toml").write_text(cargo)
    return project
