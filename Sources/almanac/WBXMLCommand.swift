import ArgumentParser
import Foundation
import WBXML

/// `almanac wbxml decode|encode`: the WBXML codec on standard input and output, for the
/// conformance runner and for reading EAS traces. Not shown in `almanac --help`.
struct WBXMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wbxml", abstract: "Convert EAS bodies between WBXML and XML (standard input to output).",
        shouldDisplay: false, subcommands: [Decode.self, Encode.self])

    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a WBXML body on standard input, write its XML form on standard output.")

        func run() throws {
            let body = FileHandle.standardInput.readDataToEndOfFile()
            let tree = try WBXMLDecoder().decode(body)
            FileHandle.standardOutput.write(Data((tree.xml() + "\n").utf8))
        }
    }

    struct Encode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read an XML body on standard input, write its WBXML encoding on standard output.")

        func run() throws {
            let xml = FileHandle.standardInput.readDataToEndOfFile()
            let tree = try WBXMLXMLReader().read([UInt8](xml))
            FileHandle.standardOutput.write(Data(try WBXMLEncoder().encode(tree)))
        }
    }
}
