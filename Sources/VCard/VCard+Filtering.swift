extension VCard {
    /// A copy with only the properties named (case-insensitive) kept, for `address-data`
    /// with `prop` elements (RFC 6352 §10.4.2). BEGIN, END and VERSION are always written.
    /// Kept properties keep their text as read.
    public func filtered(keeping names: some Sequence<String>) -> VCard {
        filtered(keeping: names.map { VCardPropertyRequest(name: $0) })
    }

    /// As the variant taking names, with `novalue` honoured: such a property is written with
    /// its name and parameters and an empty value. A name asked for both with and without
    /// `novalue` keeps its value.
    public func filtered(keeping requests: [VCardPropertyRequest]) -> VCard {
        var noValue: [String: Bool] = [:]
        for request in requests { noValue[request.name] = (noValue[request.name] ?? true) && request.noValue }
        let kept = properties.filter { noValue[$0.name] != nil }
        if kept.count == properties.count, !kept.contains(where: { noValue[$0.name] == true }) { return self }
        var copy = self
        copy.properties = kept.map { property in
            guard noValue[property.name] == true else { return property }
            var emptied = property
            emptied.value = ""
            return emptied
        }
        return copy
    }
}
