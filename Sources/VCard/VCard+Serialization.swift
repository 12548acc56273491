extension VCard {
    /// The card as vCard text in its ``version``: CRLF line ends, BEGIN, VERSION, the
    /// properties, END. Properties read and not modified are written as they were read;
    /// the others are generated and folded at 75 octets. An unmodified parsed card comes
    /// back byte for byte, line ends aside.
    public var serialized: String {
        String(decoding: serializedBytes, as: UTF8.self)
    }

    /// ``serialized`` as UTF-8 bytes.
    public var serializedBytes: [UInt8] {
        var output: [UInt8] = []
        write(into: &output)
        return output
    }

    /// Several cards one after the other, as an export file holds them.
    public static func serialize(_ cards: [VCard]) -> String {
        var output: [UInt8] = []
        for card in cards { card.write(into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    func write(into output: inout [UInt8]) {
        if let layout {
            writeLine(layout.begin, into: &output)
            for (index, property) in properties.enumerated() {
                if index == layout.versionIndex { writeLine(layout.version, into: &output) }
                property.write(version: version, into: &output)
            }
            if layout.versionIndex >= properties.count { writeLine(layout.version, into: &output) }
            writeLine(layout.end, into: &output)
        } else {
            writeLine("BEGIN:VCARD", into: &output)
            writeLine("VERSION:" + version.rawValue, into: &output)
            for property in properties { property.write(version: version, into: &output) }
            writeLine("END:VCARD", into: &output)
        }
    }

    private func writeLine(_ text: String, into output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
        output.append(ASCII.carriageReturn)
        output.append(ASCII.lineFeed)
    }
}

extension VCardProperty {
    /// The unfolded content line this property is written as in `version` when it is not
    /// written verbatim: `[group "."] name *(";" param) ":" value`.
    public func contentLine(for version: VCardVersion) -> String {
        String(decoding: generated(for: version), as: UTF8.self)
    }

    func write(version: VCardVersion, into output: inout [UInt8]) {
        if let original {
            output.append(contentsOf: original.utf8)
            output.append(ASCII.carriageReturn)
            output.append(ASCII.lineFeed)
        } else {
            LineFolder.fold(generated(for: version), into: &output)
        }
    }

    private func generated(for version: VCardVersion) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(name.utf8.count + value.utf8.count + 16)
        if let group, !group.isEmpty {
            line.append(contentsOf: Self.nameBytes(group))
            line.append(ASCII.period)
        }
        line.append(contentsOf: Self.nameBytes(name))
        for parameter in parameters {
            line.append(ASCII.semicolon)
            line.append(contentsOf: Self.nameBytes(parameter.name))
            line.append(ASCII.equals)
            for (index, value) in parameter.values.enumerated() {
                if index > 0 { line.append(ASCII.comma) }
                ParameterEncoding.encode(value, version: version, into: &line)
            }
        }
        line.append(ASCII.colon)
        // A raw value set in code may hold line breaks or control characters; the line
        // must still read back as one content line.
        var previousWasCR = false
        for byte in value.utf8 {
            defer { previousWasCR = byte == ASCII.carriageReturn }
            if byte == ASCII.carriageReturn || byte == ASCII.lineFeed {
                if byte == ASCII.lineFeed, previousWasCR { continue }
                line.append(ASCII.backslash)
                line.append(UInt8(ascii: "n"))
            } else if !ASCII.isForbiddenControl(byte) {
                line.append(byte)
            }
        }
        return line
    }

    /// A name or group as it may be written: characters outside the name set are dropped,
    /// so that a name set in code cannot break the line's syntax.
    private static func nameBytes(_ name: String) -> [UInt8] {
        let bytes = name.utf8.filter(ASCII.isNameByte)
        return bytes.isEmpty ? Array("X-INVALID".utf8) : bytes
    }
}
