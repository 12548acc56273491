import Testing

@testable import Conversions

struct ContactDateTests {
    func day(_ text: String) -> String {
        guard let date = ContactDate.intended(text) else { return "invalid" }
        return "\(date.year)-\(date.month)-\(date.day)"
    }

    @Test func theDayAPhoneMeant() {
        #expect(day("1980-05-17T00:00:00.000Z") == "1980-5-17")  // UTC, or sent back as Almanac sends it
        #expect(day("1980-05-16T11:00:00.000Z") == "1980-5-17")  // UTC+13, New Zealand summer
        #expect(day("1980-05-16T12:00:00.000Z") == "1980-5-17")  // UTC+12
        #expect(day("1980-05-16T22:00:00.000Z") == "1980-5-17")  // UTC+2
        #expect(day("1980-05-16T18:30:00Z") == "1980-5-17")  // UTC+5:30
        #expect(day("1980-05-17T08:00:00.000Z") == "1980-5-17")  // UTC−8
        #expect(day("1980-05-17T10:00:00Z") == "1980-5-17")  // UTC−10
        #expect(day("1980-05-17T11:59:00.000Z") == "1980-5-17")  // MS-ASCNTC 2.2.2.6's 11:59
        #expect(day("1980-05-17T23:59:59Z") == "1980-5-17")
        #expect(day("19800516T110000Z") == "1980-5-17")  // compact form
    }

    @Test func theNextDayCrossesMonthsYearsAndLeapDays() {
        #expect(day("2000-02-28T11:00:00Z") == "2000-2-29")
        #expect(day("1900-02-28T11:00:00Z") == "1900-3-1")
        #expect(day("2024-12-31T13:00:00Z") == "2025-1-1")
        #expect(day("9999-12-31T13:00:00Z") == "9999-12-31")
    }

    @Test func refusesWhatIsNoDate() {
        for text in [
            "", "yesterday", "17/05/1980", "2023-02-29T00:00:00Z", "1980-13-01", String(repeating: "1", count: 100),
        ] {
            #expect(ContactDate.intended(text) == nil, "\(text)")
        }
    }

    @Test func sendsMidnightUTC() {
        #expect(ContactDate.text(year: 1604, month: 2, day: 29) == "1604-02-29T00:00:00.000Z")
        #expect(ContactDate.text(year: 1984, month: 3, day: 9) == "1984-03-09T00:00:00.000Z")
    }
}
