import VCard

/// Bounds on what ``ContactConverter`` accepts from a client and keeps (STYLE.md 5).
public struct ContactLimits: Sendable, Equatable {
    /// Largest `Picture`, decoded, in bytes. Default 4 MiB. MS-ASCNTC 2.2.2.58 caps a picture at
    /// 48 KB of base64, but phones send and show far larger ones; a stored PHOTO above this is not
    /// sent (and never cleared by a Change).
    public var maxPictureBytes: Int
    /// Longest text of one field other than `Picture` and `Body`, in UTF-8 bytes. Default 32 KiB.
    public var maxFieldBytes: Int
    /// Most items of `Categories` or `Children`. Default 300 (MS-ASCNTC 2.2.2.20, 2.2.2.22).
    public var maxListItems: Int
    /// Largest vCard read from the store or written to it, in bytes. Default 10 MiB, the vCard
    /// parser's own default (`VCardLimits.maxBytes`).
    public var maxCardBytes: Int

    public init(
        maxPictureBytes: Int = 4 << 20, maxFieldBytes: Int = 32 << 10, maxListItems: Int = 300,
        maxCardBytes: Int = VCardLimits.default.maxBytes
    ) {
        self.maxPictureBytes = maxPictureBytes
        self.maxFieldBytes = maxFieldBytes
        self.maxListItems = maxListItems
        self.maxCardBytes = maxCardBytes
    }

    public static let `default` = ContactLimits()

    /// The longest base64 text of a picture within ``maxPictureBytes``, with room for line breaks.
    var maxPictureTextBytes: Int {
        let (groups, overflow) = (maxPictureBytes / 3 + 1).multipliedReportingOverflow(by: 6)
        return overflow ? Int.max : groups
    }
}
