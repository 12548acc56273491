extension ICalendarComponent {
    /// RFC 5545 text of this component: CRLF line ends, lines folded at 75 octets (§3.1)
    /// without splitting a UTF-8 sequence, TEXT values escaped (§3.3.11), parameter values
    /// quoted when needed and RFC 6868-encoded.
    public var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    func write(to output: inout String) {
        Self.fold("BEGIN:\(name)", into: &output)
        for property in properties { Self.fold(property.contentLine, into: &output) }
        for component in components { component.write(to: &output) }
        Self.fold("END:\(name)", into: &output)
    }

    /// Appends `line` folded at 75 octets, each continuation starting with one space.
    static func fold(_ line: String, into output: inout String) {
        var width = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if width + size > 75 {
                output += "\r\n "
                width = 1
            }
            output.unicodeScalars.append(scalar)
            width += size
        }
        output += "\r\n"
    }
}

extension ICalendarProperty {
    /// The unfolded content line (§3.1).
    var contentLine: String {
        var line = name
        for parameter in parameters {
            line += ";" + parameter.name + "=" + parameter.values.map(Self.encodeParameterValue).joined(separator: ",")
        }
        line += ":" + (isText ? Self.escapeText(value) : value)
        return line
    }

    /// A TEXT value escaped for a content line (RFC 5545 §3.3.11); also for the single values a
    /// multi-valued property (CATEGORIES) joins with commas.
    public static func escapeText(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// Quotes values holding `:` `;` `,` (§3.2); RFC 6868 for `^`, `"` and newlines.
    static func encodeParameterValue(_ value: String) -> String {
        var encoded = ""
        for character in value {
            switch character {
            case "^": encoded += "^^"
            case "\"": encoded += "^'"
            case "\n", "\r\n": encoded += "^n"
            default: encoded.append(character)
            }
        }
        return encoded.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(encoded)\"" : encoded
    }
}
