extension VCardProperty {
    /// The value as binary data or a URI; nil when the value is empty or inline data that
    /// does not decode.
    public var binary: VCardBinary? {
        if transferEncoding == .base64 {
            guard let data = Base64.decode(value) else { return nil }
            return .inline(data: data, mediaType: mediaTypeFromParameters ?? MediaTypeTable.sniff(data))
        }
        let trimmed = value.trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        if trimmed.utf8.count >= 5, trimmed.prefix(5).lowercased() == "data:" {
            guard let (data, mediaType) = DataURI.parse(trimmed) else { return nil }
            return .inline(data: data, mediaType: mediaType ?? mediaTypeFromParameters ?? MediaTypeTable.sniff(data))
        }
        return .uri(String(trimmed))
    }

    /// MEDIATYPE (4.0), or the first 3.0 TYPE that names a format.
    var mediaTypeFromParameters: String? {
        if let mediaType = parameter("MEDIATYPE")?.values.first, mediaType.contains("/") {
            return mediaType.lowercased()
        }
        for type in types {
            if let mediaType = MediaTypeTable.mediaType(forType: type) { return mediaType }
        }
        return nil
    }
}
