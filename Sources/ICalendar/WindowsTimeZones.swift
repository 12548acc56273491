/// Windows time zone names, as Outlook and Exchange ActiveSync clients put them in TZID
/// ("W. Europe Standard Time"), mapped to IANA zones ("Europe/Berlin") by CLDR windowsZones
/// (territory "001"), and back. The table is data: ``table`` is generated from
/// Tests/ICalendarTests/Fixtures/windowsZones.tsv (STYLE.md rule 8).
public enum WindowsTimeZones {
    /// The IANA zone for a Windows zone ID (case-insensitive), e.g. "Tokyo Standard Time" → "Asia/Tokyo".
    public static func iana(forWindows name: String) -> String? {
        byWindows[name.lowercased()]
    }

    /// The Windows zone ID for an IANA zone, e.g. "Europe/Berlin" → "W. Europe Standard Time".
    /// Also knows the current names of zones CLDR lists under an older one ("Asia/Kolkata").
    public static func windows(forIANA name: String) -> String? {
        byIANA[name] ?? aliases[name].flatMap { byIANA[$0] }
    }

    /// The IANA zone for an Outlook display name, "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
    /// also when only the "(UTC…) " prefix and the first city match.
    public static func iana(forDisplayName name: String) -> String? {
        if let exact = byDisplay[name.lowercased()] { return exact }
        guard name.hasPrefix("(UTC"), let close = name.firstIndex(of: ")") else { return nil }
        let offset = name[...close].lowercased()
        let firstCity = name[name.index(after: close)...].split(separator: ",").first.map {
            String($0.trimmingPrefix(" ")).lowercased()
        }
        guard let firstCity, !firstCity.isEmpty else { return nil }
        return table.first { entry in
            entry.display.lowercased().hasPrefix(offset) && entry.display.lowercased().contains(firstCity)
        }?.iana
    }

    /// Every IANA zone of the table, in CLDR order (by UTC offset), each once.
    public static var ianaZones: [String] {
        var seen: Set<String> = []
        return table.map(\.iana).filter { seen.insert($0).inserted }
    }

    /// The current IANA name of a zone CLDR lists under a backward-compatible name.
    static func modernName(_ iana: String) -> String? {
        aliases.first { $0.value == iana }?.key
    }

    /// Current IANA name → the name CLDR's windowsZones uses.
    private static let aliases: [String: String] = [
        "Asia/Kolkata": "Asia/Calcutta",
        "Asia/Kathmandu": "Asia/Katmandu",
        "Asia/Yangon": "Asia/Rangoon",
        "Asia/Ho_Chi_Minh": "Asia/Saigon",
        "America/Argentina/Buenos_Aires": "America/Buenos_Aires",
        "America/Nuuk": "America/Godthab",
        "America/Indiana/Indianapolis": "America/Indianapolis",
        "Europe/Kyiv": "Europe/Kiev",
        "UTC": "Etc/UTC",
        "Etc/GMT": "Etc/UTC",
    ]

    private static let byWindows: [String: String] = Dictionary(
        table.map { ($0.windows.lowercased(), $0.iana) }, uniquingKeysWith: { first, _ in first })
    private static let byIANA: [String: String] = Dictionary(
        table.map { ($0.iana, $0.windows) }, uniquingKeysWith: { first, _ in first })
    private static let byDisplay: [String: String] = Dictionary(
        table.map { ($0.display.lowercased(), $0.iana) }, uniquingKeysWith: { first, _ in first })
}
