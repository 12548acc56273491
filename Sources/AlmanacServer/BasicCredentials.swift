import Foundation

/// The user name and password of an `Authorization: Basic` header (RFC 7617).
///
/// Parsing is bounded: headers longer than ``maximumHeaderLength`` are refused
/// before decoding.
public struct BasicCredentials: Sendable, Equatable {
    /// Far above any real address and password, small enough to bound the work.
    public static let maximumHeaderLength = 4096

    public let login: String
    public let password: String

    public init(login: String, password: String) {
        self.login = login
        self.password = password
    }

    /// Parses the header value; nil when it is not well-formed Basic credentials.
    public init?(authorization: String) {
        guard authorization.utf8.count <= Self.maximumHeaderLength else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "basic" else { return nil }
        let encoded = parts[1].trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":")
        else { return nil }
        let login = String(text[..<colon])
        guard !login.isEmpty else { return nil }
        self.login = login
        self.password = String(text[text.index(after: colon)...])
    }
}
