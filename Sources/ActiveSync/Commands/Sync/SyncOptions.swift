import Conversions
import WBXML

/// The options a device set for a collection (MS-ASCMD 2.2.3.125.6 Options of Sync, and
/// 2.2.3.179 Supported), kept in the collection's sync state: a request without `Options`
/// keeps those in force.
struct SyncOptions: Sendable, Equatable, Codable {
    /// MS-ASCMD 2.2.3.34 Conflict: who wins when the client changes an item the server changed
    /// since the client's key.
    enum ConflictResolution: Int, Sendable, Codable {
        /// 0: the client's version replaces the server's.
        case clientWins = 0
        /// 1, the default: the change is refused (status 7) and the server's version is sent.
        case serverWins = 1
    }

    /// One `AirSyncBase:BodyPreference` (MS-ASAIRS 2.2.2.7), as kept.
    struct Body: Sendable, Equatable, Codable {
        var type: Int
        var truncationSize: Int?
        var allOrNone: Bool
        var preview: Int?

        init(_ preference: BodyPreference) {
            type = preference.type.rawValue
            truncationSize = preference.truncationSize
            allOrNone = preference.allOrNone
            preview = preference.preview
        }

        var preference: BodyPreference? {
            BodyType(rawValue: type).map {
                BodyPreference(type: $0, truncationSize: truncationSize, allOrNone: allOrNone, preview: preview)
            }
        }
    }

    var filterType: FilterType = .all
    var bodyPreferences: [Body] = []
    var conflict: ConflictResolution = .serverWins
    /// MS-ASCMD 2.2.3.110.3 MIMESupport (0 never, 1 S/MIME only, 2 always); kept for mail.
    var mimeSupport: Int = 0
    /// The elements named in `Supported` at SyncKey 0, as `Namespace:Name`; nil when none was sent.
    var supported: [String]?

    /// Reads an `Options` element over the options in force: the values it carries replace
    /// them, those it leaves out return to their defaults (a client sends its whole set).
    /// nil when a value is out of range (a protocol error).
    init?(_ element: WBXMLElement, keeping supported: [String]?) {
        self.supported = supported
        for child in element.children {
            switch (child.namespace, child.name) {
            case ("AirSync", "FilterType"):
                guard let value = child.text.flatMap({ Int($0) }), let type = FilterType(rawValue: value) else {
                    return nil
                }
                filterType = type
            case ("AirSync", "Conflict"):
                guard let value = child.text.flatMap({ Int($0) }), let conflict = ConflictResolution(rawValue: value)
                else { return nil }
                self.conflict = conflict
            case ("AirSync", "MIMESupport"):
                guard let value = child.text.flatMap({ Int($0) }), (0...2).contains(value) else { return nil }
                mimeSupport = value
            case ("AirSyncBase", "BodyPreference"):
                guard let preference = BodyPreference(child) else { return nil }
                bodyPreferences.append(Body(preference))
            default:
                continue  // Class, MIMETruncation, MaxItems, RightsManagementSupport, 12.1 Truncation
            }
        }
    }

    init() {}

    /// The `Supported` element's children as kept (MS-ASCMD 2.2.3.179).
    static func supported(_ element: WBXMLElement) -> [String] {
        element.children.map { "\($0.namespace):\($0.name)" }
    }

    /// What a conversion of this collection needs to know; `userAddresses` tell a meeting the user
    /// organises from one they received (MS-ASCAL MeetingStatus).
    func conversionContext(version: ProtocolVersion, userAddresses: Set<String>) -> ConversionContext {
        ConversionContext(
            version: version, bodyPreferences: bodyPreferences.compactMap(\.preference),
            supported: supported.map(Set.init), userAddresses: userAddresses)
    }
}
