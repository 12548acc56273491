/// Splits one unfolded content line into group, name, parameters and value:
///
///     contentline = [group "."] name *(";" param) ":" value    ; RFC 6350 §3.3
///     param       = param-name "=" param-value *("," param-value)
///     param-value = *SAFE-CHAR / DQUOTE *QSAFE-CHAR DQUOTE
///
/// vCard 2.1 bare parameters (`TEL;WORK;VOICE:`) are kept with no name; the builder reads them
/// as TYPE values. A value that is not UTF-8 is decoded through the line's CHARSET parameter
/// (Windows-1252 and ISO-8859-1 exports from older clients); without one it is refused.
struct ContentLineTokenizer {
    let limits: VCardLimits

    func tokenize(_ line: LogicalLine) throws(VCardError) -> TokenizedLine {
        let bytes = line.bytes
        let number = line.number
        for byte in bytes where ASCII.isForbiddenControl(byte) {
            throw .controlCharacter(byte, line: number)
        }
        var nameStart = 0
        var nameEnd = scanName(bytes, from: 0)
        guard nameEnd > 0 else {
            throw .malformed(line: number, reason: "a content line must start with a property name")
        }
        var group: String?
        if nameEnd < bytes.count, bytes[nameEnd] == ASCII.period {
            group = String(decoding: bytes[0..<nameEnd], as: UTF8.self)
            nameStart = nameEnd + 1
            nameEnd = scanName(bytes, from: nameStart)
            guard nameEnd > nameStart else {
                throw .malformed(line: number, reason: "no property name after the group \"\(group ?? "")\"")
            }
        }
        let name = ASCII.upperString(bytes, nameStart..<nameEnd)
        var index = nameEnd
        var parameters: [TokenizedLine.Parameter] = []
        while index < bytes.count, bytes[index] == ASCII.semicolon {
            guard parameters.count < limits.maxParametersPerProperty else {
                throw .limitExceeded(
                    what: "parameters on one property", limit: limits.maxParametersPerProperty, line: number)
            }
            let parameterStart = index + 1
            index = scanName(bytes, from: parameterStart)
            guard index > parameterStart else {
                throw .malformed(line: number, reason: "an empty parameter name in \(name)")
            }
            guard index < bytes.count, bytes[index] == ASCII.equals else {
                let bare = String(decoding: bytes[parameterStart..<index], as: UTF8.self)
                parameters.append(TokenizedLine.Parameter(name: nil, values: [bare]))
                continue
            }
            let parameterName = ASCII.upperString(bytes, parameterStart..<index)
            index += 1
            let values = try parameterValues(bytes, at: &index, of: parameterName, in: name, number: number)
            parameters.append(TokenizedLine.Parameter(name: parameterName, values: values))
        }
        guard index < bytes.count, bytes[index] == ASCII.colon else {
            guard index < bytes.count else {
                throw .malformed(line: number, reason: "\(name) has no \":\" before its value")
            }
            let byte = bytes[index]
            let shown =
                byte < 0x80
                ? "\"\(Character(Unicode.Scalar(byte)))\"" : "byte 0x" + String(byte, radix: 16, uppercase: true)
            throw .malformed(line: number, reason: "unexpected \(shown) in the name or parameters of \(name)")
        }
        var tokenized = TokenizedLine(number: number, group: group, name: name, parameters: parameters, value: "")
        let valueBytes = bytes[(index + 1)...]
        if let value = String(validating: valueBytes, as: UTF8.self) {
            tokenized.value = value
        } else if let charset = Self.charset(of: parameters) {
            tokenized.value = charset.decode(valueBytes)
            tokenized.transcoded = true
        } else {
            throw .invalidUTF8(line: number)
        }
        return tokenized
    }

    /// `param-value *("," param-value)`, leaving `index` on the `;` or `:` that follows.
    private func parameterValues(
        _ bytes: [UInt8], at index: inout Int, of parameter: String, in property: String, number: Int
    ) throws(VCardError) -> [String] {
        var values: [String] = []
        while true {
            guard values.count < limits.maxValuesPerParameter else {
                throw .limitExceeded(
                    what: "values of one parameter", limit: limits.maxValuesPerParameter, line: number)
            }
            let range: Range<Int>
            if index < bytes.count, bytes[index] == ASCII.quote {
                var close = index + 1
                while close < bytes.count, bytes[close] != ASCII.quote { close += 1 }
                guard close < bytes.count else {
                    throw .malformed(line: number, reason: "unterminated quoted value of \(parameter) in \(property)")
                }
                range = (index + 1)..<close
                index = close + 1
                guard index < bytes.count,
                    bytes[index] == ASCII.comma || bytes[index] == ASCII.semicolon || bytes[index] == ASCII.colon
                else {
                    throw .malformed(line: number, reason: "text after the quoted value of \(parameter) in \(property)")
                }
            } else {
                let start = index
                while index < bytes.count, bytes[index] != ASCII.comma, bytes[index] != ASCII.semicolon,
                    bytes[index] != ASCII.colon
                {
                    index += 1
                }
                range = start..<index
            }
            guard let value = String(validating: bytes[range], as: UTF8.self) else {
                throw .invalidUTF8(line: number)
            }
            values.append(value)
            guard index < bytes.count, bytes[index] == ASCII.comma else { return values }
            index += 1
        }
    }

    private func scanName(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, ASCII.isNameByte(bytes[index]) { index += 1 }
        return index
    }

    private static func charset(of parameters: [TokenizedLine.Parameter]) -> Charset? {
        for parameter in parameters where parameter.name == "CHARSET" {
            if let name = parameter.values.first { return Charset(name: name) }
        }
        return nil
    }
}
