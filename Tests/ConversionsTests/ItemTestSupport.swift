import Foundation
import Testing
import WBXML

@testable import Conversions

// Helpers of the contact and note tests. Golden pairs there are `NAME.vcf` / `NAME.ics` and
// `NAME.16.1.xml` (the ApplicationData sent at 16.1 with a plain-text body preference), and
// `NAME.add.xml`, a phone's Add that must give `NAME.vcf` / `NAME.ics` exactly.

/// The bytes of a file under Golden/.
func golden(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: goldenDirectory.appendingPathComponent(path)))
}

/// A golden XML file's text without its final line break, to compare with `applicationDataXML`.
func goldenXML(_ path: String) throws -> String {
    var text = String(decoding: try golden(path), as: UTF8.self)
    while text.hasSuffix("\n") { text.removeLast() }
    return text
}

/// The ApplicationData children a golden XML file holds (`<ApplicationData xmlns="AirSync:">…`).
func goldenApplicationData(_ path: String) throws -> [WBXMLElement] {
    let root = try WBXMLXMLReader().read(try golden(path))
    #expect(root.namespace == "AirSync" && root.name == "ApplicationData")
    return root.children
}

/// A plain-text context of protocol 16.1, with the client's `Supported` list.
func plainContext(supported: Set<String>? = nil) -> ConversionContext {
    ConversionContext(version: .v161, bodyPreferences: [BodyPreference(type: .plainText)], supported: supported)
}

/// A leaf element.
func field(_ namespace: String, _ name: String, _ text: String) -> WBXMLElement {
    WBXMLElement(namespace, name, text: text)
}

/// A plain-text Body with Data.
func plainBody(_ text: String) -> WBXMLElement {
    WBXMLElement(
        "AirSyncBase", "Body",
        children: [WBXMLElement("AirSyncBase", "Type", text: "1"), WBXMLElement("AirSyncBase", "Data", text: text)])
}

/// The text of the first element called `name`.
func text(_ elements: [WBXMLElement], _ name: String) -> String? {
    elements.first { $0.name == name }?.text
}

/// The content lines of a vCard or iCalendar text, unfolded.
func unfoldedLines(_ bytes: [UInt8]) -> [String] {
    let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    var lines: [String] = []
    for line in text.split(separator: "\n") {
        if line.first == " " || line.first == "\t", !lines.isEmpty {
            lines[lines.count - 1] += line.dropFirst()
        } else {
            lines.append(String(line))
        }
    }
    return lines
}

/// A fixed UID and clock for Adds, so that they can be compared with golden files.
let fixedUID = "6F9619FF-8B86-D011-B42D-00C04FC964FF"
let fixedNow = Date(timeIntervalSince1970: 1_717_243_200)  // 2024-06-01T12:00:00Z

/// SplitMix64: a small seeded generator, so that a randomized test reproduces.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
