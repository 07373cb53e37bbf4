#!/usr/bin/env python3
"""Writes 1024x1024 PNGs of the kinds the pixel-art bench source is not, as Pillow writes them, for
`PixelBench --decode`: RGB and RGBA at compress_level 4 (what ComfyUI's SaveImage uses), 8-bit gray, and a
256-colour palette image.

Usage: decode_samples.py DIR  -> writes DIR/rgb.png, rgba.png, gray.png, palette.png
"""
import os
import random
import sys

from PIL import Image


def sprite_image(side: int = 1024, cell: int = 16) -> Image.Image:
    """A random 64x64 sprite upscaled 16x with +-6 noise: the shape diffusion output has before pixel-art steps."""
    rng = random.Random(1)
    cells = side // cell
    sprite = [[tuple(rng.randrange(256) for _ in range(3)) for _ in range(cells)] for _ in range(cells)]
    image = Image.new("RGB", (side, side))
    pixels = image.load()
    for y in range(side):
        for x in range(side):
            noise = rng.randrange(-6, 7)
            pixels[x, y] = tuple(max(0, min(255, c + noise)) for c in sprite[y // cell][x // cell])
    return image


def main() -> None:
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    image = sprite_image()
    image.save(os.path.join(directory, "rgb.png"), compress_level=4)
    image.convert("RGBA").save(os.path.join(directory, "rgba.png"), compress_level=4)
    image.convert("L").save(os.path.join(directory, "gray.png"), compress_level=4)
    image.quantize(256).save(os.path.join(directory, "palette.png"))


if __name__ == "__main__":
    main()
