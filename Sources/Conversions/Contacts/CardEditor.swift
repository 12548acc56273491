import VCard

/// The properties of a card under a merge. Indices stay those of the stored card while fields
/// are merged (``ContactBindings`` holds them): removal leaves a hole, new properties wait beside
/// the index they follow, and ``result`` builds the list once. A property that is not replaced
/// keeps its original text, so the writer emits it byte for byte.
struct CardEditor {
    private var slots: [VCardProperty?]
    /// New properties to write after the stored slot at the key (-1: after all of them).
    private var inserted: [Int: [VCardProperty]] = [:]
    private var removedGroups: Set<String> = []
    private var usedGroups: Set<String>
    private(set) var changed = false

    init(_ properties: [VCardProperty]) {
        slots = properties
        usedGroups = Set(properties.compactMap { $0.group?.lowercased() })
    }

    subscript(index: Int) -> VCardProperty? {
        slots.indices.contains(index) ? slots[index] : nil
    }

    /// Replaces the property at `index` when `property` differs from it.
    mutating func replace(_ index: Int, with property: VCardProperty) {
        guard slots.indices.contains(index), let old = slots[index], old != property else { return }
        slots[index] = property
        changed = true
    }

    /// Removes the property at `index`; ``result`` then also removes its group's Apple
    /// decorations (X-ABLabel, X-ABADR) if nothing else is left in the group.
    mutating func remove(_ index: Int) {
        guard slots.indices.contains(index), let old = slots[index] else { return }
        slots[index] = nil
        if let group = old.group { removedGroups.insert(group.lowercased()) }
        changed = true
    }

    /// Adds `property` after the last property (stored or added) named one of `names`, trying
    /// them in order, or at the end of the card. In a card that had no properties (an Add) only
    /// the first name is tried, so that new properties follow the order they are added in.
    mutating func insert(_ property: VCardProperty, after names: [String]) {
        insert([property], after: names)
    }

    /// Adds `properties` together, as ``insert(_:after:)`` adds one: a group stays in one piece.
    mutating func insert(_ properties: [VCardProperty], after names: [String]) {
        guard !properties.isEmpty else { return }
        var location = (bucket: -1, offset: inserted[-1]?.count ?? 0)
        for name in slots.isEmpty ? Array(names.prefix(1)) : names {
            if let found = lastLocation(of: name) {
                location = found
                break
            }
        }
        inserted[location.bucket, default: []].insert(contentsOf: properties, at: location.offset)
        for property in properties {
            if let group = property.group { usedGroups.insert(group.lowercased()) }
        }
        changed = true
    }

    /// Where a property goes to follow the last one named `name` in the output order (each stored
    /// slot, then the properties added after it; the ones added at the end last), past the rest of
    /// that property's group.
    private func lastLocation(of name: String) -> (bucket: Int, offset: Int)? {
        if let found = Self.lastLocation(of: name, in: inserted[-1] ?? []) { return (-1, found) }
        for index in slots.indices.reversed() {
            if let found = Self.lastLocation(of: name, in: inserted[index] ?? []) { return (index, found) }
            if let property = slots[index], property.name == name {
                var end = index
                while let group = property.group?.lowercased(), inserted[end] == nil, end + 1 < slots.count,
                    slots[end + 1]?.group?.lowercased() == group
                {
                    end += 1
                }
                return (end, 0)
            }
        }
        return nil
    }

    /// The offset after the last property named `name` in `bucket` and the rest of its group.
    private static func lastLocation(of name: String, in bucket: [VCardProperty]) -> Int? {
        guard let last = bucket.lastIndex(where: { $0.name == name }) else { return nil }
        var end = last + 1
        while let group = bucket[last].group?.lowercased(), end < bucket.count, bucket[end].group?.lowercased() == group
        {
            end += 1
        }
        return end
    }

    /// A group name no property uses: `item1`, `item2`, … as Apple numbers them.
    mutating func newGroup() -> String {
        var number = 1
        while usedGroups.contains("item\(number)") { number += 1 }
        usedGroups.insert("item\(number)")
        return "item\(number)"
    }

    /// Properties that only describe another one of their group (Apple's label and country code).
    static let decorations: Set<String> = ["X-ABLABEL", "X-ABADR"]

    /// The properties in order, with the decorations of emptied groups removed.
    var result: [VCardProperty] {
        var output: [VCardProperty] = []
        output.reserveCapacity(slots.count + inserted.values.reduce(0) { $0 + $1.count })
        for (index, property) in slots.enumerated() {
            if let property { output.append(property) }
            output += inserted[index] ?? []
        }
        output += inserted[-1] ?? []
        guard !removedGroups.isEmpty else { return output }
        let kept = Set(output.filter { !Self.decorations.contains($0.name) }.compactMap { $0.group?.lowercased() })
        return output.filter { property in
            guard let group = property.group?.lowercased(), removedGroups.contains(group) else { return true }
            return kept.contains(group) || !Self.decorations.contains(property.name)
        }
    }
}
