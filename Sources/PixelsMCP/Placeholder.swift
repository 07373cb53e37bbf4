// PixelsMCP: code arrives here.
