import ActiveSync
import Conversions
import Directory
import Foundation
import Testing
import WBXML

/// The first requests of real clients, as they are documented to send them.
struct ClientSequenceTests {
    /// iOS Mail: OPTIONS, Settings with DeviceInformation (before any policy key), Provision
    /// with DeviceInformation and its acknowledgement, FolderSync 0.
    @Test func iOSMail() async throws {
        try await EASFixture.with { fixture in
            let options = await fixture.service.handle(
                ActiveSyncRequest(method: "OPTIONS", query: "", headers: [], body: [], user: fixture.user))
            #expect(options.headers["MS-ASProtocolVersions"]?.contains("16.1") == true)
            let settings = try decode(
                try await fixture.post(
                    "Settings", EAS.settings([EAS.deviceInformation()]), version: "16.1", device: "ApplF4GXK2M3"))
            #expect(settings.status == "1" && settings.child("DeviceInformation")?.status == "1")
            let key = try await fixture.provision(device: "ApplF4GXK2M3", version: "16.1")
            let folders = try decode(
                try await fixture.post(
                    "FolderSync", EAS.folderSync("0"), version: "16.1", device: "ApplF4GXK2M3", policyKey: key))
            #expect(folders.status == "1" && folders.child("Changes")?.childText("Count") == "10")
            let device = try #require(
                try await fixture.directory.device(userID: fixture.user.id, deviceID: "ApplF4GXK2M3"))
            #expect(device.deviceType == "iPhone" && device.information.friendlyName == "Demo's iPhone")
            #expect(device.protocolVersion == "16.1")
        }
    }

    /// The Android Gmail app: the base64 query form with the policy key inside it, and a
    /// FolderSync 0 on every refresh that keeps the ServerIds.
    @Test func androidGmailBase64QueryAndRefreshes() async throws {
        try await EASFixture.with { fixture in
            func query(command: UInt8, policyKey: UInt32?) -> String {
                var bytes: [UInt8] = [141, command, 0x09, 0x04, 16] + Array("androidc12345678".utf8)
                if let policyKey {
                    bytes += [4] + withUnsafeBytes(of: policyKey.littleEndian) { Array($0) }
                } else {
                    bytes += [0]
                }
                bytes += [7] + Array("Android".utf8)
                return Data(bytes).base64EncodedString()
            }
            let headers: [(name: String, value: String)] = [("Content-Type", ActiveSyncResponse.wbxmlContentType)]
            let first = try decode(
                await fixture.post(
                    query: query(command: 20, policyKey: nil), headers: headers,
                    body: try WBXMLEncoder().encode(EAS.provision(withDeviceInformation: false))))
            let temporary = try requireKey(first)
            let second = try decode(
                await fixture.post(
                    query: query(command: 20, policyKey: temporary), headers: headers,
                    body: try WBXMLEncoder().encode(EAS.provision(acknowledging: temporary))))
            let key = try requireKey(second)
            var ids: [Set<String>] = []
            for _ in 0..<3 {
                let answer = try decode(
                    await fixture.post(
                        query: query(command: 9, policyKey: key), headers: headers,
                        body: try WBXMLEncoder().encode(EAS.folderSync("0"))))
                #expect(answer.status == "1")
                ids.append(
                    Set((answer.child("Changes")?.children(named: "Add") ?? []).compactMap { $0.childText("ServerId") })
                )
            }
            #expect(ids[0].count == 10 && ids[0] == ids[1] && ids[1] == ids[2])
            let device = try #require(
                try await fixture.directory.device(userID: fixture.user.id, deviceID: "androidc12345678"))
            #expect(device.deviceType == "Android" && device.protocolVersion == "14.1")
        }
    }
}
