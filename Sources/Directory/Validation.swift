/// The rules every name, password and quota must pass before the directory
/// stores it. Each rule throws a `DirectoryError` carrying the refused value
/// (for passwords only the reason).
public enum Validation {
    /// The longest user name (RFC 5321 §4.5.3.1.1).
    public static let maximumLocalPartLength = 64
    /// The longest domain name (RFC 1035 §2.3.4, without the final dot).
    public static let maximumDomainLength = 253
    /// The longest DNS label (RFC 1035 §2.3.4).
    public static let maximumLabelLength = 63
    /// The shortest password.
    public static let minimumPasswordLength = 8
    /// The longest password, in bytes of UTF-8.
    public static let maximumPasswordLength = 1024
    /// The longest display name.
    public static let maximumDisplayNameLength = 256

    /// Checks an e-mail address and returns its parts, lower-cased.
    ///
    /// The user name takes ASCII letters, digits and dots, with no leading,
    /// trailing or doubled dot; then one `@` and a valid domain name.
    public static func address(_ address: String) throws(DirectoryError) -> (localPart: String, domain: String) {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .invalidAddress(address) }
        let localPart = parts[0]
        guard !localPart.isEmpty, localPart.utf8.count <= maximumLocalPartLength,
            localPart.utf8.allSatisfy({ isASCIILetterOrDigit($0) || $0 == UInt8(ascii: ".") }),
            localPart.first != ".", localPart.last != ".", !localPart.contains("..")
        else { throw .invalidAddress(address) }
        let domain: String
        do {
            domain = try domainName(String(parts[1]))
        } catch {
            throw .invalidAddress(address)
        }
        return (localPart.lowercased(), domain)
    }

    /// Checks a domain name and returns it lower-cased.
    ///
    /// Labels of 1–63 ASCII letters, digits and hyphens, neither starting nor
    /// ending with a hyphen (RFC 1123 §2.1); at least two labels; at most 253
    /// characters; the last label is not all digits (no IPv4 addresses).
    public static func domainName(_ name: String) throws(DirectoryError) -> String {
        guard name.utf8.count <= maximumDomainLength else { throw .invalidDomainName(name) }
        let labels = name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw .invalidDomainName(name) }
        for label in labels {
            guard !label.isEmpty, label.count <= maximumLabelLength,
                label.allSatisfy({ isASCIILetterOrDigit($0) || $0 == UInt8(ascii: "-") }),
                label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
            else { throw .invalidDomainName(name) }
        }
        guard let last = labels.last, !last.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .invalidDomainName(name)
        }
        return name.lowercased()
    }

    /// Checks a new password: at least 8 characters, with an upper-case
    /// letter, a lower-case letter, a digit and a symbol (any other visible
    /// character); at most 1024 bytes; no control characters.
    public static func password(_ password: String) throws(DirectoryError) {
        guard password.count >= minimumPasswordLength else {
            throw .weakPassword("shorter than \(minimumPasswordLength) characters")
        }
        guard password.utf8.count <= maximumPasswordLength else {
            throw .weakPassword("longer than \(maximumPasswordLength) bytes")
        }
        guard !password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .weakPassword("contains a control character")
        }
        guard password.contains(where: \.isUppercase) else { throw .weakPassword("no upper-case letter") }
        guard password.contains(where: \.isLowercase) else { throw .weakPassword("no lower-case letter") }
        guard password.contains(where: \.isNumber) else { throw .weakPassword("no digit") }
        guard password.contains(where: { !$0.isLetter && !$0.isNumber && !$0.isWhitespace }) else {
            throw .weakPassword("no symbol")
        }
    }

    /// Checks that a quota lies within the plan's range.
    public static func quota(_ bytes: Int64, plan: Plan) throws(DirectoryError) {
        guard plan.quotaRange.contains(bytes) else { throw .quotaOutOfRange(bytes: bytes, plan: plan) }
    }

    /// Checks a display name and returns it without surrounding white space:
    /// at most 256 Unicode scalars, no control characters.
    public static func displayName(_ name: String) throws(DirectoryError) -> String {
        let trimmed = name.trimmingWhitespace()
        guard trimmed.unicodeScalars.count <= maximumDisplayNameLength,
            !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw .invalidDisplayName(name) }
        return trimmed
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            false
        }
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var text = Substring(self).drop(while: \.isWhitespace)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
