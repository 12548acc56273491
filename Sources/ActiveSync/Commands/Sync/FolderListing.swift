import Foundation
import ICalendar
import Store

/// A folder's items as the state machine compares them (``ServerItem``), with the store
/// modseq they were listed at, and which of them are in the collection's FilterType window
/// (MS-ASCMD 2.2.3.68.2): a calendar item is when it ends after the window's start (by the
/// store's `end_at` index; open-ended items always are), a task when it is not complete.
enum FolderListing {
    static func items(_ folder: ItemFolder, filter: FilterType, now: Date = Date()) async throws -> (
        items: [ServerItem], modseq: Int64
    ) {
        let effective = filter.effective(for: folder.itemClass)
        if effective == .incompleteTasks {
            // Completion is not indexed: the task texts are read (task lists are small).
            let listing = try await folder.store.listing(folderID: folder.id)
            return (
                listing.items.map { ServerItem(id: $0.id, modseq: $0.modseq, inWindow: !isComplete($0.body)) },
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

    /// Whether a stored task is complete (RFC 5545 §3.8.1.11 STATUS:COMPLETED, or a COMPLETED
    /// date, §3.8.2.1); a text that does not parse counts as incomplete, so it is not hidden.
    static func isComplete(_ body: [UInt8]) -> Bool {
        guard let object = try? ICalendarObject.parse(bytes: body),
            let task = object.root.components("VTODO").first(where: { $0.property("RECURRENCE-ID") == nil })
        else { return false }
        return task.property("STATUS")?.value.uppercased() == "COMPLETED" || task.property("COMPLETED") != nil
    }
}
