/// 3.0 TYPE format names (RFC 2426 §3.1.4, §3.5.3, §3.6.6, §3.7.1, IANA registered formats)
/// and the media types 4.0 uses in `data:` URIs and MEDIATYPE (RFC 6350 §5.7).
enum MediaTypeTable {
    /// One row per 3.0 name; the first row of a media type is the name written back.
    static let rows: [(type: String, mediaType: String)] = [
        ("JPEG", "image/jpeg"), ("JPG", "image/jpeg"), ("PNG", "image/png"), ("GIF", "image/gif"),
        ("BMP", "image/bmp"), ("TIFF", "image/tiff"), ("WEBP", "image/webp"), ("HEIC", "image/heic"),
        ("WAVE", "audio/wav"), ("WAV", "audio/wav"), ("AIFF", "audio/aiff"), ("PCM", "audio/basic"),
        ("MP3", "audio/mpeg"), ("AAC", "audio/aac"), ("OGG", "audio/ogg"),
        ("X509", "application/pkix-cert"), ("PGP", "application/pgp-keys"),
    ]

    /// The media type a 3.0 TYPE value names: `JPEG` → `image/jpeg`; a value that already is
    /// a media type (`image/jpeg`, as some clients write) is returned lower-cased.
    static func mediaType(forType type: String) -> String? {
        let upper = type.uppercased()
        if let row = rows.first(where: { $0.type == upper }) { return row.mediaType }
        return type.contains("/") ? type.lowercased() : nil
    }

    /// The 3.0 TYPE for a media type: `image/jpeg` → `JPEG`; otherwise the subtype upper-cased.
    static func type(forMediaType mediaType: String) -> String {
        let lower = mediaType.lowercased()
        if let row = rows.first(where: { $0.mediaType == lower }) { return row.type }
        return String(lower.split(separator: "/").last ?? Substring(lower)).uppercased()
    }

    /// The media type of well-known image data, from its first bytes.
    static func sniff(_ data: [UInt8]) -> String? {
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if data.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if data.count >= 12, data.starts(with: Array("RIFF".utf8)), Array(data[8..<12]) == Array("WEBP".utf8) {
            return "image/webp"
        }
        if data.starts(with: Array("BM".utf8)) { return "image/bmp" }
        return nil
    }
}
