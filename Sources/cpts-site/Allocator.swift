#if canImport(CMimalloc)
import CMimalloc
#endif

/// The allocator's settings, made once as the command starts.
enum Allocator {
    static func configure() {
        #if canImport(CMimalloc)
        // mimalloc gives a page it no longer uses back to the system 25 ms later by default, and only when its
        // segment is next visited: a build at national scale frees as much as it keeps during its load and its
        // render, and those pages stayed resident at its peak (issue #27: 100 000 CPTS under 1 GiB). Given back at
        // once, they cost a little system time instead (README, Performance).
        mi_option_set(mi_option_decommit_delay, 0)
        #endif
    }
}
