import Directory

/// `almanac serve --demo`: on an empty data directory, creates `example.test`
/// with an Enhanced user `demo@example.test` and a Basic user
/// `basic@example.test`, with fresh random passwords.
public struct DemoSetup: Sendable {
    public struct Account: Sendable, Equatable {
        public let address: String
        public let password: String
        public let plan: Plan
    }

    public static let domain = "example.test"

    let provisioning: Provisioning

    public init(provisioning: Provisioning) {
        self.provisioning = provisioning
    }

    /// The accounts created, or nil when the directory already had domains or
    /// users (a demo never touches an existing installation).
    public func run() async throws -> [Account]? {
        let directory = provisioning.directory
        guard try await directory.domains().isEmpty, try await directory.users(domain: nil).isEmpty else {
            return nil
        }
        _ = try await directory.addDomain(Self.domain)
        var accounts: [Account] = []
        for (name, plan, displayName) in [
            ("demo", Plan.enhanced, "Demo User"), ("basic", Plan.basic, "Basic User"),
        ] {
            let account = Account(
                address: "\(name)@\(Self.domain)", password: PasswordGenerator.generate(), plan: plan)
            try await provisioning.addUser(
                address: account.address, password: account.password, plan: plan, quotaBytes: nil,
                displayName: displayName)
            accounts.append(account)
        }
        return accounts
    }
}
