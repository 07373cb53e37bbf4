"""`/metrics` read with Prometheus's own parser: the counters move as jobs run, and every metric the Grafana
dashboard charts is exported."""
import json
import pathlib
import re
import tempfile

from prometheus_client.parser import text_string_to_metric_families

from httpserver import Server, call, initialize_message, open_session, request, serving

ROOT = pathlib.Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "docs/grafana/dgx-pixels.json"
# `auto` with a ComfyUI backend on a closed local port: the backend gauges exist, sprites come from the fallback.
AUTO_CONFIG = "engine: auto\ncomfyui:\n  backends: [http://127.0.0.1:9]\n  backoff: 60\n"


def scrape(port):
    """Every sample of /metrics as {(name, frozenset(labels)): value}, and the sample names."""
    answer = request(port, "GET", path="/metrics")
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    samples = {}
    for family in text_string_to_metric_families(answer.body().decode()):
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return samples


def value(samples, name, **labels):
    return samples.get((name, frozenset(labels.items())), 0.0)


def generate(port, session, request_id, arguments):
    messages = call(port, session, request_id, "generate_batch", arguments).messages()
    result = messages[-1]["result"]
    assert not result.get("isError"), result
    return result["structuredContent"]["job"]


def test_counters_move_as_jobs_run():
    with serving() as server:
        session = open_session(server.port)
        before = scrape(server.port)
        job = generate(server.port, session, 1, {"prompts": ["a", "b", "c"], "size": 16, "seed": 11})
        assert job["status"] == "succeeded"
        after = scrape(server.port)
        assert value(after, "dgx_pixels_jobs_total", status="succeeded") == \
            value(before, "dgx_pixels_jobs_total", status="succeeded") + 1
        assert value(after, "dgx_pixels_items_total", engine="procedural", status="succeeded") == \
            value(before, "dgx_pixels_items_total", engine="procedural", status="succeeded") + 3
        assert value(after, "dgx_pixels_generation_seconds_count", engine="procedural", backend="local") == \
            value(before, "dgx_pixels_generation_seconds_count", engine="procedural", backend="local") + 3
        assert value(after, "dgx_pixels_cache_misses_total") == value(before, "dgx_pixels_cache_misses_total") + 3
        assert value(after, "dgx_pixels_sessions_active", transport="http") == 1
        assert value(after, "dgx_pixels_request_seconds_count", method="tools/call") >= 1

        generate(server.port, session, 2, {"prompts": ["a", "b", "c"], "size": 16, "seed": 11})
        again = scrape(server.port)
        assert value(again, "dgx_pixels_cache_hits_total") == value(after, "dgx_pixels_cache_hits_total") + 3
        assert value(again, "dgx_pixels_items_total", engine="procedural", status="cached") == 3

        assert request(server.port, "DELETE", headers={"Mcp-Session-Id": session}).status == 200
        assert value(scrape(server.port), "dgx_pixels_sessions_active", transport="http") == 0


def exercise_everything(port, work):
    """One of each thing a metric counts: a job, a cache hit, a deploy, a failed validation."""
    session = open_session(port)
    generate(port, session, 1, {"prompts": ["coin"], "size": 16, "seed": 1})
    generate(port, session, 2, {"prompts": ["coin"], "size": 16, "seed": 1})
    project = pathlib.Path(work) / "game"
    (project / "src").mkdir(parents=True)
    (project / "Cargo.toml").write_text('[package]\nname = "game"\nversion = "0.1.0"\n\n[dependencies]\nbevy = "0.15"\n')
    job = generate(port, session, 3, {"prompts": ["gem"], "size": 16, "seed": 2})
    deployed = call(port, session, 4, "deploy_to_bevy", {"project": str(project), "sprites": [job["job_id"]]})
    assert "error" not in deployed.messages()[-1]
    not_png = pathlib.Path(work) / "notes.png"
    not_png.write_text("hello")
    call(port, session, 5, "validate_sprite", {"path": str(not_png)}).messages()


def test_every_metric_on_the_dashboard_is_exported():
    dashboard = json.loads(DASHBOARD.read_text())
    expressions = [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]
    charted = set(re.findall(r"dgx_pixels_[a-z_]+", " ".join(expressions)))
    assert len(charted) >= 13
    with serving(config=AUTO_CONFIG) as server:
        exercise_everything(server.port, server.work)
        exported = {name for name, _ in scrape(server.port)}
    assert charted <= exported, f"charted but not exported: {sorted(charted - exported)}"


def test_metrics_listen_serves_metrics_beside_stdio():
    """`metrics.listen` with stdio: /metrics and /healthz on their own port while a stdio client works."""
    with tempfile.TemporaryDirectory() as work:
        server = Server(work, config="metrics:\n  listen: 127.0.0.1:0\n", listen=None)
        try:
            port = int(server.wait_for(r"serving /metrics and /healthz at http://127\.0\.0\.1:(\d+)").group(1))
            process = server.process
            lines = [initialize_message(), {"jsonrpc": "2.0", "method": "notifications/initialized"},
                     {"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                      "params": {"name": "generate_sprite", "arguments": {"prompt": "coin", "size": 16, "seed": 4}}}]
            for line in lines:
                process.stdin.write((json.dumps(line) + "\n").encode())
            process.stdin.flush()
            answers = [json.loads(process.stdout.readline()) for _ in range(2)]
            assert answers[-1]["id"] == 2 and not answers[-1]["result"].get("isError")
            samples = scrape(port)
            assert value(samples, "dgx_pixels_sessions_active", transport="stdio") == 1
            assert value(samples, "dgx_pixels_jobs_total", status="succeeded") == 1
            assert request(port, "GET", path="/healthz").json()["ready"] is True
            assert request(port, "POST", path="/mcp", body=initialize_message()).status == 404
            process.stdin.close()
            assert process.wait(timeout=30) == 0
        finally:
            server.stop()
