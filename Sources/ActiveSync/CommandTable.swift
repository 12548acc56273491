import Conversions

/// The commands Almanac implements: each with the lowest protocol version that has it and its
/// handler (STYLE.md: a table, not a switch). OPTIONS lists exactly these.
struct CommandTable: Sendable {
    struct Entry: Sendable {
        let minimumVersion: ProtocolVersion
        /// Whether the command runs before the device has a policy key (MS-ASPROV 3.2.5.1:
        /// Provision itself; Settings that only sets DeviceInformation, which iOS sends first).
        let exemptFromPolicy: Bool
        let handler: CommandHandler
    }

    let entries: [CommandName: Entry]

    static let standard = CommandTable(entries: [
        .sync: Entry(minimumVersion: .v121, exemptFromPolicy: false, handler: SyncCommand.run),
        .folderSync: Entry(minimumVersion: .v121, exemptFromPolicy: false, handler: FolderSyncCommand.run),
        .folderCreate: Entry(minimumVersion: .v121, exemptFromPolicy: false, handler: FolderCreateCommand.run),
        .folderUpdate: Entry(minimumVersion: .v121, exemptFromPolicy: false, handler: FolderUpdateCommand.run),
        .folderDelete: Entry(minimumVersion: .v121, exemptFromPolicy: false, handler: FolderDeleteCommand.run),
        .moveItems: Entry(minimumVersion: .v121, exemptFromPolicy: false, handler: MoveItemsCommand.run),
        .getItemEstimate: Entry(minimumVersion: .v121, exemptFromPolicy: false, handler: GetItemEstimateCommand.run),
        .itemOperations: Entry(minimumVersion: .v121, exemptFromPolicy: false, handler: ItemOperationsCommand.run),
        .provision: Entry(minimumVersion: .v121, exemptFromPolicy: true, handler: ProvisionCommand.run),
        .settings: Entry(minimumVersion: .v121, exemptFromPolicy: false, handler: SettingsCommand.run),
        .ping: Entry(minimumVersion: .v121, exemptFromPolicy: false, handler: PingCommand.run),
    ])

    /// `MS-ASProtocolCommands` (MS-ASHTTP 2.2.2.2.1.1): the implemented commands, in code order.
    var protocolCommands: String {
        CommandName.allCases.filter { entries[$0] != nil }.map(\.rawValue).joined(separator: ",")
    }
}
