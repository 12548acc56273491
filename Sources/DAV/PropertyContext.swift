import Store

/// What computing properties needs, read once per request so each property
/// is computed without further I/O (and only when asked for).
struct PropertyContext: Sendable {
    let principal: DAVPrincipal
    let storeID: String
    let limits: DAVLimits
    /// Kept properties of each folder, by folder id.
    let folderProperties: [Int64: [FolderProperty]]
    /// Bytes used, read only when a quota property was asked for.
    let usedBytes: Int64?

    func properties(of folder: Folder) -> [FolderProperty] {
        folderProperties[folder.id] ?? []
    }

    func property(_ name: String, of folder: Folder) -> FolderProperty? {
        properties(of: folder).first { $0.name == name }
    }

    /// Apple's `me-card`, kept with the default address book's properties.
    var meCard: String? {
        let name = DAVNames.meCard.description
        return folderProperties.values.lazy.flatMap { $0 }.first { $0.name == name }?.value
    }
}
