import AlmanacServer
import AsyncHTTPClient
import Directory
import Foundation
import ICalendar
import ItemIndexing
import NIOCore
import Store
import VCard

extension SyncBenchmark {
    /// Writes `items` events into the user's default calendar and `items` contacts into the
    /// default address book, through the store library as a CalDAV/CardDAV PUT writes them
    /// (parsed, checked as a calendar object resource or a CardDAV card, indexed by
    /// `CalendarIndex`/`CardIndex`, one `putItem` transaction each, If-None-Match: *), before the
    /// server opens the store. Returns the seconds each class took and its bytes.
    static func fill(root: URL, user: User, items: Int) async throws -> Fill {
        let data = DataDirectory(path: root.path)
        let store = try Store(path: data.storeFile(userID: user.id).path, userID: user.id, bus: nil)
        do {
            guard let calendar = try await store.folder(role: .calendar),
                let addressBook = try await store.folder(role: .contacts)
            else { throw BenchmarkError(message: "the new store has no default calendar or address book") }
            let clock = ContinuousClock()
            var fill = Fill()
            var start = clock.now
            for n in 0..<items {
                let body = Array(SyncWorkload.event(n).utf8)
                fill.eventBytes += body.count
                let object = try ICalendarObject.parse(bytes: body)
                try object.validateAsCalendarResource()
                _ = try await store.putItem(
                    folderID: calendar.id, resourceName: SyncWorkload.eventName(n), contentType: calendarType,
                    body: body, index: CalendarIndex.index(object, floatingTimeZone: nil), condition: .ifNoneMatchAny,
                    quotaLimit: user.quotaBytes)
            }
            fill.eventSeconds = (clock.now - start).seconds
            start = clock.now
            for n in 0..<items {
                let body = Array(SyncWorkload.contact(n).utf8)
                fill.contactBytes += body.count
                _ = try await store.putItem(
                    folderID: addressBook.id, resourceName: SyncWorkload.contactName(n), contentType: cardType,
                    body: body, index: CardIndex.index(try VCard.parseForCardDAV(body)), condition: .ifNoneMatchAny,
                    quotaLimit: user.quotaBytes)
            }
            fill.contactSeconds = (clock.now - start).seconds
            try store.close()
            return fill
        } catch {
            try? store.close()
            throw error
        }
    }

    /// How long the fill took, and the iCalendar and vCard bytes written.
    struct Fill {
        var eventSeconds = 0.0
        var eventBytes = 0
        var contactSeconds = 0.0
        var contactBytes = 0
    }

    static let calendarType = "text/calendar; charset=utf-8"
    static let cardType = "text/vcard; charset=utf-8"

    /// Replaces item `n` of a class with its revision `revision` by a CalDAV/CardDAV PUT on
    /// loopback (RFC 4791 §5.3.2, RFC 6352 §6.3.2), as a desktop client edits it: a new ETag,
    /// one change in the store, one change on the bus.
    static func change(
        _ itemClass: ItemClass, _ n: Int, revision: Int, http: HTTPClient, port: Int, address: String,
        authorization: String
    ) async throws {
        let (path, body, type) =
            switch itemClass {
            case .events:
                (
                    "calendars/\(address)/calendar/\(SyncWorkload.eventName(n))",
                    SyncWorkload.event(n, revision: revision),
                    calendarType
                )
            case .contacts:
                (
                    "addressbooks/\(address)/contacts/\(SyncWorkload.contactName(n))",
                    SyncWorkload.contact(n, revision: revision), cardType
                )
            }
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/dav/\(path)")
        request.method = .PUT
        request.headers.add(name: "Authorization", value: authorization)
        request.headers.add(name: "Content-Type", value: type)
        request.headers.add(name: "If-Match", value: "*")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await http.execute(request, timeout: .seconds(30))
        let answer = try await response.body.collect(upTo: 1 << 16)
        guard response.status == .noContent else {
            throw BenchmarkError(message: "PUT /dav/\(path) answered \(response.status): \(String(buffer: answer))")
        }
    }
}
