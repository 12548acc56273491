/// One content line of a vCard (RFC 6350 §3.3): an optional group, a name, parameters in
/// their order, and the value.
///
/// ``value`` is the value exactly as written after unfolding: backslash escapes, and any
/// quoted-printable or base64 transfer encoding, are still in it. The accessors in
/// `VCardProperty+Text.swift` and `VCardProperty+Binary.swift` decode it; their setters
/// encode it.
///
/// A parsed property remembers the physical lines it came from. Until one of its stored
/// properties is set, the writer re-emits those lines unchanged (same folding, same case,
/// same parameter spelling), so unknown and `X-` properties survive byte for byte. Equality
/// compares group, name, parameters and value only.
public struct VCardProperty: Sendable {
    /// The group (`item1` in `item1.EMAIL`), as written; groups are case-insensitive.
    public var group: String? {
        didSet { original = nil }
    }
    /// The property name, upper-cased (`EMAIL`, `X-ABLABEL`); names are case-insensitive.
    public var name: String {
        didSet {
            name = name.uppercased()
            original = nil
        }
    }
    public var parameters: [VCardParameter] {
        didSet { original = nil }
    }
    /// The raw value after unfolding; see the type's documentation.
    public var value: String {
        didSet { original = nil }
    }
    /// The physical line the property started on, or 0 for a property built in code.
    public internal(set) var line: Int = 0
    /// The physical lines it was read from, joined with CRLF; nil once modified.
    var original: String?

    public init(group: String? = nil, name: String, parameters: [VCardParameter] = [], value: String) {
        self.group = group
        self.name = name.uppercased()
        self.parameters = parameters
        self.value = value
    }

    init(parsed line: TokenizedLine, parameters: [VCardParameter], original: String?) {
        self.init(group: line.group, name: line.name, parameters: parameters, value: line.value)
        self.line = line.number
        self.original = original
    }

    /// Whether the writer will re-emit the line as it was read.
    public var isVerbatim: Bool { original != nil }

    /// Whether this property is called `name` (case-insensitive).
    public func isNamed(_ name: String) -> Bool {
        self.name == name.uppercased()
    }
}

extension VCardProperty: Equatable {
    public static func == (lhs: VCardProperty, rhs: VCardProperty) -> Bool {
        lhs.name == rhs.name && lhs.value == rhs.value && lhs.parameters == rhs.parameters
            && lhs.group?.lowercased() == rhs.group?.lowercased()
    }
}
