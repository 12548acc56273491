import Foundation
import Testing

@testable import ActiveSync
@testable import Store

/// The folder list a FolderSync key names, and the changes between two lists.
struct HierarchySnapshotTests {
    private func entry(_ id: String, _ parent: String = "0", _ name: String, _ type: FolderType)
        -> HierarchySnapshot.Entry
    {
        HierarchySnapshot.Entry(serverID: id, parentID: parent, displayName: name, type: type.rawValue)
    }

    @Test func changesListAddsParentFirstUpdatesAndDeletes() {
        let old = HierarchySnapshot(entries: [
            entry("1", "0", "Inbox", .inbox), entry("7", "0", "Calendar", .calendar),
            entry("12", "0", "Old", .userMail),
        ])
        let new = HierarchySnapshot(entries: [
            entry("1", "0", "Inbox", .inbox), entry("7", "0", "Kalender", .calendar),
            entry("21", "20", "Child", .userMail), entry("20", "1", "Parent", .userMail),
        ])
        let changes = old.changes(to: new)
        #expect(changes.added.map(\.serverID) == ["20", "21"])
        #expect(changes.updated.map(\.displayName) == ["Kalender"])
        #expect(changes.deleted == ["12"])
        #expect(changes.count == 4)
        #expect(new.changes(to: new).count == 0)
        #expect(HierarchySnapshot(entries: []).changes(to: new).added.count == 4)
    }

    @Test func encodesAndDecodes() {
        let snapshot = HierarchySnapshot(entries: [entry("3", "0", "Ünïcode ✓", .userNotes)])
        #expect(HierarchySnapshot(encoded: snapshot.encoded()) == snapshot)
        #expect(HierarchySnapshot(encoded: Array("garbage".utf8)) == nil)
    }

    @Test func folderTypesFollowRoleAndClass() {
        func folder(_ folderClass: FolderClass, _ role: FolderRole?) -> Folder {
            Folder(
                id: 1, parentID: nil, folderClass: folderClass, role: role, name: "x", displayName: "X",
                createdModseq: 0, modseq: 0, createdAt: Date(), updatedAt: Date())
        }
        #expect(FolderType(folder(.mail, .inbox)) == .inbox)
        #expect(FolderType(folder(.mail, .trash)) == .deletedItems)
        #expect(FolderType(folder(.mail, .junk)) == .userMail)
        #expect(FolderType(folder(.notes, .notes)) == .notes)
        #expect(FolderType(folder(.calendar, nil)) == .userCalendar)
        #expect(FolderType(folder(.notes, nil)) == .userNotes)
        #expect(FolderType.userContacts.creatableClass == .contacts)
        #expect(FolderType.calendar.creatableClass == nil && FolderType.userJournal.creatableClass == nil)
    }
}
