/// Splits input bytes into logical content lines.
///
/// - A physical line ends at CRLF, bare LF or bare CR.
/// - A line starting with SPACE or HTAB continues the previous one; the one whitespace
///   character is removed (RFC 6350 §3.2, RFC 2426 §5.8.1).
/// - In a property whose parameters say QUOTED-PRINTABLE (vCard 2.1, and 3.0 from older
///   clients), a line ending in `=` is a soft line break (RFC 2045 §6.7 rule 5): the `=` is
///   dropped and the next physical line is joined as it is, unless that line is END:VCARD.
/// - Blank lines are skipped. A UTF-8 byte order mark at the start is skipped.
///
/// One pass over the input: each byte is looked at a bounded number of times.
struct LineUnfolder {
    let limits: VCardLimits

    func unfold(_ input: [UInt8]) throws(VCardError) -> [LogicalLine] {
        var lines: [LogicalLine] = []
        var current: LogicalLine?
        var currentIsQuotedPrintable = false
        var physicalCount = 0
        var start = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < input.count {
            var end = start
            while end < input.count, input[end] != ASCII.lineFeed, input[end] != ASCII.carriageReturn { end += 1 }
            var next = end
            if end < input.count {
                next =
                    input[end] == ASCII.carriageReturn && end + 1 < input.count && input[end + 1] == ASCII.lineFeed
                    ? end + 2 : end + 1
            }
            physicalCount += 1
            guard physicalCount <= limits.maxLines else {
                throw .limitExceeded(what: "lines", limit: limits.maxLines, line: physicalCount)
            }
            let content = start..<end
            start = next

            if var line = current, currentIsQuotedPrintable, line.bytes.last == ASCII.equals,
                !ASCII.equalsIgnoringCase(input, content, "END:VCARD")
            {
                // Quoted-printable soft line break: drop the "=", join the next line verbatim.
                current = nil
                line.bytes.removeLast()
                try append(input[content], to: &line)
                line.physical.continuations.append(content)
                current = line
            } else if let first = content.first, input[first] == ASCII.space || input[first] == ASCII.tab {
                guard var line = current else {
                    if input[content].allSatisfy({ $0 == ASCII.space || $0 == ASCII.tab }) { continue }
                    throw .malformed(line: physicalCount, reason: "a continuation line with no line to continue")
                }
                current = nil
                try append(input[(first + 1)..<content.upperBound], to: &line)
                line.physical.continuations.append(content)
                current = line
            } else {
                if let done = current { lines.append(done) }
                current = nil
                guard !content.isEmpty else { continue }
                var line = LogicalLine(number: physicalCount, bytes: [], physical: PhysicalSpan(first: content))
                try append(input[content], to: &line)
                currentIsQuotedPrintable = Self.declaresQuotedPrintable(input[content])
                current = line
            }
        }
        if let done = current { lines.append(done) }
        return lines
    }

    private func append(_ bytes: ArraySlice<UInt8>, to line: inout LogicalLine) throws(VCardError) {
        guard line.bytes.count + bytes.count <= limits.maxLineBytes else {
            throw .limitExceeded(what: "bytes in one content line", limit: limits.maxLineBytes, line: line.number)
        }
        line.bytes.append(contentsOf: bytes)
    }

    /// Whether the parameters (the part before the first `:` outside quotes) mention
    /// QUOTED-PRINTABLE, either as `ENCODING=QUOTED-PRINTABLE` or as a bare 2.1 parameter.
    static func declaresQuotedPrintable(_ line: ArraySlice<UInt8>) -> Bool {
        var inQuotes = false
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == ASCII.quote {
                inQuotes.toggle()
            } else if byte == ASCII.colon, !inQuotes {
                break
            }
            index += 1
        }
        return ASCII.contains(line[line.startIndex..<index], ignoringCase: "QUOTED-PRINTABLE")
    }
}
