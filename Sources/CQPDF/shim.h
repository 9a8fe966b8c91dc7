// libqpdf's C API (Debian's libqpdf-dev): finishing the PDF Cairo wrote with what Cairo 1.16
// cannot write: the document language, viewer preferences, alt text, page boxes.
#include <qpdf/qpdf-c.h>
