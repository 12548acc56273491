/// Escaping of character data (XML 1.0 §2.4) and attribute values (XML 1.0 §3.1, §3.3.3).
enum XMLEscaping {
    /// What each byte needs: 0 nothing, 1 an escape or replacement in text and attributes, 2 only in attributes,
    /// 3 the lead byte of a possible U+FFFE or U+FFFF.
    private static let table: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x09, 0x0A: 2  // attribute-value normalisation would turn them into spaces
        case 0x22: 2  // "
        case 0x0D, 0x26, 0x3C, 0x3E: 1  // CR (else normalised to LF), &, <, >
        case 0x00..<0x20: 1  // not allowed in XML 1.0 §2.2: replaced
        case 0xEF: 3
        default: 0
        }
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]  // U+FFFD

    /// Appends `string` escaped. Characters XML 1.0 §2.2 does not allow (C0 controls other than tab, LF and CR,
    /// U+FFFE, U+FFFF) become U+FFFD.
    static func append(_ string: String, attribute: Bool, to bytes: inout [UInt8]) {
        var string = string
        string.withUTF8 { utf8 in
            table.withUnsafeBufferPointer { table in
                let skipped: UInt8 = attribute ? 0 : 2
                var runStart = 0
                var index = 0
                let count = utf8.count
                while index < count {
                    let kind = table[Int(utf8[index])]
                    if kind == 0 || kind == skipped {
                        index += 1
                        continue
                    }
                    if kind == 3 {
                        // EF BF BE / EF BF BF are U+FFFE / U+FFFF.
                        guard index + 2 < count, utf8[index + 1] == 0xBF, utf8[index + 2] >= 0xBE else {
                            index += 1
                            continue
                        }
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                        bytes.append(contentsOf: replacement)
                        index += 3
                        runStart = index
                        continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    appendEscape(for: utf8[index], to: &bytes)
                    index += 1
                    runStart = index
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
            }
        }
    }

    private static func appendEscape(for byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case 0x26: bytes.append(contentsOf: "&amp;".utf8)
        case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
        case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
        case 0x22: bytes.append(contentsOf: "&quot;".utf8)
        case 0x09: bytes.append(contentsOf: "&#9;".utf8)
        case 0x0A: bytes.append(contentsOf: "&#10;".utf8)
        case 0x0D: bytes.append(contentsOf: "&#13;".utf8)
        default: bytes.append(contentsOf: replacement)
        }
    }
}
