import ArgumentParser
import Directory

/// `almanac domain policy show|set`: a domain's Exchange ActiveSync
/// provisioning policy.
struct DomainPolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Show or change a domain's device policy (Exchange ActiveSync).",
        subcommands: [DomainPolicyShowCommand.self, DomainPolicySetCommand.self])

    /// The policy as `show` and `set` print it.
    static func lines(domain: String, policy: DevicePolicy) -> [String] {
        let fields: [(String, String)] = [
            ("Domain", domain.lowercased() + (policy == .default ? " (default policy)" : "")),
            ("Provision", policy.isRequired ? "required" : "not required (devices sync without a policy)"),
            ("Password required", policy.passwordRequired ? "yes" : "no"),
            ("Minimum length", "\(policy.minimumPasswordLength)"),
            ("Alphanumeric", policy.alphanumericRequired ? "yes" : "no"),
            ("Lock after", policy.maxInactivityLockSeconds.map { "\($0) seconds" } ?? "never"),
            ("Simple passwords", policy.allowSimplePassword ? "allowed" : "refused"),
            ("Wipe after failures", policy.maxFailedAttempts.map { "\($0)" } ?? "never"),
        ]
        let width = fields.map(\.0.count).max() ?? 0
        return fields.map { name, value in name + ":" + String(repeating: " ", count: width - name.count + 1) + value }
    }
}

struct DomainPolicyShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a domain's device policy.")
    @OptionGroup var options: DataOptions
    @Argument(help: "The domain name.") var domain: String

    func run() async throws {
        let policy = try await options.withDirectory { try await $0.devicePolicy(domain: domain) }
        for line in DomainPolicyCommand.lines(domain: domain, policy: policy) { print(line) }
    }
}

struct DomainPolicySetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a domain's device policy.",
        discussion: """
            Starts from the domain's current policy (the default one when devices need no policy now) \
            and changes only the options given; any option but --none makes devices accept the policy. \
            --none lets devices sync without one.
            """)
    @OptionGroup var options: DataOptions
    @Argument(help: "The domain name.") var domain: String
    @Flag(help: "No policy: devices sync without Provision.") var none = false
    @Flag(help: "Devices must accept the policy (the default one when there was none).") var required = false
    @Flag(inversion: .prefixedNo, help: "Devices need a password or PIN.") var requirePassword: Bool?
    @Option(help: "Minimum password length, 1-16.") var minLength: Int?
    @Flag(inversion: .prefixedNo, help: "The password needs letters and digits.") var alphanumeric: Bool?
    @Option(help: "Lock the device after this many idle seconds, 60-9999 (9999: unlimited); 0 for no lock.")
    var lockAfterSeconds: Int?
    @Flag(inversion: .prefixedNo, help: "Allow simple PINs such as 1111 or 1234.") var allowSimple: Bool?
    @Option(help: "Wipe the device after this many wrong passwords, 4-16; 0 for never.") var wipeAfterFailures: Int?

    private var changesPolicy: Bool {
        required || requirePassword != nil || minLength != nil || alphanumeric != nil || lockAfterSeconds != nil
            || allowSimple != nil || wipeAfterFailures != nil
    }

    func validate() throws {
        if none && changesPolicy { throw ValidationError("--none cannot be combined with other policy options") }
        if !none && !changesPolicy { throw ValidationError("give --none or at least one policy option to change") }
    }

    func run() async throws {
        let policy = try await options.withDirectory { directory in
            let policy = changed(from: try await directory.devicePolicy(domain: domain))
            try await directory.setDevicePolicy(domain: domain, policy)
            return policy
        }
        for line in DomainPolicyCommand.lines(domain: domain, policy: policy) { print(line) }
    }

    /// The current policy with the options applied.
    private func changed(from current: DevicePolicy) -> DevicePolicy {
        if none { return .none }
        var policy = current.isRequired ? current : .default
        if let requirePassword { policy.passwordRequired = requirePassword }
        if let minLength { policy.minimumPasswordLength = minLength }
        if let alphanumeric { policy.alphanumericRequired = alphanumeric }
        if let lockAfterSeconds { policy.maxInactivityLockSeconds = lockAfterSeconds == 0 ? nil : lockAfterSeconds }
        if let allowSimple { policy.allowSimplePassword = allowSimple }
        if let wipeAfterFailures { policy.maxFailedAttempts = wipeAfterFailures == 0 ? nil : wipeAfterFailures }
        return policy
    }
}
