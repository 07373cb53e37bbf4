#ifndef DGX_PIXELS_CLIBPNG_SHIM_H
#define DGX_PIXELS_CLIBPNG_SHIM_H

// libpng's simplified API, plus the compound and function-like macros Swift cannot import.
#include <png.h>

static const png_uint_32 dgx_png_format_rgba = PNG_FORMAT_RGBA;
static const png_uint_32 dgx_png_format_rgba_colormap = PNG_FORMAT_RGBA_COLORMAP;
static const png_uint_32 dgx_png_image_version = PNG_IMAGE_VERSION;
static const png_uint_32 dgx_png_image_flag_fast = PNG_IMAGE_FLAG_FAST;
static const png_uint_32 dgx_png_image_flag_16bit_srgb = PNG_IMAGE_FLAG_16BIT_sRGB;

static inline int dgx_png_image_failed(const png_image *image) {
    return PNG_IMAGE_FAILED(*image);
}

static inline png_uint_32 dgx_png_image_row_stride(const png_image *image) {
    return PNG_IMAGE_ROW_STRIDE(*image);
}

static inline png_alloc_size_t dgx_png_image_buffer_size(const png_image *image) {
    return PNG_IMAGE_SIZE(*image);
}

/// An upper bound on the encoded size, so png_image_write_to_memory succeeds in one pass.
static inline png_alloc_size_t dgx_png_image_png_size_max(const png_image *image) {
    return PNG_IMAGE_PNG_SIZE_MAX(*image);
}

#endif
