#ifndef DGX_PIXELS_CLIBPNG_SHIM_H
#define DGX_PIXELS_CLIBPNG_SHIM_H

// libpng's simplified API, plus the compound and function-like macros Swift cannot import.
#include <png.h>

static const png_uint_32 dgx_png_format_rgba = PNG_FORMAT_RGBA;
static const png_uint_32 dgx_png_format_rgba_colormap = PNG_FORMAT_RGBA_COLORMAP;
static const png_uint_32 dgx_png_image_version = PNG_IMAGE_VERSION;

static inline int dgx_png_image_failed(const png_image *image) {
    return PNG_IMAGE_FAILED(*image);
}

static inline png_uint_32 dgx_png_image_row_stride(const png_image *image) {
    return PNG_IMAGE_ROW_STRIDE(*image);
}

static inline png_alloc_size_t dgx_png_image_buffer_size(const png_image *image) {
    return PNG_IMAGE_SIZE(*image);
}

#endif
