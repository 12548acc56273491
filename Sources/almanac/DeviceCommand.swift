import ArgumentParser
import Directory
import Foundation

/// `almanac device list|show|wipe|block|allow|remove|prune`: the Exchange
/// ActiveSync devices of the users.
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device", abstract: "Manage Exchange ActiveSync devices (phones, tablets, mail apps).",
        subcommands: [
            DeviceListCommand.self, DeviceShowCommand.self, DeviceWipeCommand.self, DeviceBlockCommand.self,
            DeviceAllowCommand.self, DeviceRemoveCommand.self, DevicePruneCommand.self,
        ])
}

/// The user and DeviceId that name one device.
struct DeviceArguments: ParsableArguments {
    @Argument(help: "The user's e-mail address.") var address: String
    @Argument(help: "The DeviceId, as `almanac device list` shows it (any case).") var deviceID: String
}

struct DeviceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List devices.")
    @OptionGroup var options: DataOptions
    @Option(help: "Only the devices of this user (an e-mail address).") var user: String?

    func run() async throws {
        let devices = try await options.withDirectory { try await $0.devices(address: user) }
        var table = TextTable("USER", "DEVICEID", "TYPE", "MODEL", "OS", "LAST SEEN", "POLICY", "WIPE", "BLOCKED")
        for device in devices {
            let information = device.information
            table.append(
                device.userAddress, device.deviceID, device.deviceType,
                information.friendlyName ?? information.model ?? "-", information.os ?? "-",
                device.lastSeen.formatted(.iso8601), device.policyState, device.wipe.summary,
                device.isBlocked ? "yes" : "no")
        }
        for line in table.lines { print(line) }
    }
}

struct DeviceShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show everything about a device.")
    @OptionGroup var options: DataOptions
    @OptionGroup var device: DeviceArguments

    func run() async throws {
        let device = try await options.withDirectory {
            try await $0.device(address: self.device.address, deviceID: self.device.deviceID)
        }
        let information = device.information
        let pending = device.pendingPolicyKey.map {
            "temporary \($0), final \(device.pendingFinalKey.map(String.init) ?? "-")"
        }
        let fields: [(String, String?)] = [
            ("User", device.userAddress), ("Device ID", device.deviceID), ("Device type", device.deviceType),
            ("User agent", device.userAgent), ("Protocol version", device.protocolVersion),
            ("Model", information.model), ("IMEI", information.imei), ("Friendly name", information.friendlyName),
            ("OS", information.os), ("OS language", information.osLanguage), ("Phone number", information.phoneNumber),
            ("Mobile operator", information.mobileOperator), ("Client user agent", information.userAgent),
            ("First seen", device.firstSeen.formatted(.iso8601)), ("Last seen", device.lastSeen.formatted(.iso8601)),
            ("Policy", device.policyState), ("Policy key", device.policyKey.map(String.init)),
            ("Pending policy key", pending), ("Wipe", device.wipe.detail), ("Blocked", device.isBlocked ? "yes" : "no"),
        ]
        let width = fields.map(\.0.count).max() ?? 0
        for (name, value) in fields {
            print(name + ":" + String(repeating: " ", count: width - name.count + 1) + (value ?? "-"))
        }
    }
}

struct DeviceWipeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wipe", abstract: "Wipe a device (or only this account's data) at its next sync.")
    @OptionGroup var options: DataOptions
    @OptionGroup var device: DeviceArguments
    @Flag(help: "Remove only this account's data, not the whole device (needs EAS 16.1 on the device).")
    var accountOnly = false

    func run() async throws {
        let device = try await options.withDirectory { directory in
            try await directory.requestWipe(
                address: self.device.address, deviceID: self.device.deviceID, accountOnly: accountOnly)
            return try await directory.device(address: self.device.address, deviceID: self.device.deviceID)
        }
        print(
            "\(accountOnly ? "Account-only wipe" : "Wipe") requested for device \(device.deviceID) "
                + "of \(device.userAddress); it happens at the device's next sync")
    }
}

struct DeviceBlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "block", abstract: "Stop a device from syncing.")
    @OptionGroup var options: DataOptions
    @OptionGroup var device: DeviceArguments

    func run() async throws {
        let device = try await setBlocked(true, device: device, options: options)
        print("Blocked device \(device.deviceID) of \(device.userAddress)")
    }
}

struct DeviceAllowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "allow", abstract: "Let a blocked device sync again.")
    @OptionGroup var options: DataOptions
    @OptionGroup var device: DeviceArguments

    func run() async throws {
        let device = try await setBlocked(false, device: device, options: options)
        print("Allowed device \(device.deviceID) of \(device.userAddress)")
    }
}

/// Blocks or allows a device and returns it as it is now.
private func setBlocked(_ blocked: Bool, device: DeviceArguments, options: DataOptions) async throws -> Device {
    try await options.withDirectory { directory in
        try await directory.setBlocked(address: device.address, deviceID: device.deviceID, blocked)
        return try await directory.device(address: device.address, deviceID: device.deviceID)
    }
}

struct DeviceRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Forget a device; its next request makes it a new device that must accept the policy again.")
    @OptionGroup var options: DataOptions
    @OptionGroup var device: DeviceArguments

    func run() async throws {
        let device = try await options.withDirectory { directory in
            let device = try await directory.device(address: self.device.address, deviceID: self.device.deviceID)
            try await directory.removeDevice(address: device.userAddress, deviceID: device.deviceID)
            return device
        }
        print("Removed device \(device.deviceID) of \(device.userAddress)")
    }
}

struct DevicePruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove devices not seen for a number of days (blocked devices and pending wipes are kept).")
    @OptionGroup var options: DataOptions
    @Option(help: "Remove devices idle for more than this many days (1-36500).") var idleDays: Int

    func validate() throws {
        guard (1...36_500).contains(idleDays) else {
            throw ValidationError("--idle-days must be between 1 and 36500, not \(idleDays)")
        }
    }

    func run() async throws {
        let removed = try await options.withDirectory {
            try await $0.pruneDevices(idleFor: TimeInterval(idleDays) * 86_400)
        }
        print(
            "Removed \(removed) device\(removed == 1 ? "" : "s") idle for more than \(idleDays) day\(idleDays == 1 ? "" : "s")"
        )
    }
}

extension Device {
    /// `pending` while a Provision awaits acknowledgement, `provisioned` with
    /// an acknowledged key, else `none`.
    fileprivate var policyState: String {
        if pendingPolicyKey != nil { return "pending" }
        return policyKey == nil ? "none" : "provisioned"
    }
}

extension DeviceWipe {
    fileprivate var summary: String {
        stateName + (isAccountOnly ? " (account only)" : "")
    }

    fileprivate var detail: String {
        switch self {
        case .none:
            "none"
        case .requested(_, let at):
            "\(summary), requested \(at.formatted(.iso8601))"
        case .acknowledged(_, let requestedAt, let acknowledgedAt):
            "\(summary), requested \(requestedAt.formatted(.iso8601)), acknowledged \(acknowledgedAt.formatted(.iso8601))"
        }
    }
}
