#if canImport(CMimalloc)
import CMimalloc
#endif

/// The allocator's settings for the site being built, in one place.
enum Allocator {
    /// From this many CPTS on, a build gives freed memory back to the system at once (issue #27: 100 000 CPTS under
    /// 1 GiB). mimalloc gives a page it no longer uses back 25 ms later by default, and only when its segment is
    /// next visited: a build at national scale frees as much as it keeps during its render, and those pages stayed
    /// resident at its peak (light set, 100 000 CPTS: 1 006 500 and 1 048 040 KB, against 978 164 and 979 072 KB
    /// given back at once). Below, the pages are soon used again, and giving them back costs time: the heavy set at
    /// 1 000 CPTS took 0.58–0.62 s instead of 0.52–0.55 s, for 6 MB less (README, Performance).
    static let promptReturnFrom = 10_000

    /// Called by the build once its content is loaded (`BuildOptions.contentLoaded`).
    @Sendable static func fit(cptsCount: Int) {
        #if canImport(CMimalloc)
        if cptsCount >= promptReturnFrom { mi_option_set(mi_option_decommit_delay, 0) }
        #endif
    }
}
