import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import WBXML

/// One phone of the Ping benchmark: a DeviceId of a user that fetched its folder list and then
/// Pings its calendar and address book (MS-ASCMD 2.2.1.13), over HTTP/1.1 on loopback.
struct PingPhone: Sendable {
    let user: Int
    let address: String
    let deviceID: String
    let authorization: String

    init(user: Int, address: String, password: String, deviceID: String) {
        self.user = user
        self.address = address
        self.deviceID = deviceID
        self.authorization = "Basic " + Data("\(address):\(password)".utf8).base64EncodedString()
    }

    /// A Ping's answer: its status and the folders it names.
    struct Answer: Sendable {
        var status: Int
        var folders: [String]
    }

    /// FolderSync from key 0; returns the ServerIds of the Calendar (type 8) and Contacts (9) folders.
    func folderSync(_ http: HTTPClient, port: Int) async throws -> (calendar: String, contacts: String) {
        let answer = try await post(
            http, port: port, "FolderSync",
            WBXMLElement(
                "FolderHierarchy", "FolderSync", children: [WBXMLElement("FolderHierarchy", "SyncKey", text: "0")]),
            timeout: .seconds(60))
        let adds = answer?.child("Changes")?.children.filter { $0.name == "Add" } ?? []
        func id(ofType type: String) -> String? {
            adds.first { $0.child("Type")?.text == type }?.child("ServerId")?.text
        }
        guard let calendar = id(ofType: "8"), let contacts = id(ofType: "9") else {
            throw BenchmarkError(message: "FolderSync of \(deviceID) listed no calendar or address book")
        }
        return (calendar, contacts)
    }

    /// One Ping of `folders` (ServerId, Class) with a heartbeat of `seconds`.
    func ping(_ http: HTTPClient, port: Int, folders: [(String, String)], seconds: Int) async throws -> Answer {
        let request = WBXMLElement(
            "Ping", "Ping",
            children: [
                WBXMLElement("Ping", "HeartbeatInterval", text: String(seconds)),
                WBXMLElement(
                    "Ping", "Folders",
                    children: folders.map { id, folderClass in
                        WBXMLElement(
                            "Ping", "Folder",
                            children: [
                                WBXMLElement("Ping", "Id", text: id), WBXMLElement("Ping", "Class", text: folderClass),
                            ])
                    }),
            ])
        let answer = try await post(http, port: port, "Ping", request, timeout: .seconds(Int64(seconds) + 120))
        guard let answer, let status = answer.child("Status")?.text.flatMap({ Int($0) }) else {
            throw BenchmarkError(message: "a Ping of \(deviceID) had no status")
        }
        return Answer(
            status: status,
            folders: answer.child("Folders")?.children.compactMap { $0.name == "Folder" ? $0.text : nil } ?? [])
    }

    private func post(
        _ http: HTTPClient, port: Int, _ command: String, _ element: WBXMLElement, timeout: TimeAmount
    ) async throws -> WBXMLElement? {
        var request = HTTPClientRequest(
            url: "http://127.0.0.1:\(port)/Microsoft-Server-ActiveSync?Cmd=\(command)&User=\(address)"
                + "&DeviceId=\(deviceID)&DeviceType=iPhone")
        request.method = .POST
        request.headers.add(name: "Authorization", value: authorization)
        request.headers.add(name: "MS-ASProtocolVersion", value: "14.1")
        request.headers.add(name: "Content-Type", value: EASBenchClient.contentType)
        request.headers.add(name: "User-Agent", value: "AlmanacBench/1.0")
        request.body = .bytes(ByteBuffer(bytes: try WBXMLEncoder().encode(element)))
        let response = try await http.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else {
            throw BenchmarkError(message: "\(command) of \(deviceID) answered \(response.status)")
        }
        return body.readableBytes == 0 ? nil : try WBXMLDecoder().decode(Array(buffer: body))
    }
}
