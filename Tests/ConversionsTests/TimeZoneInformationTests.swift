import Foundation
import ICalendar
import Testing

@testable import Conversions

struct TimeZoneInformationTests {
    let system = ICalendarObject(root: ICalendarComponent(name: "VCALENDAR"))

    func rules(_ tzid: String, _ year: Int = 2026) throws -> TimeZoneInformation {
        try #require(TimeZoneInformation(tzid: tzid, in: system, year: year))
    }

    func rule(month: UInt16, weekday: UInt16, week: UInt16, hour: UInt16, minute: UInt16 = 0) -> SystemTime {
        SystemTime(fields: [0, month, weekday, week, hour, minute, 0, 0])
    }

    @Test func berlin() throws {
        let berlin = try rules("Europe/Berlin")
        #expect(berlin.bias == -60 && berlin.standardBias == 0 && berlin.daylightBias == -60)
        #expect(berlin.standardDate == rule(month: 10, weekday: 0, week: 5, hour: 3))
        #expect(berlin.daylightDate == rule(month: 3, weekday: 0, week: 5, hour: 2))
        #expect(berlin.standardName == "W. Europe Standard Time" && berlin.daylightName == "W. Europe Daylight Time")
    }

    @Test func newYorkSecondAndFirstSunday() throws {
        let newYork = try rules("America/New_York")
        #expect(newYork.bias == 300 && newYork.daylightBias == -60)
        #expect(newYork.daylightDate == rule(month: 3, weekday: 0, week: 2, hour: 2))
        #expect(newYork.standardDate == rule(month: 11, weekday: 0, week: 1, hour: 2))
    }

    @Test func southernHemisphere() throws {
        let sydney = try rules("Australia/Sydney")
        #expect(sydney.bias == -600 && sydney.daylightBias == -60)
        #expect(sydney.daylightDate == rule(month: 10, weekday: 0, week: 1, hour: 2))
        #expect(sydney.standardDate == rule(month: 4, weekday: 0, week: 1, hour: 3))
        let chatham = try rules("Pacific/Chatham")
        #expect(chatham.bias == -765)
        #expect(chatham.daylightDate == rule(month: 9, weekday: 0, week: 5, hour: 2, minute: 45))
        #expect(chatham.standardDate == rule(month: 4, weekday: 0, week: 1, hour: 3, minute: 45))
    }

    @Test func zonesWithoutDaylightTime() throws {
        for (tzid, bias) in [("America/Sao_Paulo", 180), ("Asia/Tokyo", -540), ("Asia/Kolkata", -330), ("UTC", 0)] {
            let zone = try rules(tzid)
            #expect(zone.bias == Int32(bias) && !zone.hasDaylightTime, "\(tzid)")
            #expect(zone.bytes != [UInt8](repeating: 0, count: 172), "\(tzid) must not be the all-zero structure")
        }
        // Before 2019 São Paulo had daylight time from November to February.
        #expect(try rules("America/Sao_Paulo", 2018).hasDaylightTime)
    }

    @Test func unknownZoneHasNoRules() {
        #expect(TimeZoneInformation(tzid: "Nowhere/Special", in: system, year: 2026) == nil)
    }

    @Test func layoutIsMSASDTYPE() throws {
        let berlin = try rules("Europe/Berlin")
        let bytes = berlin.bytes
        #expect(bytes.count == 172)
        #expect(Array(bytes[0..<4]) == [0xC4, 0xFF, 0xFF, 0xFF])  // -60, little-endian
        #expect(Array(bytes[4..<8]) == [0x57, 0x00, 0x2E, 0x00])  // "W."
        #expect(Array(bytes[68..<72]) == [0x00, 0x00, 0x0A, 0x00])  // wYear 0, wMonth 10
        #expect(Array(bytes[168..<172]) == [0xC4, 0xFF, 0xFF, 0xFF])  // DaylightBias -60
        #expect(try TimeZoneInformation(base64: berlin.base64) == berlin)
    }

    @Test func badBlobsAreInvalidFields() {
        let cases = [
            "", "AAAA", "not base64 at all", Data(count: 173).base64EncodedString(),
            Data([0x00, 0x00, 0x01, 0x00] + [UInt8](repeating: 0, count: 168)).base64EncodedString(),
        ]
        for text in cases {
            expectInvalidField("Timezone") {
                _ = try TimeZoneInformation(base64: text)
            }
        }
        var badDate = TimeZoneInformation(bias: 0)
        badDate.standardDate = SystemTime(fields: [0, 13, 0, 1, 0, 0, 0, 0])
        badDate.daylightDate = SystemTime(fields: [0, 3, 0, 6, 0, 0, 0, 0])
        #expect(throws: ConversionError.self) { try TimeZoneInformation(base64: badDate.base64) }
    }

    @Test func offsetsFromTheRules() throws {
        let berlin = try rules("Europe/Berlin")
        #expect(berlin.offset(atUTC: ICalendarDate.parseUTC("20260701T000000Z")!) == 7200)
        #expect(berlin.offset(atUTC: ICalendarDate.parseUTC("20260115T000000Z")!) == 3600)
        #expect(berlin.offset(atUTC: ICalendarDate.parseUTC("20260329T005959Z")!) == 3600)
        #expect(berlin.offset(atUTC: ICalendarDate.parseUTC("20260329T010000Z")!) == 7200)
        let sydney = try rules("Australia/Sydney")
        #expect(sydney.offset(atUTC: ICalendarDate.parseUTC("20260115T000000Z")!) == 39_600)
        #expect(sydney.offset(atUTC: ICalendarDate.parseUTC("20260715T000000Z")!) == 36_000)
    }

    @Test func vtimezoneFromRulesGivesTheSameRules() throws {
        for tzid in ["Europe/Berlin", "Australia/Sydney", "Pacific/Chatham", "Asia/Kolkata"] {
            let zone = try rules(tzid)
            let root = ICalendarComponent(name: "VCALENDAR", components: [zone.vtimezone(tzid: "Client Zone")])
            let again = try #require(
                TimeZoneInformation(tzid: "Client Zone", in: ICalendarObject(root: root), year: 2026))
            #expect(again.hasSameRules(as: zone), "\(tzid)")
        }
    }

    @Test func matcherPrefersTheWindowsNameThenTheRules() throws {
        #expect(TimeZoneMatcher.tzid(for: try rules("Asia/Tokyo"), year: 2026) == "Asia/Tokyo")
        var anonymous = try rules("America/New_York")
        anonymous.standardName = ""
        anonymous.daylightName = ""
        let found = try #require(TimeZoneMatcher.tzid(for: anonymous, year: 2026))
        #expect(try rules(found).hasSameRules(as: anonymous))
        var chatham = try rules("Pacific/Chatham")
        chatham.standardName = "Chatham Islands"
        #expect(TimeZoneMatcher.tzid(for: chatham, year: 2026) == "Pacific/Chatham")
        #expect(TimeZoneMatcher.tzid(for: TimeZoneInformation(bias: 7), year: 2026) == nil)
    }
}
