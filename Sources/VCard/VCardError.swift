/// Why vCard data was refused. Every case names the (1-based, physical) line it concerns;
/// line 0 stands for a card built in code rather than parsed. ``description`` is a sentence
/// fit for a log or a CardDAV error body, and ``cardDAVPrecondition`` names the RFC 6352
/// §6.3.2.1 precondition a PUT fails with.
public enum VCardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is larger than ``VCardLimits/maxBytes``.
    case tooLarge(bytes: Int, limit: Int)
    /// A bound of ``VCardLimits`` other than the total size was passed.
    case limitExceeded(what: String, limit: Int, line: Int)
    /// A line is not UTF-8 and carries no CHARSET parameter that would say what it is.
    case invalidUTF8(line: Int)
    /// A control character other than HTAB (RFC 6350 §3.3: VALUE-CHAR excludes CTLs).
    case controlCharacter(UInt8, line: Int)
    /// Not a content line (RFC 6350 §3.3, RFC 2426 §4); `reason` says what is wrong.
    case malformed(line: Int, reason: String)
    /// No vCard at all: the input is empty or blank.
    case empty
    /// Something other than BEGIN:VCARD where a vCard must start (RFC 6350 §6.1.1).
    case expectedBegin(line: Int)
    /// The BEGIN:VCARD on `line` is never closed by END:VCARD.
    case unclosed(line: Int)
    /// END:VCARD without a BEGIN:VCARD before it.
    case unexpectedEnd(line: Int)
    /// BEGIN:VCARD inside a card, not as a vCard 2.1 AGENT value; usually a missing END:VCARD.
    case nestedBegin(line: Int)
    /// A second vCard where exactly one is allowed (RFC 6352 §5.1: one vCard per resource).
    case multipleCards(line: Int)
    /// A card without VERSION (RFC 6350 §6.7.9, RFC 2426 §3.6.9).
    case missingVersion(line: Int)
    /// A VERSION this target cannot read, or 2.1 where CardDAV wants 3.0 or 4.0.
    case unsupportedVersion(String, line: Int)
    /// A property the card must have (FN, and UID for CardDAV; RFC 6350 §6.2.1, RFC 6352 §5.1).
    case missingProperty(String, line: Int)
    /// A property the card may have at most once (VERSION, UID).
    case duplicateProperty(String, line: Int)

    /// The physical line the error concerns, when it concerns one.
    public var line: Int? {
        switch self {
        case .tooLarge, .empty: nil
        case .limitExceeded(_, _, let line), .invalidUTF8(let line), .controlCharacter(_, let line),
            .malformed(let line, _), .expectedBegin(let line), .unclosed(let line), .unexpectedEnd(let line),
            .nestedBegin(let line), .multipleCards(let line), .missingVersion(let line),
            .unsupportedVersion(_, let line), .missingProperty(_, let line), .duplicateProperty(_, let line):
            line > 0 ? line : nil
        }
    }

    public var description: String {
        let prefix = line.map { "line \($0): " } ?? ""
        switch self {
        case .tooLarge(let bytes, let limit):
            return "vCard data of \(bytes) bytes exceeds the limit of \(limit)"
        case .limitExceeded(let what, let limit, _):
            return prefix + "more than \(limit) \(what)"
        case .invalidUTF8:
            return prefix + "the line is not UTF-8 and names no CHARSET"
        case .controlCharacter(let byte, _):
            let hex = String(byte, radix: 16, uppercase: true)
            return prefix + "control character U+" + (hex.count < 2 ? "000" : "00") + hex + " is not allowed"
        case .malformed(_, let reason):
            return prefix + reason
        case .empty:
            return "no vCard: the data is empty"
        case .expectedBegin:
            return prefix + "BEGIN:VCARD expected"
        case .unclosed:
            return prefix + "BEGIN:VCARD is never closed by END:VCARD"
        case .unexpectedEnd:
            return prefix + "END:VCARD without BEGIN:VCARD"
        case .nestedBegin:
            return prefix + "BEGIN:VCARD inside another vCard (is an END:VCARD missing?)"
        case .multipleCards:
            return prefix + "a second vCard, but a resource holds exactly one"
        case .missingVersion:
            return prefix + "the vCard has no VERSION"
        case .unsupportedVersion(let version, _):
            return prefix + "vCard version \"\(version)\" is not supported (3.0 and 4.0 are)"
        case .missingProperty(let name, _):
            return prefix + "the vCard has no \(name)"
        case .duplicateProperty(let name, _):
            return prefix + "the vCard has more than one \(name)"
        }
    }

    /// The CardDAV precondition (RFC 6352 §6.3.2.1) a PUT or COPY/MOVE of this data fails.
    public var cardDAVPrecondition: CardDAVPrecondition {
        switch self {
        case .tooLarge: .maxResourceSize
        case .unsupportedVersion: .supportedAddressData
        default: .validAddressData
        }
    }
}
