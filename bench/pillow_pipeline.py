#!/usr/bin/env python3
"""Pillow's equivalent of the PixelArt bench pipeline: 1024x1024 RGBA -> 64x64, 16-colour indexed PNG.

Usage: pillow_pipeline.py SOURCE.png RUNS  -> prints "decode_ms pipeline_ms" (medians, one warm-up run).
"""
import io
import statistics
import sys
import time

from PIL import Image


def decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image.convert("RGBA")


def pipeline(data: bytes) -> bytes:
    image = decode(data)
    small = image.resize((64, 64), Image.Resampling.NEAREST)
    indexed = small.convert("RGB").quantize(colors=16, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    indexed.save(out, "PNG")
    return out.getvalue()


def interleaved_medians_ms(bodies, data: bytes, runs: int) -> list:
    """Times the bodies round-robin after one warm-up round, as PixelBench does."""
    for body in bodies:
        body(data)
    samples = [[] for _ in bodies]
    for _ in range(runs):
        for index, body in enumerate(bodies):
            start = time.perf_counter()
            body(data)
            samples[index].append((time.perf_counter() - start) * 1000)
    return [statistics.median(series) for series in samples]


def main() -> None:
    path, runs = sys.argv[1], int(sys.argv[2])
    with open(path, "rb") as handle:
        data = handle.read()
    decode_ms, pipeline_ms = interleaved_medians_ms([decode, pipeline], data, runs)
    print(f"{decode_ms:.3f} {pipeline_ms:.3f}")


if __name__ == "__main__":
    main()
