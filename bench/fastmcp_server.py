"""The Python baseline for `make bench`: a FastMCP server with a generate_sprite tool of the same shape
(Pillow-free: it paints a square and returns its PNG via zlib), the stack users would otherwise run."""
import struct
import zlib

try:
    from mcp.server.fastmcp import FastMCP
except ImportError:  # mcp 2.x moved it
    from mcp.server.mcpserver import MCPServer as FastMCP

server = FastMCP("fastmcp-baseline")


def png(width, height):
    raw = b"".join(b"\x00" + b"\xc8\x28\x28\xff" * width for _ in range(height))
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@server.tool()
def generate_sprite(prompt: str, size: int = 32) -> dict:
    """Generate one pixel-art sprite from a prompt."""
    data = png(size, size)
    return {"prompt": prompt, "width": size, "height": size, "bytes": len(data)}


@server.tool()
def validate_sprite(path: str) -> dict:
    """Validate a PNG."""
    return {"path": path, "valid": True}


if __name__ == "__main__":
    server.run()
