extension WBXMLDecoder {
    /// Decodes header fields and body tokens while whole ones are in the buffer.
    mutating func decodeAvailable() throws(WBXMLError) {
        while true {
            switch phase {
            case .version:
                guard position < buffer.count else { return }
                let version = buffer[position]
                guard version == WBXMLToken.version else {
                    throw WBXMLError(.unsupportedVersion(version), at: offset(position))
                }
                position += 1
                phase = .publicID
            case .publicID:
                let start = offset(position)
                guard let id = try readInteger() else { return }
                // WBXML 1.3 §5.5: 0 would name the public identifier through the string table.
                guard id == WBXMLToken.publicIDUnknown else { throw WBXMLError(.unsupportedPublicID(id), at: start) }
                phase = .charset
            case .charset:
                let start = offset(position)
                guard let charset = try readInteger() else { return }
                guard charset == WBXMLToken.charsetUTF8 else {
                    throw WBXMLError(.unsupportedCharset(charset), at: start)
                }
                phase = .stringTableLength
            case .stringTableLength:
                guard let length = try readInteger() else { return }
                phase = length == 0 ? .body : .stringTable(length: Int(length))
            case .stringTable(let length):
                guard buffer.count - position >= length else { return }
                stringTable = WBXMLStringTable(Array(buffer[position..<position + length]))
                position += length
                phase = .body
            case .body:
                guard position < buffer.count, try decodeToken() else { return }
            }
        }
    }

    /// Reads an mb_u_int32 at `position` and moves past it; nil when it is not all here yet.
    private mutating func readInteger() throws(WBXMLError) -> UInt32? {
        switch try MultiByteInteger.read(buffer, at: position, offset: offset(position)) {
        case .value(let value, let length):
            position += length
            return value
        case .needMore:
            return nil
        }
    }
}

/// The string table of WBXML 1.3 §5.7: NUL-terminated UTF-8 strings that STR_T tokens name by
/// byte offset. EAS bodies send it empty; a non-empty one is honoured.
struct WBXMLStringTable: Sendable {
    let bytes: [UInt8]
    /// For each offset, the index of the next NUL at or after it (−1 when none), so that each
    /// reference costs its own length, not a scan of the table.
    private let nextNull: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var nextNull = [Int](repeating: -1, count: bytes.count)
        var next = -1
        for index in bytes.indices.reversed() {
            if bytes[index] == 0 { next = index }
            nextNull[index] = next
        }
        self.nextNull = nextNull
    }

    /// The string at a byte offset, or nil when the offset is past the table or the entry has no NUL.
    func entry(at index: UInt32) -> ArraySlice<UInt8>? {
        guard Int(index) < bytes.count else { return nil }
        let end = nextNull[Int(index)]
        guard end >= 0 else { return nil }
        return bytes[Int(index)..<end]
    }
}
