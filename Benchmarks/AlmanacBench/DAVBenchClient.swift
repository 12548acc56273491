import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The desktop side of the Ping benchmark: CalDAV/CardDAV PUTs and GETs as the users of
/// ``PingBenchmark``, and `/healthz`'s count of waiting ActiveSync requests.
struct DAVBenchClient: Sendable {
    let http: HTTPClient
    let port: Int
    let password: String

    private func authorization(_ user: Int) -> String {
        "Basic " + Data("\(PingBenchmark.address(user)):\(password)".utf8).base64EncodedString()
    }

    private func send(_ method: HTTPMethod, _ path: String, user: Int, body: String? = nil, contentType: String? = nil)
        async throws -> (HTTPResponseStatus, ByteBuffer)
    {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        request.headers.add(name: "Authorization", value: authorization(user))
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await http.execute(request, timeout: .seconds(60))
        return (response.status, try await response.body.collect(upTo: 1 << 20))
    }

    /// PUTs an event (`.ics`) or a card (`.vcf`); the server must answer 201 or 204.
    func put(_ path: String, body: String, user: Int) async throws {
        let type = path.hasSuffix(".vcf") ? "text/vcard; charset=utf-8" : "text/calendar; charset=utf-8"
        let (status, _) = try await send(.PUT, path, user: user, body: body, contentType: type)
        guard status == .created || status == .noContent else {
            throw BenchmarkError(message: "PUT \(path) answered \(status)")
        }
    }

    /// GETs a resource; returns how long it took.
    func get(_ path: String, user: Int) async throws -> Duration {
        let started = ContinuousClock.now
        let (status, _) = try await send(.GET, path, user: user)
        guard status == .ok else { throw BenchmarkError(message: "GET \(path) answered \(status)") }
        return ContinuousClock.now - started
    }

    /// How many ActiveSync requests the server reports waiting.
    func waiting(user: Int) async throws -> Int {
        let (status, body) = try await send(.GET, "/healthz", user: user)
        guard status == .ok,
            let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
            let waiting = object["activeSyncWaiting"] as? Int
        else { throw BenchmarkError(message: "/healthz answered \(status) without activeSyncWaiting") }
        return waiting
    }

    static func event(uid: String, summary: String) -> String {
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac//Bench//EN", "BEGIN:VEVENT", "UID:\(uid)",
            "DTSTAMP:20261101T080000Z", "DTSTART:20261201T090000Z", "DTEND:20261201T100000Z", "SUMMARY:\(summary)",
            "END:VEVENT", "END:VCALENDAR", "",
        ].joined(separator: "\r\n")
    }

    static func card(uid: String, name: String) -> String {
        ["BEGIN:VCARD", "VERSION:3.0", "UID:\(uid)", "FN:\(name)", "N:\(name);;;;", "END:VCARD", ""]
            .joined(separator: "\r\n")
    }
}
