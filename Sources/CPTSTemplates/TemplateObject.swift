/// A member name with its hash, computed once: when a template is parsed (each name of its tags) or a model's
/// members are indexed, never per lookup.
public struct TemplateKey: Sendable {
    public let name: String
    /// FNV-1a (64 bits) of the name's UTF-8: the same in every process, unlike `Hasher`.
    public let hash: UInt64

    public init(_ name: String) {
        self.name = name
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        self.hash = hash
    }
}

/// A value with named members read one at a time, when a template asks for one (a typed view model): nothing is
/// read or built for the members a template never names.
public protocol TemplateObject: AnyObject, Sendable {
    /// The member `key` names; nil when there is no such member.
    func member(_ key: TemplateKey) -> TemplateValue?
    /// Every member, for what needs them all (`count(…)`, `enumerated(…)`, printing the object).
    var members: [String: TemplateValue] { get }
}

/// A list whose items are read when a template reaches them (a typed view model's list field): a section over it,
/// `empty(…)`, `count(…)`, `first(…)` and `last(…)` read its count and items in place; nothing is built for the
/// items a template never reaches. It reads as `.list(items)` would, item for item.
public protocol TemplateList: AnyObject, Sendable {
    /// How many items the list holds.
    var count: Int { get }
    /// The item at `index` (`0..<count`), as a section over the list makes it the current value; an object item may
    /// be given as `.listItem(self, index)`, read in place through `member(_:at:)` instead of built.
    func item(at index: Int) -> TemplateValue
    /// The member `key` names of the item at `index`, for the items given as `.listItem(self, index)`; nil when
    /// there is no such member.
    func member(_ key: TemplateKey, at index: Int) -> TemplateValue?
    /// Every member of the item at `index`, for what needs them all (`count(…)`, `enumerated(…)`, printing it).
    func members(at index: Int) -> [String: TemplateValue]
}

extension TemplateList {
    /// Every item, built: for what needs them all (`sorted(…)`, `reversed(…)`, printing the list).
    public var items: [TemplateValue] { (0..<count).map(item(at:)) }
}

/// Member names → their positions (0, 1, 2… in the order given), found by a key's precomputed hash: an
/// open-addressed table, so that a lookup costs a few comparisons and no hashing.
public struct TemplateKeyTable: Sendable {
    /// Each slot's name position, -1 when empty; the table's size is a power of two at least twice the names'.
    @usableFromInline let slots: [Int32]
    @usableFromInline let hashes: [UInt64]
    public let names: [String]
    @usableFromInline let mask: Int

    /// A table of `names`; a name given twice keeps its first position.
    public init(_ names: [String]) {
        var size = 8
        while size < 2 * names.count { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        var hashes = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (position, name) in names.enumerated() {
            let key = TemplateKey(name)
            var slot = Int(truncatingIfNeeded: key.hash) & mask
            var present = false
            while slots[slot] >= 0 {
                if hashes[slot] == key.hash && names[Int(slots[slot])] == name {
                    present = true
                    break
                }
                slot = (slot + 1) & mask
            }
            if !present {
                slots[slot] = Int32(position)
                hashes[slot] = key.hash
            }
        }
        (self.slots, self.hashes, self.names, self.mask) = (slots, hashes, names, mask)
    }

    /// The position of the name `key` names; nil when the table does not hold it. Inlinable: a view model's
    /// lookup (in CPTSSite) runs it in place rather than through a call.
    @inlinable @inline(__always)
    public func position(of key: TemplateKey) -> Int? {
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let position = Int(slots[slot])
            if position < 0 { return nil }
            if hashes[slot] == key.hash && names[position] == key.name { return position }
            slot = (slot + 1) & mask
        }
    }
}
