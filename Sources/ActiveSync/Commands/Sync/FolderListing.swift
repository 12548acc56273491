import Foundation
import ICalendar
import ItemIndexing
import Store

/// A folder's items as the state machine compares them (``ServerItem``), with the store
/// modseq they were listed at, and which of them are in the collection's FilterType window
/// (MS-ASCMD 2.2.3.68.2): a calendar item is when it ends after the window's start (by the
/// store's `end_at` index; open-ended items always are), a task when it is not complete (by
/// the `is_read` index, ``ItemIndex/isRead``).
enum FolderListing {
    static func items(_ folder: ItemFolder, filter: FilterType, now: Date = Date()) async throws -> (
        items: [ServerItem], modseq: Int64
    ) {
        let effective = filter.effective(for: folder.itemClass)
        if effective == .incompleteTasks {
            // Completion is indexed in is_read (ItemIndex.isRead); only tasks written before it
            // was (is_read NULL) come with their text, which is parsed.
            let listing = try await folder.store.items(folderID: folder.id, bodiesWhereNull: .isRead)
            return (
                listing.items.map { item in
                    ServerItem(id: item.id, modseq: item.modseq, inWindow: !(item.isRead ?? isComplete(item.body)))
                },
                listing.modseq
            )
        }
        let listing = try await folder.store.itemsWithoutBodies(folderID: folder.id)
        let start = effective.windowStart(now: Int64(now.timeIntervalSince1970))
        return (
            listing.items.map { item in
                ServerItem(
                    id: item.id, modseq: item.modseq,
                    inWindow: start.map { start in item.endAt.map { $0 > start } ?? true } ?? true)
            },
            listing.modseq
        )
    }

    /// Whether a stored task is complete (``CalendarIndex/isComplete(_:)``); a text that does not
    /// parse counts as incomplete, so it is not hidden.
    static func isComplete(_ body: [UInt8]) -> Bool {
        guard let object = try? ICalendarObject.parse(bytes: body), let task = CalendarIndex.task(of: object) else {
            return false
        }
        return CalendarIndex.isComplete(task)
    }
}
