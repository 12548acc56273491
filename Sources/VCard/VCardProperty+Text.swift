extension VCardProperty {
    /// The value with its transfer encoding removed (still backslash-escaped): quoted-printable
    /// decoded (RFC 2045 §6.7) through the CHARSET parameter, or base64 decoded as text for a
    /// text property (FN, NOTE, N, ADR, …) sent that way; other base64 values are left as they are. Without CHARSET, decoded bytes read as UTF-8 when they are
    /// UTF-8, and as Windows-1252 otherwise.
    public var decodedValue: String {
        switch transferEncoding {
        case .quotedPrintable:
            return Self.normalizingLineBreaks(decodeCharset(QuotedPrintable.decode(value)))
        case .base64 where PropertyKinds.isTextual(name):
            guard let bytes = Base64.decode(value) else { return value }
            return decodeCharset(bytes)
        default:
            return value
        }
    }

    /// A single text value with escapes resolved (RFC 6350 §3.4): `FN`, `NOTE`, `TITLE`, ….
    public var text: String {
        TextEscaping.unescape(decodedValue)
    }

    /// A comma-separated list of text values (RFC 6350 §4.1 `text-list`): `CATEGORIES`,
    /// `NICKNAME`.
    public var textList: [String] {
        TextEscaping.split(decodedValue, on: ASCII.comma)
    }

    /// A structured value (RFC 6350 §3.3 `component`): fields separated by `;`, each field a
    /// list separated by `,`, escapes resolved. `N:Doe;John;Q.,R.;;` gives
    /// `[["Doe"], ["John"], ["Q.", "R."], [""], [""]]`.
    public var components: [[String]] {
        TextEscaping.components(decodedValue)
    }

    /// The fields of a value separated by `;` only, commas kept as text: ORG (RFC 6350 §6.6.4),
    /// whose units are not lists.
    public var fields: [String] {
        TextEscaping.split(decodedValue, on: ASCII.semicolon)
    }

    /// Sets a single text value, escaped; any transfer encoding and CHARSET are removed.
    public mutating func setText(_ text: String) {
        setRawValue(TextEscaping.escape(text))
    }

    /// Sets a text list, each item escaped.
    public mutating func setTextList(_ list: [String]) {
        setRawValue(list.map(TextEscaping.escape).joined(separator: ","))
    }

    /// Sets a structured value: fields joined with `;`, list items with `,`, each escaped.
    public mutating func setComponents(_ components: [[String]]) {
        setRawValue(TextEscaping.joinComponents(components))
    }

    /// Sets fields separated by `;` (ORG), each escaped.
    public mutating func setFields(_ fields: [String]) {
        setRawValue(fields.map(TextEscaping.escape).joined(separator: ";"))
    }

    /// A property with a text value, escaped.
    public init(group: String? = nil, name: String, parameters: [VCardParameter] = [], text: String) {
        self.init(group: group, name: name, parameters: parameters, value: TextEscaping.escape(text))
    }

    /// A property with a structured value (N, ADR), escaped.
    public init(group: String? = nil, name: String, parameters: [VCardParameter] = [], components: [[String]]) {
        self.init(group: group, name: name, parameters: parameters, value: TextEscaping.joinComponents(components))
    }

    /// Sets `value` to plain (not transfer-encoded) text.
    mutating func setRawValue(_ raw: String) {
        removeParameter("ENCODING")
        removeParameter("CHARSET")
        value = raw
    }

    enum TransferEncoding {
        case quotedPrintable
        case base64
    }

    /// The transfer encoding the ENCODING parameter names (RFC 2426 §5.8.4 `b`; vCard 2.1
    /// `BASE64` and `QUOTED-PRINTABLE`); nil for none, `8BIT` and `7BIT`.
    var transferEncoding: TransferEncoding? {
        guard let encoding = parameter("ENCODING")?.values.first?.uppercased() else { return nil }
        switch encoding {
        case "QUOTED-PRINTABLE": return .quotedPrintable
        case "B", "BASE64": return .base64
        default: return nil
        }
    }

    /// ``decodedValue`` with literal line breaks (from quoted-printable `=0D=0A`) written as
    /// `\n`: the value as 3.0 and 4.0 write it.
    var decodedEscapedValue: String {
        let decoded = decodedValue
        guard decoded.utf8.contains(ASCII.lineFeed) else { return decoded }
        return decoded.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
    }

    /// CRLF and lone CR become LF.
    private static func normalizingLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(ASCII.carriageReturn) else { return text }
        var output: [UInt8] = []
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == ASCII.carriageReturn {
                output.append(ASCII.lineFeed)
            } else if byte != ASCII.lineFeed || !previousWasCR {
                output.append(byte)
            }
            previousWasCR = byte == ASCII.carriageReturn
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func decodeCharset(_ bytes: [UInt8]) -> String {
        if let name = parameter("CHARSET")?.values.first, let charset = Charset(name: name) {
            return charset.decode(bytes)
        }
        return Charset.decodeGuessing(bytes)
    }
}
