import Foundation

/// Host names of the form `example--com.w.BASE` for the mail domain `example.com`, so that one wildcard
/// certificate for `*.w.BASE` and one wildcard DNS record serve every hosted domain.
///
/// The mail domain is written as a single DNS label: each dot becomes two dashes. The rule, both ways:
///
/// - one dash is a dash: `my-firm--com` is `my-firm.com`;
/// - two dashes are a dot: `mail--my-firm--co--uk` is `mail.my-firm.co.uk`;
/// - except right after a label that is exactly `xn`, where `xn--` is the IDNA A-label prefix
///   (RFC 5890 §2.3.2.1): `xn--mller-kva--de` is `xn--mller-kva.de`;
/// - three or more dashes in a row, or dashes at either end, name nothing: they would make a label that
///   starts or ends with a dash, which RFC 1123 §2.1 does not allow.
///
/// A domain that this cannot write back unchanged has no such host name: one with another `--` inside a label
/// (`a--b.com`, an A-label like `xn--a--b`), a label `xn` before another label (`xn.example.com`), or one
/// whose encoded label would pass 63 characters (RFC 1035 §2.3.4). Decoded domains are checked like the
/// directory checks domain names: LDH labels of 1–63 characters, at least two labels, a last label that is
/// not all digits.
public struct HostNameMapping: Sendable, Equatable {
    /// The lower-cased base, such as `almanac.example.net`.
    public let baseDomain: String

    /// The label between the encoded domain and the base.
    public static let wildcardLabel = "w"

    /// A mapping under `baseDomain`; nil when it is not a valid domain name (case and a final dot are ignored).
    public init?(baseDomain: String) {
        guard let name = Self.normalized(host: baseDomain), Self.isValidDomain(name) else { return nil }
        self.baseDomain = name
    }

    /// The mail domain a request's host names, such as `example.com` for `Example--Com.w.BASE:8443`; nil for
    /// any other host.
    public func domain(forHost host: String) -> String? {
        guard let name = Self.normalized(host: host) else { return nil }
        let suffix = "." + Self.wildcardLabel + "." + baseDomain
        guard name.hasSuffix(suffix) else { return nil }
        let label = name.dropLast(suffix.count)
        guard !label.isEmpty, !label.contains("."), let domain = Self.decode(label), Self.isValidDomain(domain)
        else { return nil }
        return domain
    }

    /// The host name for a mail domain, such as `example--com.w.BASE`; nil when the domain has none.
    public func hostName(forDomain domain: String) -> String? {
        guard let name = Self.normalized(host: domain), Self.isValidDomain(name) else { return nil }
        let label = name.replacingOccurrences(of: ".", with: "--")
        guard label.utf8.count <= Self.maximumLabelLength, Self.decode(Substring(label)) == name else { return nil }
        return label + "." + Self.wildcardLabel + "." + baseDomain
    }

    /// A host as a request names it, lower-cased, without a port and without a final dot; nil for an IP
    /// literal in brackets or an empty name.
    public static func normalized(host: String) -> String? {
        var name = Substring(host.lowercased())
        guard !name.hasPrefix("[") else { return nil }
        if let colon = name.lastIndex(of: ":") {
            let port = name[name.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isASCIIDigit), name.firstIndex(of: ":") == colon else { return nil }
            name = name[..<colon]
        }
        if name.hasSuffix(".") { name = name.dropLast() }
        return name.isEmpty ? nil : String(name)
    }

    static let maximumLabelLength = 63
    static let maximumDomainLength = 253

    /// The domain a label writes, by the rule above; nil when the dashes name nothing.
    static func decode(_ label: Substring) -> String? {
        var domain = ""
        var currentLabel = ""
        var index = label.startIndex
        while index < label.endIndex {
            let character = label[index]
            guard character == "-" else {
                currentLabel.append(character)
                index = label.index(after: index)
                continue
            }
            var end = index
            while end < label.endIndex, label[end] == "-" { end = label.index(after: end) }
            let dashes = label.distance(from: index, to: end)
            guard index != label.startIndex, end != label.endIndex, dashes <= 2 else { return nil }
            if dashes == 2 && currentLabel != "xn" {
                domain += currentLabel + "."
                currentLabel = ""
            } else {
                currentLabel += String(repeating: "-", count: dashes)
            }
            index = end
        }
        return domain + currentLabel
    }

    /// LDH labels of 1–63 characters not starting or ending with a dash (RFC 1123 §2.1), at least two labels,
    /// at most 253 characters, and a last label that is not all digits: the directory's rule for domains.
    static func isValidDomain(_ name: String) -> Bool {
        guard name.utf8.count <= maximumDomainLength else { return false }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= maximumLabelLength,
                label.allSatisfy({ $0.isASCIILetterOrDigit || $0 == "-" }), label.first != "-", label.last != "-"
            else { return false }
        }
        return !(labels.last?.allSatisfy(\.isASCIIDigit) ?? true)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
    fileprivate var isASCIILetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
}
