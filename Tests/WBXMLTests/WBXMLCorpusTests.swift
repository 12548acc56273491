import Testing
import WBXML

/// The corpus of EAS bodies in `Corpus/` (each `.wbxml` beside its `.xml`, written from the
/// MS-ASCMD examples): golden comparisons both ways, never regenerated here.
struct WBXMLCorpusTests {
    static let directory: String = {
        let file = "\(#filePath)"
        return String(file[..<file.lastIndex(of: "/")!]) + "/Corpus"
    }()

    static let names: [String] = [
        "FolderCreate-request", "FolderCreate-response", "FolderSync-request", "FolderSync-response",
        "GetItemEstimate-request", "GetItemEstimate-response", "ItemOperations-request", "ItemOperations-response",
        "MeetingResponse-request", "MoveItems-request", "MoveItems-response", "Ping-request", "Ping-response",
        "Provision-acknowledge", "Provision-request", "Provision-response", "SendMail-request", "Settings-request",
        "Settings-response", "Sync-calendar-request", "Sync-contacts-response", "Sync-email-response",
        "Sync-notes-request", "Sync-tasks-request",
    ]

    static func bytes(_ name: String, _ suffix: String) throws -> [UInt8] {
        try SourceFile.read("\(directory)/\(name).\(suffix)")
    }

    /// The corpus bodies, for the other test suites.
    static func bodies() throws -> [[UInt8]] {
        try names.map { try bytes($0, "wbxml") }
    }

    @Test func everyCorpusFileIsListed() throws {
        let listed = Set(Self.names.flatMap { ["\($0).wbxml", "\($0).xml"] })
        #expect(try Set(SourceFile.list(Self.directory)) == listed)
    }

    @Test(arguments: names)
    func wbxmlDecodesToTheGoldenXML(name: String) throws {
        let tree = try WBXMLDecoder().decode(try Self.bytes(name, "wbxml"))
        let golden = String(decoding: try Self.bytes(name, "xml"), as: UTF8.self)
        #expect(tree.xml() + "\n" == golden)
    }

    @Test(arguments: names)
    func goldenXMLEncodesToTheWBXML(name: String) throws {
        let tree = try WBXMLXMLReader().read(try Self.bytes(name, "xml"))
        #expect(try WBXMLEncoder().encode(tree) == (try Self.bytes(name, "wbxml")))
    }

    @Test(arguments: names)
    func wholeByteByByteAndRandomSplitsAgree(name: String) throws {
        let bytes = try Self.bytes(name, "wbxml")
        let whole = Outcome.whole(bytes)
        guard case .tree = whole else {
            Issue.record("\(name) does not decode: \(whole)")
            return
        }
        #expect(Outcome.byteByByte(bytes) == whole)
        var generator = SplitMix64(state: 0x5EED)
        for _ in 0..<50 { #expect(Outcome.randomSplits(bytes, generator: &generator) == whole) }
    }

    @Test(arguments: names)
    func everyProperPrefixIsTruncated(name: String) throws {
        let bytes = try Self.bytes(name, "wbxml")
        for length in 0..<bytes.count {
            #expect(Outcome.whole(Array(bytes[..<length])) == .failure(WBXMLError(.truncated, at: length)))
        }
    }
}
