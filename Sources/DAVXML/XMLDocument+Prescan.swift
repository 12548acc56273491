extension XMLDocument {
    /// Whether the body holds nothing but whitespace, after an optional UTF-8 byte order mark.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return false
            }
        }
        return true
    }

    /// Whether `<!DOCTYPE` or `<!ENTITY` occurs anywhere, in any letter case. NUL bytes are skipped while
    /// matching, so the UTF-16 and UTF-32 spellings are found too. A match inside CDATA or a comment refuses
    /// the body as well: WebDAV bodies never need either spelling.
    static func containsDeclaration(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), matches(bytes, after: index) { return true }
            index += 1
        }
        return false
    }

    private static let doctype = Array("!DOCTYPE".utf8)
    private static let entity = Array("!ENTITY".utf8)

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Bool {
        var doctypeMatched = 0
        var entityMatched = 0
        var doctypeAlive = true
        var entityAlive = true
        var index = start + 1
        while index < bytes.count, doctypeAlive || entityAlive {
            let byte = bytes[index]
            index += 1
            if byte == 0 { continue }
            let upper = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte
            if doctypeAlive {
                if doctype[doctypeMatched] == upper {
                    doctypeMatched += 1
                    if doctypeMatched == doctype.count { return true }
                } else {
                    doctypeAlive = false
                }
            }
            if entityAlive {
                if entity[entityMatched] == upper {
                    entityMatched += 1
                    if entityMatched == entity.count { return true }
                } else {
                    entityAlive = false
                }
            }
        }
        return false
    }
}
