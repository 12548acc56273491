/// An Exchange ActiveSync protocol version (MS-ASHTTP 2.2.1.1.2.6 `MS-ASProtocolVersion`).
public struct ProtocolVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// The versions Almanac speaks, oldest first (`MS-ASProtocolVersions` of OPTIONS).
    public static let supported: [ProtocolVersion] = [
        ProtocolVersion(12, 1), ProtocolVersion(14, 0), ProtocolVersion(14, 1), ProtocolVersion(16, 0),
        ProtocolVersion(16, 1),
    ]
    /// `MS-ASProtocolVersions` (MS-ASHTTP 2.2.2.2.1.1): the supported versions, comma-separated.
    public static let supportedHeader = supported.map(\.description).joined(separator: ",")
    public static let v121 = ProtocolVersion(12, 1)
    public static let v140 = ProtocolVersion(14, 0)
    public static let v141 = ProtocolVersion(14, 1)
    public static let v160 = ProtocolVersion(16, 0)
    public static let v161 = ProtocolVersion(16, 1)

    /// Parses `"14.1"`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
            let major = Int(parts[0]), let minor = Int(parts[1])
        else { return nil }
        self.init(major, minor)
    }

    /// The base64 query's Protocol version byte (MS-ASHTTP 2.2.1.1.1.1): the version times ten,
    /// 141 for 14.1.
    public init(byte: UInt8) {
        self.init(Int(byte) / 10, Int(byte) % 10)
    }

    public var isSupported: Bool { Self.supported.contains(self) }

    /// From 14.0 on, errors are status codes in the response body rather than HTTP codes
    /// (MS-ASCMD 2.2.2 common status codes, MS-ASPROV 3.2.5.1.2).
    public var usesStatusCodes: Bool { self >= .v140 }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: ProtocolVersion, rhs: ProtocolVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
