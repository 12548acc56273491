/// The precondition of a write, from HTTP If-Match / If-None-Match
/// (RFC 9110 §13.1.1, §13.1.2) or its EAS equivalent.
public enum WriteCondition: Sendable, Equatable {
    /// No precondition: create or replace (delete: the item must exist).
    case none
    /// `If-Match: "<etag>"`: the item must exist with this ETag (value without quotes).
    case ifMatch(String)
    /// `If-Match: *`: the item must exist.
    case ifMatchAny
    /// `If-None-Match: *`: the item must not exist (create only).
    case ifNoneMatchAny

    /// Checks the condition against the current ETag (nil: no such item);
    /// throws ``StoreError/preconditionFailed(_:)`` with the current ETag or "none".
    func check(currentETag: String?) throws(StoreError) {
        switch (self, currentETag) {
        case (.none, _), (.ifMatchAny, .some), (.ifNoneMatchAny, .none):
            return
        case (.ifMatch(let expected), .some(let current)) where expected == current:
            return
        case (.ifMatch, _), (.ifMatchAny, .none), (.ifNoneMatchAny, .some):
            throw .preconditionFailed(currentETag ?? "none")
        }
    }
}
