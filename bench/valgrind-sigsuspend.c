/* LD_PRELOAD shim for make bench-callgrind: valgrind 3.19 (Debian 12) crashes with SIGSEGV in its own code when a
 * program calls sigsuspend() with a mask in read-only memory, as libdispatch does when the main thread parks
 * (dispatch_main → _dispatch_sig_thread → _dispatch_sigsuspend, its mask a `static const`): valgrind's
 * rt_sigsuspend wrapper removes its own signal from the caller's mask in place. This sigsuspend passes a
 * writable copy to the system call; the program does nothing else differently.
 *
 * cc -O2 -shared -fPIC -o valgrind-sigsuspend.so bench/valgrind-sigsuspend.c
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, (size_t)(_NSIG / 8));
}
