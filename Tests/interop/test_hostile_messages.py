"""Hostile input, class by class, against one real `dgx-pixels serve` over stdio (the raw line protocol).

Every case sends what a buggy or malicious client could send and checks the answer a conformant server gives; after
each one the server must still answer a ping within a second. Nothing here may crash or stall it.
"""
import json
import struct
import time
import zlib

import pytest

from hostile import Server, tool_error_text

CONFIG = "limits:\n  max_message_bytes: 1048576\n"


@pytest.fixture(scope="module")
def server():
    server = Server(config=CONFIG)
    server.initialize()
    yield server
    code, stderr = server.close()
    assert code == 0, stderr


def rpc_error(answer, code, null_id=False):
    assert "error" in answer, answer
    assert answer["error"]["code"] == code, answer
    if null_id:
        assert answer["id"] is None, answer
    return answer["error"]["message"] + " " + json.dumps(answer["error"].get("data", {}))


# --- JSON-RPC framing and envelope: (case id, raw line, expected code, id must be null) ---
ENVELOPE = [
    ("not-json", b"this is not json", -32700, True),
    ("truncated", b'{"jsonrpc": "2.0", "id": 1, "method": "ping"', -32700, True),
    ("trailing-garbage", b'{"jsonrpc":"2.0","id":1,"method":"ping"} x', -32700, True),
    ("single-quotes", b"{'jsonrpc':'2.0','id':1,'method':'ping'}", -32700, True),
    ("invalid-utf8", b'{"jsonrpc":"2.0","id":1,"method":"\xff\xfe"}', -32700, True),
    ("raw-nul-in-string", b'{"jsonrpc":"2.0","id":1,"method":"pi\x00ng"}', -32700, True),
    ("empty-object", b"{}", -32600, True),
    ("batch", b'[{"jsonrpc":"2.0","id":1,"method":"ping"}]', -32600, True),
    ("empty-batch", b"[]", -32600, True),
    ("scalar", b"42", -32600, True),
    ("string", b'"ping"', -32600, True),
    ("id-float", b'{"jsonrpc":"2.0","id":1.5,"method":"ping"}', -32600, True),
    ("id-huge", b'{"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"ping"}', -32600, True),
    ("id-object", b'{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}', -32600, True),
    ("id-null", b'{"jsonrpc":"2.0","id":null,"method":"ping"}', -32600, True),
    ("id-bool", b'{"jsonrpc":"2.0","id":true,"method":"ping"}', -32600, True),
    ("id-exponent", b'{"jsonrpc":"2.0","id":1e3,"method":"ping"}', -32600, True),
    ("version-1", b'{"jsonrpc":"1.0","id":7,"method":"ping"}', -32600, False),
    ("no-version", b'{"id":7,"method":"ping"}', -32600, False),
    ("method-number", b'{"jsonrpc":"2.0","id":7,"method":5}', -32600, False),
    ("method-empty", b'{"jsonrpc":"2.0","id":7,"method":""}', -32600, False),
    ("no-method", b'{"jsonrpc":"2.0","id":7}', -32600, False),
    ("unknown-method", b'{"jsonrpc":"2.0","id":7,"method":"sprites/destroy"}', -32601, False),
    ("deep-array", b"[" * 100_000 + b"]" * 100_000, -32600, True),
    ("deep-object", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, -32600, True),
]


@pytest.mark.parametrize("case, line, code, null_id", ENVELOPE, ids=[case[0] for case in ENVELOPE])
def test_envelope(server, case, line, code, null_id):
    server.send_raw(line)
    answer = server.read_line(timeout=10)
    rpc_error(answer, code, null_id)
    assert server.alive()


# --- Method parameters: (case id, method, params, expected text in the error) ---
PARAMS = [
    ("call-params-array", "tools/call", [1, 2], "must be an object"),
    ("call-no-name", "tools/call", {"arguments": {}}, "tools/call needs params"),
    ("call-name-number", "tools/call", {"name": 5}, "tools/call needs params"),
    ("call-arguments-list", "tools/call", {"name": "generate_sprite", "arguments": [1]}, "tools/call needs params"),
    ("call-unknown-tool", "tools/call", {"name": "format_disk", "arguments": {}}, "Unknown tool"),
    ("read-no-uri", "resources/read", {"url": "x"}, "resources/read needs params"),
    ("read-uri-number", "resources/read", {"uri": 5}, "resources/read needs params"),
    ("level-unknown", "logging/setLevel", {"level": "loud"}, "one of debug"),
    ("level-missing", "logging/setLevel", {}, "logging/setLevel needs params"),
    ("list-cursor", "tools/list", {"cursor": "page2"}, "unknown cursor"),
    ("initialize-empty", "initialize", {}, "initialize needs params"),
]


@pytest.mark.parametrize("case, method, params, text", PARAMS, ids=[case[0] for case in PARAMS])
def test_invalid_params(server, case, method, params, text):
    message = rpc_error(server.request(method, params), -32602)
    assert text in message, message
    assert server.alive()


def test_a_small_deeply_nested_request_does_not_hold_up_a_ping(server):
    nested = b"[" * 4000 + b"]" * 4000
    began = time.monotonic()
    server.send_raw(b'{"jsonrpc":"2.0","id":"deep","method":"tools/call","params":{"name":"generate_sprite",'
                    b'"arguments":{"prompt":' + nested + b"}}}")
    server.send_raw(b'{"jsonrpc":"2.0","id":"quick","method":"ping"}')
    first, second = server.read_line(), server.read_line()
    assert time.monotonic() - began < 0.5
    rpc_error(first, -32600, null_id=True)
    assert second["id"] == "quick" and second["result"] == {}


def test_a_line_over_the_message_limit_is_refused_by_name_without_buffering_it(server):
    server.send_raw(b'{"jsonrpc":"2.0","id":"big","method":"ping","pad":"' + b"x" * 3_000_000 + b'"}')
    message = rpc_error(server.read_line(), -32600, null_id=True)
    assert "limits.max_message_bytes" in message
    assert server.alive()


def test_a_large_line_within_the_limit_gets_a_field_error(server):
    answer = server.call("generate_sprite", {"prompt": "x" * 900_000})
    text = tool_error_text(answer)
    assert text and "prompt" in text and "2000" in text, answer
    assert server.alive()


def test_crlf_lines_and_blank_lines_are_read(server):
    server.send_raw(b'\r\n\r\n{"jsonrpc":"2.0","id":"crlf","method":"ping"}\r\n')
    assert server.answer("crlf")["result"] == {}


def test_notifications_and_client_responses_get_no_answer(server):
    server.send_raw(b'{"jsonrpc":"2.0","method":"notifications/whatever","params":[1]}')
    server.send_raw(b'{"jsonrpc":"2.0","id":99,"result":{}}')
    server.send_raw(b'{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"never-sent"}}')
    server.send_raw(b'{"jsonrpc":"2.0","id":"after","method":"ping"}')
    assert server.read_line()["id"] == "after"


# --- Tool arguments: (case id, tool, arguments, words the error must contain) ---
def png(width, height, corrupt_crc=False, truncate=False):
    def chunk(kind, data):
        crc = zlib.crc32(kind + data) ^ (1 if corrupt_crc and kind == b"IHDR" else 0)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
    raw = b"".join(b"\x00" + b"\x00" * (width * 4) for _ in range(min(height, 4)))
    body = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return body[:40] if truncate else body


ARGUMENTS = [
    ("missing-prompt", "generate_sprite", {}, ["prompt"]),
    ("empty-prompt", "generate_sprite", {"prompt": "   "}, ["prompt", "empty"]),
    ("long-prompt", "generate_sprite", {"prompt": "x" * 2001}, ["prompt", "2000"]),
    ("nul-prompt", "generate_sprite", {"prompt": "red\u0000knight"}, ["prompt", "NUL"]),
    ("size-huge", "generate_sprite", {"prompt": "x", "size": 10000}, ["size", "256"]),
    ("size-negative", "generate_sprite", {"prompt": "x", "size": -1}, ["size", "8"]),
    ("size-text", "generate_sprite", {"prompt": "x", "size": "abc"}, ["size"]),
    ("size-wxh-over", "generate_sprite", {"prompt": "x", "size": "32x9999"}, ["size", "256"]),
    ("size-bool", "generate_sprite", {"prompt": "x", "size": True}, ["size"]),
    ("seed-negative", "generate_sprite", {"prompt": "x", "seed": -1}, ["seed"]),
    ("seed-huge", "generate_sprite", {"prompt": "x", "seed": 2 ** 60}, ["seed"]),
    ("palette-unknown", "generate_sprite", {"prompt": "x", "palette": "rainbow"}, ["palette", "pico-8"]),
    ("palette-one", "generate_sprite", {"prompt": "x", "palette": ["#000000"]}, ["palette"]),
    ("palette-bad-hex", "generate_sprite", {"prompt": "x", "palette": ["#000000", "nope"]}, ["palette"]),
    ("colors-one", "generate_sprite", {"prompt": "x", "colors": 1}, ["colors"]),
    ("background-plaid", "generate_sprite", {"prompt": "x", "background": "plaid"}, ["background"]),
    ("name-traversal", "generate_sprite", {"prompt": "x", "name": "../../etc/passwd"}, ["name"]),
    ("name-capitals", "generate_sprite", {"prompt": "x", "name": "Knight"}, ["name"]),
    ("category-slash", "generate_sprite", {"prompt": "x", "category": "a/b"}, ["category"]),
    ("extra-argument", "generate_sprite", {"prompt": "x", "colour": "red"}, ["colour"]),
    ("steps-zero", "generate_sprite", {"prompt": "x", "steps": 0}, ["steps", "1"]),
    ("cfg-huge", "generate_sprite", {"prompt": "x", "cfg": 1e308}, ["cfg", "30"]),
    ("style-unknown", "generate_sprite", {"prompt": "x", "style": "watercolour"}, ["style"]),
    ("dither-unknown", "generate_sprite", {"prompt": "x", "dither": "noise"}, ["dither"]),
    ("generation-size-odd", "generate_sprite", {"prompt": "x", "generation_size": 100}, ["generation_size", "8"]),
    ("deploy-nowhere", "generate_sprite", {"prompt": "x", "size": 16, "deploy_to": "/nonexistent/game"},
     ["/nonexistent/game"]),
    ("batch-both", "generate_batch", {"prompts": ["a"], "items": [{"prompt": "b"}]}, ["prompts", "items"]),
    ("batch-neither", "generate_batch", {"size": 16}, ["prompts"]),
    ("batch-over-limit", "generate_batch", {"prompts": ["a"] * 1001}, ["1000"]),
    ("batch-variations-over-limit", "generate_batch", {"prompts": ["a"] * 100, "variations": 16},
     ["limits.max_batch"]),
    ("batch-item-error", "generate_batch", {"items": [{"prompt": "a"}, {"prompt": "b", "size": 4}]},
     ["items[1].size"]),
    ("job-bad-id", "get_job", {"job_id": "../../etc"}, ["../../etc"]),
    ("job-unknown", "get_job", {"job_id": "20990101-000000-abcdef"}, ["20990101-000000-abcdef"]),
    ("cancel-unknown", "cancel_job", {"job_id": "20990101-000000-abcdef"}, ["20990101-000000-abcdef"]),
    ("validate-relative", "validate_sprite", {"path": "sprite.png"}, ["absolute"]),
    ("validate-missing", "validate_sprite", {"path": "/nonexistent.png"}, ["no file"]),
    ("validate-dev-zero", "validate_sprite", {"path": "/dev/zero"}, ["not a regular file"]),
    ("validate-directory", "validate_sprite", {"path": "/tmp"}, ["not a regular file"]),
    ("deploy-dev-zero", "deploy_to_bevy", {"project": "/tmp", "sprites": ["/dev/zero"]}, ["not a regular file"]),
    ("deploy-sprite-uri-traversal", "deploy_to_bevy", {"project": "/tmp", "sprites": ["sprite://../../x.png"]},
     ["sprite://../../x.png"]),
]


@pytest.mark.parametrize("case, tool, arguments, words", ARGUMENTS, ids=[case[0] for case in ARGUMENTS])
def test_tool_arguments(server, case, tool, arguments, words):
    answer = server.call(tool, arguments)
    text = tool_error_text(answer)
    assert text is not None, answer
    for word in words:
        assert word in text, f"{word!r} not in {text!r}"
    assert server.alive()


# --- Untrusted files handed to the tools ---
FILES = [
    ("bomb", png(100_000, 100_000), ["max_pixels"]),
    ("bad-crc", png(8, 8, corrupt_crc=True), ["CRC"]),
    ("truncated", png(8, 8, truncate=True), []),
    ("not-png", b"GIF89a" + b"\x00" * 64, ["signature"]),
    ("empty", b"", []),
]


@pytest.mark.parametrize("case, data, words", FILES, ids=[case[0] for case in FILES])
def test_hostile_pngs_get_a_report_not_a_crash(server, case, data, words):
    path = server.work / f"{case}.png"
    path.write_bytes(data)
    answer = server.call("validate_sprite", {"path": str(path)})
    result = answer.get("result") or {}
    report = (result.get("structuredContent") or {}).get("report") or {}
    text = json.dumps(result)
    assert report.get("valid") is False or result.get("isError"), text[:500]
    for word in words:
        assert word in text, f"{word!r} not in {text[:800]!r}"
    deploy = server.call("deploy_to_bevy", {"project": str(server.work), "sprites": [str(path)]})
    assert tool_error_text(deploy), deploy
    assert server.alive()


def test_a_fifo_is_refused_as_not_a_regular_file(server):
    import os
    fifo = server.work / "pipe.png"
    os.mkfifo(fifo)
    for tool, arguments in [("validate_sprite", {"path": str(fifo)}),
                            ("deploy_to_bevy", {"project": str(server.work), "sprites": [str(fifo)]})]:
        text = tool_error_text(server.call(tool, arguments, timeout=10))
        assert text and "not a regular file" in text, text
    assert server.alive()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(server):
    big = server.work / "big.png"
    with open(big, "wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    for tool, arguments in [("validate_sprite", {"path": str(big)}),
                            ("deploy_to_bevy", {"project": str(server.work), "sprites": [str(big)]})]:
        text = tool_error_text(server.call(tool, arguments))
        assert text and "limits.max_file_size" in text, text


@pytest.mark.parametrize("uri", ["sprite://../../etc/passwd", "file:///etc/passwd", "job://../x", "dgx-pixels://nope"])
def test_resource_reads_outside_the_store_are_refused(server, uri):
    answer = server.request("resources/read", {"uri": uri})
    assert "error" in answer, answer
    assert server.alive()
