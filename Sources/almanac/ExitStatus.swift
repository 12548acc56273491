import AlmanacServer
import ArgumentParser
import Directory
import Store
import WBXML

/// How an error ends the process: bad input of any kind exits 2 with its
/// message, anything else exits 1.
enum ExitStatus {
    case success
    case exitCode(ExitCode)
    case badInput(String)
    case failure(String)

    init(for error: any Error) {
        switch error {
        case let code as ExitCode:
            self = .exitCode(code)
        case let error as DirectoryError:
            self = .badInput("error: \(error.description)")
        case let error as ConfigurationError:
            self = .badInput("error: \(error.description)")
        case let error as InputError:
            self = .badInput("error: \(error.description)")
        case let error as WBXMLError:
            self = .badInput("error: \(error.description)")
        case let error as StoreError:
            self = .failure("error: \(error.description)")
        default:
            let parserCode = Almanac.exitCode(for: error)
            if parserCode == .success {
                self = .success
            } else if parserCode == .validationFailure {
                // ArgumentParser's own usage errors: unknown flags, missing arguments.
                self = .badInput(Almanac.fullMessage(for: error))
            } else {
                self = .failure("error: \(error)")
            }
        }
    }

    var code: Int32 {
        switch self {
        case .success: 0
        case .exitCode(let code): code.rawValue
        case .badInput: 2
        case .failure: 1
        }
    }
}

/// Bad input found by the CLI itself (the directory checks the rest).
struct InputError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
