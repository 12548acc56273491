/// Converts one property from `source` to `target` (3.0 or 4.0) for ``VCard/converted(to:)``.
/// A property no rule applies to is returned unchanged, verbatim text included.
struct PropertyConverter {
    let source: VCardVersion
    let target: VCardVersion

    func convert(_ input: VCardProperty) -> VCardProperty {
        var property = input
        // 2.1 lines (bare parameters, unescaped commas) are never valid 3.0 or 4.0 as written.
        if source == .v21 { property.original = nil }
        removeTransferEncoding(&property)
        rename(&property)
        if PropertyKinds.binary.contains(property.name) { convertBinary(&property) }
        convertPreference(&property)
        if PropertyKinds.date.contains(property.name) { convertDate(&property) }
        if property.name == "TEL", target == .v3 { convertTelephone(&property) }
        if property.name == "GEO" { convertGeo(&property) }
        if property.isVerbatim, !parametersReadTheSame(property) { property.original = nil }
        return property
    }

    /// Quoted-printable and CHARSET exist in 2.1 only (RFC 2426 §5.8.4 allows ENCODING=b
    /// alone; RFC 6350 §3.1 is UTF-8 throughout): decode the value and drop both.
    private func removeTransferEncoding(_ property: inout VCardProperty) {
        switch property.transferEncoding {
        case .quotedPrintable:
            let raw =
                source == .v21
                ? Self.reescaped21(property.decodedValue, name: property.name)
                : property.decodedEscapedValue
            property.setRawValue(raw)
        case .base64 where PropertyKinds.isTextual(property.name):
            property.setRawValue(Self.escapingLineBreaks(property.decodedValue))
        case .base64:
            // Binary: PHOTO and friends are converted below; an X- property keeps its data,
            // with 3.0's spelling of the encoding (RFC 2426 §5.8.4).
            if target == .v3, !PropertyKinds.binary.contains(property.name),
                property.parameter("ENCODING")?.values != ["b"]
            {
                property.setParameter("ENCODING", values: ["b"])
            }
        case nil:
            if source == .v21 {
                let raw = Self.reescaped21(property.value, name: property.name)
                if raw != property.value { property.value = raw }
            }
            property.removeParameter("ENCODING")
            property.removeParameter("CHARSET")
        }
    }

    /// X-ADDRESSBOOKSERVER-KIND ⇄ KIND, X-ADDRESSBOOKSERVER-MEMBER ⇄ MEMBER,
    /// X-ANNIVERSARY ⇄ ANNIVERSARY (``ConversionTable/renames``).
    private func rename(_ property: inout VCardProperty) {
        let name = target == .v4 ? ConversionTable.v4Name(of: property) : ConversionTable.v3Name(of: property)
        guard let name else { return }
        property.name = name
        if name == "KIND" || name == "X-ADDRESSBOOKSERVER-KIND" { property.setText(VCardKind(property.text).text) }
    }

    /// 3.0 `ENCODING=b;TYPE=JPEG` (RFC 2426 §3.1.4) ⇄ 4.0 `data:image/jpeg;base64,` URI
    /// (RFC 6350 §6.2.4); 3.0 `VALUE=uri` for a URI, which is 4.0's default.
    private func convertBinary(_ property: inout VCardProperty) {
        let isBase64 = property.transferEncoding == .base64
        let isDataURI = !isBase64 && property.value.trimmingSpaces.lowercased().hasPrefix("data:")
        switch target {
        case .v4 where isBase64:
            guard case .inline(let data, let mediaType)? = property.binary else { return }
            property.parameters = property.parameters.filter { !["ENCODING", "VALUE"].contains($0.name) }
            Self.removeFormatTypes(&property)
            property.value = DataURI.make(data: data, mediaType: mediaType)
        case .v4:
            if property.valueType == "url" { property.removeParameter("VALUE") }
        case _ where isBase64 || isDataURI:
            guard case .inline(let data, let mediaType)? = property.binary else { return }
            if isBase64, property.parameter("ENCODING")?.values == ["b"] { return }
            property.parameters = property.parameters.filter { !["ENCODING", "VALUE", "MEDIATYPE"].contains($0.name) }
            Self.removeFormatTypes(&property)
            var parameters = [VCardParameter(name: "ENCODING", value: "b")]
            if let mediaType {
                parameters.append(VCardParameter(name: "TYPE", value: MediaTypeTable.type(forMediaType: mediaType)))
            }
            property.parameters = parameters + property.parameters
            property.value = Base64.encode(data)
        default:
            if !property.value.trimmingSpaces.isEmpty, property.valueType != "uri" {
                property.setParameter("VALUE", values: ["uri"])
            }
        }
    }

    /// 3.0 `TYPE=pref` (RFC 2426 §3.3.1) ⇄ 4.0 `PREF=1` (RFC 6350 §5.3). Other PREF values
    /// have no 3.0 form and are kept.
    private func convertPreference(_ property: inout VCardProperty) {
        if target == .v4 {
            guard property.types.contains("pref") else { return }
            Self.removeTypes(&property) { $0 == "pref" }
            if property.parameter("PREF") == nil {
                property.parameters.append(VCardParameter(name: "PREF", value: "1"))
            }
        } else {
            guard let pref = property.parameter("PREF")?.values.first, Int(pref.trimmingSpaces) == 1 else { return }
            property.removeParameter("PREF")
            guard !property.types.contains("pref") else { return }
            if let index = property.parameters.firstIndex(where: { $0.name == "TYPE" }) {
                property.parameters[index].values.append("pref")
            } else {
                property.parameters.append(VCardParameter(name: "TYPE", value: "pref"))
            }
        }
    }

    /// 4.0 basic dates (`19850415`, `--0415`; RFC 6350 §4.3.1) ⇄ 3.0 extended dates
    /// (`1985-04-15`; RFC 2426 §3.1.5) with Apple's X-APPLE-OMIT-YEAR for a missing year.
    private func convertDate(_ property: inout VCardProperty) {
        guard property.valueType != "text" else { return }
        let omitted = property.parameter("X-APPLE-OMIT-YEAR")?.values.first.flatMap { Int($0.trimmingSpaces) }
        guard let date = VCardDate(parsing: property.text, omittedYear: omitted) else { return }
        if target == .v4 {
            if property.value != date.v4Text { property.value = date.v4Text }
            property.removeParameter("X-APPLE-OMIT-YEAR")
        } else {
            guard let (text, omittedYear) = date.v3Text else { return }
            if property.value != text { property.value = text }
            if let omittedYear {
                if property.parameter("X-APPLE-OMIT-YEAR")?.values != [String(omittedYear)] {
                    property.setParameter("X-APPLE-OMIT-YEAR", values: [String(omittedYear)])
                }
            } else {
                property.removeParameter("X-APPLE-OMIT-YEAR")
            }
        }
    }

    /// 4.0 `TEL;VALUE=uri:tel:+1-555-0100;ext=12` (RFC 6350 §6.4.1, RFC 3966) → 3.0 text
    /// `+1-555-0100 x12` (RFC 2426 §3.3.1).
    private func convertTelephone(_ property: inout VCardProperty) {
        let text = property.value.trimmingSpaces
        guard text.lowercased().hasPrefix("tel:") else { return }
        let parts = text.dropFirst(4).split(separator: ";")
        var number = String(parts.first ?? "")
        if let ext = parts.first(where: { $0.lowercased().hasPrefix("ext=") }) { number += " x" + ext.dropFirst(4) }
        property.removeParameter("VALUE")
        property.setText(number)
    }

    /// 3.0 `GEO:37.386;-122.082` (RFC 2426 §3.4.2) ⇄ 4.0 `GEO:geo:37.386,-122.082`
    /// (RFC 6350 §6.5.2, RFC 5870).
    private func convertGeo(_ property: inout VCardProperty) {
        let text = String(property.value.trimmingSpaces)
        if target == .v4 {
            let parts = text.split(separator: ";", omittingEmptySubsequences: false)
            guard parts.count == 2, Double(parts[0].trimmingSpaces) != nil, Double(parts[1].trimmingSpaces) != nil
            else { return }
            property.value = "geo:" + parts[0].trimmingSpaces + "," + parts[1].trimmingSpaces
        } else {
            guard text.lowercased().hasPrefix("geo:") else { return }
            let coordinates = text.dropFirst(4).split(separator: ";").first?.split(separator: ",") ?? []
            guard coordinates.count >= 2, Double(coordinates[0]) != nil, Double(coordinates[1]) != nil else { return }
            property.removeParameter("VALUE")
            property.value = coordinates[0] + ";" + coordinates[1]
        }
    }

    /// Whether the verbatim line's parameters mean the same in `target`: 4.0 reads `^` as an
    /// RFC 6868 escape, 3.0 does not; a 4.0 value holding a quote or newline needs carets.
    private func parametersReadTheSame(_ property: VCardProperty) -> Bool {
        property.parameters.allSatisfy { parameter in
            parameter.values.allSatisfy { value in
                !value.utf8.contains { $0 == ASCII.caret || $0 == ASCII.quote || $0 == ASCII.lineFeed }
            }
        }
    }

    /// Removes the TYPE values that name a data format (`JPEG`, `image/png`).
    private static func removeFormatTypes(_ property: inout VCardProperty) {
        removeTypes(&property) { MediaTypeTable.mediaType(forType: $0) != nil }
    }

    /// Removes the TYPE values `matching` (given lower-cased), and TYPE parameters left empty.
    private static func removeTypes(_ property: inout VCardProperty, matching: (String) -> Bool) {
        var parameters: [VCardParameter] = []
        for parameter in property.parameters {
            guard parameter.name == "TYPE" else {
                parameters.append(parameter)
                continue
            }
            let values = parameter.values.flatMap { $0.split(separator: ",").map(String.init) }
                .filter { !matching($0.trimmingSpaces.lowercased()) }
            if !values.isEmpty { parameters.append(VCardParameter(name: "TYPE", values: values)) }
        }
        if parameters != property.parameters { property.parameters = parameters }
    }

    /// A 2.1 value written for 3.0/4.0. In 2.1 only `\;` is an escape (vCard 2.1 §2.1.3):
    /// commas and backslashes are plain text, so text and structured values are re-escaped.
    static func reescaped21(_ raw: String, name: String) -> String {
        if PropertyKinds.text.contains(name) { return TextEscaping.escape(unescaped21(raw)) }
        if PropertyKinds.structured.contains(name) {
            return splitting21(raw).map { TextEscaping.escape(unescaped21($0)) }.joined(separator: ";")
        }
        return escapingLineBreaks(raw)
    }

    /// Literal line breaks (decoded `=0D=0A`) written as `\n`.
    static func escapingLineBreaks(_ raw: String) -> String {
        guard raw.utf8.contains(where: { $0 == ASCII.lineFeed || $0 == ASCII.carriageReturn }) else { return raw }
        var output: [UInt8] = []
        var previousWasCR = false
        for byte in raw.utf8 {
            defer { previousWasCR = byte == ASCII.carriageReturn }
            if byte == ASCII.carriageReturn || byte == ASCII.lineFeed {
                if byte == ASCII.lineFeed, previousWasCR { continue }
                output.append(ASCII.backslash)
                output.append(UInt8(ascii: "n"))
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func unescaped21(_ text: some StringProtocol) -> String {
        String(text).split(separator: "\\;", omittingEmptySubsequences: false).joined(separator: ";")
    }

    /// Splits at `;` not preceded by a backslash.
    private static func splitting21(_ text: String) -> [Substring] {
        var fields: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        var escaped = false
        while index < text.endIndex {
            let character = text[index]
            if character == ";", !escaped {
                fields.append(text[start..<index])
                start = text.index(after: index)
            }
            escaped = character == "\\" && !escaped
            index = text.index(after: index)
        }
        fields.append(text[start...])
        return fields
    }
}
