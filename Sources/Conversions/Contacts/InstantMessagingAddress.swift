import VCard

/// IMPP values (RFC 6350 §6.4.3, RFC 4770) and the 3.0 X-AIM, X-JABBER, … properties as the
/// `IMAddress` fields show them: without a well-known URI scheme, which a Change keeps.
enum InstantMessagingAddress {
    /// The address a phone is sent: the value without a scheme of
    /// ``ContactPropertyRules/instantMessagingSchemes``.
    static func shown(_ property: VCardProperty) -> String {
        let value = raw(property)
        guard let scheme = scheme(of: value), ContactPropertyRules.instantMessagingSchemes.contains(scheme) else {
            return value
        }
        return String(value.dropFirst(scheme.utf8.count + 1))
    }

    /// The stored value: an IMPP URI as written, the text of the others.
    static func raw(_ property: VCardProperty) -> String {
        guard property.name == "IMPP" else { return property.text }
        let value = Substring(property.decodedValue).drop { $0 == " " || $0 == "\t" }
        return String(value.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// The value a client's `text` gives a stored property: unchanged when `text` is what it shows,
    /// else `text`, with the stored scheme when `text` has none.
    static func value(_ text: String, replacing property: VCardProperty) -> String {
        let old = raw(property)
        if text == old || text == shown(property) { return old }
        guard property.name == "IMPP", scheme(of: text) == nil else { return text }
        let oldScheme = scheme(of: old) ?? ContactPropertyRules.defaultInstantMessagingScheme
        return oldScheme + ":" + text
    }

    /// A new IMPP value: `text`, given the generic `im:` scheme when it has none.
    static func newValue(_ text: String) -> String {
        scheme(of: text) == nil ? ContactPropertyRules.defaultInstantMessagingScheme + ":" + text : text
    }

    /// The lower-cased URI scheme of `value` (RFC 3986 §3.1: a letter, then letters, digits, `+`,
    /// `-`, `.`), at most 16 characters; nil when it has none.
    static func scheme(of value: String) -> String? {
        guard let colon = value.firstIndex(of: ":") else { return nil }
        let scheme = value[..<colon]
        let scalars = scheme.unicodeScalars
        guard let first = scalars.first, isLetter(first), scalars.count <= 16,
            scalars.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        return scheme.lowercased()
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
