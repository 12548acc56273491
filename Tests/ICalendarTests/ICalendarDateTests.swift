import ICalendar
import Testing

struct ICalendarDateTests {
    @Test func parsesUTCAgainstHandComputedSeconds() {
        // 2025-01-01 is 20089 days after 1970-01-01 (55 years, 14 leap days: 55*365+14).
        #expect(ICalendarDate.parseUTC("20250101T000000Z") == 1_735_689_600)
        #expect(ICalendarDate.parseUTC("19700101T000000Z") == 0)
        #expect(ICalendarDate.parseUTC("20000229T123456Z") == 951_827_696)
        #expect(ICalendarDate.parseUTC("19691231T235959Z") == -1)
    }

    @Test func refusesNonUTCAndGarbage() {
        for text in [
            "20250101T000000", "20250101", "20251301T000000Z", "20250230T000000Z", "2025-01-01T00:00:00Z", "", "x",
        ] {
            #expect(ICalendarDate.parseUTC(text) == nil, "\(text)")
        }
    }

    @Test func formatsUTC() {
        #expect(ICalendarDate.formatUTC(951_827_696) == "20000229T123456Z")
        #expect(ICalendarDate.formatUTC(-1) == "19691231T235959Z")
    }
}
