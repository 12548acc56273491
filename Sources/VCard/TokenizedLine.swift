/// A content line split into its parts (RFC 6350 §3.3), before version-dependent decoding.
struct TokenizedLine {
    /// One parameter as written: quotes removed, RFC 6868 carets not yet decoded.
    struct Parameter {
        /// Upper-cased; nil for a bare vCard 2.1 parameter such as the `WORK` of `TEL;WORK:`.
        var name: String?
        var values: [String]
    }

    var number: Int
    var group: String?
    /// Upper-cased.
    var name: String
    var parameters: [Parameter]
    var value: String
    /// The value was not UTF-8 and was decoded through its CHARSET parameter.
    var transcoded = false

    /// BEGIN:VCARD (RFC 6350 §6.1.1; names and this value are case-insensitive).
    var isBegin: Bool { name == "BEGIN" && isVCARD }
    /// END:VCARD (RFC 6350 §6.1.2).
    var isEnd: Bool { name == "END" && isVCARD }

    private var isVCARD: Bool {
        value.utf8.count < 16 && value.trimmingSpaces.uppercased() == "VCARD"
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var slice = self[startIndex..<endIndex]
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
