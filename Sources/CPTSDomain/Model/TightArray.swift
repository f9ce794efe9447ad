extension Array {
    /// The same elements in storage that holds no more than them (as the allocator rounds it), for a list appended
    /// to one by one and then kept for the whole build (a file's indicators, a contract year's payments): appending
    /// grows the storage by doubling, and a national site's model carried as much spare capacity as values.
    public func tight() -> [Element] {
        guard capacity > count else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
