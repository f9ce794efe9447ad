/// How far an indicator has gone from its baseline towards its highest step, for the progress bar: computed here,
/// so that no page does its own arithmetic on an indicator.
public struct IndicatorProgress: Sendable, Hashable {
    /// From 0 (the baseline, or an action not done) to 1 (the highest step, or an action done).
    public let fraction: Double
    /// Positions of the steps on the same scale.
    public let steps: [Double]
    /// For an action (`done` indicator): whether it was done; nil for a measured indicator.
    public let done: Bool?

    /// Nil when the indicator has no value, or no baseline and target to measure the way by.
    public init?(_ indicator: Indicator) {
        switch (indicator.direction.value, indicator.value) {
        case (.done, .done(let done)?):
            fraction = done ? 1 : 0
            steps = []
            self.done = done
        case (.up, .number(let value)?), (.down, .number(let value)?):
            let thresholds = indicator.steps.compactMap(\.threshold)
            guard let baseline = indicator.baseline, let target = indicator.direction.value == .up ? thresholds.max() : thresholds.min(),
                target != baseline
            else { return nil }
            func position(_ x: Double) -> Double { max(0, min(1, (x - baseline) / (target - baseline))) }
            fraction = position(value)
            steps = thresholds.map(position)
            done = nil
        default:
            return nil
        }
    }
}
