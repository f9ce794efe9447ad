/// Times each pipeline stage for `--verbose`.
struct StageClock {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var timings: [(stage: String, seconds: Double)] = []

    init() { last = clock.now }

    mutating func lap(_ stage: String) {
        let now = clock.now
        let elapsed = now - last
        timings.append((stage, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        last = now
    }
}
