import Foundation
import Testing
import VCard

/// Every file in Fixtures/, by name; a test fails if one goes missing.
let fixtureNames = [
    "agent-21.vcf", "apple-contact.vcf", "apple-group.vcf", "apple-large-photo.vcf", "davx5-contact.vcf",
    "davx5-group.vcf", "google-export.vcf", "nextcloud.vcf", "outlook-21.vcf", "outlook-30.vcf", "thunderbird.vcf",
]

/// The bytes of a fixture.
func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    return Array(try Data(contentsOf: url))
}

/// The single card of a fixture (the first of a stream).
func fixtureCard(_ name: String) throws -> VCard {
    try #require(try VCard.parseAll(fixture(name)).first)
}

/// Lines joined and ended with CRLF.
func crlf(_ lines: [String]) -> String {
    lines.joined(separator: "\r\n") + "\r\n"
}

/// A vCard of `version` around `lines`, CRLF line ends.
func vcard(_ version: String, _ lines: String...) -> String {
    crlf(["BEGIN:VCARD", "VERSION:" + version] + lines + ["END:VCARD"])
}

/// Bare LF (and lone CR) line ends made CRLF, the only change the writer makes to an
/// unmodified card.
func withCRLF(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 20)
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x0D || byte == 0x0A {
            output.append(contentsOf: [0x0D, 0x0A])
            index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        } else {
            output.append(byte)
            index += 1
        }
    }
    return output
}

/// A property's meaning, independent of how it is written: group, name, parameters as sets
/// of lower-cased values (without the transfer-encoding ones), and the decoded value. Used
/// to check that conversions keep what a card says.
struct PropertyMeaning: Hashable, CustomStringConvertible {
    var group: String
    var name: String
    var parameters: [String: Set<String>]
    var value: String

    init(_ property: VCardProperty) {
        group = property.group?.lowercased() ?? ""
        name = property.name
        let binaryNames: Set<String> = ["PHOTO", "LOGO", "SOUND", "KEY"]
        let dateNames: Set<String> = ["BDAY", "ANNIVERSARY", "X-ANNIVERSARY"]
        var parameters: [String: Set<String>] = [:]
        for parameter in property.parameters where !["ENCODING", "CHARSET"].contains(parameter.name) {
            if binaryNames.contains(property.name) && ["TYPE", "VALUE", "MEDIATYPE"].contains(parameter.name) {
                continue
            }
            if dateNames.contains(property.name) && parameter.name == "X-APPLE-OMIT-YEAR" { continue }
            let values = parameter.values.flatMap { $0.split(separator: ",") }.map { $0.lowercased() }
            parameters[parameter.name, default: []].formUnion(values)
        }
        if binaryNames.contains(property.name) {
            switch property.binary {
            case .inline(let data, let mediaType)?: value = "\(mediaType ?? "?") \(data.count) bytes \(data.hashValue)"
            case .uri(let uri)?: value = "uri " + uri
            case nil: value = "raw " + property.value
            }
        } else if dateNames.contains(property.name) {
            let omitted = property.parameter("X-APPLE-OMIT-YEAR")?.values.first.flatMap { Int($0) }
            let date = VCardDate(parsing: property.text, omittedYear: omitted)
            value = date.map { "date " + $0.v4Text } ?? "text " + property.text
        } else if property.name == "TEL" {
            // `TEL;VALUE=uri:tel:+1-555` (4.0) and `TEL:+1-555` (3.0) say the same.
            parameters["VALUE"] = nil
            let text = property.text
            value = text.lowercased().hasPrefix("tel:") ? String(text.dropFirst(4)) : text
        } else if ["N", "ADR"].contains(property.name) {
            value = property.components.map { $0.joined(separator: ",") }.joined(separator: ";")
        } else {
            value = property.text
        }
        self.parameters = parameters
    }

    var description: String { "\(group).\(name)\(parameters.sorted { $0.key < $1.key }):\(value.prefix(60))" }
}

/// The meanings of a card's properties, as a multiset.
func meanings(_ card: VCard) -> [PropertyMeaning: Int] {
    card.properties.reduce(into: [:]) { $0[PropertyMeaning($1), default: 0] += 1 }
}

/// Whether every line feed in `text` follows a carriage return.
func hasOnlyCRLF(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
        if byte == 0x0A, previous != 0x0D { return false }
        previous = byte
    }
    return true
}
