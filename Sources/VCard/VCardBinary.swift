/// The value of PHOTO, LOGO, SOUND or KEY: bytes carried in the card, or a reference.
public enum VCardBinary: Sendable, Equatable {
    /// Inline data: 3.0 `ENCODING=b` (RFC 2426 §5.8.4), 2.1 `ENCODING=BASE64`, or a 4.0
    /// `data:` URI (RFC 6350 §6.2.4, RFC 2397). `mediaType` comes from the `data:` URI, the
    /// MEDIATYPE parameter, the 3.0 TYPE (`JPEG` → `image/jpeg`), or the data's signature.
    case inline(data: [UInt8], mediaType: String?)
    /// A URI to fetch (`https:`, `cid:`, …): 4.0's default, 3.0's `VALUE=uri`.
    case uri(String)
}

extension VCardBinary {
    /// Inline `data` with the media type its first bytes name (JPEG, PNG, GIF, WebP, BMP), or
    /// none: for data that arrives without one, such as an EAS contact `Picture`.
    public static func inline(sniffing data: [UInt8]) -> VCardBinary {
        .inline(data: data, mediaType: MediaTypeTable.sniff(data))
    }
}
