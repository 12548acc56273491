/// The formats of an item body (MS-ASAIRS 2.2.2.22.1 `Type` of `Body` and `BodyPreference`).
public enum BodyType: Int, Sendable, CaseIterable {
    case plainText = 1
    case html = 2
    case rtf = 3
    case mime = 4
}
