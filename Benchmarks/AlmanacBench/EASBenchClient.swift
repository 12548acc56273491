import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import WBXML

/// One Exchange ActiveSync device of the FolderSync and Sync benchmarks: its DeviceId, the
/// protocol version it speaks, the policy key it acknowledged, its current hierarchy SyncKey and
/// its collections' SyncKeys, talking HTTP/1.1 to the server on loopback.
struct EASBenchClient: Sendable {
    let http: HTTPClient
    let port: Int
    let authorization: String
    let deviceID: String
    /// The `MS-ASProtocolVersion` of every request.
    let version: String
    private(set) var policyKey: UInt32?
    private(set) var syncKey = "0"
    /// The current SyncKey of each collection Synced, by CollectionId (``sync(collectionID:windowSize:bodyTruncation:)``).
    var collectionKeys: [String: String] = [:]

    static let contentType = "application/vnd.ms-sync.wbxml"

    init(http: HTTPClient, port: Int, address: String, password: String, deviceID: String, version: String = "14.1") {
        self.http = http
        self.port = port
        self.authorization = "Basic " + Data("\(address):\(password)".utf8).base64EncodedString()
        self.deviceID = deviceID
        self.version = version
    }

    /// A FolderSync's answer: how many changes it listed, its size, and the folders it added
    /// (ServerId and MS-ASCMD 2.2.3.186.3 Type).
    struct Hierarchy {
        var count: Int
        var bytes: Int
        var added: [(serverID: String, type: Int)] = []
    }

    /// Both Provision phases (MS-ASPROV 3.1.5.1): the policy with a temporary key, then its
    /// acknowledgement for the final key.
    mutating func provision() async throws {
        let first = try await post("Provision", Self.provision(acknowledging: nil))
        guard let temporary = Self.policyKey(of: first) else {
            throw BenchmarkError(message: "Provision gave no temporary key: \(first.xml())")
        }
        let second = try await post("Provision", Self.provision(acknowledging: temporary))
        guard let final = Self.policyKey(of: second) else {
            throw BenchmarkError(message: "Provision gave no final key: \(second.xml())")
        }
        policyKey = final
    }

    /// FolderSync (MS-ASCMD 2.2.1.5) from `key`, by default the current one; keeps the key it
    /// answers.
    @discardableResult
    mutating func folderSync(key: String? = nil) async throws -> Hierarchy {
        let request = WBXMLElement(
            "FolderHierarchy", "FolderSync",
            children: [WBXMLElement("FolderHierarchy", "SyncKey", text: key ?? syncKey)])
        var size = 0
        let answer = try await post("FolderSync", request, size: &size)
        guard answer.child("Status")?.text == "1", let newKey = answer.child("SyncKey")?.text,
            let count = answer.child("Changes")?.child("Count")?.text.flatMap({ Int($0) })
        else {
            throw BenchmarkError(message: "FolderSync failed: \(answer.xml())")
        }
        syncKey = newKey
        let added = answer.child("Changes")?.children.filter { $0.name == "Add" }.compactMap { add in
            add.child("ServerId")?.text.flatMap { id in
                add.child("Type")?.text.flatMap { Int($0) }.map { (serverID: id, type: $0) }
            }
        }
        return Hierarchy(count: count, bytes: size, added: added ?? [])
    }

    private func post(_ command: String, _ element: WBXMLElement) async throws -> WBXMLElement {
        var size = 0
        return try await post(command, element, size: &size)
    }

    /// POSTs a command and decodes its WBXML answer; `size` is the answer's length in bytes,
    /// at most `limit`.
    func post(_ command: String, _ element: WBXMLElement, size: inout Int, limit: Int = 1 << 20) async throws
        -> WBXMLElement
    {
        var request = HTTPClientRequest(
            url: "http://127.0.0.1:\(port)/Microsoft-Server-ActiveSync?Cmd=\(command)&User=bench&DeviceId=\(deviceID)"
                + "&DeviceType=iPhone")
        request.method = .POST
        request.headers.add(name: "Authorization", value: authorization)
        request.headers.add(name: "MS-ASProtocolVersion", value: version)
        request.headers.add(name: "Content-Type", value: Self.contentType)
        request.headers.add(name: "User-Agent", value: "AlmanacBench/1.0")
        if let policyKey { request.headers.add(name: "X-MS-PolicyKey", value: String(policyKey)) }
        request.body = .bytes(ByteBuffer(bytes: try WBXMLEncoder().encode(element)))
        let response = try await http.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: limit)
        guard response.status == .ok, response.headers.first(name: "Content-Type") == Self.contentType else {
            throw BenchmarkError(message: "\(command) answered \(response.status): \(String(buffer: body))")
        }
        size = body.readableBytes
        return try WBXMLDecoder().decode(Array(buffer: body))
    }

    /// MS-ASPROV 2.2.2.44: the initial request, or the acknowledgement of a temporary key.
    private static func provision(acknowledging key: UInt32?) -> WBXMLElement {
        var policy = [WBXMLElement("Provision", "PolicyType", text: "MS-EAS-Provisioning-WBXML")]
        if let key {
            policy.append(WBXMLElement("Provision", "PolicyKey", text: String(key)))
            policy.append(WBXMLElement("Provision", "Status", text: "1"))
        }
        return WBXMLElement(
            "Provision", "Provision",
            children: [
                WBXMLElement("Provision", "Policies", children: [WBXMLElement("Provision", "Policy", children: policy)])
            ])
    }

    private static func policyKey(of answer: WBXMLElement) -> UInt32? {
        answer.child("Policies")?.child("Policy")?.child("PolicyKey")?.text.flatMap { UInt32($0) }
    }
}
