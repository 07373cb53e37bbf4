"""Faults around a real `dgx-pixels serve`: the client going away, signals, kill -9, a full disk, a second server on
the same output directory, bad configuration, and a ComfyUI backend that answers nonsense. Nothing finished may be
lost, and nothing may crash the server.
"""
import http.server
import json
import os
import pathlib
import signal
import subprocess
import tempfile
import threading
import time

import pytest

from hostile import BIN, Server, make_bevy_project, tool_error_text

PROMPTS = [f"gem {index}" for index in range(12)]


def journal(work):
    path = pathlib.Path(work) / "out" / "journal.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()] if path.exists() else []


def start_batch(server, extra=None, prompts=PROMPTS):
    arguments = {"prompts": prompts, "size": 256, "concurrency": 1, "wait_seconds": 0, **(extra or {})}
    answer = server.call("generate_batch", arguments)
    return answer["result"]["structuredContent"]["job"]["job_id"]


def wait_for(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def finished_items(work, job):
    return {entry["item"] for entry in journal(work) if entry["job"] == job and entry["event"] == "finished"}


@pytest.mark.parametrize("mode", ["leave", "cancel", "finish"])
def test_stdin_eof_mid_batch_exits_0_and_keeps_every_finished_sprite(mode):
    with tempfile.TemporaryDirectory() as work:
        server = Server(config=f"generation:\n  on_shutdown: {mode}\n", work=work)
        server.initialize()
        job = start_batch(server)
        assert wait_for(lambda: finished_items(work, job))
        code, stderr = server.close(timeout=120)
        assert code == 0, stderr
        entries = [entry for entry in journal(work) if entry["job"] == job]
        made = finished_items(work, job)
        for item in made:
            sprite = next(entry["sprite"] for entry in entries if entry["event"] == "finished" and entry["item"] == item)
            assert pathlib.Path(sprite["path"]).exists()
        if mode == "finish":
            assert made == set(range(len(PROMPTS)))
        if mode == "cancel":
            assert entries[-1]["event"] == "closed" and entries[-1]["status"] == "cancelled"
        if mode == "leave":
            assert not any(entry["event"] == "closed" for entry in entries)
            again = Server(work=work)
            again.initialize()
            record = again.call("get_job", {"job_id": job, "wait_seconds": 120})["result"]["structuredContent"]
            assert record["status"] == "succeeded" and record["succeeded"] == len(PROMPTS), record
            assert again.close()[0] == 0


def test_sigterm_mid_batch_exits_0():
    with tempfile.TemporaryDirectory() as work:
        server = Server(work=work)
        server.initialize()
        job = start_batch(server)
        assert wait_for(lambda: finished_items(work, job))
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=60) == 0
        server.close()


def test_kill_9_mid_batch_with_deploy_to_deploys_every_sprite_after_the_restart():
    with tempfile.TemporaryDirectory() as work:
        project = make_bevy_project(pathlib.Path(work))
        server = Server(work=work)
        server.initialize()
        job = start_batch(server, {"deploy_to": str(project), "category": "item"})
        assert wait_for(lambda: len(finished_items(work, job)) >= 2)
        server.process.kill()
        server.process.wait()
        server.close()
        again = Server(work=work)
        again.initialize()
        record = again.call("get_job", {"job_id": job, "wait_seconds": 120})["result"]["structuredContent"]
        assert record["status"] == "succeeded", record
        deployed = sorted(path.name for path in (project / "assets/sprites/item").glob("*.png"))
        assert deployed == sorted(f"gem-{index}.png" for index in range(len(PROMPTS)))
        assert again.close()[0] == 0


def test_a_client_that_closes_its_pipes_mid_batch_does_not_kill_the_server_with_sigpipe():
    with tempfile.TemporaryDirectory() as work:
        server = Server(config="generation:\n  on_shutdown: finish\n", work=work)
        server.initialize()
        job = start_batch(server, {"wait_seconds": 0})
        # Ask for progress, then stop reading: the next progress write meets a closed pipe.
        server.send({"jsonrpc": "2.0", "id": "p", "method": "tools/call",
                     "params": {"_meta": {"progressToken": "t"}, "name": "get_job",
                                "arguments": {"job_id": job, "wait_seconds": 60}}})
        server.process.stdout.close()
        server.process.stdin.close()
        assert server.process.wait(timeout=120) == 0
        assert finished_items(work, job) == set(range(len(PROMPTS)))
        server.process.stderr.close()


def test_two_servers_on_one_output_directory_lose_no_journal_line_and_redo_nothing():
    with tempfile.TemporaryDirectory() as work:
        first, second = Server(work=work), Server(work=work)
        first.initialize()
        second.initialize()
        jobs = [start_batch(first, prompts=PROMPTS[:6]), start_batch(second, prompts=PROMPTS[6:])]
        for server, job in zip((first, second), jobs):
            record = server.call("get_job", {"job_id": job, "wait_seconds": 120})["result"]["structuredContent"]
            assert record["status"] == "succeeded", record
        # A third start meanwhile: it must take over nothing (both owners are alive and done).
        third = Server(work=work)
        third.initialize()
        assert third.alive()
        for server in (first, second, third):
            assert server.close()[0] == 0
        entries = journal(work)
        for job in jobs:
            events = [entry["event"] for entry in entries if entry["job"] == job]
            assert not events or events.count("finished") == 6, events
            assert "resumed" not in events
        for job in jobs:
            record = json.loads((pathlib.Path(work) / "out" / job / "job.json").read_text())
            assert record["succeeded"] == 6


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")
def test_a_full_disk_is_a_clear_error_and_leaves_no_half_written_sprite():
    with tempfile.TemporaryDirectory() as work:
        disk = pathlib.Path(work) / "disk"
        disk.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)], check=True)
        try:
            project = make_bevy_project(disk)
            (disk / "filler").write_bytes(b"\0" * (255 * 1024 - 4096))  # leaves room for the manifest, not a sprite
            server = Server(work=work)
            server.initialize()
            answer = server.call("generate_sprite", {"prompt": "big gem", "size": 256, "seed": 1,
                                                     "deploy_to": str(project), "category": "item"})
            text = tool_error_text(answer)
            assert text and "deploy" in text, answer
            folder = project / "assets/sprites/item"
            leftovers = sorted(path.name for path in folder.iterdir()) if folder.exists() else []
            assert not any(name.endswith(".meta") for name in leftovers), leftovers
            assert not any(".tmp-" in name for name in leftovers), leftovers
            assert server.alive()
            assert server.close()[0] == 0
        finally:
            subprocess.run(["umount", str(disk)], check=False)


CONFIGS = [
    ("bad-yaml", "engine: [", "not valid YAML"),
    ("unknown-key", "engine: auto\nbanana: 1\n", "banana"),
    ("bad-value", "generation:\n  max_size: -5\n", "generation.max_size"),
    ("deep-yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n", "dgx-pixels.yaml"),
]


@pytest.mark.parametrize("case, text, words", CONFIGS, ids=[case[0] for case in CONFIGS])
def test_bad_configuration_stops_start_up_with_the_key(case, text, words):
    server = Server(config=text)
    code, stderr = server.close(timeout=30)
    assert code == 1, stderr
    assert words in stderr, stderr


def test_an_output_dir_under_a_regular_file_says_so_in_plain_words():
    with tempfile.TemporaryDirectory() as work:
        blocker = pathlib.Path(work) / "not-a-folder"
        blocker.write_text("x")
        server = Server(work=work, env={"DGX_PIXELS_OUTPUT_DIR": str(blocker / "sprites")})
        code, stderr = server.close(timeout=30)
        assert code == 1
        assert "is a file, not a folder" in stderr and "NSCocoaErrorDomain" not in stderr, stderr


class HostileComfyUI(http.server.BaseHTTPRequestHandler):
    """A 'ComfyUI' that answers every request with what the test asks for."""
    body = b"{}"
    status = 200

    def do_GET(self):
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        try:
            self.wfile.write(self.body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_POST = do_GET

    def log_message(self, *args):
        pass


COMFY_FAULTS = [
    ("garbage", 200, b"<html>not json</html>", "not JSON"),
    ("deep-json", 200, b"[" * 100_000 + b"]" * 100_000, "not JSON"),
    ("huge-body", 200, b'{"a":"' + b"x" * (80 * 1024 * 1024) + b'"}', "limits.max_comfyui_bytes"),
    ("server-error", 500, b"{}", "HTTP 500"),
    ("wrong-shape", 200, b'{"system": 5, "devices": "none"}', ""),
]


@pytest.mark.parametrize("case, status, body, words", COMFY_FAULTS, ids=[case[0] for case in COMFY_FAULTS])
def test_a_comfyui_backend_answering_nonsense_is_an_error_not_a_crash(case, status, body, words):
    handler = type("Handler", (HostileComfyUI,), {"body": body, "status": status})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        server = Server(config=f"engine: comfyui\ncomfyui:\n  backends: [{url}]\n  retries: 1\n  request_timeout: 10\n")
        server.initialize()
        answer = server.call("generate_sprite", {"prompt": "red gem", "size": 16}, timeout=120)
        text = tool_error_text(answer)
        assert text and words in text, answer
        assert server.alive()
        assert server.close()[0] == 0
    finally:
        httpd.shutdown()
