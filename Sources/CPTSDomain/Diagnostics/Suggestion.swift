/// The "did you mean" of unknown keys and ids: the nearest known word by edit distance.
///
/// A search compares a word with every candidate, so thousands of unknown names against thousands of candidates
/// would cost their product. Every search is paid from a `Budget` of work (one unit per candidate looked at, plus
/// one per character of it and per cell of the edit-distance table), whether it finds a suggestion or not; once
/// the budget is spent, searches suggest nothing. A rule or a check that may search many times shares one budget
/// over all its searches; a lone search gets its own.
public enum Suggestion {
    /// Work that suggestions may still cost. A value type: a rule runs its searches in order, so which searches
    /// are paid (and the output) does not depend on timing.
    public struct Budget: Sendable {
        /// Enough for hundreds of suggestions among hundreds of names, a fraction of a second at most.
        public static let shared = 50_000_000
        /// What one search may cost when it has no shared budget.
        public static let lone = 2_000_000

        public private(set) var remaining: Int
        /// The work spent so far, for tests.
        public private(set) var spent = 0

        public init(units: Int = Budget.shared) {
            remaining = units
        }

        public var isSpent: Bool { remaining <= 0 }

        /// Pays `units`; false, and the budget spent, when it cannot.
        mutating func pay(_ units: Int) -> Bool {
            spent += units
            remaining -= units
            return remaining >= 0
        }
    }

    /// The candidate closest to `word`, if it is close enough to be a plausible typo; the search is paid from a
    /// budget of its own (`Budget.lone`).
    public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        var budget = Budget(units: Budget.lone)
        return nearest(to: word, in: candidates, budget: &budget)
    }

    /// The same, paid from `budget`: nil, whatever the candidates, once it is spent.
    public static func nearest(to word: String, in candidates: some Sequence<String>, budget: inout Budget) -> String? {
        guard budget.pay(1) else { return nil }
        let lowered = Array(word.lowercased().unicodeScalars)
        guard budget.pay(lowered.count) else { return nil }
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            guard budget.pay(1 + scalars.count) else { return nil }
            // No table for a candidate whose length alone puts it too far.
            guard abs(scalars.count - lowered.count) <= limit else { continue }
            let bound = min(limit, (best?.1 ?? limit + 1) - 1)
            guard bound >= 0 else { continue }
            guard let distance = editDistance(lowered, scalars, atMost: bound, budget: &budget) else {
                if budget.isSpent { return nil }
                continue
            }
            best = (candidate, distance)
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        var budget = Budget(units: Int.max)
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        return editDistance(a, b, atMost: max(a.count, b.count), budget: &budget) ?? max(a.count, b.count)
    }

    /// The edit distance of `a` and `b` if it is at most `bound`, else nil (also when `budget` runs out). Only the
    /// band of cells within `bound` of the diagonal is computed, each cell paid from `budget`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int,
                             budget: inout Budget) -> Int? {
        if abs(a.count - b.count) > bound { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let beyond = bound + 1  // any cell value above `bound` is as good as this
        var previous = (0...b.count).map { min($0, beyond) }
        var current = [Int](repeating: beyond, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - bound), high = min(b.count, i + bound)
            guard budget.pay(high - low + 1) else { return nil }
            current[0] = min(i, beyond)
            if low > 1 { current[low - 1] = beyond }
            var rowMinimum = current[0]
            for j in low...high {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                let value = min(previous[j] + 1, current[j - 1] + 1, substitution, beyond)
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < b.count { current[high + 1] = beyond }
            if rowMinimum > bound { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
