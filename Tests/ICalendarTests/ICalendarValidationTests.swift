import ICalendar
import Testing

struct ICalendarValidationTests {
    @Test func acceptsAnEventWithOverrideAndNoDTSTAMP() throws {
        let object = try parsed(
            calendar(
                "BEGIN:VEVENT", "UID:u1", "DTSTART:20250106T090000Z", "RRULE:FREQ=WEEKLY", "END:VEVENT",
                "BEGIN:VEVENT", "UID:u1", "RECURRENCE-ID:20250113T090000Z", "DTSTART:20250114T090000Z", "END:VEVENT"))
        try object.validateAsCalendarResource()
    }

    @Test(arguments: [
        (
            calendar(
                "BEGIN:VEVENT", "UID:a", "DTSTART:20250101T000000Z", "END:VEVENT",
                "BEGIN:VEVENT", "UID:b", "DTSTART:20250101T000000Z", "END:VEVENT"),
            ICalendarError.multipleUIDs(["a", "b"])
        ),
        (
            calendar(
                "BEGIN:VEVENT", "UID:a", "DTSTART:20250101T000000Z", "END:VEVENT", "BEGIN:VTODO", "UID:a", "END:VTODO"),
            .mixedComponents(["VEVENT", "VTODO"])
        ),
        (calendar("BEGIN:VEVENT", "DTSTART:20250101T000000Z", "END:VEVENT"), .missingUID(component: "VEVENT")),
        (
            calendar("METHOD:REQUEST", "BEGIN:VEVENT", "UID:a", "DTSTART:20250101T000000Z", "END:VEVENT"),
            .forbiddenProperty(name: "METHOD")
        ),
        (
            calendar(
                "BEGIN:VEVENT", "UID:a", "DTSTART:20250106T090000Z", "RRULE:FREQ=WEEKLY", "END:VEVENT",
                "BEGIN:VEVENT", "UID:other", "RECURRENCE-ID:20250113T090000Z", "DTSTART:20250113T090000Z", "END:VEVENT"),
            .multipleUIDs(["a", "other"])
        ),
        (calendar("BEGIN:VEVENT", "UID:a", "END:VEVENT"), .missingProperty(component: "VEVENT", property: "DTSTART")),
        (calendar(berlinVTIMEZONE), .noComponents),
        (
            calendar("BEGIN:VEVENT", "UID:a", "DTSTART:2025-01-01", "END:VEVENT"),
            .invalidProperty(name: "DTSTART", value: "2025-01-01")
        ),
        (
            calendar("BEGIN:VEVENT", "UID:a", "DTSTART:20250101T000000Z", "RRULE:FREQ=FORTNIGHTLY", "END:VEVENT"),
            .invalidProperty(name: "RRULE", value: "FREQ=FORTNIGHTLY")
        ),
    ])
    func refuses(text: String, error: ICalendarError) throws {
        let object = try parsed(text)
        #expect(throws: error) { try object.validateAsCalendarResource() }
    }
}
