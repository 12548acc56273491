/// Validation of folder names and item resource names (URL segments).
enum StoreName {
    /// The longest name, in UTF-8 bytes.
    static let maximumBytes = 255

    /// Throws ``StoreError/invalidName(_:)`` unless `name` is non-empty, at
    /// most 255 bytes, free of "/" and control characters, and not "." or "..".
    static func validate(_ name: String) throws(StoreError) {
        guard !name.isEmpty, name.utf8.count <= maximumBytes, name != ".", name != ".." else {
            throw .invalidName(name)
        }
        for scalar in name.unicodeScalars where scalar == "/" || scalar.properties.generalCategory == .control {
            throw .invalidName(name)
        }
    }
}
