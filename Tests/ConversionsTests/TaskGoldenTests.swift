import Conversions
import Testing
import WBXML

/// The task golden corpus (Golden/tasks), compared both ways and never regenerated here.
struct TaskGoldenTests {
    static let cases = GoldenCase.all(in: "tasks")
    let converter = TaskConverter()

    @Test func corpusIsThere() {
        #expect(Self.cases.count >= 4)
    }

    @Test(arguments: GoldenCase.all(in: "tasks")) func storedToApplicationData(_ golden: GoldenCase) throws {
        let sent = try converter.applicationData(from: golden.ics, context: golden.context)
        #expect(applicationDataXML(sent) == (try golden.xml))
    }

    /// The client echoing what it was sent changes nothing: the stored bytes come back.
    @Test(arguments: GoldenCase.all(in: "tasks")) func echoedChangeKeepsTheStoredText(_ golden: GoldenCase) throws {
        let stored = try golden.ics
        let merged = try converter.merge(try applicationData(golden.xml), into: stored, context: golden.context)
        #expect(String(decoding: merged.body, as: UTF8.self) == String(decoding: stored, as: UTF8.self))
    }

    /// An Add of the golden ApplicationData stores a task that is sent back the same. EAS tasks
    /// carry no zone (MS-ASTASK 2.2.2), so a new task with a time of day is stored in UTC and
    /// its local `StartDate`/`DueDate` come back as UTC; the instants stay.
    @Test(arguments: GoldenCase.all(in: "tasks")) func addRoundTrips(_ golden: GoldenCase) throws {
        let sent = try applicationData(golden.xml)
        let added = try converter.merge(sent, into: nil, context: golden.context)
        let back = try converter.applicationData(from: added.body, context: golden.context)
        let zoned = Set(
            ["StartDate", "DueDate"].filter { name in
                sent.first { $0.name == name }?.text != sent.first { $0.name == "Utc" + name }?.text
            })
        #expect(
            applicationDataXML(back.filter { !zoned.contains($0.name) })
                == applicationDataXML(sent.filter { !zoned.contains($0.name) }))
        for name in zoned {
            #expect(back.first { $0.name == name }?.text == sent.first { $0.name == "Utc" + name }?.text)
        }
    }
}
