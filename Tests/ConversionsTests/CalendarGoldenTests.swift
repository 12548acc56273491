import Conversions
import Testing
import WBXML

/// The calendar golden corpus (Golden/calendar), compared both ways and never regenerated here.
struct CalendarGoldenTests {
    static let cases = GoldenCase.all(in: "calendar")
    let converter = CalendarConverter()

    @Test func corpusIsThere() {
        #expect(Self.cases.count >= 16)
    }

    @Test(arguments: GoldenCase.all(in: "calendar")) func storedToApplicationData(_ golden: GoldenCase) throws {
        let sent = try converter.applicationData(from: golden.ics, context: golden.context)
        #expect(applicationDataXML(sent) == (try golden.xml))
    }

    /// The client echoing what it was sent changes nothing: the stored bytes come back.
    @Test(arguments: GoldenCase.all(in: "calendar")) func echoedChangeKeepsTheStoredText(_ golden: GoldenCase) throws {
        let stored = try golden.ics
        let merged = try converter.merge(try applicationData(golden.xml), into: stored, context: golden.context)
        #expect(String(decoding: merged.body, as: UTF8.self) == String(decoding: stored, as: UTF8.self))
    }

    /// An Add of the golden ApplicationData stores an event that is sent back the same.
    @Test(arguments: GoldenCase.all(in: "calendar")) func addRoundTrips(_ golden: GoldenCase) throws {
        let added = try converter.merge(try applicationData(golden.xml), into: nil, context: golden.context)
        let sent = try converter.applicationData(from: added.body, context: golden.context)
        #expect(applicationDataXML(sent) == (try golden.xml))
    }
}
