/// A value of an XML property list (Apple's PropertyList-1.0 DTD), written with dictionary keys in sorted
/// order so the same values always give the same bytes.
enum PropertyList: Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([PropertyList])
    case dictionary([String: PropertyList])

    static let doctype =
        #"<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">"#

    /// The whole document: declaration, document type, `<plist version="1.0">` around this value.
    var document: [UInt8] {
        var writer = MarkupWriter(doctype: Self.doctype)
        writer.start("plist", [("version", "1.0")])
        write(to: &writer)
        return writer.bytes
    }

    private func write(to writer: inout MarkupWriter) {
        switch self {
        case .string(let value): writer.element("string", value)
        case .integer(let value): writer.element("integer", String(value))
        case .boolean(let value): writer.empty(value ? "true" : "false")
        case .array(let values):
            writer.start("array")
            for value in values { value.write(to: &writer) }
            writer.end()
        case .dictionary(let entries):
            writer.start("dict")
            for key in entries.keys.sorted() {
                writer.element("key", key)
                entries[key]!.write(to: &writer)
            }
            writer.end()
        }
    }
}
