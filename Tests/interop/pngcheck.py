"""A tiny PNG reader for the interop test: enough to check what the server wrote, with no image library."""
import struct
import zlib


def read_png(data: bytes):
    """Returns (width, height, pixels) with pixels a list of RGBA tuples, for non-interlaced 8-bit RGBA and
    1/2/4/8-bit indexed PNGs (what the server writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG signature"
    pos, chunks = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        pos += 12 + length
    header = dict(chunks)[b"IHDR"]
    width, height, depth, color_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert interlace == 0, "only non-interlaced PNGs are read here"
    assert depth == 8 or (color_type == 3 and depth in (1, 2, 4)), f"unexpected bit depth {depth}"
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color_type]
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = (width * channels * depth + 7) // 8
    channels = max(1, channels * depth // 8)  # the filter's bytes-per-pixel
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                pred = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        previous = line
    chunk_map = dict(chunks)
    pixels = []
    if color_type == 3:
        palette = chunk_map[b"PLTE"]
        alpha = chunk_map.get(b"tRNS", b"")
        per_byte = 8 // depth
        for row in rows:
            indices = [(row[x // per_byte] >> (8 - depth * (x % per_byte + 1))) & ((1 << depth) - 1)
                       for x in range(width)]
            for index in indices:
                a = alpha[index] if index < len(alpha) else 255
                pixels.append((palette[3 * index], palette[3 * index + 1], palette[3 * index + 2], a))
    elif color_type == 6:
        for row in rows:
            for x in range(width):
                pixels.append(tuple(row[4 * x:4 * x + 4]))
    else:
        raise AssertionError(f"unexpected colour type {color_type}")
    return width, height, pixels
