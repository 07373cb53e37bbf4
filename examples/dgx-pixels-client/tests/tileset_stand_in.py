"""A stand-in MCP server offering generate_tileset as its contract describes it, for the client's tests until the
real server has the tool: one JSON-RPC message per line on stdio.

generate_tileset answers at once with the sprite, the `tileset` descriptor and (with deploy_to) a deployment
report listing the files, or, with wait_seconds 0, `status: "running"`: get_job then gives the finished job (no
descriptor in it) and deploy_to_bevy of the job writes the files, as a job that outlived its call is deployed.
"""

import json
import os
import sys

JOB = "20261202-130000-7115e7"


def descriptor(tile_size):
    tiles = [{"index": i, "corners": [i & 1, (i >> 1) & 1, (i >> 2) & 1, (i >> 3) & 1], "future_field": i}
             for i in range(16)]
    return {"layout": "wang16", "tile_size": tile_size, "columns": 4, "rows": 4, "tiles": tiles}


def sprite(name, tile_size):
    return {"job_id": JOB, "name": name, "category": None, "engine": "procedural", "seed": 5,
            "width": 4 * tile_size, "height": 4 * tile_size, "path": f"/out/{JOB}/{name}.png",
            "uri": f"sprite://{JOB}/{name}.png", "cached": None, "validation": {"ok": True}}


def deploy(project, name, tile_size):
    folder = os.path.join(project, "assets", "tilesets")
    os.makedirs(folder, exist_ok=True)
    files = []
    for suffix, data in [(".tileset.json", json.dumps(descriptor(tile_size)).encode()),
                         (".tileset.ron", b"(layout: \"wang16\")"),
                         (".png", b"\x89PNG\r\n\x1a\n")]:
        path = os.path.join(folder, name + suffix)
        with open(path, "wb") as file:
            file.write(data)
        files.append({"path": path, "kind": "tileset" if suffix != ".png" else "png", "action": "created"})
    return {"project": project, "files": files}


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def result(request_id, structured):
    send({"jsonrpc": "2.0", "id": request_id,
          "result": {"content": [{"type": "text", "text": "ok"}], "structuredContent": structured}})


last = {}
for line in sys.stdin:
    message = json.loads(line)
    method, request_id, params = message.get("method"), message.get("id"), message.get("params") or {}
    if request_id is None:
        continue
    if method == "initialize":
        send({"jsonrpc": "2.0", "id": request_id, "result": {
            "protocolVersion": "2025-11-25", "capabilities": {"tools": {}},
            "serverInfo": {"name": "tileset-stand-in", "version": "0"}}})
    elif method == "tools/list":
        send({"jsonrpc": "2.0", "id": request_id, "result": {"tools": [{"name": "generate_tileset"}]}})
    elif method == "tools/call":
        name, arguments = params["name"], params.get("arguments") or {}
        token = (params.get("_meta") or {}).get("progressToken")
        if name == "generate_tileset":
            last = arguments
            tile_size = arguments.get("tile_size", 16)
            tileset_name = arguments.get("name", "tileset")
            for step in (30, 100):
                send({"jsonrpc": "2.0", "method": "notifications/progress",
                      "params": {"progressToken": token, "progress": step, "total": 100}})
            if arguments.get("wait_seconds") == 0:
                result(request_id, {"job_id": JOB, "status": "running"})
                continue
            answer = {"job_id": JOB, "status": "succeeded", "sprite": sprite(tileset_name, tile_size),
                      "tileset": descriptor(tile_size)}
            if "deploy_to" in arguments:
                answer["deployment"] = deploy(arguments["deploy_to"], tileset_name, tile_size)
            result(request_id, answer)
        elif name == "get_job":
            result(request_id, {"job_id": JOB, "status": "succeeded", "kind": "tileset", "total": 1,
                                "items": [{"index": 0, "status": "succeeded",
                                           "sprite": sprite(last.get("name", "tileset"), last.get("tile_size", 16))}]})
        elif name == "deploy_to_bevy":
            result(request_id, deploy(arguments["project"], last.get("name", "tileset"), last.get("tile_size", 16)))
        else:
            send({"jsonrpc": "2.0", "id": request_id, "error": {"code": -32602, "message": f"Unknown tool: {name}"}})
    else:
        send({"jsonrpc": "2.0", "id": request_id, "error": {"code": -32601, "message": "Method not found"}})
