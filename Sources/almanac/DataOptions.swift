import AlmanacServer
import ArgumentParser
import Directory
import Foundation

/// `--data-dir`, taken by every command; `ALMANAC_DATA_DIR` when absent, then `./data`.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory (default: $ALMANAC_DATA_DIR, else ./data).")
    var dataDir: String?

    var path: String {
        dataDir ?? ProcessInfo.processInfo.environment["ALMANAC_DATA_DIR"] ?? ServerConfiguration().dataDirectory
    }

    var data: DataDirectory { DataDirectory(path: path) }

    /// Opens the directory, creating the data directory if needed.
    func openDirectory() throws -> Directory {
        try data.create()
        return try Directory(path: data.directoryDatabase.path)
    }

    /// Runs `body` with the directory open, and closes it afterwards.
    func withDirectory<T>(_ body: (Directory) async throws -> T) async throws -> T {
        let directory = try openDirectory()
        do {
            let result = try await body(directory)
            try directory.close()
            return result
        } catch {
            try? directory.close()
            throw error
        }
    }
}

extension Plan: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
