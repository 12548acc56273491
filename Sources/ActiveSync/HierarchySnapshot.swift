import Foundation
import Store

/// The folder list as a device last saw it (the state a FolderSync SyncKey names), and the
/// changes that bring a device from one list to another (MS-ASCMD 2.2.1.5 FolderSync:
/// `Add`, `Update`, `Delete`).
public struct HierarchySnapshot: Sendable, Equatable, Codable {
    /// One folder as FolderSync reports it (MS-ASCMD 2.2.3.145 ServerId, 2.2.3.123 ParentId,
    /// 2.2.3.51 DisplayName, 2.2.3.186.3 Type). `parentID` is "0" at the top level.
    public struct Entry: Sendable, Equatable, Hashable, Codable {
        public var serverID: String
        public var parentID: String
        public var displayName: String
        public var type: Int

        public init(serverID: String, parentID: String, displayName: String, type: Int) {
            self.serverID = serverID
            self.parentID = parentID
            self.displayName = displayName
            self.type = type
        }
    }

    public struct Changes: Sendable, Equatable {
        /// New folders, each after its parent.
        public var added: [Entry] = []
        public var updated: [Entry] = []
        /// Server ids of the folders gone.
        public var deleted: [String] = []

        public var count: Int { added.count + updated.count + deleted.count }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.sorted { $0.serverID.localizedStandardCompare($1.serverID) == .orderedAscending }
    }

    /// The store's folders as FolderSync reports them: ServerId the folder's row id (stable,
    /// never reused), parent "0" at the top level.
    public init(folders: [Folder]) {
        self.init(
            entries: folders.map { folder in
                Entry(
                    serverID: String(folder.id), parentID: folder.parentID.map(String.init) ?? "0",
                    displayName: folder.displayName, type: FolderType(folder).rawValue)
            })
    }

    /// What a device holding `self` must apply to hold `newer`.
    public func changes(to newer: HierarchySnapshot) -> Changes {
        let old = Dictionary(entries.map { ($0.serverID, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(newer.entries.map { ($0.serverID, $0) }, uniquingKeysWith: { first, _ in first })
        var changes = Changes()
        changes.added = newer.parentsFirst(newer.entries.filter { old[$0.serverID] == nil })
        changes.updated = newer.entries.filter { entry in old[entry.serverID].map { $0 != entry } ?? false }
        changes.deleted = entries.filter { new[$0.serverID] == nil }.map(\.serverID)
        return changes
    }

    /// `entries` ordered so that a folder comes after its parent when both are listed.
    private func parentsFirst(_ list: [Entry]) -> [Entry] {
        let parents = Dictionary(entries.map { ($0.serverID, $0.parentID) }, uniquingKeysWith: { first, _ in first })
        func depth(_ id: String) -> Int {
            var depth = 0
            var current = id
            while let parent = parents[current], parent != "0", depth < parents.count {
                depth += 1
                current = parent
            }
            return depth
        }
        return list.enumerated().sorted {
            (depth($0.element.serverID), $0.offset) < (depth($1.element.serverID), $1.offset)
        }
        .map(\.element)
    }

    /// The snapshot as stored in the sync state.
    public func encoded() -> [UInt8] {
        (try? [UInt8](JSONEncoder().encode(self))) ?? []
    }

    /// A stored snapshot; nil when the bytes are not one (the state is then treated as lost).
    public init?(encoded bytes: [UInt8]) {
        guard let snapshot = try? JSONDecoder().decode(HierarchySnapshot.self, from: Data(bytes)) else { return nil }
        self = snapshot
    }
}
