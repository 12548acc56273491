import Conversions
import Foundation
import Testing
import WBXML

/// One golden pair: `Golden/<class>/NAME.ics` and `NAME.<version>.xml`, the ApplicationData the
/// converter sends for the stored text at that protocol version, in `WBXMLElement.xml()` form.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    let folder: String
    let name: String
    let version: ProtocolVersion

    var testDescription: String { "\(folder)/\(name) @ \(version)" }

    static func all(in folder: String) -> [GoldenCase] {
        let directory = goldenDirectory.appendingPathComponent(folder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".xml") }.sorted().compactMap { file in
            let parts = file.dropLast(4).split(separator: ".")
            guard parts.count >= 3, let version = ProtocolVersion(parts.suffix(2).joined(separator: ".")) else {
                return nil
            }
            return GoldenCase(folder: folder, name: parts.dropLast(2).joined(separator: "."), version: version)
        }
    }

    var ics: [UInt8] {
        get throws { try Array(Data(contentsOf: goldenDirectory.appendingPathComponent("\(folder)/\(name).ics"))) }
    }

    /// The golden XML, without a final line break.
    var xml: String {
        get throws {
            var text = try String(
                contentsOf: goldenDirectory.appendingPathComponent("\(folder)/\(name).\(version).xml"), encoding: .utf8)
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        }
    }

    var context: ConversionContext { ConversionContext(version: version) }
}

let goldenDirectory = Bundle.module.resourceURL!.appendingPathComponent("Golden")

/// The compact XML of ApplicationData children.
func applicationDataXML(_ children: [WBXMLElement]) -> String {
    WBXMLElement("AirSync", "ApplicationData", children: children).xml()
}

/// The children of an ApplicationData in compact XML.
func applicationData(_ xml: String) throws -> [WBXMLElement] {
    try WBXMLXMLReader().read(xml).children
}

/// A calendar object's text from lines, CRLF-terminated.
func ics(_ lines: String...) -> [UInt8] {
    Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
}

/// Shorthands for elements.
func cal(_ name: String, _ text: String) -> WBXMLElement { WBXMLElement("Calendar", name, text: text) }
func task(_ name: String, _ text: String) -> WBXMLElement { WBXMLElement("Tasks", name, text: text) }

/// Expects `body` to refuse a client field called `name` with `ConversionError.invalidField`.
func expectInvalidField(
    _ name: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    let error = #expect(throws: ConversionError.self, sourceLocation: sourceLocation) { try body() }
    guard case .invalidField(let field, _) = error else {
        if let error { Issue.record("expected invalidField(\(name)), got \(error)", sourceLocation: sourceLocation) }
        return
    }
    #expect(field == name, sourceLocation: sourceLocation)
}

/// Expects `body` to refuse the stored text with `ConversionError.unreadableStoredItem`.
func expectUnreadable(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    let error = #expect(throws: ConversionError.self, sourceLocation: sourceLocation) { try body() }
    if let error, case .unreadableStoredItem = error { return }
    if let error { Issue.record("expected unreadableStoredItem, got \(error)", sourceLocation: sourceLocation) }
}
