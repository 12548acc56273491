import VCard

/// Bounds on what ``ContactConverter`` accepts from a client and keeps (STYLE.md 5).
public struct ContactLimits: Sendable, Equatable {
    /// Largest `Picture` accepted from a client, decoded, in bytes. Default 4 MiB. MS-ASCNTC
    /// 2.2.2.58 caps a picture at 48 KB of base64, but phones send far larger ones; a stored PHOTO
    /// above this is bound to no field at all (never sent, never replaced or cleared by a Change).
    public var maxPictureBytes: Int
    /// Largest stored PHOTO sent to a client, decoded, in bytes. Default
    /// ``specPictureBytes``. A larger one is not sent, so a Change without `Picture` (or with an
    /// empty one) keeps it; a new `Picture` from the client still replaces it.
    public var maxSentPictureBytes: Int
    /// Longest text of one field other than `Picture` and `Body`, in UTF-8 bytes. Default 32 KiB.
    public var maxFieldBytes: Int
    /// Most items of `Categories` or `Children`. Default 300 (MS-ASCNTC 2.2.2.20, 2.2.2.22).
    public var maxListItems: Int
    /// Largest vCard read from the store or written to it, in bytes. Default 10 MiB, the vCard
    /// parser's own default (`VCardLimits.maxBytes`).
    public var maxCardBytes: Int

    public init(
        maxPictureBytes: Int = 4 << 20, maxSentPictureBytes: Int = specPictureBytes, maxFieldBytes: Int = 32 << 10,
        maxListItems: Int = 300, maxCardBytes: Int = VCardLimits.default.maxBytes
    ) {
        self.maxPictureBytes = maxPictureBytes
        self.maxSentPictureBytes = maxSentPictureBytes
        self.maxFieldBytes = maxFieldBytes
        self.maxListItems = maxListItems
        self.maxCardBytes = maxCardBytes
    }

    public static let `default` = ContactLimits()

    /// MS-ASCNTC 2.2.2.58: the value of `Picture` "MUST be limited to 48 KB" of base64, "an image
    /// size of around 36 KB". 48 KiB of base64 (49,152 characters, no line breaks) is exactly
    /// 36,864 decoded bytes, so a picture of at most this many bytes is within the limit.
    public static let specPictureBytes = 48 * 1024 / 4 * 3

    /// The longest base64 text of a picture within ``maxPictureBytes``, with room for line breaks.
    var maxPictureTextBytes: Int {
        let (groups, overflow) = (maxPictureBytes / 3 + 1).multipliedReportingOverflow(by: 6)
        return overflow ? Int.max : groups
    }
}
