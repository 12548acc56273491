import Foundation
import GRDB
import Testing

@testable import Directory

struct OutOfOfficeTests {
    let folder: TemporaryFolder
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    init() throws {
        folder = try TemporaryFolder()
    }

    func demoID(_ directory: Directory) async throws -> Int64 {
        try #require(try await directory.user(address: "demo@example.test")).id
    }

    @Test func aUserWhoNeverSetAnythingIsNotOutOfOffice() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        #expect(try await directory.outOfOffice(userID: try await demoID(directory)) == .disabled)
        #expect(OutOfOffice.disabled.state == .disabled && OutOfOffice.disabled.internal == nil)
        await #expect(throws: DirectoryError.userIDNotFound(999)) { try await directory.outOfOffice(userID: 999) }
        await #expect(throws: DirectoryError.userIDNotFound(999)) {
            try await directory.setOutOfOffice(userID: 999, .disabled)
        }
    }

    @Test func roundTrip() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let global = OutOfOffice(
            state: .global,
            internal: .init(enabled: true, text: "Back on Monday.", bodyType: .text),
            externalKnown: .init(enabled: false, text: "<p>Away</p>", bodyType: .html),
            externalUnknown: nil)
        try await directory.setOutOfOffice(userID: userID, global)
        #expect(try await directory.outOfOffice(userID: userID) == global)

        let timed = OutOfOffice(
            state: .timeBased, start: start, end: start + 7 * 86_400,
            internal: .init(enabled: true, text: "Ferien ✈︎ bis 8.", bodyType: .text),
            externalKnown: .init(enabled: true, text: "", bodyType: .text),
            externalUnknown: .init(enabled: true, text: "<b>Away</b>", bodyType: .html))
        try await directory.setOutOfOffice(userID: userID, timed)
        #expect(try await directory.outOfOffice(userID: userID) == timed)

        // Turning it off keeps the messages for next time.
        var off = timed
        off.state = .disabled
        off.start = nil
        off.end = nil
        try await directory.setOutOfOffice(userID: userID, off)
        #expect(try await directory.outOfOffice(userID: userID) == off)
    }

    @Test func aPeriodIsKeptOnlyWhenTimeBased() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        // MS-ASCMD 2.2.3.124: times sent with another state are not stored.
        for state in [OutOfOffice.State.global, .disabled] {
            try await directory.setOutOfOffice(userID: userID, OutOfOffice(state: state, start: start, end: start + 60))
            #expect(try await directory.outOfOffice(userID: userID) == OutOfOffice(state: state))
        }
    }

    @Test(
        arguments: [
            (nil, 60.0, "needs a start and an end"), (0.0, nil, "needs a start and an end"),
            (nil, nil, "needs a start and an end"), (60.0, 0.0, "is not at least a second after the start"),
            (0.0, 0.0, "is not at least a second after the start"),
            (0.0, 0.5, "is not at least a second after the start"),
        ] as [(TimeInterval?, TimeInterval?, String)])
    func aTimeBasedPeriodMustEndAfterItStarts(startOffset: TimeInterval?, endOffset: TimeInterval?, reason: String)
        async throws
    {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let kept = OutOfOffice(state: .global, internal: .init(enabled: true, text: "Away", bodyType: .text))
        try await directory.setOutOfOffice(userID: userID, kept)
        let value = OutOfOffice(
            state: .timeBased, start: startOffset.map { start + $0 }, end: endOffset.map { start + $0 })
        do {
            try await directory.setOutOfOffice(userID: userID, value)
            Issue.record("accepted \(value)")
        } catch let DirectoryError.invalidOutOfOffice(message) {
            #expect(message.contains(reason), "\(message)")
        }
        #expect(try await directory.outOfOffice(userID: userID) == kept)
    }

    @Test func anOverlongMessageIsRefused() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let longest = String(repeating: "x", count: OutOfOffice.Message.maximumLength)
        let value = OutOfOffice(state: .global, externalUnknown: .init(enabled: true, text: longest, bodyType: .text))
        try await directory.setOutOfOffice(userID: userID, value)
        #expect(try await directory.outOfOffice(userID: userID) == value)
        let tooLong = OutOfOffice(state: .global, internal: .init(enabled: true, text: longest + "é", bodyType: .text))
        await #expect(
            throws: DirectoryError.invalidOutOfOffice("the internal message has 65538 bytes, more than 65536")
        ) {
            try await directory.setOutOfOffice(userID: userID, tooLong)
        }
        #expect(try await directory.outOfOffice(userID: userID) == value)
    }

    @Test func removingAUserRemovesTheirSettings() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        try await directory.setOutOfOffice(userID: userID, OutOfOffice(state: .global))
        #expect(try directory.readNow { db in try OutOfOfficeRecord.fetchCount(db) } == 1)
        try await directory.removeUser(address: "demo@example.test")
        #expect(try directory.readNow { db in try OutOfOfficeRecord.fetchCount(db) } == 0)
    }

    @Test func schemaEnforcesTheInvariants() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let value = OutOfOffice(
            state: .timeBased, start: start, end: start + 3600,
            internal: .init(enabled: true, text: "Away", bodyType: .text))
        try await directory.setOutOfOffice(userID: userID, value)
        for sql in [
            "UPDATE out_of_office SET state = 'on'", "UPDATE out_of_office SET end_time = start_time",
            "UPDATE out_of_office SET end_time = NULL", "UPDATE out_of_office SET state = 'global'",
            "UPDATE out_of_office SET internal_message = NULL", "UPDATE out_of_office SET internal_body_type = 'rtf'",
            "UPDATE out_of_office SET external_known_enabled = 1",
            "UPDATE out_of_office SET state = 'disabled', start_time = NULL",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try directory.pool.write { db in try db.execute(sql: sql) }
            }
        }
        #expect(try await directory.outOfOffice(userID: userID) == value)
    }
}
