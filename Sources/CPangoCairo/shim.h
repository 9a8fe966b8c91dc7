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

#endif
