/// A map bounded by its number of entries and their total cost that forgets the least recently used entry to make room
/// (issue 14: caches keyed by what a client sends — queries, codes, parameters — must not grow with what an attacker
/// sends, nor let junk keys crowd out the pages people use). Not thread-safe: its owners hold a lock around it.
public struct LRUMap<Key: Hashable, Value> {
    private struct Entry {
        var key: Key
        var value: Value?
        var cost: Int
        /// Neighbours in recency order (slot numbers, -1 for none).
        var older: Int
        var newer: Int
    }

    public let capacity: Int
    public let maxCost: Int
    private var slots: [Key: Int] = [:]
    private var entries: [Entry] = []
    private var freeSlots: [Int] = []
    private var newest = -1
    private var oldest = -1
    public private(set) var totalCost = 0

    public init(capacity: Int, maxCost: Int = .max) {
        self.capacity = max(1, capacity)
        self.maxCost = max(0, maxCost)
    }

    public var count: Int { slots.count }

    /// The value for `key`, which becomes the most recently used.
    public mutating func value(_ key: Key) -> Value? {
        guard let slot = slots[key] else { return nil }
        moveToNewest(slot)
        return entries[slot].value
    }

    /// The value for `key` without touching its recency.
    public func peek(_ key: Key) -> Value? { slots[key].flatMap { entries[$0].value } }

    /// Stores `value` as the most recently used, forgetting the least recently used entries until both bounds hold.
    /// A value costing more than `maxCost` alone is not kept.
    public mutating func set(_ key: Key, _ value: Value, cost: Int = 1) {
        remove(key)
        let cost = max(0, cost)
        guard cost <= maxCost else { return }
        while count >= capacity || totalCost + cost > maxCost, oldest >= 0 { remove(entries[oldest].key) }
        let entry = Entry(key: key, value: value, cost: cost, older: newest, newer: -1)
        let slot: Int
        if let reused = freeSlots.popLast() {
            slot = reused
            entries[slot] = entry
        } else {
            slot = entries.count
            entries.append(entry)
        }
        if newest >= 0 { entries[newest].newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
        slots[key] = slot
        totalCost += cost
    }

    public mutating func remove(_ key: Key) {
        guard let slot = slots.removeValue(forKey: key) else { return }
        unlink(slot)
        totalCost -= entries[slot].cost
        entries[slot].value = nil
        freeSlots.append(slot)
    }

    public mutating func removeAll() {
        self = LRUMap(capacity: capacity, maxCost: maxCost)
    }

    /// Keys from the most recently used to the least.
    public var keysByRecency: [Key] {
        var keys: [Key] = [], slot = newest
        while slot >= 0 {
            keys.append(entries[slot].key)
            slot = entries[slot].older
        }
        return keys
    }

    private mutating func moveToNewest(_ slot: Int) {
        guard slot != newest else { return }
        unlink(slot)
        entries[slot].older = newest
        entries[slot].newer = -1
        if newest >= 0 { entries[newest].newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }

    private mutating func unlink(_ slot: Int) {
        let older = entries[slot].older, newer = entries[slot].newer
        if older >= 0 { entries[older].newer = newer } else { oldest = newer }
        if newer >= 0 { entries[newer].older = older } else { newest = older }
        entries[slot].older = -1
        entries[slot].newer = -1
    }
}
