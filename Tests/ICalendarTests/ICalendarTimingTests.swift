import ICalendar
import Testing

/// Timing figures for the report, with generous ceilings so the test can still fail on a regression.
struct ICalendarTimingTests {
    @Test func parseIndexAndExpandTimings() throws {
        let text = calendar(
            berlinVTIMEZONE, "BEGIN:VEVENT", "UID:timing", "DTSTAMP:20250101T000000Z", "SUMMARY:Weekly review",
            "DTSTART;TZID=Europe/Berlin:20250106T100000", "DTEND;TZID=Europe/Berlin:20250106T110000",
            "RRULE:FREQ=WEEKLY;BYDAY=MO", "END:VEVENT")
        let clock = ContinuousClock()
        let rounds = 200
        var count = 0
        let indexing = clock.measure {
            for _ in 0..<rounds {
                let object = try? ICalendarObject.parse(text)
                try? object?.validateAsCalendarResource()
                if object?.occurrenceBounds().start != nil { count += 1 }
            }
        }
        let object = try ICalendarObject.parse(text)
        var instances = 0
        let expansion = clock.measure {
            for _ in 0..<rounds {
                instances =
                    object.occurrences(of: "VEVENT", from: utc("20250101T000000Z"), to: utc("20260101T000000Z")).count
            }
        }
        print(
            "parse+validate+bounds: \(indexing / rounds) per event; weekly over a year: \(expansion / rounds) (\(instances) instances)"
        )
        #expect(count == rounds)
        #expect(instances == 52)
        #expect(indexing / rounds < .milliseconds(20))
        #expect(expansion / rounds < .milliseconds(50))
    }
}
