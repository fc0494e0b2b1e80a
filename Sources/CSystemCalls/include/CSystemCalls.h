#ifndef CSYSTEMCALLS_H
#define CSYSTEMCALLS_H

/// Exchanges the paths `a` and `b` in one step (Linux `renameat2` with
/// `RENAME_EXCHANGE`): each then names what the other named. Returns 0, or -1
/// with errno set (ENOSYS where the system has no such call, EINVAL where the
/// file system does not support it).
int csc_exchange(const char *a, const char *b);

#endif
