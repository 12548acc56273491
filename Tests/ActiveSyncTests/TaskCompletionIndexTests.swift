import Foundation
import Store
import Testing
import WBXML

@testable import ActiveSync

/// FilterType 8 (incomplete tasks, MS-ASCMD 2.2.3.68.2) answers from the completion the store
/// indexes in `is_read` (``ItemIndex/isRead``), and parses only tasks written before that index.
struct TaskCompletionIndexTests {
    /// A VTODO with these extra lines; its SUMMARY is its subject (what the fake converter sends).
    func task(_ subject: String, _ lines: [String] = []) -> [UInt8] {
        let all =
            ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac//Tests//EN", "BEGIN:VTODO", "UID:\(subject)"]
            + ["DTSTAMP:20260101T000000Z", "SUMMARY:\(subject)"] + lines + ["END:VTODO", "END:VCALENDAR"]
        return Array((all.joined(separator: "\r\n") + "\r\n").utf8)
    }

    @Test func theIndexRecordsWhetherATaskIsComplete() throws {
        let cases: [(lines: [String], complete: Bool)] = [
            ([], false), (["STATUS:NEEDS-ACTION"], false), (["STATUS:IN-PROCESS"], false),
            (["STATUS:COMPLETED"], true), (["STATUS:completed"], true), (["COMPLETED:20260102T090000Z"], true),
        ]
        for (lines, complete) in cases {
            let index = try ItemIndexer.index(task("T", lines), itemClass: .tasks, floatingTimeZone: nil)
            #expect(index.isRead == complete, "\(lines)")
        }
        // Not a task: nothing indexed there.
        let event = Array(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:e\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
                .utf8)
        #expect(try ItemIndexer.index(event, itemClass: .calendar, floatingTimeZone: nil).isRead == nil)
    }

    @Test func filterType8ListsTheIncompleteTasksByTheIndex() async throws {
        try await ItemSession.with { session in
            let tasks = try await session.folderID(.tasks)
            // The index, not the text, decides where it says something: the texts of the first
            // two say the opposite of their index, so a listing that parsed them would invert them.
            let stored: [(subject: String, body: [UInt8], complete: Bool?)] = [
                ("IndexedOpen", task("IndexedOpen", ["STATUS:COMPLETED"]), false),
                ("IndexedDone", task("IndexedDone"), true),
                ("Unparsable", Array("SUMMARY:Unparsable\r\nnot iCalendar\r\n".utf8), false),
                ("OldOpen", task("OldOpen", ["STATUS:NEEDS-ACTION"]), nil),
                ("OldDone", task("OldDone", ["COMPLETED:20260102T090000Z"]), nil),
            ]
            for (subject, body, complete) in stored {
                try await session.fixture.withStore { store in
                    _ = try await store.putItem(
                        folderID: tasks, resourceName: "\(subject).ics", contentType: "text/calendar", body: body,
                        index: ItemIndex(uid: subject, subject: subject, isRead: complete), condition: .none,
                        quotaLimit: .max)
                }
            }
            _ = try await session.start(tasks, options: [EAS.filterType(8)])
            let listed = try #require(
                try await session.sync([EAS.collection("1", tasks, options: [EAS.filterType(8)])]).collection(tasks))
            #expect(Set(listed.serverCommands.compactMap(\.subject)) == ["IndexedOpen", "Unparsable", "OldOpen"])
            #expect(listed.serverCommands.allSatisfy { $0.kind == "Add" })
        }
    }
}
