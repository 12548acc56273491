import AlmanacServer
import ArgumentParser
import Directory

/// `almanac user add|list|show|passwd|set-plan|set-quota|remove`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage users (mailboxes).",
        subcommands: [
            UserAddCommand.self, UserListCommand.self, UserShowCommand.self, UserPasswdCommand.self,
            UserSetPlanCommand.self, UserSetQuotaCommand.self, UserRemoveCommand.self,
        ])
}

/// `almanac user add alice@example.com --plan enhanced --quota 10GB --password-stdin`
struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The e-mail address; the domain must exist.") var address: String
    @Option(help: "basic or enhanced (sync protocols need enhanced).") var plan: Plan = .basic
    @Option(help: "Storage quota, e.g. 10GB or 500MB (default: the plan's default).") var quota: String?
    @Option(help: "The name shown to others.") var displayName: String?
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

    func run() async throws {
        _ = try Validation.address(address)
        let quotaBytes = try quota.map { try ByteCount(parsing: $0).bytes }
        if let quotaBytes { try Validation.quota(quotaBytes, plan: plan) }
        let password = try PasswordInput.read(fromStandardInput: passwordStdin)
        try Validation.password(password)
        let user = try await options.withDirectory { directory in
            try await Provisioning(data: options.data, directory: directory).addUser(
                address: address, password: password, plan: plan, quotaBytes: quotaBytes, displayName: displayName)
        }
        print("Added \(user.address) (\(user.plan.rawValue), quota \(ByteCount(bytes: user.quotaBytes)))")
    }
}

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users.")
    @OptionGroup var options: DataOptions
    @Option(help: "Only users of this domain.") var domain: String?

    func run() async throws {
        let users = try await options.withDirectory { try await $0.users(domain: domain) }
        let width = max(7, users.map(\.address.count).max() ?? 0)
        print("ADDRESS".padding(width) + "  PLAN      QUOTA     NAME")
        for user in users {
            print(
                user.address.padding(width) + "  " + user.plan.rawValue.padding(8) + "  "
                    + ByteCount(bytes: user.quotaBytes).description.padding(8) + "  " + user.displayName)
        }
    }
}

struct UserShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one user.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The e-mail address.") var address: String

    func run() async throws {
        let user = try await options.withDirectory { directory in
            guard let user = try await directory.user(address: address) else {
                throw DirectoryError.userNotFound(address)
            }
            return user
        }
        print("Address:      \(user.address)")
        print("Display name: \(user.displayName)")
        print("Plan:         \(user.plan.rawValue)")
        print("Quota:        \(ByteCount(bytes: user.quotaBytes)) (\(user.quotaBytes) bytes)")
        print("Created:      \(user.createdAt)")
        print("Store:        \(options.data.storeFile(userID: user.id).path)")
    }
}

struct UserPasswdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a user's password.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The e-mail address.") var address: String
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

    func run() async throws {
        let password = try PasswordInput.read(fromStandardInput: passwordStdin)
        try Validation.password(password)
        try await options.withDirectory { try await $0.setPassword(address: address, password: password) }
        print("Password changed for \(address.lowercased())")
    }
}

struct UserSetPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-plan", abstract: "Change a user's plan.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The e-mail address.") var address: String
    @Argument(help: "basic or enhanced.") var plan: Plan
    @Option(help: "A new quota that fits the new plan, set in the same step.") var quota: String?

    func run() async throws {
        let quotaBytes = try quota.map { try ByteCount(parsing: $0).bytes }
        if let quotaBytes { try Validation.quota(quotaBytes, plan: plan) }
        try await options.withDirectory {
            try await $0.setPlan(address: address, plan: plan, quotaBytes: quotaBytes)
        }
        print("\(address.lowercased()) is now on the \(plan.rawValue) plan")
    }
}

struct UserSetQuotaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-quota", abstract: "Change a user's quota.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The e-mail address.") var address: String
    @Argument(help: "The quota, e.g. 10GB.") var quota: String

    func run() async throws {
        let bytes = try ByteCount(parsing: quota).bytes
        try await options.withDirectory { try await $0.setQuota(address: address, bytes: bytes) }
        print("Quota of \(address.lowercased()) is now \(ByteCount(bytes: bytes))")
    }
}

struct UserRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a user and delete their store (mail, calendars, contacts).")
    @OptionGroup var options: DataOptions
    @Argument(help: "The e-mail address.") var address: String

    func run() async throws {
        let user = try await options.withDirectory { directory in
            try await Provisioning(data: options.data, directory: directory).removeUser(address: address)
        }
        print("Removed \(user.address) and deleted their store")
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
