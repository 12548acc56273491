/// E-mail addresses as EAS clients send them: `"Name" <addr>`, `Name <addr>`, `<addr>` or the
/// bare address (MS-ASCNTC 2.2.2.27 allows the RFC 5322 forms); the store keeps the bare one.
enum EmailAddress {
    /// The address inside the last `<…>`, else the text without a `mailto:` scheme; trimmed.
    static func bare(_ text: String) -> String {
        var value = Substring(text)
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            value = value[value.index(after: open)..<close]
        }
        value = value.drop { $0.isWhitespace }
        while value.last?.isWhitespace == true { value = value.dropLast() }
        if value.utf8.count >= 7, value.prefix(7).lowercased() == "mailto:" { value = value.dropFirst(7) }
        return String(value)
    }
}
