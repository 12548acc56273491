import ICalendar
import Testing

struct ICalendarParsingTests {
    @Test func unfoldsUnescapesAndKeepsParameters() throws {
        let text =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:abc@example.com\r\n"
            + "SUMMARY:Team \\, sync\\; part\\\\1\\nsecond line\r\n"
            + "DESCRIPTION:This is a lo\r\n ng line fol\r\n\tded twice\r\n"
            + "ATTENDEE;ROLE=REQ-PARTICIPANT;DELEGATED-FROM=\"mailto:a@x.org\",\"mailto:b@x.org\";CN=\"Doe; John: Jr.\":mailto:j@x.org\r\n"
            + "X-ALMANAC-CUSTOM;X-P=1:kept\r\n"
            + "CATEGORIES:a\\,b,c\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n"
        let object = try ICalendarObject.parse(text)
        let event = try #require(object.root.components("VEVENT").first)
        #expect(event.property("SUMMARY")?.value == "Team , sync; part\\1\nsecond line")
        #expect(event.property("DESCRIPTION")?.value == "This is a long line folded twice")
        let attendee = try #require(event.property("attendee"))
        #expect(attendee.value == "mailto:j@x.org")
        #expect(attendee.parameter("DELEGATED-FROM")?.values == ["mailto:a@x.org", "mailto:b@x.org"])
        #expect(attendee.parameter("CN")?.values == ["Doe; John: Jr."])
        #expect(attendee.parameter("role")?.values == ["REQ-PARTICIPANT"])
        #expect(event.property("X-ALMANAC-CUSTOM")?.value == "kept")
        #expect(event.property("X-ALMANAC-CUSTOM")?.parameter("X-P")?.values == ["1"])
        #expect(event.property("CATEGORIES")?.value == "a\\,b,c")
        #expect(object.uid == "abc@example.com")
        #expect(object.componentNames == ["VEVENT"])
    }

    @Test func acceptsBareLFAndDecodesRFC6868() throws {
        let text =
            "BEGIN:VCALENDAR\nBEGIN:VTODO\nUID:1\nATTENDEE;CN=\"a^'b^^c^nd\":mailto:x@y\nEND:VTODO\nEND:VCALENDAR\n"
        let todo = try #require(try ICalendarObject.parse(text).root.components("VTODO").first)
        #expect(todo.property("ATTENDEE")?.parameter("CN")?.value == "a\"b^c\nd")
    }

    @Test func serializesWithCRLFFoldingAndEscapes() throws {
        let summary = String(repeating: "é", count: 50) + ", done; ok"
        var event = ICalendarComponent(name: "VEVENT")
        event.properties = [
            ICalendarProperty(name: "UID", value: "1"),
            ICalendarProperty(name: "SUMMARY", value: summary),
            ICalendarProperty(
                name: "ATTENDEE", value: "mailto:a@b", parameters: [ICalendarParameter(name: "CN", values: ["A, B"])]),
        ]
        let object = ICalendarObject(root: ICalendarComponent(name: "VCALENDAR", components: [event]))
        let text = object.serialized
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.contains("ATTENDEE;CN=\"A, B\":mailto:a@b"))
        // "SUMMARY:" is 8 octets, each é 2: the first line holds 33 é (74 octets), then " " + 17 é + the rest.
        #expect(lines.contains("SUMMARY:" + String(repeating: "é", count: 33)))
        #expect(lines.contains(" " + String(repeating: "é", count: 17) + "\\, done\\; ok"))
        #expect(try ICalendarObject.parse(text).root == object.root)
    }

    @Test(arguments: [
        ("BEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\n", ICalendarError.notVCALENDAR),
        ("", .notVCALENDAR),
        ("hello world\r\n", .notVCALENDAR),
        ("BEGIN:VCARD\r\nEND:VCARD\r\n", .notVCALENDAR),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
            .malformed("line 3: END:VCALENDAR closes BEGIN:VEVENT")
        ),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n", .malformed("BEGIN:VCALENDAR is never closed")),
        ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VEVENT\r\n", .malformed("line 3: END:VEVENT outside any component")),
        (
            "BEGIN:VCALENDAR\r\nSUMMARY no colon\r\nEND:VCALENDAR\r\n",
            .malformed("line 2: bad property name \"SUMMARY no colon\"")
        ),
        (
            "BEGIN:VCALENDAR\r\nX;CN=\"open:x\r\nEND:VCALENDAR\r\n",
            .malformed("line 2: unterminated quoted parameter value in X")
        ),
        ("BEGIN:VCALENDAR\r\nX:\u{0}\u{1}\r\nEND:VCALENDAR\r\n", .malformed("line 2: control character U+0")),
    ])
    func refusesMalformedInput(text: String, error: ICalendarError) {
        #expect(throws: error) { try ICalendarObject.parse(text) }
    }

    @Test func refusesOversizedAndNonUTF8() {
        let big = calendar(
            "BEGIN:VEVENT", "UID:1", "DESCRIPTION:" + String(repeating: "x", count: 20 * 1024 * 1024), "END:VEVENT")
        #expect(throws: ICalendarError.tooLarge(bytes: big.utf8.count, limit: 10 * 1024 * 1024)) {
            try ICalendarObject.parse(big)
        }
        #expect(throws: ICalendarError.notUTF8) {
            try ICalendarObject.parse(
                bytes: Array("BEGIN:VCALENDAR\r\nX:".utf8) + [0xC3, 0x28] + Array("\r\nEND:VCALENDAR\r\n".utf8))
        }
        let limits = ICalendarLimits(maxComponents: 3, maxPropertiesPerComponent: 2, maxDepth: 2)
        #expect(throws: ICalendarError.limitExceeded(what: "levels of nesting", limit: 2)) {
            try ICalendarObject.parse(
                calendar("BEGIN:VEVENT", "BEGIN:VALARM", "END:VALARM", "END:VEVENT"), limits: limits)
        }
        #expect(throws: ICalendarError.limitExceeded(what: "properties in one component", limit: 2)) {
            try ICalendarObject.parse(calendar("X-THIRD:1"), limits: limits)
        }
    }

    /// Seeded mutations of a valid object: any outcome but a crash or a hang.
    @Test func mutatedInputNeverCrashes() {
        let seed = Array(
            calendar(
                berlinVTIMEZONE, "BEGIN:VEVENT", "UID:fuzz", "DTSTART;TZID=Europe/Berlin:20250106T100000",
                "DTEND;TZID=Europe/Berlin:20250106T110000", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20250301T000000Z",
                "EXDATE;TZID=Europe/Berlin:20250108T100000", "BEGIN:VALARM", "TRIGGER:-PT15M", "ACTION:DISPLAY",
                "END:VALARM", "END:VEVENT"
            ).utf8)
        var generator = SplitMix64(seed: 42)
        let alphabet = Array("BEGIN:END;=\",\r\n \\VEVENTZT0123456789-+PDWHMS".utf8)
        for _ in 0..<1500 {
            var bytes = seed
            for _ in 0..<Int(generator.next() % 8) + 1 {
                let index = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[index] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: index)
                }
            }
            guard let object = try? ICalendarObject.parse(bytes: bytes) else { continue }
            _ = try? object.validateAsCalendarResource()
            _ = object.occurrenceBounds()
            _ = object.occurrences(of: "VEVENT", from: 1_735_689_600, to: 1_767_225_600)
            _ = object.expanded(from: 1_735_689_600, to: 1_738_368_000).serialized
        }
    }
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
