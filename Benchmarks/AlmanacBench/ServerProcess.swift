import Foundation
import Synchronization

/// `almanac serve` as a child process on 127.0.0.1 (so its memory is its own): started on a
/// free port, its resident memory read from /proc, stopped with SIGTERM.
final class ServerProcess: Sendable {
    /// What the process printed so far, filled by a reading thread.
    private final class Output: Sendable {
        let text = Mutex("")
    }

    let process: Process
    let port: Int
    private let output: Output

    /// Starts `binary serve` on a data directory and waits (bounded) for its banner.
    init(binary: String, dataDirectory: String, arguments: [String] = []) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments =
            ["serve", "--data-dir", dataDirectory, "--host", "127.0.0.1", "--port", "0", "--log-level", "warning"]
            + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = Output()
        let handle = stdout.fileHandleForReading
        Thread {
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                output.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }.start()
        let deadline = ContinuousClock.now + .seconds(60)
        var port: Int?
        while port == nil {
            let text = output.text.withLock { $0 }
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                port = Int(text[range.upperBound...].prefix { $0.isNumber })
            }
            guard process.isRunning, ContinuousClock.now < deadline else {
                if process.isRunning { process.terminate() }
                throw BenchmarkError(message: "almanac serve did not start: \(text)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        self.process = process
        self.port = port ?? 0
        self.output = output
    }

    /// The resident set size now, in bytes (VmRSS).
    var residentBytes: Int {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }

    /// Server CPU time so far (user + system), in seconds.
    var cpuSeconds: Double {
        let stat = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)) ?? ""
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Sends SIGTERM and waits (bounded) for the exit status.
    func stop(timeout: Duration = .seconds(120)) async throws -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                kill(process.processIdentifier, SIGKILL)
                throw BenchmarkError(message: "almanac serve did not stop within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
