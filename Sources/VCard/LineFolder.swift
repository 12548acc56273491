/// Line folding for output (RFC 6350 §3.2, RFC 2426 §5.8.1): lines of at most 75 octets
/// without the line break, continuation lines starting with one space, CRLF line ends.
enum LineFolder {
    static let maxOctets = 75

    /// Appends `line` folded, with CRLF after each physical line.
    ///
    /// A fold never splits a UTF-8 sequence, and never leaves `=` at the end of a physical
    /// line, which a reader of a quoted-printable value would take for a soft line break.
    static func fold(_ line: [UInt8], into output: inout [UInt8]) {
        var start = 0
        var limit = maxOctets
        while line.count - start > limit {
            var cut = start + limit
            while cut > start + 1, line[cut] & 0xC0 == 0x80 { cut -= 1 }
            if cut > start + 1, line[cut - 1] == ASCII.equals { cut -= 1 }
            output.append(contentsOf: line[start..<cut])
            output.append(ASCII.carriageReturn)
            output.append(ASCII.lineFeed)
            output.append(ASCII.space)
            start = cut
            limit = maxOctets - 1
        }
        output.append(contentsOf: line[start...])
        output.append(ASCII.carriageReturn)
        output.append(ASCII.lineFeed)
    }
}
