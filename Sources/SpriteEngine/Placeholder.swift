// SpriteEngine: code arrives here.
