/// Reads RFC 5545 text into a component tree: unfolding (§3.1), content lines with
/// parameters (§3.2, RFC 6868 `^` escapes), BEGIN/END nesting (§3.4, §3.6).
/// Bounded by ``ICalendarLimits``; never traps on any input.
struct ContentLineParser {
    let limits: ICalendarLimits

    /// Parses the whole text; the result is the single top-level component.
    func parse(_ text: String) throws(ICalendarError) -> ICalendarComponent {
        let bytes = text.utf8.count
        guard bytes <= limits.maxBytes else { throw .tooLarge(bytes: bytes, limit: limits.maxBytes) }
        let lines = try unfold(text)
        var stack: [ICalendarComponent] = []
        var root: ICalendarComponent?
        var componentCount = 0
        for (number, line) in lines {
            let property: ICalendarProperty
            do {
                property = try contentLine(line, number: number)
            } catch {
                throw root == nil && stack.isEmpty ? .notVCALENDAR : error
            }
            switch property.name {
            case "BEGIN":
                let name = property.value.uppercased()
                guard isName(name) else { throw .malformed("line \(number): bad component name \"\(property.value)\"") }
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

    /// Splits on LF (CRLF or bare LF), joins folded lines (§3.1), drops blank lines.
    /// Returns each logical line with the number of its first physical line.
    private func unfold(_ text: String) throws(ICalendarError) -> [(Int, Substring)] {
        var result: [(Int, Substring)] = []
        var physical = 0
        var folded: (Int, String)?
        // "\r\n" is one Character in Swift: split on any newline Character (CRLF, LF, lone CR).
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            physical += 1
            guard physical <= limits.maxLines else { throw .limitExceeded(what: "lines", limit: limits.maxLines) }
            var line = raw
            if line.last == "\r" { line = line.dropLast() }
            for scalar in line.unicodeScalars where scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F {
                throw .malformed(
                    "line \(physical): control character U+\(String(scalar.value, radix: 16, uppercase: true))")
            }
            if let first = line.first, first == " " || first == "\t" {
                guard folded != nil else {
                    throw .malformed("line \(physical): continuation without a line to continue")
                }
                folded!.1 += line.dropFirst()
                continue
            }
            if let done = folded, !done.1.isEmpty { result.append((done.0, Substring(done.1))) }
            folded = (physical, String(line))
        }
        if let done = folded, !done.1.isEmpty { result.append((done.0, Substring(done.1))) }
        return result
    }

    /// `name *(";" param) ":" value` (§3.1).
    private func contentLine(_ line: Substring, number: Int) throws(ICalendarError) -> ICalendarProperty {
        var index = line.startIndex
        while index < line.endIndex, line[index] != ";", line[index] != ":" { index = line.index(after: index) }
        let name = line[line.startIndex..<index].uppercased()
        guard isName(name) else { throw .malformed("line \(number): bad property name \"\(line.prefix(40))\"") }
        var parameters: [ICalendarParameter] = []
        while index < line.endIndex, line[index] == ";" {
            index = line.index(after: index)
            let nameStart = index
            while index < line.endIndex, line[index] != "=" { index = line.index(after: index) }
            let parameterName = line[nameStart..<index].uppercased()
            guard index < line.endIndex, isName(parameterName) else {
                throw .malformed("line \(number): bad parameter in \(name)")
            }
            index = line.index(after: index)
            var values: [String] = []
            while true {
                if index < line.endIndex, line[index] == "\"" {
                    let start = line.index(after: index)
                    guard let close = line[start...].firstIndex(of: "\"") else {
                        throw .malformed("line \(number): unterminated quoted parameter value in \(name)")
                    }
                    values.append(Self.decodeCaret(line[start..<close]))
                    index = line.index(after: close)
                } else {
                    let start = index
                    while index < line.endIndex, line[index] != ";", line[index] != ":", line[index] != "," {
                        index = line.index(after: index)
                    }
                    values.append(Self.decodeCaret(line[start..<index]))
                }
                guard index < line.endIndex, line[index] == "," else { break }
                index = line.index(after: index)
            }
            parameters.append(ICalendarParameter(name: parameterName, values: values))
            guard parameters.count <= limits.maxParametersPerProperty else {
                throw .limitExceeded(what: "parameters on one property", limit: limits.maxParametersPerProperty)
            }
        }
        guard index < line.endIndex, line[index] == ":" else {
            throw .malformed("line \(number): \(name) has no ':'")
        }
        let raw = String(line[line.index(after: index)...])
        var property = ICalendarProperty(name: name, value: raw, parameters: parameters)
        if property.isText { property.value = Self.unescapeText(raw) }
        return property
    }

    /// iana-token / x-name (§3.1): letters, digits and '-'.
    private func isName(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy {
                $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A)
            }
    }

    /// RFC 6868: `^n` newline, `^^` caret, `^'` double quote.
    static func decodeCaret(_ value: Substring) -> String {
        guard value.contains("^") else { return String(value) }
        var result = ""
        var iterator = value.makeIterator()
        while let character = iterator.next() {
            guard character == "^" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "n": result.append("\n")
            case "^": result.append("^")
            case "'": result.append("\"")
            case let other?:
                result.append("^")
                result.append(other)
            case nil: result.append("^")
            }
        }
        return result
    }

    /// TEXT unescaping (§3.3.11): `\\` `\;` `\,` `\n` `\N`; an unknown escape is kept as written.
    static func unescapeText(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var result = ""
        var iterator = value.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "n", "N": result.append("\n")
            case "\\": result.append("\\")
            case ";": result.append(";")
            case ",": result.append(",")
            case let other?:
                result.append("\\")
                result.append(other)
            case nil: result.append("\\")
            }
        }
        return result
    }
}
