// Only the two public headers: Debian also installs private ones under /usr/include/cmark-gfm/.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
