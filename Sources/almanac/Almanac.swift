import ArgumentParser
import Directory
import Foundation

/// The `almanac` executable: the server and its administration.
///
/// Exit status: 0 on success, 2 on bad input (a clear message on standard
/// error, nothing changed), 1 when something else failed.
@main
struct Almanac: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "Almanac groupware server: Exchange ActiveSync, CalDAV and CardDAV from one store.",
        subcommands: [ServeCommand.self, DomainCommand.self, UserCommand.self, DeviceCommand.self, WBXMLCommand.self]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(status: ExitStatus(for: error), error: error)
        }
    }

    private static func exit(status: ExitStatus, error: any Error) -> Never {
        switch status {
        case .success, .exitCode:
            Self.exit(withError: error)
        case .badInput(let message), .failure(let message):
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(status.code)
        }
    }
}
