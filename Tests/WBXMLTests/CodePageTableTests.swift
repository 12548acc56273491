import Testing
import WBXML

/// `Schemas/wbxml/codepages.tsv` is the source of the code pages: the generated Swift table must
/// match it line for line (rerun `scripts/generate-wbxml-codepages` after editing it), and a few
/// tokens are checked against MS-ASWBXML directly.
struct CodePageTableTests {
    private struct Row: Equatable, CustomStringConvertible {
        let page: UInt8
        let name: String
        let token: UInt8
        let tag: String

        var description: String { "\(page)\t\(name)\t\(token)\t\(tag)" }
    }

    private static let tablePath: String = {
        // <root>/Tests/WBXMLTests/CodePageTableTests.swift → <root>
        var root = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        root.removeLast(3)
        return root.joined(separator: "/") + "/Schemas/wbxml/codepages.tsv"
    }()

    private func tableRows() throws -> [Row] {
        let text = String(decoding: try SourceFile.read(Self.tablePath), as: UTF8.self)
        return try text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let page = try #require(fields.count == 4 ? UInt8(fields[0]) : nil, "bad line \(line)")
            let token = try #require(UInt8(fields[2].dropFirst(2), radix: 16), "bad token in \(line)")
            return Row(page: page, name: String(fields[1]), token: token, tag: String(fields[3]))
        }
    }

    private var generatedRows: [Row] {
        WBXMLCodePage.all.flatMap { page in
            page.tags.map { Row(page: page.number, name: page.name, token: $0.token, tag: $0.name) }
        }
    }

    @Test func generatedSwiftMatchesTheTable() throws {
        let table = try tableRows()
        let generated = generatedRows
        #expect(table.count == generated.count)
        for (row, swift) in zip(table, generated) where row != swift {
            Issue.record("table has \(row), generated Swift has \(swift)")
        }
    }

    @Test func everyPageFromAirSyncToFindIsPresent() {
        let names = WBXMLCodePage.all.map(\.name)
        #expect(
            names == [
                "AirSync", "Contacts", "Email", "AirNotify", "Calendar", "Move", "GetItemEstimate", "FolderHierarchy",
                "MeetingResponse", "Tasks", "ResolveRecipients", "ValidateCert", "Contacts2", "Ping", "Provision",
                "Search", "GAL", "AirSyncBase", "Settings", "DocumentLibrary", "ItemOperations", "ComposeMail",
                "Email2", "Notes", "RightsManagement", "Find",
            ])
        #expect(WBXMLCodePage.all.enumerated().allSatisfy { $0.offset == Int($0.element.number) })
    }

    @Test func tokensAsMSASWBXMLGivesThem() {
        let expected: [(page: String, token: UInt8, tag: String)] = [
            ("AirSync", 0x05, "Sync"), ("AirSync", 0x29, "HeartbeatInterval"),  // §2.1.2.1.1
            ("FolderHierarchy", 0x16, "FolderSync"),  // §2.1.2.1.8
            ("Calendar", 0x05, "Timezone"), ("Calendar", 0x3C, "ClientUid"),  // §2.1.2.1.5, 16.0
            ("Contacts2", 0x0E, "MMS"),  // §2.1.2.1.13
            ("ResolveRecipients", 0x1D, "MaxPictures"),  // §2.1.2.1.11
            ("Provision", 0x3B, "AccountOnlyRemoteWipe"),  // §2.1.2.1.15, 16.1
            ("AirSyncBase", 0x20, "Location"), ("AirSyncBase", 0x2D, "InstanceId"),  // §2.1.2.1.18, 16.0
            ("ComposeMail", 0x15, "Forwardees"),  // §2.1.2.1.22, 16.0
            ("Email2", 0x17, "Send"),  // §2.1.2.1.23, 16.0
            ("Find", 0x19, "GalSearchCriterion"), ("Find", 0x22, "Picture"),  // §2.1.2.1.26, 16.1
        ]
        for (name, token, tag) in expected {
            let page = WBXMLCodePage.page(named: name)
            #expect(page?.tagName(forToken: token) == tag, "\(name) 0x\(String(token, radix: 16))")
            #expect(page?.token(forTagName: tag) == token)
        }
        #expect(WBXMLCodePage.page(number: 26) == nil)
        #expect(WBXMLCodePage.page(named: "AirSync")?.tagName(forToken: 0x11) == nil)
    }
}
