import Foundation
import Testing

@testable import ICalendar

struct WindowsTimeZonesTests {
    @Test(arguments: [
        ("W. Europe Standard Time", "Europe/Berlin"),
        ("Eastern Standard Time", "America/New_York"),
        ("Pacific Standard Time", "America/Los_Angeles"),
        ("GMT Standard Time", "Europe/London"),
        ("Romance Standard Time", "Europe/Paris"),
        ("Tokyo Standard Time", "Asia/Tokyo"),
        ("India Standard Time", "Asia/Calcutta"),
        ("AUS Eastern Standard Time", "Australia/Sydney"),
        ("China Standard Time", "Asia/Shanghai"),
        ("Central Standard Time", "America/Chicago"),
        ("Chatham Islands Standard Time", "Pacific/Chatham"),
        ("UTC", "Etc/UTC"),
        ("New Zealand Standard Time", "Pacific/Auckland"),
    ])
    func mapsBothWays(windows: String, iana: String) {
        #expect(WindowsTimeZones.iana(forWindows: windows) == iana)
        #expect(WindowsTimeZones.windows(forIANA: iana) == windows)
    }

    @Test func knowsCurrentNamesAndCase() {
        #expect(WindowsTimeZones.windows(forIANA: "Asia/Kolkata") == "India Standard Time")
        #expect(WindowsTimeZones.windows(forIANA: "Europe/Kyiv") == "FLE Standard Time")
        #expect(WindowsTimeZones.iana(forWindows: "w. europe standard time") == "Europe/Berlin")
        #expect(WindowsTimeZones.iana(forWindows: "Mars Standard Time") == nil)
        #expect(WindowsTimeZones.windows(forIANA: "Mars/Olympus_Mons") == nil)
    }

    @Test func readsOutlookDisplayNames() {
        #expect(
            WindowsTimeZones.iana(forDisplayName: "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna")
                == "Europe/Berlin")
        #expect(
            WindowsTimeZones.iana(forDisplayName: "(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien")
                == "Europe/Berlin")
        #expect(
            WindowsTimeZones.iana(forDisplayName: "(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi") == "Asia/Calcutta")
        #expect(WindowsTimeZones.iana(forDisplayName: "(UTC+01:00) Nowhere") == nil)
    }

    /// STYLE.md rule 8: WindowsTimeZones+Table.swift is generated from Fixtures/windowsZones.tsv.
    @Test func tableMatchesTheCLDRData() throws {
        let url = try #require(
            Bundle.module.url(forResource: "windowsZones", withExtension: "tsv", subdirectory: "Fixtures"))
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.count == 139)
        #expect(WindowsTimeZones.table.count == rows.count)
        for (row, entry) in zip(rows, WindowsTimeZones.table) {
            let columns = row.split(separator: "\t").map(String.init)
            try #require(columns.count == 3)
            #expect([entry.windows, entry.iana, entry.display] == columns)
            #expect(WindowsTimeZones.iana(forWindows: columns[0]) == columns[1], "\(columns[0])")
            #expect(WindowsTimeZones.iana(forDisplayName: columns[2]) == columns[1], "\(columns[2])")
        }
    }
}
