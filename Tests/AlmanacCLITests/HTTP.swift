import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A request to a server the test started, through a real HTTP client.
struct HTTP {
    struct Response {
        let status: Int
        let headers: HTTPHeaders
        let body: String
    }

    let port: Int

    func request(
        _ method: HTTPMethod, _ path: String, login: (String, String)? = nil, body: String? = nil,
        contentType: String? = nil
    ) async throws -> Response {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        if let (user, password) = login {
            request.headers.add(
                name: "Authorization", value: "Basic " + Data("\(user):\(password)".utf8).base64EncodedString())
        }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Response(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }
}
