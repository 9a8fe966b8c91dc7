// zlib (Debian's zlib1g-dev, already there for Cairo): compressing the PDF's object and
// cross-reference streams.
#include <zlib.h>
