// The C surface the engine uses: Pango (shaping, line breaking), PangoFT2/fontconfig
// (a private font set), and Cairo (PDF and PNG surfaces, tags, outline, metadata).
#ifndef HANDOUTS_CPANGOCAIRO_SHIM_H
#define HANDOUTS_CPANGOCAIRO_SHIM_H

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangocairo.h>
#include <cairo.h>
#include <cairo-pdf.h>

// GObject's cast macros are not callable from Swift; these helpers are.
static inline PangoFcFontMap *handouts_as_fc_font_map(PangoFontMap *map) {
    return PANGO_FC_FONT_MAP(map);
}
static inline PangoCairoFontMap *handouts_as_cairo_font_map(PangoFontMap *map) {
    return PANGO_CAIRO_FONT_MAP(map);
}
static inline void handouts_object_unref(void *object) { g_object_unref(object); }
static inline void handouts_object_ref(void *object) { g_object_ref(object); }

#endif

// librsvg, loaded only when a site's logo is an SVG file: linking it outright cost every
// run 5 ms and 4 MB (it brings gio, gdk-pixbuf, libxml2 and ICU). Only the calls we use,
// with librsvg 2.52+'s signatures. Pictures are handed over as bytes we read ourselves
// (regular files only, bounded in size), never as a path for librsvg to open.
#include <dlfcn.h>

typedef struct _HandoutsRsvgHandle HandoutsRsvgHandle;
typedef struct { double x, y, width, height; } HandoutsRsvgRectangle;

typedef struct {
    HandoutsRsvgHandle *(*new_from_file)(const char *file, GError **error);
    HandoutsRsvgHandle *(*new_from_data)(const guint8 *data, gsize length, GError **error);
    gboolean (*intrinsic_size_in_pixels)(HandoutsRsvgHandle *handle, double *width, double *height);
    void (*intrinsic_dimensions)(HandoutsRsvgHandle *handle, gboolean *has_width, void *width, gboolean *has_height,
                                 void *height, gboolean *has_viewbox, HandoutsRsvgRectangle *viewbox);
    gboolean (*render_document)(HandoutsRsvgHandle *handle, cairo_t *cr, const HandoutsRsvgRectangle *viewport,
                                GError **error);
} handouts_rsvg_api;

/// The librsvg calls, or NULL when the library cannot be loaded.
static inline const handouts_rsvg_api *handouts_rsvg(void) {
    static handouts_rsvg_api api;
    static int state = 0;  /* 0 not tried, 1 loaded, -1 unavailable */
    if (state == 0) {
        void *library = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
        if (library) {
            api.new_from_file = (HandoutsRsvgHandle *(*)(const char *, GError **))dlsym(library, "rsvg_handle_new_from_file");
            api.new_from_data = (HandoutsRsvgHandle *(*)(const guint8 *, gsize, GError **))dlsym(library, "rsvg_handle_new_from_data");
            api.intrinsic_size_in_pixels = (gboolean (*)(HandoutsRsvgHandle *, double *, double *))
                dlsym(library, "rsvg_handle_get_intrinsic_size_in_pixels");
            api.intrinsic_dimensions = (void (*)(HandoutsRsvgHandle *, gboolean *, void *, gboolean *, void *, gboolean *,
                                                 HandoutsRsvgRectangle *))dlsym(library, "rsvg_handle_get_intrinsic_dimensions");
            api.render_document = (gboolean (*)(HandoutsRsvgHandle *, cairo_t *, const HandoutsRsvgRectangle *, GError **))
                dlsym(library, "rsvg_handle_render_document");
        }
        state = (library && api.new_from_file && api.new_from_data && api.intrinsic_size_in_pixels && api.intrinsic_dimensions
                 && api.render_document) ? 1 : -1;
    }
    return state == 1 ? &api : NULL;
}
