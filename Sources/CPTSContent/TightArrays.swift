extension Collection {
    /// `compactMap` into an array whose storage holds `count` elements at most: the standard one grows by doubling,
    /// so that the model's lists kept for the whole build (a contract year's five indicators, an indicator's two
    /// steps) carried up to as much spare capacity as values. The results are the same, in the same order.
    func compactMapTight<Result>(_ transform: (Element) throws -> Result?) rethrows -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(count)
        for element in self {
            if let result = try transform(element) { results.append(result) }
        }
        return results
    }
}
