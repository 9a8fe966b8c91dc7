// librsvg: draws a unit's SVG logo as vectors through Cairo.
#include <librsvg/rsvg.h>
static inline void handouts_unref(void *object) { g_object_unref(object); }
