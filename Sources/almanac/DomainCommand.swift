import ArgumentParser
import Directory

/// `almanac domain add|list|remove|policy`.
struct DomainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "domain", abstract: "Manage mail domains.",
        subcommands: [Add.self, List.self, Remove.self, DomainPolicyCommand.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a domain.")
        @OptionGroup var options: DataOptions
        @Argument(help: "The domain name, e.g. example.com.") var name: String

        func run() async throws {
            let domain = try await options.withDirectory { try await $0.addDomain(name) }
            print("Added domain \(domain.name)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List domains.")
        @OptionGroup var options: DataOptions

        func run() async throws {
            let domains = try await options.withDirectory { try await $0.domains() }
            for domain in domains { print(domain.name) }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a domain that has no users.")
        @OptionGroup var options: DataOptions
        @Argument(help: "The domain name.") var name: String

        func run() async throws {
            try await options.withDirectory { try await $0.removeDomain(name) }
            print("Removed domain \(name.lowercased())")
        }
    }
}
