/// `If-Match` and `If-None-Match` (RFC 9110 §13.1.1, §13.1.2), evaluated
/// against the current ETag of the target (nil when it does not exist).
struct Preconditions: Sendable, Equatable {
    enum Tags: Sendable, Equatable {
        case any
        case list([String])
    }

    var ifMatch: Tags?
    var ifNoneMatch: Tags?

    init(ifMatch: String?, ifNoneMatch: String?) {
        self.ifMatch = ifMatch.map(Self.parse)
        self.ifNoneMatch = ifNoneMatch.map(Self.parse)
    }

    /// Whether the request may proceed. `If-Match` compares strongly (a weak tag never
    /// matches); `If-None-Match` weakly.
    func allows(currentETag: String?) -> Bool {
        if let ifMatch {
            switch ifMatch {
            case .any: if currentETag == nil { return false }
            case .list(let tags):
                guard let currentETag, tags.contains("\"\(currentETag)\"") else { return false }
            }
        }
        if let ifNoneMatch {
            switch ifNoneMatch {
            case .any: if currentETag != nil { return false }
            case .list(let tags):
                if let currentETag, tags.contains(where: { Self.opaque($0) == "\"\(currentETag)\"" }) { return false }
            }
        }
        return true
    }

    /// `*` or a comma-separated list of entity tags; malformed members are kept as written
    /// (they match nothing).
    static func parse(_ header: String) -> Tags {
        let trimmed = header.trimmingWhitespace()
        if trimmed == "*" { return .any }
        return .list(
            trimmed.split(separator: ",").map { String(String($0).trimmingWhitespace()) }.filter { !$0.isEmpty })
    }

    private static func opaque(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}
