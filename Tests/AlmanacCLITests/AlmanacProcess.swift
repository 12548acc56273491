import Foundation
import Synchronization

/// The built `almanac` executable, run as a child process the way an
/// operator runs it.
final class AlmanacProcess: Sendable {
    /// `almanac` sits beside the test bundle in the build folder.
    static let executable: URL = {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = me.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("almanac")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        fatalError("no almanac executable near \(me.path); run `swift build` first")
    }()

    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// Runs a command to completion, feeding `input` on standard input.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: output, as: UTF8.self),
            standardError: String(decoding: error, as: UTF8.self))
    }

    // MARK: A running server

    let process: Process
    private let output = OutputBuffer()

    /// Starts `almanac serve` on a free loopback port; with `softDescriptorLimit`, through a
    /// shell that lowers the soft limit on open files first (`ulimit -Sn`), then execs it.
    init(serve arguments: [String], softDescriptorLimit: Int? = nil) throws {
        process = Process()
        let serve = ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments
        if let softDescriptorLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments =
                ["-c", "ulimit -Sn \(softDescriptorLimit) && exec \"$0\" \"$@\"", Self.executable.path] + serve
        } else {
            process.executableURL = Self.executable
            process.arguments = serve
        }
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let handle = stdout.fileHandleForReading
        let thread = Thread { [output] in
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                output.append(data)
            }
        }
        thread.start()
    }

    var standardOutput: String { output.text }

    /// Waits (bounded) for the server to print its address; returns the port.
    func waitUntilListening(scheme: String = "http", timeout: Duration = .seconds(180)) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = standardOutput
            if let range = text.range(of: "listening on \(scheme)://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) { return port }
            }
            guard process.isRunning else { throw ProcessError.exited(process.terminationStatus, text) }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ProcessError.timedOut(standardOutput)
    }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits (bounded) for the process to end; returns its status.
    func waitForExit(timeout: Duration = .seconds(120)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else { throw ProcessError.timedOut(standardOutput) }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    enum ProcessError: Error {
        case exited(Int32, String)
        case timedOut(String)
    }
}

/// What a child process printed so far, filled by a reading thread.
final class OutputBuffer: Sendable {
    private let buffer = Mutex<String>("")

    func append(_ data: Data) {
        buffer.withLock { $0 += String(decoding: data, as: UTF8.self) }
    }

    var text: String { buffer.withLock { $0 } }
}

/// A fresh data directory under the temporary folder.
func temporaryDataDirectory() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("almanac-cli-\(UUID().uuidString)").path
}
