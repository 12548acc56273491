import Conversions
import Foundation

/// The request URI's query of an ActiveSync POST (MS-ASHTTP 2.2.1.1.1): the plain text form
/// (`Cmd=Sync&User=…&DeviceId=…&DeviceType=…`, 2.2.1.1.1.2) or the base64 encoded byte sequence
/// (2.2.1.1.1.1), which also carries the protocol version, the locale and the policy key that
/// the plain form sends as headers.
public struct ActiveSyncQuery: Sendable, Equatable {
    /// The command as sent (the `Cmd` value, or the base64 command code's name).
    public var commandText: String
    /// The command, nil when the name or code is not an EAS command.
    public var command: CommandName?
    public var user: String?
    /// The client's DeviceId, as sent; empty when missing.
    public var deviceID: String
    /// The client's DeviceType, as sent; empty when missing.
    public var deviceType: String
    /// Base64 form only: the Protocol version field (the plain form uses the header).
    public var version: ProtocolVersion?
    /// Base64 form only: the Policy key field (the plain form uses `X-MS-PolicyKey`).
    public var policyKey: UInt32?
    /// Base64 form only: the Locale field.
    public var locale: UInt16?
    /// The command parameters by their plain names: `CollectionId`, `ItemId`, `LongId`,
    /// `ParentId`, `Occurrence`, `AttachmentName`.
    public var parameters: [String: String]
    /// `SaveInSent=T` or the base64 Options bit 0x01.
    public var saveInSent: Bool
    /// The base64 Options bit 0x02 (`MS-ASAcceptMultiPart: T` in the plain form).
    public var acceptMultiPart: Bool

    /// Upper bound of the query's length; longer queries are refused unread.
    public static let maximumLength = 4096

    /// Parses either form: a query with `Cmd=` (in any case) is the plain form.
    public init(_ query: String) throws(ActiveSyncQueryError) {
        guard query.utf8.count <= Self.maximumLength else { throw .tooLong(query.utf8.count) }
        let fields = query.split(separator: "&", omittingEmptySubsequences: true)
        if fields.contains(where: { $0.lowercased().hasPrefix("cmd=") }) {
            try self.init(plain: fields)
        } else {
            try self.init(base64: query)
        }
    }

    // MARK: Plain text (MS-ASHTTP 2.2.1.1.1.2)

    private init(plain fields: [Substring]) throws(ActiveSyncQueryError) {
        var values: [String: String] = [:]
        for field in fields {
            let pair = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decoded(pair[0]), let value = Self.decoded(pair.count > 1 ? pair[1] : "") else {
                throw .badEncoding(String(field))
            }
            values[name.lowercased()] = value
        }
        commandText = values["cmd"] ?? ""
        command = CommandName(queryValue: commandText)
        user = values["user"]
        deviceID = values["deviceid"] ?? ""
        deviceType = values["devicetype"] ?? ""
        version = nil
        policyKey = nil
        locale = nil
        parameters = [:]
        for name in Self.parameterNames.values where name != "User" {
            if let value = values[name.lowercased()] { parameters[name] = value }
        }
        saveInSent = values["saveinsent"]?.uppercased() == "T"
        acceptMultiPart = false
    }

    /// Percent-decoding of a query component, `+` as a space (HTML form encoding).
    private static func decoded(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    // MARK: Base64 (MS-ASHTTP 2.2.1.1.1.1)

    /// Command parameter tags (MS-ASHTTP 2.2.1.1.1.1.3) and the plain names they stand for.
    static let parameterNames: [UInt8: String] = [
        0: "AttachmentName", 1: "CollectionId", 3: "ItemId", 4: "LongId", 5: "ParentId", 6: "Occurrence",
        8: "User",
    ]
    /// The Options parameter's tag and bits.
    static let optionsTag: UInt8 = 7
    static let saveInSentBit: UInt8 = 0x01
    static let acceptMultiPartBit: UInt8 = 0x02

    private init(base64 query: String) throws(ActiveSyncQueryError) {
        guard let text = query.removingPercentEncoding, let data = Data(base64Encoded: Self.padded(text)) else {
            throw .badEncoding(query)
        }
        var reader = ByteReader(bytes: [UInt8](data))
        let versionByte = try reader.byte("Protocol version")
        let code = try reader.byte("Command code")
        let locale = try reader.uint16("Locale")
        let deviceID = try reader.string(length: Int(try reader.byte("Device ID length")), "Device ID")
        let policyKeyLength = try reader.byte("Policy key length")
        var policyKey: UInt32?
        switch policyKeyLength {
        case 0: break
        case 4: policyKey = try reader.uint32("Policy key")
        default: throw .malformed("Policy key length \(policyKeyLength) is neither 0 nor 4")
        }
        let deviceType = try reader.string(length: Int(try reader.byte("Device type length")), "Device type")
        var parameters: [String: String] = [:]
        var options: UInt8 = 0
        var user: String?
        while !reader.isAtEnd {
            let tag = try reader.byte("Command parameter tag")
            let length = Int(try reader.byte("Command parameter length"))
            if tag == Self.optionsTag {
                guard length == 1 else { throw .malformed("Options parameter of \(length) bytes") }
                options = try reader.byte("Options")
            } else if let name = Self.parameterNames[tag] {
                let value = try reader.string(length: length, name)
                if name == "User" { user = value } else { parameters[name] = value }
            } else {
                throw .malformed("unknown command parameter tag \(tag)")
            }
        }
        self.version = ProtocolVersion(byte: versionByte)
        self.command = CommandName(code: code)
        self.commandText = command?.rawValue ?? "code \(code)"
        self.locale = locale
        self.deviceID = deviceID
        self.policyKey = policyKey
        self.deviceType = deviceType
        self.parameters = parameters
        self.user = user
        self.saveInSent = options & Self.saveInSentBit != 0
        self.acceptMultiPart = options & Self.acceptMultiPartBit != 0
    }

    /// Clients drop the `=` padding now and then.
    private static func padded(_ text: String) -> String {
        let remainder = text.utf8.count % 4
        return remainder == 0 ? text : text + String(repeating: "=", count: 4 - remainder)
    }
}

/// Why a query was refused (answered with HTTP 400).
public enum ActiveSyncQueryError: Error, Equatable, CustomStringConvertible {
    case tooLong(Int)
    case badEncoding(String)
    case truncated(field: String)
    case malformed(String)

    public var description: String {
        switch self {
        case .tooLong(let length): "the query has \(length) bytes, more than \(ActiveSyncQuery.maximumLength)"
        case .badEncoding(let text):
            "the query is neither plain nor base64: \(String(text.prefix(80)).debugDescription)"
        case .truncated(let field): "the base64 query ends inside its \(field) field"
        case .malformed(let reason): "the base64 query is malformed: \(reason)"
        }
    }
}

/// Reads the base64 query's fields, each bounded by what is left.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte(_ field: String) throws(ActiveSyncQueryError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated(field: field) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint16(_ field: String) throws(ActiveSyncQueryError) -> UInt16 {
        let low = try byte(field)
        let high = try byte(field)
        return UInt16(high) << 8 | UInt16(low)
    }

    mutating func uint32(_ field: String) throws(ActiveSyncQueryError) -> UInt32 {
        var value: UInt32 = 0
        for shift in stride(from: 0, to: 32, by: 8) { value |= UInt32(try byte(field)) << UInt32(shift) }
        return value
    }

    mutating func string(length: Int, _ field: String) throws(ActiveSyncQueryError) -> String {
        guard length <= bytes.count - offset else { throw .truncated(field: field) }
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }
}
