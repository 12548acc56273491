/// One property parameter (RFC 6350 §5, RFC 2426 §4): a name and one or more values.
///
/// Values are held decoded: without their quotes, and in 4.0 with RFC 6868 caret escapes
/// (`^n`, `^^`, `^'`) resolved. The writer quotes and escapes them again for the version
/// it writes. A vCard 2.1 bare parameter (`TEL;WORK;VOICE:`) reads as `TYPE=WORK`,
/// `TYPE=VOICE` (or as ENCODING / VALUE for the bare encodings and value kinds of 2.1).
public struct VCardParameter: Sendable, Hashable {
    /// The parameter name, upper-cased (`TYPE`, `PREF`, `X-APPLE-OMIT-YEAR`).
    public var name: String {
        didSet { name = name.uppercased() }
    }
    /// The values in order: `TYPE=work,voice` has two. A 4.0 quoted `TYPE="work,voice"` has one
    /// (RFC 6350 §5.6 reads it that way); ``VCardProperty/types`` splits it anyway.
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name.uppercased()
        self.values = values
    }

    public init(name: String, value: String) {
        self.init(name: name, values: [value])
    }

    /// The values joined with commas.
    public var value: String { values.joined(separator: ",") }

    /// The parameter a vCard 2.1 bare token stands for (vCard 2.1 §2.1.2, §2.1.3): the
    /// encodings and value locations are named outright there; everything else is a type.
    static func bare(_ token: String) -> VCardParameter {
        VCardParameter(name: bareTokenNames[token.uppercased()] ?? "TYPE", value: token)
    }

    /// Bare vCard 2.1 tokens that are not types, with the parameter each one belongs to.
    static let bareTokenNames: [String: String] = [
        "QUOTED-PRINTABLE": "ENCODING", "BASE64": "ENCODING", "8BIT": "ENCODING", "7BIT": "ENCODING",
        "INLINE": "VALUE", "URL": "VALUE", "CONTENT-ID": "VALUE", "CID": "VALUE",
    ]
}
