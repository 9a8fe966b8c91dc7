// libqrencode: QR code symbols for the unit's web link.
#include <qrencode.h>
