#ifndef CPTS_RENAME_EXCHANGE_H
#define CPTS_RENAME_EXCHANGE_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (for example on a file system without support).
int cpts_rename_exchange(const char *from, const char *to);

#endif
