"""Drives the built `dgx-pixels serve` with the official Python MCP client, as Claude Desktop would."""
import base64
import json
import os
import pathlib
import tempfile

import anyio
import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

from pngcheck import read_png

BIN = os.environ.get("DGX_PIXELS_BIN") or str(pathlib.Path(__file__).resolve().parents[2] / ".build/debug/dgx-pixels")


def run(scenario):
    """Starts the server in a scratch home and runs `scenario(session, workdir)` against it."""
    async def main():
        with tempfile.TemporaryDirectory() as work:
            env = {
                "PATH": os.environ.get("PATH", ""),
                "HOME": work,
                "XDG_CONFIG_HOME": work + "/config",
                "DGX_PIXELS_OUTPUT_DIR": work + "/out",
                "DGX_PIXELS_LOG_LEVEL": "warning",
            }
            params = StdioServerParameters(command=BIN, args=["serve"], env=env, cwd=work)
            async with stdio_client(params) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    await scenario(session, pathlib.Path(work))
    anyio.run(main)


def field(obj, snake, camel):
    """Reads a result field under mcp 2.x's snake_case name or mcp 1.x's camelCase one."""
    return getattr(obj, snake) if hasattr(obj, snake) else getattr(obj, camel)


def is_error(result):
    return field(result, "is_error", "isError")


def structured(result):
    return field(result, "structured_content", "structuredContent")


def make_bevy_project(root: pathlib.Path) -> pathlib.Path:
    project = root / "game"
    (project / "src").mkdir(parents=True)
    (project / "Cargo.toml").write_text('[package]\nname = "game"\nversion = "0.1.0"\n\n[dependencies]\nbevy = "0.15"\n')
    return project


def test_lists_the_tools_with_input_and_output_schemas():
    async def scenario(session, _):
        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        assert {"generate_sprite", "generate_tileset", "generate_batch", "deploy_to_bevy", "get_job", "cancel_job",
                "validate_sprite"} <= set(tools)
        for tool in tools.values():
            assert field(tool, "input_schema", "inputSchema")["type"] == "object"
            assert field(tool, "output_schema", "outputSchema") and field(tool, "output_schema", "outputSchema")["type"] == "object"
            assert tool.description
        assert field(tools["generate_sprite"], "input_schema", "inputSchema")["required"] == ["prompt"]
    run(scenario)


def test_generates_a_sprite_and_reads_it_back_as_a_resource():
    async def scenario(session, _):
        result = await session.call_tool(
            "generate_sprite", {"prompt": "red knight", "size": 32, "seed": 7, "category": "character"})
        assert not is_error(result), result.content
        sprite = structured(result)["sprite"]
        assert sprite["engine"] == "procedural"
        assert (sprite["width"], sprite["height"], sprite["seed"]) == (32, 32, 7)
        kinds = [block.type for block in result.content]
        assert kinds[0] == "text" and "image" in kinds and "resource_link" in kinds
        preview = next(block for block in result.content if block.type == "image")
        assert base64.b64decode(preview.data)[:8] == b"\x89PNG\r\n\x1a\n"
        assert len(base64.b64decode(preview.data)) <= 65536

        contents = (await session.read_resource(sprite["uri"])).contents
        png = base64.b64decode(contents[0].blob)
        width, height, pixels = read_png(png)
        assert (width, height) == (32, 32)
        assert len(set(pixels)) == sprite["colors_used"]
        assert {p[3] for p in pixels} <= {0, 255}, "alpha must be binary"
        assert pixels[0][3] == 0, "background must be transparent"
        opaque = [p for p in pixels if p[3] == 255 and max(p[:3]) > 60]
        assert sum(1 for r, g, b, _ in opaque if r > g and r > b) > len(opaque) / 3, "a red knight is mostly red"
        assert pathlib.Path(sprite["path"]).read_bytes() == png
    run(scenario)


def test_batch_reports_progress_and_every_item():
    async def scenario(session, _):
        seen = []

        async def on_progress(progress, total, message):
            seen.append((progress, total))

        result = await session.call_tool(
            "generate_batch", {"prompts": ["green slime", "gold coin", "blue ship"], "size": 16, "seed": 1},
            progress_callback=on_progress)
        assert not is_error(result), result.content
        job = structured(result)["job"]
        assert (job["total"], job["succeeded"], job["status"]) == (3, 3, "succeeded")
        assert [item["index"] for item in job["items"]] == [0, 1, 2]
        assert seen and seen[-1] == (3, 3)
        assert [p for p, _ in seen] == sorted(p for p, _ in seen), "progress must be monotonic"

        again = await session.call_tool("get_job", {"job_id": job["job_id"]})
        assert structured(again)["items"] == job["items"]
    run(scenario)


def test_deploys_into_a_bevy_project():
    async def scenario(session, work):
        project = make_bevy_project(work)
        made = await session.call_tool("generate_sprite", {"prompt": "gold coin", "size": 16, "seed": 3, "name": "coin", "category": "items"})
        assert not is_error(made), made.content
        result = await session.call_tool(
            "deploy_to_bevy", {"project": str(project), "sprites": [structured(made)["job_id"]]})
        assert not is_error(result), result.content
        deployed = structured(result)["sprites"][0]
        assert deployed["asset_path"] == "sprites/items/coin.png"
        png = project / "assets/sprites/items/coin.png"
        meta = project / "assets/sprites/items/coin.png.meta"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert '"bevy_image::image_loader::ImageLoader"' in meta.read_text()
        assert "mag_filter: Nearest" in meta.read_text()
        manifest = json.loads((project / "assets/sprites/manifest.json").read_text())
        assert "items/coin" in json.dumps(manifest)
    run(scenario)


def test_deploys_a_sprite_sheet_and_reads_its_layout():
    async def scenario(session, work):
        project = make_bevy_project(work)
        items = [{"prompt": "blue slime", "name": f"blue-slime-{seed}", "category": "creature", "size": 16,
                  "seed": seed} for seed in range(1, 5)]
        made = await session.call_tool("generate_batch", {"items": items})
        assert not is_error(made), made.content
        result = await session.call_tool("deploy_to_bevy", {
            "project": str(project), "sprites": [structured(made)["job"]["job_id"]], "name": "blue-slime",
            "category": "creature",
            "sheet": {"columns": 4, "fps": 8, "clips": [{"name": "idle", "first": 0, "last": 3}]},
        })
        assert not is_error(result), result.content
        sheet = structured(result)["sheet"]
        assert (sheet["columns"], sheet["rows"], sheet["tile_size_x"], sheet["frames"]) == (4, 1, 16, 4)
        descriptor = json.loads((project / "assets/sprites/creature/blue-slime.sheet.json").read_text())
        assert descriptor["clips"] == [{"name": "idle", "first": 0, "last": 3, "fps": 8}]
        assert "tile_size_x: 16" in (project / "assets/sprites/creature/blue-slime.sheet.ron").read_text()
        width, height, _ = read_png((project / "assets/sprites/creature/blue-slime.png").read_bytes())
        assert (width, height) == (64, 16)
    run(scenario)


def sheet_frames(png: bytes, columns: int, rows: int):
    """The frames of a sheet, row by row, each a list of RGBA tuples."""
    width, height, pixels = read_png(png)
    fw, fh = width // columns, height // rows
    return [[[pixels[(row * fh + y) * width + column * fw + x] for y in range(fh) for x in range(fw)]
             for column in range(columns)] for row in range(rows)]


def silhouette_iou(a, b):
    both = sum(1 for p, q in zip(a, b) if p[3] and q[3])
    either = sum(1 for p, q in zip(a, b) if p[3] or q[3])
    return both / either if either else 1.0


def test_a_knight_walks_in_four_directions():
    async def scenario(session, work):
        project = make_bevy_project(work)
        request = {"prompt": "a knight", "category": "character", "size": 32, "seed": 11, "animation": "walk",
                   "directions": 4, "deploy_to": str(project)}
        made = await session.call_tool("generate_sprite", request)
        assert not is_error(made), made.content
        sprite = structured(made)["sprite"]
        sheet = sprite["sheet"]
        assert (sheet["columns"], sheet["rows"], sheet["frame_width"], sheet["frame_height"]) == (8, 4, 32, 32)
        assert [clip["name"] for clip in sheet["clips"]] == ["walk_down", "walk_left", "walk_right", "walk_up"]
        assert [(clip["first"], clip["last"]) for clip in sheet["clips"]] == [(0, 7), (8, 15), (16, 23), (24, 31)]
        frames = sheet_frames(pathlib.Path(sprite["path"]).read_bytes(), 8, 4)
        palette = {p for row in frames for frame in row for p in frame if p[3]}
        assert len(palette) <= 16
        for row in frames:
            for index, frame in enumerate(row):
                following = row[(index + 1) % len(row)]  # the loop closes as smoothly as any other step
                assert silhouette_iou(frame, following) >= 0.6
                assert sum(1 for p, q in zip(frame, following) if p != q) >= 0.02 * len(frame)
        assert frames[0][0] != frames[3][0], "down and up are the same view"
        descriptor = json.loads((project / "assets/sprites/character/a-knight.sheet.json").read_text())
        assert [clip["name"] for clip in descriptor["clips"]] == [clip["name"] for clip in sheet["clips"]]
        assert descriptor["tile_size_x"] == 32 and descriptor["columns"] == 8 and descriptor["clips"][0]["loops"]
        assert 'name: "walk_left"' in (project / "assets/sprites/character/a-knight.sheet.ron").read_text()
        repeat = {key: value for key, value in request.items() if key != "deploy_to"}
        again = await session.call_tool("generate_sprite", {**repeat, "force": True})
        assert structured(again)["sprite"]["content_hash"] == sprite["content_hash"]
    run(scenario)


def test_bad_input_is_a_tool_error_naming_the_field():
    async def scenario(session, work):
        cases = [
            ({"size": 32}, "prompt"),
            ({"prompt": "knight", "size": 10000}, "size"),
            ({"prompt": "knight", "size": "big"}, "size"),
            ({"prompt": "knight", "style": "watercolour"}, "style"),
            ({"prompt": "knight", "palette": "rainbow"}, "palette"),
            ({"prompt": "knight", "name": "../escape"}, "name"),
        ]
        for arguments, field in cases:
            result = await session.call_tool("generate_sprite", arguments)
            assert is_error(result), arguments
            assert field in result.content[0].text, (arguments, result.content[0].text)
        not_png = work / "notes.png"
        not_png.write_text("hello")
        result = await session.call_tool("validate_sprite", {"path": str(not_png)})
        assert is_error(result) and "not_png" in result.content[0].text
        result = await session.call_tool("deploy_to_bevy", {"project": str(work / "missing"), "sprites": [str(not_png)]})
        assert is_error(result)
    run(scenario)


def test_unknown_tool_is_a_protocol_error():
    async def scenario(session, _):
        try:
            from mcp import MCPError as McpError
        except ImportError:
            from mcp.shared.exceptions import McpError
        try:
            result = await session.call_tool("make_coffee", {})
        except McpError as error:
            assert "make_coffee" in str(error)
        else:
            assert is_error(result), "an unknown tool must not succeed"
    run(scenario)


def tileset_tiles(png: bytes, descriptor):
    """The PNG cut into tiles (each a list of rows of RGBA tuples), row-major as the descriptor says."""
    width, height, pixels = read_png(png)
    size, columns, rows = descriptor["tile_size"], descriptor["columns"], descriptor["rows"]
    assert (width, height) == (columns * size, rows * size)
    tiles = []
    for index in range(len(descriptor["tiles"])):
        x0, y0 = index % columns * size, index // columns * size
        tiles.append([[pixels[(y0 + y) * width + x0 + x] for x in range(size)] for y in range(size)])
    return tiles


def side_nodes(tile):
    """Each side's nodes in order along it: its two corners ([nw, ne, se, sw]) and, for blob47, the edge between."""
    nw, ne, se, sw = tile["corners"]
    if "edges" in tile:
        n, e, s, w = tile["edges"]
        return {"N": (nw, n, ne), "E": (ne, e, se), "S": (sw, s, se), "W": (nw, w, sw)}
    return {"N": (nw, ne), "E": (ne, se), "S": (sw, se), "W": (nw, sw)}


def strip(tile, side):
    """The outermost 2-pixel strip of a tile along a side."""
    size = len(tile)
    if side == "N":
        return [tile[d][a] for a in range(size) for d in range(2)]
    if side == "S":
        return [tile[size - 1 - d][a] for a in range(size) for d in range(2)]
    if side == "W":
        return [tile[a][d] for a in range(size) for d in range(2)]
    return [tile[a][size - 1 - d] for a in range(size) for d in range(2)]


def check_border_rule(tiles, descriptor):
    """For each side, tiles with the same nodes there have pixel-identical outer strips; returns groups per side."""
    nodes = [side_nodes(tile) for tile in descriptor["tiles"]]
    groups = {}
    for side in "NESW":
        seen = {}
        for index, tile in enumerate(tiles):
            key, band = nodes[index][side], strip(tile, side)
            if key in seen:
                assert seen[key][1] == band, f"tile {index} side {side} differs from tile {seen[key][0]}"
            else:
                seen[key] = (index, band)
        groups[side] = len(seen)
    return groups


def check_pairs(tiles, descriptor):
    """Every pair (a, b) with a's east corners = b's west corners (and a's south = b's north) is compatible: it
    joins with the same band across the seam as every other pair sharing that side, and a shore pixel at the seam
    of a set over transparency has a clear pixel beside it, in its own tile or across the seam."""
    nodes = [side_nodes(tile) for tile in descriptor["tiles"]]
    size = len(tiles[0])
    # The all-terrain tile, and whether the set is over transparency (its last tile is all edge).
    plain = tiles[next(i for i, t in enumerate(descriptor["tiles"]) if not any(t["corners"] + t.get("edges", [])))]
    transparent = all(p[3] == 0 for row in tiles[-1] for p in row)
    bands, pairs, shore = {}, 0, 0

    def clear(tile, x, y):
        return 0 <= x < size and 0 <= y < size and tile[y][x][3] == 0

    def is_shore(tile, x, y):
        return transparent and tile[y][x][3] != 0 and tile[y][x] != plain[y][x]

    for a, first in enumerate(tiles):
        for b, second in enumerate(tiles):
            if nodes[a]["E"] == nodes[b]["W"]:
                pairs += 1
                band = strip(first, "E") + strip(second, "W")
                assert bands.setdefault(("E", nodes[a]["E"]), band) == band, f"{a}|{b} joins differently"
                for y in range(size):
                    if is_shore(first, size - 1, y):
                        shore += 1
                        assert clear(first, size - 2, y) or clear(first, size - 1, y - 1) or \
                            clear(first, size - 1, y + 1) or clear(second, 0, y), f"{a}|{b} row {y}"
                    if is_shore(second, 0, y):
                        shore += 1
                        assert clear(second, 1, y) or clear(second, 0, y - 1) or clear(second, 0, y + 1) or \
                            clear(first, size - 1, y), f"{a}|{b} row {y}"
            if nodes[a]["S"] == nodes[b]["N"]:
                pairs += 1
                band = strip(first, "S") + strip(second, "N")
                assert bands.setdefault(("S", nodes[a]["S"]), band) == band, f"{a} over {b} joins differently"
                for x in range(size):
                    if is_shore(first, x, size - 1):
                        shore += 1
                        assert clear(first, x, size - 2) or clear(first, x - 1, size - 1) or \
                            clear(first, x + 1, size - 1) or clear(second, x, 0), f"{a} over {b} column {x}"
                    if is_shore(second, x, 0):
                        shore += 1
                        assert clear(second, x, 1) or clear(second, x - 1, 0) or clear(second, x + 1, 0) or \
                            clear(first, x, size - 1), f"{a} over {b} column {x}"
    return pairs, shore


def test_generates_a_wang16_tileset_whose_tiles_join_by_their_corners():
    async def scenario(session, work):
        result = await session.call_tool("generate_tileset", {"terrain": "grass", "edge": "water", "seed": 9})
        assert not is_error(result), result.content
        content = structured(result)
        sprite, descriptor = content["sprite"], content["tileset"]
        assert sprite["engine"] == "procedural" and sprite["name"] == "grass_water"
        assert (descriptor["layout"], descriptor["tile_size"], descriptor["columns"], descriptor["rows"]) == \
            ("wang16", 16, 4, 4)
        assert [t["corners"] for t in descriptor["tiles"]] == \
            [[i & 1, i >> 1 & 1, i >> 2 & 1, i >> 3 & 1] for i in range(16)]
        png = base64.b64decode((await session.read_resource(sprite["uri"])).contents[0].blob)
        assert pathlib.Path(sprite["path"]).read_bytes() == png
        tiles = tileset_tiles(png, descriptor)
        assert check_border_rule(tiles, descriptor) == {"N": 4, "E": 4, "S": 4, "W": 4}
        pairs, _ = check_pairs(tiles, descriptor)
        assert pairs == 128

        # Over transparency the shores are visible to the client: check every seam's shore continues.
        result = await session.call_tool("generate_tileset", {"terrain": "grass", "seed": 9, "tile_size": 20})
        assert not is_error(result), result.content
        content = structured(result)
        png = pathlib.Path(content["sprite"]["path"]).read_bytes()
        tiles = tileset_tiles(png, content["tileset"])
        assert check_border_rule(tiles, content["tileset"]) == {"N": 4, "E": 4, "S": 4, "W": 4}
        pairs, shore = check_pairs(tiles, content["tileset"])
        assert pairs == 128 and shore > 0

        again = await session.call_tool(
            "generate_tileset", {"terrain": "grass", "seed": 9, "tile_size": 20, "force": True, "name": "again"})
        assert structured(again)["sprite"]["content_hash"] == content["sprite"]["content_hash"]
    run(scenario)


def test_generates_and_deploys_a_blob47_tileset():
    async def scenario(session, work):
        project = make_bevy_project(work)
        result = await session.call_tool("generate_tileset", {
            "terrain": "sand", "edge": "lava", "layout": "blob47", "tile_size": 8, "seed": 3,
            "deploy_to": str(project)})
        assert not is_error(result), result.content
        content = structured(result)
        descriptor = content["tileset"]
        assert (descriptor["columns"], descriptor["rows"], len(descriptor["tiles"])) == (8, 6, 48)
        masks = {t["neighbours"] for t in descriptor["tiles"][:47]}
        assert len(masks) == 47 and "neighbours" not in descriptor["tiles"][47]
        png = pathlib.Path(content["sprite"]["path"]).read_bytes()
        tiles = tileset_tiles(png, descriptor)
        check_border_rule(tiles, descriptor)
        check_pairs(tiles, descriptor)
        folder = project / "assets" / "tilesets"
        assert (folder / "sand_lava.png").read_bytes() == png
        deployed = json.loads((folder / "sand_lava.tileset.json").read_text())
        assert deployed["image"] == "tilesets/sand_lava.png" and deployed["tiles"] == descriptor["tiles"]
        assert "tile_size: 8" in (folder / "sand_lava.tileset.ron").read_text()
        kinds = [f["kind"] for f in content["deployment"]["files"]]
        assert kinds.count("tileset") == 2

        bad = await session.call_tool("generate_tileset", {"terrain": "sand", "tile_size": 100})
        assert is_error(bad) and "'tile_size'" in bad.content[0].text
        bad = await session.call_tool("generate_tileset", {"terrain": "sand", "layout": "hex"})
        assert is_error(bad) and "'layout'" in bad.content[0].text
    run(scenario)
