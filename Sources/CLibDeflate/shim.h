#ifndef DGX_PIXELS_CLIBDEFLATE_SHIM_H
#define DGX_PIXELS_CLIBDEFLATE_SHIM_H

// libdeflate's whole-buffer zlib decompressor and its CRC-32, for PNGFastDecoder (libdeflate.h imports as it is).
#include <libdeflate.h>

#endif
