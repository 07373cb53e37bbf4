"""`dgx-pixels serve --http`: the official Python `mcp` client's Streamable HTTP transport end to end, several
clients on one server, and the transport's rules checked over raw HTTP."""
import contextlib
import json
import time

import anyio
import pytest
from mcp import ClientSession

from httpserver import ACCEPT_BOTH, call, initialize_message, open_session, request, serving, wait_until

try:  # mcp >= 2
    from mcp.client.streamable_http import streamable_http_client as _client

    def _transport(url, headers):
        import httpx2
        return _client(url, http_client=httpx2.AsyncClient(headers=headers or {}, timeout=httpx2.Timeout(30, read=300)))
except ImportError:  # mcp 1.x
    from mcp.client.streamable_http import streamablehttp_client as _client

    def _transport(url, headers):
        return _client(url, headers=headers)


@contextlib.asynccontextmanager
async def mcp_client(url, headers=None):
    """An initialized `ClientSession` over the SDK's Streamable HTTP client transport."""
    async with _transport(url, headers) as streams:
        async with ClientSession(streams[0], streams[1]) as session:
            await session.initialize()
            yield session


def structured(result):
    return getattr(result, "structured_content", None) or getattr(result, "structuredContent", None)


def is_error(result):
    return getattr(result, "is_error", None) or getattr(result, "isError", False)


def long_batch(count=300):
    """A batch slow enough to still be running when the test acts on it (one 256 px sprite at a time)."""
    return {"prompts": [f"knight {i}" for i in range(count)], "size": 256, "concurrency": 1}


async def job_status(session, job_id):
    return structured(await session.call_tool("get_job", {"job_id": job_id}))["status"]


def test_two_clients_share_one_engine():
    """Two clients at once: progress reaches the caller over SSE, and a job made by one is read by the other."""
    with serving() as server:
        async def scenario():
            async with mcp_client(server.url) as alice, mcp_client(server.url) as bob:
                progress = []

                async def on_progress(value, total, message):
                    progress.append((value, total))

                results = {}

                async def generate(name, session, arguments, callback=None):
                    results[name] = await session.call_tool("generate_batch", arguments, progress_callback=callback)

                async with anyio.create_task_group() as group:
                    group.start_soon(generate, "alice", alice,
                                     {"prompts": ["green slime", "gold coin", "blue ship"], "size": 16, "seed": 1},
                                     on_progress)
                    group.start_soon(generate, "bob", bob, {"prompts": ["red gem"], "size": 16, "seed": 2})
                job = structured(results["alice"])["job"]
                assert (job["total"], job["succeeded"], job["status"]) == (3, 3, "succeeded")
                assert structured(results["bob"])["job"]["status"] == "succeeded"
                assert progress and progress[-1] == (3, 3)
                assert [value for value, _ in progress] == sorted(value for value, _ in progress)

                seen_by_bob = structured(await bob.call_tool("get_job", {"job_id": job["job_id"]}))
                assert seen_by_bob["items"] == job["items"]
                resource = await bob.read_resource(f"job://{job['job_id']}")
                assert json.loads(resource.contents[0].text)["job_id"] == job["job_id"]
        anyio.run(scenario)


def test_progress_and_logs_travel_on_the_request_stream_and_the_response_comes_last():
    with serving() as server:
        session = open_session(server.port)
        answer = call(server.port, session, 7, "generate_batch",
                      {"prompts": ["a", "b", "c", "d"], "size": 16, "seed": 3}, progress_token="p7")
        assert answer.status == 200 and answer.is_sse
        assert answer.headers["mcp-session-id"] == session
        messages = answer.messages()
        assert messages[-1]["id"] == 7 and "result" in messages[-1]
        progress = [m for m in messages[:-1] if m.get("method") == "notifications/progress"]
        assert progress and all(m["params"]["progressToken"] == "p7" for m in progress)
        assert progress[-1]["params"]["progress"] == 4


def test_a_client_that_accepts_only_json_gets_one_json_body():
    with serving() as server:
        answer = request(server.port, "POST", body=initialize_message(), headers={"Accept": "application/json"})
        assert answer.status == 200
        assert answer.headers["content-type"] == "application/json"
        assert answer.json()["result"]["protocolVersion"] == "2025-11-25"
        session = answer.headers["mcp-session-id"]
        listed = request(server.port, "POST", body={"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
                         headers={"Accept": "application/json", "Mcp-Session-Id": session})
        assert len(listed.json()["result"]["tools"]) >= 6


def test_cancelling_a_call_cancels_its_job_and_the_other_client_sees_it():
    """The client's own cancel (it sends notifications/cancelled) stops the job; cancel_job from another client
    stops another."""
    with serving() as server:
        async def scenario():
            async with mcp_client(server.url) as alice, mcp_client(server.url) as bob:
                started = anyio.Event()
                job_ids = []

                async def on_progress(value, total, message):
                    started.set()

                async def long_call():
                    await alice.call_tool("generate_batch", long_batch(), progress_callback=on_progress)

                async with anyio.create_task_group() as group:
                    group.start_soon(long_call)
                    with anyio.fail_after(60):
                        await started.wait()
                    group.cancel_scope.cancel()

                async def cancelled_job():
                    listed = await bob.list_resources()
                    jobs = [r.uri for r in listed.resources if str(r.uri).startswith("job://")]
                    for uri in jobs:
                        record = json.loads((await bob.read_resource(uri)).contents[0].text)
                        if record["total"] == 300:
                            return record
                    return None

                with anyio.fail_after(30):
                    while True:
                        record = await cancelled_job()
                        if record and record["status"] == "cancelled":
                            break
                        await anyio.sleep(0.1)

                running = await alice.call_tool("generate_batch", {**long_batch(), "wait_seconds": 0})
                job_ids.append(structured(running)["job"]["job_id"])
                assert structured(running)["job"]["status"] == "running"
                waited = await bob.call_tool("get_job", {"job_id": job_ids[0], "wait_seconds": 0.3})
                assert structured(waited)["status"] == "running"
                cancelled = await bob.call_tool("cancel_job", {"job_id": job_ids[0]})
                assert not is_error(cancelled), cancelled.content
                with anyio.fail_after(30):
                    while await job_status(alice, job_ids[0]) != "cancelled":
                        await anyio.sleep(0.1)
        anyio.run(scenario)


def test_notifications_cancelled_ends_the_call_stream_without_a_response():
    with serving() as server:
        session = open_session(server.port)
        answer = call(server.port, session, 4, "generate_batch", long_batch(), progress_token="p")
        events = answer.events()
        first = next(events)
        assert first["method"] == "notifications/progress"
        cancel = {"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 4, "reason": "test"}}
        assert request(server.port, "POST", body=cancel, headers={"Mcp-Session-Id": session}).status == 202
        rest = list(events)
        answer.close()
        assert all("result" not in message and "error" not in message for message in rest), rest[-1:]


def test_a_client_that_disconnects_mid_call_does_not_cancel_its_job():
    with serving() as server:
        session = open_session(server.port)
        answer = call(server.port, session, 1, "generate_batch",
                      {"prompts": [f"coin {i}" for i in range(12)], "size": 128, "concurrency": 1, "seed": 5},
                      progress_token="p")
        next(answer.events())  # the first progress event: the job runs
        answer.close()

        def finished_job():
            listed = request(server.port, "POST", body={"jsonrpc": "2.0", "id": 2, "method": "resources/list"},
                             headers={"Mcp-Session-Id": session}).messages()[-1]
            uris = [r["uri"] for r in listed["result"]["resources"] if r["uri"].startswith("job://")]
            if not uris:
                return None
            read = request(server.port, "POST",
                           body={"jsonrpc": "2.0", "id": 3, "method": "resources/read", "params": {"uri": uris[0]}},
                           headers={"Mcp-Session-Id": session}).messages()[-1]
            record = json.loads(read["result"]["contents"][0]["text"])
            return record if record["status"] not in ("running", "pending") else None

        record = wait_until(finished_job, timeout=120, interval=0.2)
        assert (record["status"], record["succeeded"]) == ("succeeded", 12)


def test_a_foreign_origin_or_host_is_refused_and_localhost_or_listed_origins_are_let_in():
    config = "http:\n  allowed_origins: [https://tools.example.com]\n"
    with serving(config=config) as server:
        refused = request(server.port, "POST", body=initialize_message(), headers={"Origin": "http://evil.example"})
        assert refused.status == 403
        body = refused.json()
        assert body["jsonrpc"] == "2.0" and body["id"] is None and "origin" in body["error"]["message"]
        for origin in ["http://localhost:6274", "http://127.0.0.1", "https://tools.example.com"]:
            allowed = request(server.port, "POST", body=initialize_message(), headers={"Origin": origin})
            assert allowed.status == 200, (origin, allowed.body())
            allowed.messages()
        assert request(server.port, "GET", path="/metrics", headers={"Origin": "null"}).status == 403
        # DNS rebinding: a same-origin GET carries no Origin, but its Host is the attacker's name.
        rebound = request(server.port, "GET", path="/metrics", headers={"Host": f"attacker.example:{server.port}"})
        assert rebound.status == 421 and rebound.json()["id"] is None
        assert request(server.port, "GET", path="/metrics", headers={"Host": f"localhost:{server.port}"}).status == 200


def test_a_token_is_required_and_checked():
    token = "s3cret-token-0123456789abcdef"
    with serving(env={"DGX_PIXELS_TOKEN": token}) as server:
        missing = request(server.port, "POST", body=initialize_message())
        assert missing.status == 401
        assert missing.headers["www-authenticate"].startswith("Bearer")
        assert missing.json()["error"]["code"] == -32600
        wrong = request(server.port, "POST", body=initialize_message(), headers={"Authorization": "Bearer nope"})
        assert wrong.status == 401 and 'error="invalid_token"' in wrong.headers["www-authenticate"]
        assert request(server.port, "GET", path="/metrics").status == 401
        assert request(server.port, "GET", path="/healthz").status == 200

        async def scenario():
            async with mcp_client(server.url, headers={"Authorization": f"Bearer {token}"}) as session:
                result = await session.call_tool("generate_sprite", {"prompt": "gold coin", "size": 16, "seed": 1})
                assert not is_error(result), result.content
        anyio.run(scenario)


def test_binding_beyond_loopback_without_a_token_is_refused_at_start():
    import tempfile
    from httpserver import Server
    with tempfile.TemporaryDirectory() as work:
        server = Server(work, listen="0.0.0.0:0")
        assert server.process.wait(timeout=30) == 1
        server.stderr.close()
        assert "without a token" in server.log() and "DGX_PIXELS_TOKEN" in server.log()


def test_a_body_over_the_cap_gets_413_before_it_is_read():
    with serving(config="http:\n  max_body_bytes: 2048\n") as server:
        too_big = json.dumps({**initialize_message(), "padding": "x" * 4096}).encode()
        answer = request(server.port, "POST", body=too_big)
        assert answer.status == 413 and answer.json()["error"]["code"] == -32600
        # Declared but never sent: the answer cannot wait for the body.
        import socket
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:
            raw.sendall(b"POST /mcp HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        b"Content-Length: 104857600\r\n\r\n")
            assert raw.recv(64).startswith(b"HTTP/1.1 413")


def test_an_idle_session_expires_and_then_gets_404():
    with serving(config="http:\n  session_idle_seconds: 0.5\n") as server:
        session = open_session(server.port)
        ping = {"jsonrpc": "2.0", "id": 9, "method": "ping"}
        assert request(server.port, "POST", body=ping, headers={"Mcp-Session-Id": session}).status == 200
        time.sleep(1.5)
        expired = request(server.port, "POST", body=ping, headers={"Mcp-Session-Id": session})
        assert expired.status == 404 and "initialize" in expired.json()["error"]["message"]


def test_delete_ends_a_session():
    with serving() as server:
        session = open_session(server.port)
        assert request(server.port, "DELETE", headers={"Mcp-Session-Id": session}).status == 200
        ping = {"jsonrpc": "2.0", "id": 1, "method": "ping"}
        assert request(server.port, "POST", body=ping, headers={"Mcp-Session-Id": session}).status == 404
        assert request(server.port, "DELETE", headers={"Mcp-Session-Id": session}).status == 404


def test_one_get_stream_per_session():
    with serving() as server:
        session = open_session(server.port)
        first = request(server.port, "GET", headers={"Mcp-Session-Id": session, "Accept": "text/event-stream"})
        assert first.status == 200 and first.is_sse
        second = request(server.port, "GET", headers={"Mcp-Session-Id": session, "Accept": "text/event-stream"})
        assert second.status == 409 and second.json()["id"] is None
        first.close()
        assert request(server.port, "GET", headers={"Mcp-Session-Id": session,
                                                    "Accept": "application/json"}).status == 406


def test_answers_open_in_one_session_are_capped():
    with serving(config="http:\n  max_streams_per_session: 1\n") as server:
        session = open_session(server.port)
        listening = request(server.port, "GET", headers={"Mcp-Session-Id": session, "Accept": "text/event-stream"})
        assert listening.status == 200
        ping = {"jsonrpc": "2.0", "id": 1, "method": "ping"}
        refused = request(server.port, "POST", body=ping, headers={"Mcp-Session-Id": session})
        assert refused.status == 429 and "max_streams_per_session" in refused.json()["error"]["message"]
        listening.close()

        def answered():  # the slot frees once the server sees the GET stream's connection close
            answer = request(server.port, "POST", body=ping, headers={"Mcp-Session-Id": session})
            answer.body()
            return answer.status == 200

        wait_until(answered, timeout=10)


def test_protocol_rules_each_get_a_clear_http_error():
    with serving(config="http:\n  max_sessions: 2\n") as server:
        session = open_session(server.port)
        ping = {"jsonrpc": "2.0", "id": 1, "method": "ping"}
        cases = [
            (request(server.port, "POST", body=ping), 400, "Mcp-Session-Id"),
            (request(server.port, "POST", body=ping,
                     headers={"Mcp-Session-Id": session, "MCP-Protocol-Version": "1999-01-01"}), 400, "1999-01-01"),
            (request(server.port, "POST", body=b"{not json", headers={"Mcp-Session-Id": session}), 400, ""),
            (request(server.port, "POST", body=ping, headers={"Mcp-Session-Id": session,
                                                              "Content-Type": "text/plain"}), 415, ""),
            (request(server.port, "POST", body=ping, headers={"Mcp-Session-Id": session,
                                                              "Accept": "text/html"}), 406, ""),
            (request(server.port, "PUT", body=ping, headers={"Mcp-Session-Id": session}), 405, "GET, POST, DELETE"),
            (request(server.port, "GET", path="/nowhere"), 404, "/mcp"),
        ]
        for answer, status, words in cases:
            assert answer.status == status, (status, answer.body())
            body = answer.json()
            assert body["jsonrpc"] == "2.0" and "error" in body, body
            assert words in json.dumps(body), (words, body)
        assert request(server.port, "PUT", body=ping).headers["allow"] == "GET, POST, DELETE"
        # Without the header, 2025-03-26 is assumed and served.
        plain = request(server.port, "POST", body=ping, headers={"Mcp-Session-Id": session})
        assert plain.status == 200 and plain.messages()[-1]["result"] == {}
        open_session(server.port)
        full = request(server.port, "POST", body=initialize_message())
        assert full.status == 503 and full.json()["error"]["code"] == -32000


def test_healthz_reports_the_engine():
    with serving() as server:
        answer = request(server.port, "GET", path="/healthz")
        assert answer.status == 200
        assert answer.json() == {"ready": True, "engine": "procedural", "backends": {"up": 0, "total": 0}}
