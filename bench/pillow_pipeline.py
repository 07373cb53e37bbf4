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


def median_ms(body, data: bytes, runs: int) -> float:
    body(data)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        body(data)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    path, runs = sys.argv[1], int(sys.argv[2])
    with open(path, "rb") as handle:
        data = handle.read()
    print(f"{median_ms(decode, data, runs):.3f} {median_ms(pipeline, data, runs):.3f}")


if __name__ == "__main__":
    main()
