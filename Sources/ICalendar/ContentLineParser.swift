/// Reads RFC 5545 text into a component tree: unfolding (§3.1), content lines with
/// parameters (§3.2, RFC 6868 `^` escapes), BEGIN/END nesting (§3.4, §3.6).
/// Bounded by ``ICalendarLimits``; never traps on any input.
struct ContentLineParser {
    let limits: ICalendarLimits

    /// Parses the whole text; the result is the single top-level component.
    func parse(_ text: String) throws(ICalendarError) -> ICalendarComponent {
        let bytes = text.utf8.count
        guard bytes <= limits.maxBytes else { throw .tooLarge(bytes: bytes, limit: limits.maxBytes) }
        let utf8 = Array(text.utf8)
        let lines = try unfold(utf8)
        var stack: [ICalendarComponent] = []
        var root: ICalendarComponent?
        var componentCount = 0
        for line in lines {
            let number = line.number
            let property: ICalendarProperty
            do {
                property =
                    try line.folded.isEmpty
                    ? contentLine(utf8[line.range], number: number) : contentLine(line.folded[...], number: number)
            } catch {
                throw root == nil && stack.isEmpty ? .notVCALENDAR : error
            }
            switch property.name {
            case "BEGIN":
                let name = property.value.uppercased()
                guard Self.isName(name.utf8) else {
                    throw .malformed("line \(number): bad component name \"\(property.value)\"")
                }
                if stack.isEmpty {
                    guard name == "VCALENDAR" else { throw .notVCALENDAR }
                    guard root == nil else { throw .malformed("line \(number): a second VCALENDAR") }
                }
                componentCount += 1
                guard componentCount <= limits.maxComponents else {
                    throw .limitExceeded(what: "components", limit: limits.maxComponents)
                }
                guard stack.count < limits.maxDepth else {
                    throw .limitExceeded(what: "levels of nesting", limit: limits.maxDepth)
                }
                stack.append(ICalendarComponent(name: name))
            case "END":
                let name = property.value.uppercased()
                guard let open = stack.popLast() else {
                    throw root == nil
                        ? .notVCALENDAR : .malformed("line \(number): END:\(property.value) outside any component")
                }
                guard open.name == name else {
                    throw .malformed("line \(number): END:\(property.value) closes BEGIN:\(open.name)")
                }
                if stack.isEmpty {
                    root = open
                } else {
                    stack[stack.count - 1].components.append(open)
                }
            default:
                guard !stack.isEmpty else {
                    throw root == nil ? .notVCALENDAR : .malformed("line \(number): content after END:VCALENDAR")
                }
                guard stack[stack.count - 1].properties.count < limits.maxPropertiesPerComponent else {
                    throw .limitExceeded(what: "properties in one component", limit: limits.maxPropertiesPerComponent)
                }
                stack[stack.count - 1].properties.append(property)
            }
        }
        if let open = stack.last { throw .malformed("BEGIN:\(open.name) is never closed") }
        guard let root else { throw .notVCALENDAR }
        return root
    }

    /// One logical line: the number of its first physical line and its bytes, either a range of
    /// the input (not folded) or the joined continuation lines (`folded` not empty).
    private struct LogicalLine {
        let number: Int
        var range: Range<Int>
        var folded: [UInt8] = []
    }

    /// Splits on CRLF, bare LF or lone CR, joins folded lines (§3.1), drops blank lines.
    /// Works on bytes: every delimiter is ASCII, and a fold may split a multi-byte character.
    private func unfold(_ bytes: [UInt8]) throws(ICalendarError) -> [LogicalLine] {
        var result: [LogicalLine] = []
        var physical = 0
        var current: LogicalLine?
        var start = 0
        let count = bytes.count
        while start < count || (start == count && physical == 0) {
            var end = start
            while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            var next = end + 1
            if end < count, bytes[end] == 0x0D, next < count, bytes[next] == 0x0A { next += 1 }
            physical += 1
            guard physical <= limits.maxLines else { throw .limitExceeded(what: "lines", limit: limits.maxLines) }
            for index in start..<end {
                let byte = bytes[index]
                if byte < 0x20 && byte != 0x09 || byte == 0x7F {
                    throw .malformed(
                        "line \(physical): control character U+\(String(byte, radix: 16, uppercase: true))")
                }
            }
            if start < end, bytes[start] == 0x20 || bytes[start] == 0x09 {
                guard var line = current else {
                    throw .malformed("line \(physical): continuation without a line to continue")
                }
                if line.folded.isEmpty { line.folded = Array(bytes[line.range]) }
                line.folded += bytes[(start + 1)..<end]
                current = line
            } else {
                if let done = current, !(done.range.isEmpty && done.folded.isEmpty) { result.append(done) }
                current = LogicalLine(number: physical, range: start..<end)
            }
            start = next
        }
        if let done = current, !(done.range.isEmpty && done.folded.isEmpty) { result.append(done) }
        return result
    }

    /// `name *(";" param) ":" value` (§3.1).
    private func contentLine(_ line: ArraySlice<UInt8>, number: Int) throws(ICalendarError) -> ICalendarProperty {
        let semicolon = UInt8(ascii: ";")
        let colon = UInt8(ascii: ":")
        let comma = UInt8(ascii: ",")
        let quote = UInt8(ascii: "\"")
        var index = line.startIndex
        while index < line.endIndex, line[index] != semicolon, line[index] != colon { index += 1 }
        let name = Self.upperASCII(line[line.startIndex..<index])
        guard Self.isName(name.utf8) else {
            throw .malformed("line \(number): bad property name \"\(Self.text(line.prefix(40)))\"")
        }
        var parameters: [ICalendarParameter] = []
        while index < line.endIndex, line[index] == semicolon {
            index += 1
            let nameStart = index
            while index < line.endIndex, line[index] != UInt8(ascii: "=") { index += 1 }
            let parameterName = Self.upperASCII(line[nameStart..<index])
            guard index < line.endIndex, Self.isName(parameterName.utf8) else {
                throw .malformed("line \(number): bad parameter in \(name)")
            }
            index += 1
            var values: [String] = []
            while true {
                if index < line.endIndex, line[index] == quote {
                    let start = index + 1
                    guard let close = line[start...].firstIndex(of: quote) else {
                        throw .malformed("line \(number): unterminated quoted parameter value in \(name)")
                    }
                    values.append(Self.decodeCaret(Self.text(line[start..<close])[...]))
                    index = close + 1
                } else {
                    let start = index
                    while index < line.endIndex, line[index] != semicolon, line[index] != colon, line[index] != comma {
                        index += 1
                    }
                    values.append(Self.decodeCaret(Self.text(line[start..<index])[...]))
                }
                guard index < line.endIndex, line[index] == comma else { break }
                index += 1
            }
            parameters.append(ICalendarParameter(name: parameterName, values: values))
            guard parameters.count <= limits.maxParametersPerProperty else {
                throw .limitExceeded(what: "parameters on one property", limit: limits.maxParametersPerProperty)
            }
        }
        guard index < line.endIndex, line[index] == colon else {
            throw .malformed("line \(number): \(name) has no ':'")
        }
        let raw = Self.text(line[(index + 1)...])
        var property = ICalendarProperty(name: name, value: raw, parameters: parameters)
        if property.isText { property.value = Self.unescapeText(raw) }
        return property
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Names are ASCII; other bytes are kept (and then refused by ``isName(_:)``).
    private static func upperASCII(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// iana-token / x-name (§3.1): letters, digits and '-' (upper-cased).
    private static func isName(_ name: String.UTF8View) -> Bool {
        !name.isEmpty
            && name.allSatisfy {
                $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A)
            }
    }

    /// RFC 6868: `^n` newline, `^^` caret, `^'` double quote.
    static func decodeCaret(_ value: Substring) -> String {
        replacingEscapes(in: value.utf8, escape: UInt8(ascii: "^")) { next in
            switch next {
            case UInt8(ascii: "n"): [0x0A]
            case UInt8(ascii: "^"): [UInt8(ascii: "^")]
            case UInt8(ascii: "'"): [UInt8(ascii: "\"")]
            default: nil
            }
        }
    }

    /// TEXT unescaping (§3.3.11): `\\` `\;` `\,` `\n` `\N`; an unknown escape is kept as written.
    static func unescapeText(_ value: String) -> String {
        replacingEscapes(in: value.utf8, escape: UInt8(ascii: "\\")) { next in
            switch next {
            case UInt8(ascii: "n"), UInt8(ascii: "N"): [0x0A]
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): [next]
            default: nil
            }
        }
    }

    /// Replaces two-byte escapes (`escape` then an ASCII byte) by what `decode` gives; an escape
    /// `decode` does not know, or one at the very end, stays as written. Works on UTF-8 bytes:
    /// both bytes of an escape are ASCII, so no multi-byte character is split.
    private static func replacingEscapes<Bytes: Collection<UInt8>>(
        in bytes: Bytes, escape: UInt8, decode: (UInt8) -> [UInt8]?
    ) -> String {
        guard bytes.contains(escape) else { return String(decoding: bytes, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            guard byte == escape, index < bytes.endIndex else {
                result.append(byte)
                continue
            }
            if let replacement = decode(bytes[index]) {
                result += replacement
                index = bytes.index(after: index)
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
