import Store

/// Rules the folder commands share: which display names are usable and free, and what a store
/// refusal means as a FolderHierarchy status.
enum FolderNames {
    /// A display name of 1–256 characters without control characters.
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 256
            && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Whether a sibling under `parentID` already shows this name (compared without case, as
    /// Exchange does).
    static func taken(_ name: String, under parentID: Int64?, in folders: [Folder]) -> Bool {
        let lowered = name.lowercased()
        return folders.contains { $0.parentID == parentID && $0.displayName.lowercased() == lowered }
    }

    /// The folder and every folder below it, from one listing.
    static func subtree(of id: Int64, in folders: [Folder]) -> [Int64] {
        var found = [id]
        var index = 0
        while index < found.count {
            let parent = found[index]
            found += folders.filter { $0.parentID == parent }.map(\.id)
            index += 1
        }
        return found
    }

    static func status(of error: StoreError) -> FolderHierarchyStatus {
        switch error {
        case .folderNotFound: .folderNotFound
        case .specialFolder: .specialFolder
        case .folderNameExists: .folderExists
        case .folderCycle, .invalidName: .malformedRequest
        default: .serverError
        }
    }
}
