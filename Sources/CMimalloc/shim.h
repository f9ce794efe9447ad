// Debian's libmimalloc-dev: only for mi_version(), shown by `cpts-site --version`.
#include <mimalloc.h>
