extension VCardProperty {
    /// The first parameter called `name` (case-insensitive).
    public func parameter(_ name: String) -> VCardParameter? {
        let wanted = name.uppercased()
        return parameters.first { $0.name == wanted }
    }

    /// The values of every parameter called `name`, in order: `TYPE=work;TYPE=voice` and
    /// `TYPE=work,voice` both give `["work", "voice"]`.
    public func parameterValues(_ name: String) -> [String] {
        let wanted = name.uppercased()
        return parameters.filter { $0.name == wanted }.flatMap(\.values)
    }

    /// Replaces the parameters called `name` by one with `values`, where the first one was
    /// (appended when there was none); an empty `values` removes them.
    public mutating func setParameter(_ name: String, values: [String]) {
        let wanted = name.uppercased()
        // No parameter before the first `name` is removed, so its index is the same in `kept`.
        let position = parameters.firstIndex { $0.name == wanted }
        var kept = parameters.filter { $0.name != wanted }
        if !values.isEmpty {
            kept.insert(VCardParameter(name: wanted, values: values), at: position ?? kept.count)
        }
        parameters = kept
    }

    /// Removes every parameter called `name`.
    public mutating func removeParameter(_ name: String) {
        let wanted = name.uppercased()
        guard parameters.contains(where: { $0.name == wanted }) else { return }
        parameters.removeAll { $0.name == wanted }
    }

    /// The TYPE values, lower-cased, each list split at commas (a quoted `TYPE="work,voice"`
    /// included) and trimmed: `["work", "voice", "pref"]`.
    public var types: [String] {
        parameterValues("TYPE").flatMap { $0.split(separator: ",") }.map { $0.lowercased().trimmingSpaces }
            .map(String.init).filter { !$0.isEmpty }
    }

    /// Replaces the TYPE parameters by one with `types`.
    public mutating func setTypes(_ types: [String]) {
        setParameter("TYPE", values: types)
    }

    /// The preference (1 is most preferred): PREF (RFC 6350 §5.3), or 1 for a 3.0
    /// `TYPE=pref` (RFC 2426 §3.3.1); nil when neither is present or PREF is not 1–100.
    public var preference: Int? {
        if let text = parameter("PREF")?.values.first {
            guard let number = Int(text.trimmingSpaces), (1...100).contains(number) else { return nil }
            return number
        }
        return types.contains("pref") ? 1 : nil
    }

    /// Whether this is the most preferred of its kind (PREF=1 or TYPE=pref).
    public var isPreferred: Bool { preference == 1 }

    /// The VALUE parameter, lower-cased (`uri`, `text`, `date`, …).
    public var valueType: String? {
        parameter("VALUE")?.values.first.map { $0.lowercased() }
    }
}
