import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a password from standard input (`--password-stdin`) or from a
/// prompt on the terminal with echo off. Never from argv: arguments are
/// visible to every user of the machine in the process list.
enum PasswordInput {
    /// Longer input is refused rather than read without end.
    static let maximumLength = 1024

    static func read(fromStandardInput: Bool) throws -> String {
        fromStandardInput ? try readStandardInput() : try prompt()
    }

    /// The first line of standard input, without its line ending.
    static func readStandardInput() throws -> String {
        var bytes: [UInt8] = []
        while bytes.count <= maximumLength {
            let byte = getchar()
            if byte == EOF || byte == 0x0A { break }
            bytes.append(UInt8(truncatingIfNeeded: byte))
        }
        guard bytes.count <= maximumLength else {
            throw InputError("the password on standard input is longer than \(maximumLength) bytes")
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        guard !bytes.isEmpty else { throw InputError("no password on standard input") }
        guard let password = String(validating: bytes, as: UTF8.self) else {
            throw InputError("the password on standard input is not UTF-8 text")
        }
        return password
    }

    /// Asks twice on the terminal, echo off.
    static func prompt() throws -> String {
        guard let terminal = fopen("/dev/tty", "r+") else {
            throw InputError("no terminal to ask for the password; pass it on standard input with --password-stdin")
        }
        defer { fclose(terminal) }
        let first = try ask("Password: ", terminal: terminal)
        let second = try ask("Repeat password: ", terminal: terminal)
        guard first == second else { throw InputError("the two passwords differ") }
        return first
    }

    private static func ask(_ question: String, terminal: UnsafeMutablePointer<FILE>) throws -> String {
        fputs(question, terminal)
        fflush(terminal)
        let descriptor = fileno(terminal)
        var original = termios()
        let hasTerminalSettings = tcgetattr(descriptor, &original) == 0
        if hasTerminalSettings {
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(descriptor, TCSAFLUSH, &silent)
        }
        defer {
            if hasTerminalSettings { tcsetattr(descriptor, TCSAFLUSH, &original) }
            fputs("\n", terminal)
        }
        var bytes: [UInt8] = []
        while bytes.count <= maximumLength {
            let byte = getc(terminal)
            if byte == EOF || byte == 0x0A { break }
            bytes.append(UInt8(truncatingIfNeeded: byte))
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        guard bytes.count <= maximumLength, !bytes.isEmpty, let password = String(validating: bytes, as: UTF8.self)
        else { throw InputError("no usable password was typed") }
        return password
    }
}
