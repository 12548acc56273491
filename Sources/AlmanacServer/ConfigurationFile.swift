import Foundation

/// A configuration file: one `key = value` per line, `#` starts a comment
/// line, values may be written in double quotes.
///
/// ```
/// # /var/lib/almanac/almanac.conf
/// host = 0.0.0.0
/// port = 443
/// tls-certificate = "/etc/almanac/fullchain.pem"
/// ```
public struct ConfigurationFile: Sendable, Equatable {
    /// The largest file read; configuration files are short.
    public static let maximumSize = 64 * 1024

    public let path: String
    /// The settings in file order, as (line number, key, value).
    public let entries: [(line: Int, key: String, value: String)]

    public init(path: String) throws(ConfigurationError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableFile(path: path, reason: error.localizedDescription)
        }
        guard data.count <= Self.maximumSize else {
            throw .unreadableFile(path: path, reason: "larger than \(Self.maximumSize) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, reason: "not UTF-8 text")
        }
        try self.init(path: path, text: text)
    }

    public init(path: String, text: String) throws(ConfigurationError) {
        var entries: [(Int, String, String)] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw .syntax(path: path, line: index + 1, text: line)
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            guard !key.isEmpty else { throw .syntax(path: path, line: index + 1, text: line) }
            entries.append((index + 1, key, value))
        }
        self.path = path
        self.entries = entries
    }

    public static func == (lhs: ConfigurationFile, rhs: ConfigurationFile) -> Bool {
        lhs.path == rhs.path && lhs.entries.elementsEqual(rhs.entries) { $0 == $1 }
    }
}
