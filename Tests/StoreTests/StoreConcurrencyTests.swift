import Foundation
import Testing

@testable import Store

struct StoreConcurrencyTests {
    @Test func concurrentWritersGetDistinctIncreasingModseqs() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let start = try await store.modseq()

        let writes = try await withThrowingTaskGroup(of: [ItemWrite].self) { group in
            for writer in 0..<8 {
                group.addTask {
                    var writes: [ItemWrite] = []
                    for n in 0..<50 {
                        writes.append(
                            try await store.put(calendarID, "\(writer)-\(n).ics", body: icsBody(uid: "\(writer)-\(n)")))
                    }
                    return writes
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }

        let modseqs = writes.map(\.item.modseq)
        #expect(Set(modseqs).count == 400)
        #expect(Set(modseqs) == Set((start + 1)...(start + 400)))
        #expect(try await store.modseq() == start + 400)
        #expect(try await store.usedBytes() == writes.reduce(0) { $0 + $1.item.size })

        let (changes, current) = try await store.changes(folderID: calendarID, since: start)
        #expect(current == start + 400)
        #expect(changes.count == 400)
        #expect(changes.allSatisfy { $0.kind == .created })
        #expect(zip(changes, changes.dropFirst()).allSatisfy { $0.modseq < $1.modseq })
        let (later, _) = try await store.changes(folderID: calendarID, since: start + 350)
        #expect(later.map(\.modseq) == Array((start + 351)...(start + 400)))
    }

    @Test func twoConnectionsOnOneFileShareOneModseq() async throws {
        // The server and the CLI open the same file, each with its own connections.
        let directory = try TemporaryDirectory()
        let server = try Store(path: directory.storePath(), userID: 1, bus: nil)
        let cli = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer {
            try? server.close()
            try? cli.close()
        }
        let calendarID = try await server.calendarID()
        let start = try await server.modseq()

        let modseqs = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for (index, store) in [server, cli, server, cli].enumerated() {
                group.addTask {
                    var modseqs: [Int64] = []
                    for n in 0..<25 {
                        let write = try await store.put(calendarID, "\(index)-\(n).ics", body: icsBody(uid: "\(n)"))
                        modseqs.append(write.item.modseq)
                    }
                    return modseqs
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }

        #expect(Set(modseqs) == Set((start + 1)...(start + 100)))
        #expect(try await cli.modseq() == start + 100)
        let rows = try await server.changeRows().filter { $0.modseq > start }
        #expect(rows.count == 100)
        #expect(try await cli.items(folderID: calendarID).count == 100)
        let info = try await server.info()
        let total = try await cli.items(folderID: calendarID).reduce(0) { $0 + $1.size }
        #expect(info.usedBytes == total)
    }
}
