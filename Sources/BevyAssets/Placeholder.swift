// BevyAssets: code arrives here.
