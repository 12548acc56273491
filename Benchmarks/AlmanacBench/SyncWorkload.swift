import Foundation

/// The items of the sync benchmark, generated deterministically: item `n` of a run is the same
/// bytes on every run and machine (each item draws from its own seeded generator), so two runs'
/// figures describe the same data.
///
/// Events (iCalendar, RFC 5545): one in ten recurs weekly (20 occurrences) with one moved
/// instance (a second VEVENT with RECURRENCE-ID), one in ten is all-day (DATE values), the rest
/// are timed in Europe/Berlin, America/New_York (each with its VTIMEZONE) or UTC; about a third
/// have an organizer and two to four attendees, about four in ten a description of 200–600 bytes.
///
/// Contacts (vCard 3.0, RFC 2426, as phones write them): N, FN, ORG, TITLE, one to three TEL,
/// one or two EMAIL, zero to two ADR, a BDAY or a NOTE on some, and one in ten a JPEG PHOTO of
/// about 5 KB of base64.
enum SyncWorkload {
    /// The resource name of event `n` in the default calendar.
    static func eventName(_ n: Int) -> String { "bench-event-\(n).ics" }

    /// The resource name of contact `n` in the default address book.
    static func contactName(_ n: Int) -> String { "bench-contact-\(n).vcf" }

    /// Event `n`; `revision` above 0 gives a changed version (another summary, a new ETag).
    static func event(_ n: Int, revision: Int = 0) -> String {
        var random = SplitMix64(seed: 0xCA1E_0000 &+ UInt64(n))
        let uid = "bench-event-\(n)@almanac.bench"
        // Starts spread over three years from 2025-01-06 (a Monday), on the quarter hour.
        let day = random.next(below: 3 * 365)
        let minute = 7 * 60 + random.next(below: 12 * 4) * 15
        let start = Date(timeIntervalSince1970: 1_736_121_600 + Double(day * 86_400 + minute * 60))
        let duration = [30, 45, 60, 60, 90, 120][random.next(below: 6)]
        let end = start.addingTimeInterval(Double(duration * 60))
        let zone = [berlin, newYork, nil][random.next(below: 3)]
        let kind = n % 10
        let summaryWords = 2 + random.next(below: 4)
        var summary = words(&random, count: summaryWords).capitalizedFirst
        if revision > 0 { summary += " (revision \(revision))" }

        var master = [
            "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20250101T090000Z", "SEQUENCE:\(revision)",
            "SUMMARY:\(summary)",
        ]
        if kind == 1 {
            master += [
                "DTSTART;VALUE=DATE:\(stamp(start, zone: nil, time: false))",
                "DTEND;VALUE=DATE:\(stamp(start.addingTimeInterval(86_400), zone: nil, time: false))",
                "TRANSP:TRANSPARENT",
            ]
        } else {
            master += [dateTime("DTSTART", start, zone), dateTime("DTEND", end, zone)]
        }
        if kind == 0 { master.append("RRULE:FREQ=WEEKLY;COUNT=20") }
        if random.next(below: 2) == 0 { master.append("LOCATION:" + locations[random.next(below: locations.count)]) }
        if random.next(below: 5) < 2 {
            let count = 30 + random.next(below: 70)
            master.append("DESCRIPTION:" + escape(words(&random, count: count).capitalizedFirst))
        }
        let attendees = random.next(below: 3) == 0 ? attendeeLines(&random) : []
        master += attendees
        if random.next(below: 4) == 0 { master += ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "END:VALARM"] }
        master.append("END:VEVENT")

        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac//AlmanacBench//EN",
        ]
        if kind != 1, let zone { lines += timeZones[zone] ?? [] }
        lines += master
        if kind == 0 {
            // The fourth occurrence moved an hour later.
            lines += [
                "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20250101T090000Z", "SEQUENCE:\(revision)",
                dateTime("RECURRENCE-ID", start, zone, weeks: 3),
                dateTime("DTSTART", start.addingTimeInterval(3_600), zone, weeks: 3),
                dateTime("DTEND", end.addingTimeInterval(3_600), zone, weeks: 3),
                "SUMMARY:\(summary) (moved)",
            ]
            lines += attendees
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return folded(lines)
    }

    /// Contact `n`; `revision` above 0 gives a changed version (another title, a new ETag).
    static func contact(_ n: Int, revision: Int = 0) -> String {
        var random = SplitMix64(seed: 0xC0_7AC7_0000 &+ UInt64(n))
        let given = givenNames[random.next(below: givenNames.count)]
        let family = familyNames[random.next(below: familyNames.count)]
        let company = companies[random.next(below: companies.count)]
        let domain = company.lowercased().filter(\.isLetter) + ".example"
        var title = titles[random.next(below: titles.count)]
        if revision > 0 { title += " (revision \(revision))" }
        var lines = [
            "BEGIN:VCARD", "VERSION:3.0", "UID:bench-contact-\(n)@almanac.bench", "N:\(family);\(given);;;",
            "FN:\(given) \(family)", "ORG:\(company)", "TITLE:\(title)",
        ]
        let phoneTypes = ["CELL", "WORK,VOICE", "HOME,VOICE"]
        for index in 0..<(1 + random.next(below: 3)) {
            lines.append("TEL;TYPE=\(phoneTypes[index]):+\(phoneNumber(&random))")
        }
        lines.append("EMAIL;TYPE=INTERNET,WORK:\(given.lowercased()).\(family.lowercased())@\(domain)")
        if random.next(below: 2) == 0 {
            lines.append("EMAIL;TYPE=INTERNET,HOME:\(given.lowercased())\(random.next(below: 100))@mail.example")
        }
        for type in ["WORK", "HOME"].prefix(random.next(below: 3)) {
            let street = "\(1 + random.next(below: 200)) \(streets[random.next(below: streets.count)])"
            let (city, region, code, country) = cities[random.next(below: cities.count)]
            lines.append("ADR;TYPE=\(type):;;\(street);\(city);\(region);\(code);\(country)")
        }
        if random.next(below: 4) == 0 {
            let (year, month, day) = (
                1950 + random.next(below: 50), 1 + random.next(below: 12), 1 + random.next(below: 28)
            )
            lines.append(String(format: "BDAY:%04d-%02d-%02d", year, month, day))
        }
        if random.next(below: 5) == 0 {
            let count = 10 + random.next(below: 30)
            lines.append("NOTE:" + escape(words(&random, count: count).capitalizedFirst))
        }
        if n % 10 == 3 { lines.append("PHOTO;ENCODING=b;TYPE=JPEG:" + photo(&random)) }
        lines += ["REV:2025-01-01T09:00:00Z", "END:VCARD"]
        return folded(lines)
    }

    // MARK: Pieces

    private static let berlin = "Europe/Berlin"
    private static let newYork = "America/New_York"

    /// RFC 5545 §3.6.5 VTIMEZONE of each zone used, with its current daylight-saving rules.
    private static let timeZones: [String: [String]] = [
        berlin: [
            "BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
        ],
        newYork: [
            "BEGIN:VTIMEZONE", "TZID:America/New_York",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "TZNAME:EDT", "DTSTART:19700308T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "TZNAME:EST", "DTSTART:19701101T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "END:STANDARD", "END:VTIMEZONE",
        ],
    ]

    /// A DATE-TIME property: local time with TZID in `zone`, or UTC; `weeks` later in local
    /// time (the same wall-clock time across a daylight-saving change, as a weekly rule recurs).
    private static func dateTime(_ name: String, _ date: Date, _ zone: String?, weeks: Int = 0) -> String {
        guard let zone else { return "\(name):\(stamp(date, zone: nil, time: true, days: 7 * weeks))Z" }
        return "\(name);TZID=\(zone):\(stamp(date, zone: zone, time: true, days: 7 * weeks))"
    }

    /// `date` in `zone` (nil: UTC) as `yyyyMMdd`, or `yyyyMMddTHHmmss` with `time`, `days`
    /// later on the local calendar.
    private static func stamp(_ date: Date, zone: String?, time: Bool, days: Int = 0) -> String {
        let offset = zone.flatMap { TimeZone(identifier: $0) }?.secondsFromGMT(for: date) ?? 0
        let seconds = Int(date.timeIntervalSince1970) + offset + days * 86_400
        let (days, second) = (seconds / 86_400, seconds % 86_400)
        // Civil date from days since 1970-01-01 (proleptic Gregorian, days ≥ 0).
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let text = String(format: "%04d%02d%02d", year, month, day)
        guard time else { return text }
        return text + String(format: "T%02d%02d%02d", second / 3_600, second / 60 % 60, second % 60)
    }

    private static func attendeeLines(_ random: inout SplitMix64) -> [String] {
        var lines = ["ORGANIZER;CN=Bench User:mailto:bench@bench.test"]
        for _ in 0..<(2 + random.next(below: 3)) {
            let given = givenNames[random.next(below: givenNames.count)]
            let family = familyNames[random.next(below: familyNames.count)]
            let status = ["ACCEPTED", "TENTATIVE", "NEEDS-ACTION", "DECLINED"][random.next(below: 4)]
            lines.append(
                "ATTENDEE;CN=\(given) \(family);ROLE=REQ-PARTICIPANT;PARTSTAT=\(status);RSVP=TRUE:"
                    + "mailto:\(given.lowercased()).\(family.lowercased())@example.com")
        }
        return lines
    }

    private static func phoneNumber(_ random: inout SplitMix64) -> String {
        ["49 30 ", "1 212 ", "44 20 ", "33 1 "][random.next(below: 4)]
            + String(1_000_000 + random.next(below: 8_999_999))
    }

    /// About 3.75 KB of bytes behind a JPEG SOI/APP0 header, as base64 (about 5 KB).
    private static func photo(_ random: inout SplitMix64) -> String {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00]
        let count = 3_700 + random.next(below: 200)
        for _ in 0..<count { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
        bytes += [0xFF, 0xD9]
        return Data(bytes).base64EncodedString()
    }

    private static func words(_ random: inout SplitMix64, count: Int) -> String {
        (0..<count).map { _ in vocabulary[random.next(below: vocabulary.count)] }.joined(separator: " ")
    }

    /// RFC 5545 §3.3.11 / RFC 2426 §4: commas and semicolons in TEXT are escaped.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: ";", with: "\\;")
    }

    /// The lines joined by CRLF, each folded before 75 octets (RFC 5545 §3.1, RFC 2426 §2.6),
    /// never inside a character.
    private static func folded(_ lines: [String]) -> String {
        var out = ""
        for line in lines {
            var octets = 0
            for scalar in line.unicodeScalars {
                let size = String(scalar).utf8.count
                if octets + size > 75 {
                    out += "\r\n "
                    octets = 1
                }
                out.unicodeScalars.append(scalar)
                octets += size
            }
            out += "\r\n"
        }
        return out
    }

    private static let vocabulary = [
        "agenda", "budget", "review", "quarterly", "planning", "team", "design", "launch", "customer", "call",
        "follow-up", "roadmap", "sprint", "retro", "workshop", "lunch", "dentist", "school", "project", "status",
        "hiring", "interview", "offsite", "travel", "flight", "hotel", "contract", "draft", "notes", "slides",
        "prepare", "discuss", "confirm", "schedule", "update", "the", "with", "and", "for", "about", "new", "next",
    ]
    private static let locations = [
        "Room 4.12", "Alexanderplatz 1, Berlin", "Conference room B", "Zoom", "Café Einstein", "Main office",
        "5th Avenue 350, New York", "Home",
    ]
    private static let givenNames = [
        "Anna", "Ben", "Clara", "David", "Elif", "Felix", "Grace", "Hannah", "Ivan", "Julia", "Karim", "Lena",
        "Marco", "Nina", "Oscar", "Paula", "Quentin", "Rosa", "Samir", "Tanja",
    ]
    private static let familyNames = [
        "Schmidt", "Miller", "Nguyen", "Garcia", "Kowalski", "Rossi", "Dubois", "Yilmaz", "Johnson", "Weber",
        "Andersson", "Silva", "Fischer", "Brown", "Novak",
    ]
    private static let companies = ["Acme Corp", "Globex", "Initech", "Umbrella Labs", "Stark Industries", "Hooli"]
    private static let titles = ["Engineer", "Sales Manager", "Designer", "Accountant", "Director", "Consultant"]
    private static let streets = ["Main Street", "Hauptstraße", "Broadway", "Rue de Rivoli", "Market Street"]
    private static let cities = [
        ("Berlin", "", "10115", "Germany"), ("New York", "NY", "10001", "USA"), ("Paris", "", "75001", "France"),
        ("Munich", "Bavaria", "80331", "Germany"), ("Boston", "MA", "02108", "USA"),
    ]
}

/// SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", 2014):
/// a small seeded generator, so the workload is the same on every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (the modulo bias is negligible for the small bounds used here).
    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
