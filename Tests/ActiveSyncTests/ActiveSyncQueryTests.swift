import Conversions
import Foundation
import Testing

@testable import ActiveSync

/// The request query, both forms (MS-ASHTTP 2.2.1.1.1).
struct ActiveSyncQueryTests {
    @Test func plainFormWithAnyCaseAndPercentEncoding() throws {
        let query = try ActiveSyncQuery(
            "cmd=foldersync&User=alice%40example.test&DeviceId=ApplF17XK2M3&DeviceType=iPhone&CollectionId=5&SaveInSent=T"
        )
        #expect(query.command == .folderSync)
        #expect(query.user == "alice@example.test")
        #expect(query.deviceID == "ApplF17XK2M3" && query.deviceType == "iPhone")
        #expect(query.parameters == ["CollectionId": "5"])
        #expect(query.saveInSent)
        #expect(query.version == nil && query.policyKey == nil)
    }

    @Test func plainFormWithAnUnknownCommandOrMissingDevice() throws {
        let unknown = try ActiveSyncQuery("Cmd=Frobnicate&User=a&DeviceId=d&DeviceType=t")
        #expect(unknown.command == nil && unknown.commandText == "Frobnicate")
        let missing = try ActiveSyncQuery("Cmd=Sync&User=a")
        #expect(missing.deviceID == "" && missing.deviceType == "")
        #expect(throws: ActiveSyncQueryError.self) { try ActiveSyncQuery("Cmd=Sync&DeviceId=%ZZ") }
    }

    /// MS-ASHTTP 2.2.1.1.1.1's own example: version 14.0, Sync, locale 0x0409, DeviceId
    /// "v140Device", no policy key, DeviceType "SmartPhone".
    @Test func base64FormOfTheSpecificationExample() throws {
        let query = try ActiveSyncQuery("jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l")
        #expect(query.version == ProtocolVersion(14, 0))
        #expect(query.command == .sync)
        #expect(query.locale == 0x0409)
        #expect(query.deviceID == "v140Device")
        #expect(query.policyKey == nil)
        #expect(query.deviceType == "SmartPhone")
        #expect(query.parameters.isEmpty && !query.saveInSent)
    }

    @Test func base64FormWithPolicyKeyParametersAndOptions() throws {
        let bytes: [UInt8] =
            [141, 9]  // 14.1, FolderSync
            + [0x09, 0x04]  // locale en-US
            + [3] + Array("abc".utf8)  // DeviceId
            + [4, 0x78, 0x56, 0x34, 0x12]  // policy key 0x12345678, little-endian
            + [7] + Array("Android".utf8)  // DeviceType
            + [1, 2] + Array("17".utf8)  // CollectionId
            + [8, 5] + Array("alice".utf8)  // User
            + [7, 1, 0x03]  // Options: SaveInSent | AcceptMultiPart
        let encoded = Data(bytes).base64EncodedString()
        let query = try ActiveSyncQuery(encoded.replacingOccurrences(of: "=", with: "%3D"))
        #expect(query.version == .v141 && query.command == .folderSync)
        #expect(query.deviceID == "abc" && query.deviceType == "Android")
        #expect(query.policyKey == 0x1234_5678)
        #expect(query.parameters == ["CollectionId": "17"] && query.user == "alice")
        #expect(query.saveInSent && query.acceptMultiPart)
        // Unpadded base64 too.
        #expect(try ActiveSyncQuery(encoded.replacingOccurrences(of: "=", with: "")) == query)

        // Every truncation is refused with a typed error, never a trap; only the prefixes that
        // end after the DeviceType or after a whole parameter are queries.
        let complete: Set = [21, 25, 32]
        for length in 0..<bytes.count {
            let prefix = Data(bytes.prefix(length)).base64EncodedString()
            if complete.contains(length) {
                #expect(throws: Never.self) { try ActiveSyncQuery(prefix) }
            } else {
                #expect(throws: ActiveSyncQueryError.self, "\(length) bytes") { try ActiveSyncQuery(prefix) }
            }
        }
    }

    @Test(
        arguments: [
            [140, 0, 9, 4, 1, 65, 3, 1, 2, 3, 0],  // policy key length 3
            [140, 0, 9, 4, 1, 65, 0, 0, 2, 1],  // parameter tag 2 is not used
            [140, 0, 9, 4, 1, 65, 0, 0, 7, 2, 1, 1],  // Options of two bytes
            [140, 0, 9, 4, 9, 65],  // DeviceId longer than the rest
        ] as [[UInt8]])
    func malformedBase64IsRefused(bytes: [UInt8]) {
        #expect(throws: ActiveSyncQueryError.self) { try ActiveSyncQuery(Data(bytes).base64EncodedString()) }
    }

    @Test func oversizedAndGarbageQueriesAreRefused() {
        #expect(throws: ActiveSyncQueryError.tooLong(5000)) {
            try ActiveSyncQuery(String(repeating: "A", count: 5000))
        }
        #expect(throws: ActiveSyncQueryError.self) { try ActiveSyncQuery("not base64 at all!") }
        #expect(throws: ActiveSyncQueryError.self) { try ActiveSyncQuery("") }
    }

    @Test func versionsParseFromHeadersAndBytes() {
        #expect(ProtocolVersion("16.1") == .v161)
        #expect(ProtocolVersion(byte: 121) == .v121)
        #expect(ProtocolVersion("14") == nil && ProtocolVersion("a.b") == nil && ProtocolVersion("14.1.0") == nil)
        #expect(ProtocolVersion.supported.map(\.description).joined(separator: ",") == "12.1,14.0,14.1,16.0,16.1")
        #expect(!ProtocolVersion(12, 0).isSupported && ProtocolVersion(2, 5) < .v121)
        #expect(!ProtocolVersion.v121.usesStatusCodes && ProtocolVersion.v140.usesStatusCodes)
    }
}
