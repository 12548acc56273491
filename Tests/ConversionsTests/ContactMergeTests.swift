import Foundation
import Testing
import VCard
import WBXML

@testable import Conversions

/// Changes from a phone merged into stored cards: the field edits the property it was sent from,
/// and everything EAS does not carry stays as it was.
struct ContactMergeTests {
    let converter = ContactConverter(makeUID: { fixedUID })

    /// The card's ApplicationData with `changes` applied: a text replaces an element's text (added
    /// when absent), nil removes the element.
    func phoneData(_ card: String, _ changes: [String: String?] = [:]) throws -> [WBXMLElement] {
        var fields = try converter.applicationData(from: try golden("contacts/\(card).vcf"), context: plainContext())
        for (name, value) in changes {
            let index = fields.firstIndex { $0.name == name }
            let element = ContactFieldTable.rows.first { $0.element.name == name }?.element ?? .contacts(name)
            switch (index, value) {
            case (let index?, let value?): fields[index] = element.element(text: value)
            case (let index?, nil): fields.remove(at: index)
            case (nil, let value?): fields.append(element.element(text: value))
            case (nil, nil): break
            }
        }
        return fields
    }

    /// The stored lines that are gone and the lines that are new, both in order.
    func difference(_ card: String, _ merged: [UInt8]) throws -> (removed: [String], added: [String]) {
        let before = unfoldedLines(try golden("contacts/\(card).vcf"))
        let after = unfoldedLines(merged)
        return (before.filter { !after.contains($0) }, after.filter { !before.contains($0) })
    }

    /// Expects `merged` to differ from the golden card by exactly these lines.
    func expectChange(
        _ card: String, _ merged: [UInt8], removed: [String], added: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let change = try difference(card, merged)
        #expect(change.removed == removed, sourceLocation: sourceLocation)
        #expect(change.added == added, sourceLocation: sourceLocation)
    }

    @Test func changingTheMobileNumberEditsThatTelephoneOnly() throws {
        let fields = try phoneData("many-phones", ["MobilePhoneNumber": "+91 98450 00000"])
        let merged = try converter.merge(fields, into: try golden("contacts/many-phones.vcf"), context: plainContext())
        let change = try difference("many-phones", merged.body)
        #expect(change.removed == ["TEL;TYPE=CELL:+91 98450 12345"])
        #expect(change.added == ["TEL;TYPE=CELL:+91 98450 00000"])
        // The second and third mobile numbers, which have no EAS slot, are still there.
        let lines = unfoldedLines(merged.body)
        #expect(lines.contains("TEL;TYPE=CELL:+91 98450 67890") && lines.contains("TEL;TYPE=CELL:+91 90080 11111"))
    }

    @Test func eachTelephoneFieldEditsItsOwnProperty() throws {
        let expected: [(field: String, line: String)] = [
            ("BusinessPhoneNumber", "TEL;TYPE=WORK,VOICE:+91 44 2345 6789"),
            ("Business2PhoneNumber", "TEL;TYPE=WORK,VOICE:+91 44 2345 6790"),
            ("HomePhoneNumber", "TEL;TYPE=HOME,VOICE:+91 44 2498 1122"),
            ("Home2PhoneNumber", "TEL;TYPE=HOME,VOICE:+91 44 2498 3344"),
            ("BusinessFaxNumber", "TEL;TYPE=WORK,FAX:+91 44 2345 6700"),
            ("HomeFaxNumber", "TEL;TYPE=HOME,FAX:+91 44 2498 0000"),
            ("CarPhoneNumber", "TEL;TYPE=CAR:+91 98400 22222"),
            ("PagerNumber", "TEL;TYPE=PAGER:+91 98400 33333"),
            ("RadioPhoneNumber", "TEL;TYPE=X-RADIO:+91 98400 44444"),
            ("AssistantPhoneNumber", "TEL;TYPE=X-ASSISTANT:+91 44 2345 6701"),
            ("MMS", "TEL;TYPE=X-MMS:+91 98450 12345"),
            ("CompanyMainPhone", "TEL;TYPE=WORK,X-COMPANY-MAIN:+91 44 2345 6000"),
        ]
        for (field, line) in expected {
            let fields = try phoneData("many-phones", [field: "+1 555 0100"])
            let merged = try converter.merge(
                fields, into: try golden("contacts/many-phones.vcf"), context: plainContext())
            let change = try difference("many-phones", merged.body)
            let prefix = String(line[..<line.lastIndex(of: ":")!])
            #expect(change.removed == [line], "\(field)")
            #expect(change.added == [prefix + ":+1 555 0100"], "\(field)")
        }
    }

    @Test func outlooksAssistantTelephoneIsTheAssistantPhoneNumber() throws {
        let stored = try golden("contacts/outlook-2016.vcf")
        let sent = try converter.applicationData(from: stored, context: plainContext())
        #expect(text(sent, "AssistantPhoneNumber") == "+34 91 555 0150")
        let changed = try converter.merge(
            try phoneData("outlook-2016", ["AssistantPhoneNumber": "+34 91 555 0151"]), into: stored,
            context: plainContext())
        try expectChange(
            "outlook-2016", changed.body, removed: ["X-MS-TEL;TYPE=ASSISTANT:+34 91 555 0150"],
            added: ["X-MS-TEL;TYPE=ASSISTANT:+34 91 555 0151"])
        let cleared = try converter.merge(
            try phoneData("outlook-2016", ["AssistantPhoneNumber": nil]), into: stored, context: plainContext())
        try expectChange("outlook-2016", cleared.body, removed: ["X-MS-TEL;TYPE=ASSISTANT:+34 91 555 0150"], added: [])
        // An X-MS-TEL of a type EAS has no slot for is not read.
        let callback = ics("BEGIN:VCARD", "VERSION:3.0", "FN:A", "X-MS-TEL;TYPE=CALLBACK:+1 555 0199", "END:VCARD")
        let none = try converter.applicationData(from: callback, context: plainContext())
        #expect(none.map(\.name) == ["FileAs"])
    }

    @Test func applesAssistantLabelIsTheAssistantPhoneNumber() throws {
        let stored = ics(
            "BEGIN:VCARD", "VERSION:3.0", "FN:A", "item1.TEL;type=pref:+1 555 0101",
            "item1.X-ABLabel:_$!<Assistant>!$_", "END:VCARD")
        let sent = try converter.applicationData(from: stored, context: plainContext())
        #expect(text(sent, "AssistantPhoneNumber") == "+1 555 0101")
        let changed = try converter.merge(
            [field("Contacts", "FileAs", "A"), field("Contacts", "AssistantPhoneNumber", "+1 555 0102")], into: stored,
            context: plainContext())
        #expect(unfoldedLines(changed.body).contains("item1.TEL;TYPE=pref:+1 555 0102"))
        #expect(unfoldedLines(changed.body).contains("item1.X-ABLabel:_$!<Assistant>!$_"))
    }

    @Test func appleGroupsKeepTheirLabels() throws {
        let stored = try golden("contacts/apple-ios.vcf")
        let edited = try converter.merge(
            try phoneData("apple-ios", ["Email3Address": "asa@studio-soder.example"]), into: stored,
            context: plainContext())
        var change = try difference("apple-ios", edited.body)
        #expect(change.removed == ["item1.EMAIL;type=INTERNET:asa@studio.example"])
        #expect(change.added == ["item1.EMAIL;TYPE=INTERNET:asa@studio-soder.example"])
        #expect(unfoldedLines(edited.body).contains("item1.X-ABLabel:Studio"))
        // Clearing the field removes the property and the label of its group, nothing else.
        let cleared = try converter.merge(
            try phoneData("apple-ios", ["Email3Address": nil]), into: stored, context: plainContext())
        change = try difference("apple-ios", cleared.body)
        #expect(change.removed == ["item1.EMAIL;type=INTERNET:asa@studio.example", "item1.X-ABLabel:Studio"])
        #expect(change.added.isEmpty)
        // The fourth address, which EAS cannot show, is still the fourth EMAIL.
        #expect(unfoldedLines(cleared.body).contains("EMAIL;type=INTERNET:asa.old@example.org"))
    }

    @Test func aChangeClearingEveryFieldKeepsWhatEASCannotShow() throws {
        let stored = try golden("contacts/many-phones.vcf")
        let fields = [field("Contacts", "FirstName", "Priya"), field("Contacts", "LastName", "Raghunathan")]
        let merged = try converter.merge(fields, into: stored, context: plainContext())
        let lines = unfoldedLines(merged.body)
        let kept = [
            "TEL;TYPE=CELL:+91 98450 67890", "TEL;TYPE=CELL:+91 90080 11111", "TEL;TYPE=VOICE:+91 80 4123 4567",
            "EMAIL;TYPE=INTERNET:priya.raghunathan@example.org",
            "ADR;TYPE=WORK:;;Unit 4\\, Port Trust Annexe;Visakhapatnam;Andhra Pradesh;530035;India",
            // The post office box of the other address has no EAS field: the ADR keeps it.
            "ADR;TYPE=POSTAL:PO Box 1187;;;;;;",
            "X-MSN:priya@example.in", "X-CUSTOM-FIELD;X-PARAM=kept:keep me", "UID:2c1a8e53-7d4f-4b0e-9a1c-5e6f7a8b9c0d",
            "N:Raghunathan;Priya;;;", "FN:Priya Raghunathan",
        ]
        for line in kept { #expect(lines.contains(line), "\(line)") }
        let gone = ["TEL;TYPE=CELL:+91 98450 12345", "ORG:Kaveri Shipping;Chartering", "X-SPOUSE:Karthik Raghunathan"]
        for line in gone { #expect(!lines.contains(line), "\(line)") }
        #expect(lines.count == kept.count + 3, "\(lines)")  // the kept lines, BEGIN, VERSION and END
    }

    @Test func ghostedFieldsAreKept() throws {
        let stored = try golden("contacts/many-phones.vcf")
        let fields = [field("Contacts", "FirstName", "Priyanka")]
        // Only FirstName is managed by the client: everything else is ghosted and kept.
        let ghosted = try converter.merge(
            fields, into: stored, context: plainContext(supported: ["Contacts:FirstName"]))
        let change = try difference("many-phones", ghosted.body)
        #expect(change.removed == ["FN:Priya Raghunathan", "N:Raghunathan;Priya;;;"])
        #expect(change.added == ["FN:Priyanka Raghunathan", "N:Raghunathan;Priyanka;;;"])
        // An empty Supported ghosts everything.
        let all = try converter.merge(fields, into: stored, context: plainContext(supported: []))
        #expect(all.body == ghosted.body)
    }

    @Test func ghostedPictureSurvives() throws {
        let stored = try golden("contacts/apple-ios.vcf")
        let withoutPicture = try phoneData("apple-ios", ["Picture": nil, "JobTitle": "Creative Director"])
        for supported in [nil, [], ["Contacts:JobTitle", "Contacts:FirstName"]] as [Set<String>?] {
            let merged = try converter.merge(withoutPicture, into: stored, context: plainContext(supported: supported))
            let card = try VCard.parseSingle(merged.body)
            #expect(card.photo == (try VCard.parseSingle(stored)).photo, "\(String(describing: supported))")
            #expect(card.text(of: "TITLE") == "Creative Director")
        }
        // A client that manages the picture and leaves it out, or sends it empty, removes it.
        let listed = try converter.merge(
            withoutPicture, into: stored, context: plainContext(supported: ["Contacts:Picture", "Contacts:JobTitle"]))
        #expect(try VCard.parseSingle(listed.body).photo == nil)
        let emptied = try converter.merge(
            try phoneData("apple-ios", ["Picture": ""]), into: stored, context: plainContext())
        #expect(try VCard.parseSingle(emptied.body).photo == nil)
    }

    @Test func aTruncatedBodyKeepsTheNote() throws {
        let stored = try golden("contacts/apple-ios.vcf")
        let note = try VCard.parseSingle(stored).text(of: "NOTE")
        let truncated = WBXMLElement(
            "AirSyncBase", "Body",
            children: [
                field("AirSyncBase", "Type", "1"), field("AirSyncBase", "EstimatedDataSize", "150"),
                field("AirSyncBase", "Truncated", "1"),
            ])
        var fields = try phoneData("apple-ios").filter { $0.name != "Body" }
        fields.append(truncated)
        #expect(try converter.merge(fields, into: stored, context: plainContext()).body == stored)
        // Without any Body the note stays too; new Data replaces it, empty Data removes it.
        let noBody = try phoneData("apple-ios").filter { $0.name != "Body" }
        #expect(try converter.merge(noBody, into: stored, context: plainContext()).body == stored)
        let replaced = try converter.merge(noBody + [plainBody("New\r\nnote")], into: stored, context: plainContext())
        #expect(try VCard.parseSingle(replaced.body).text(of: "NOTE") == "New\nnote")
        #expect(note != nil)
        let removed = try converter.merge(noBody + [plainBody("")], into: stored, context: plainContext())
        #expect(try VCard.parseSingle(removed.body).text(of: "NOTE") == nil)
    }

    @Test func birthdaysKeepTheDayThePhoneMeant() throws {
        let cases: [(sent: String, stored: String)] = [
            ("1980-05-17T00:00:00.000Z", "BDAY:1980-05-17"),  // UTC, or sent as Almanac sends it
            ("1980-05-16T11:00:00.000Z", "BDAY:1980-05-17"),  // UTC+13, New Zealand summer
            ("1980-05-16T12:00:00.000Z", "BDAY:1980-05-17"),  // UTC+12
            ("1980-05-16T22:00:00.000Z", "BDAY:1980-05-17"),  // UTC+2
            ("1980-05-17T08:00:00.000Z", "BDAY:1980-05-17"),  // UTC−8
            ("1980-05-17T10:00:00Z", "BDAY:1980-05-17"),  // UTC−10, no milliseconds
            ("1980-05-17T11:59:00.000Z", "BDAY:1980-05-17"),  // MS-ASCNTC 2.2.2.6's 11:59
            ("19800517T000000Z", "BDAY:1980-05-17"),  // compact form
            ("1980-12-31T23:00:00.000Z", "BDAY:1981-01-01"),  // UTC+1 across a year end
            ("1604-02-28T23:00:00.000Z", "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29"),  // no year, leap day
        ]
        for (sent, stored) in cases {
            let added = try converter.merge([field("Contacts", "Birthday", sent)], into: nil, context: plainContext())
            #expect(unfoldedLines(added.body).contains(stored), "\(sent)")
        }
        // A 4.0 card takes the 4.0 forms; the golden card's own BDAY is left alone when the day is the same.
        let stored = try golden("contacts/thunderbird-4.vcf")
        let same = try converter.merge(
            [field("Contacts", "Birthday", "1991-07-21T22:00:00.000Z")], into: stored,
            context: plainContext(supported: []))
        #expect(same.body == stored)
        let moved = try converter.merge(
            [field("Contacts", "Anniversary", "1604-09-20T00:00:00.000Z")], into: stored,
            context: plainContext(supported: []))
        try expectChange("thunderbird-4", moved.body, removed: ["ANNIVERSARY:--0914"], added: ["ANNIVERSARY:--0920"])
        // A 3.0 card that wrote a date without a year as --MM-DD keeps that form.
        let davx5 = try converter.merge(
            [field("Contacts", "Birthday", "1604-03-09T00:00:00.000Z")], into: try golden("contacts/davx5-android.vcf"),
            context: plainContext(supported: []))
        try expectChange("davx5-android", davx5.body, removed: ["BDAY:--03-08"], added: ["BDAY:--03-09"])
        // Apple's partner and son labels read as the spouse and a child.
        let apple = Array(
            """
            BEGIN:VCARD\r
            VERSION:3.0\r
            FN:A\r
            N:;A;;;\r
            item1.X-ABRELATEDNAMES:P\r
            item1.X-ABLabel:_$!<Partner>!$_\r
            item2.X-ABRELATEDNAMES:S\r
            item2.X-ABLabel:_$!<Son>!$_\r
            END:VCARD\r

            """.utf8)
        let sent = try converter.applicationData(from: apple, context: plainContext())
        #expect(text(sent, "Spouse") == "P")
        #expect(sent.first { $0.name == "Children" }?.children.map(\.text) == ["S"])
    }

    @Test func emailDisplayFormsAreStoredBare() throws {
        let forms = [
            "\"Okafor, Ngozi\" <ngozi@example.ng>", "Ngozi Okafor <ngozi@example.ng>", "<ngozi@example.ng>",
            " ngozi@example.ng ", "mailto:ngozi@example.ng",
        ]
        for form in forms {
            let added = try converter.merge(
                [field("Contacts", "Email1Address", form)], into: nil, context: plainContext())
            #expect(try VCard.parseSingle(added.body).emails.map(\.value) == ["ngozi@example.ng"], "\(form)")
        }
        // The same address in a display form leaves the stored property alone.
        let stored = try golden("contacts/google-export.vcf")
        let fields = try phoneData("google-export", ["Email1Address": "\"Marcus\" <marcus.oyelaran@example.com>"])
        #expect(try converter.merge(fields, into: stored, context: plainContext()).body == stored)
    }

    @Test func theUIDStaysAndAnAddGetsANewUUID() throws {
        let stored = try golden("contacts/davx5-android.vcf")
        let changed = try converter.merge(
            try phoneData("davx5-android", ["FirstName": "Minh"]), into: stored, context: plainContext())
        #expect(changed.uid == "8f2d0c7a-2e64-4b1f-9d35-6a0e4b7c1f92")
        #expect(try VCard.parseSingle(changed.body).uid == changed.uid)
        let first = try ContactConverter().merge([field("Contacts", "FileAs", "A")], into: nil, context: plainContext())
        let second = try ContactConverter().merge(
            [field("Contacts", "FileAs", "A")], into: nil, context: plainContext())
        #expect(UUID(uuidString: first.uid) != nil && first.uid != second.uid)
        #expect(try VCard.parseSingle(first.body).uid == first.uid)
    }

    @Test func fileAsBecomesTheFormattedNameUnlessItIsTheSortForm() throws {
        let stored = try golden("contacts/google-export.vcf")
        let sortForm = try converter.merge(
            try phoneData("google-export", ["FileAs": "Oyelaran, Marcus"]), into: stored, context: plainContext())
        #expect(sortForm.body == stored)
        let renamed = try converter.merge(
            try phoneData("google-export", ["FileAs": "Marcus O. (Lagos)"]), into: stored, context: plainContext())
        // The Google export has no UID: its first change gives it one.
        let uid = "UID:" + fixedUID
        try expectChange(
            "google-export", renamed.body, removed: ["FN:Marcus Oyelaran"], added: ["FN:Marcus O. (Lagos)", uid])
        // A new first name with the old FileAs echoed back renames the card.
        let firstName = try converter.merge(
            try phoneData("google-export", ["FirstName": "Mark"]), into: stored, context: plainContext())
        try expectChange(
            "google-export", firstName.body, removed: ["FN:Marcus Oyelaran", "N:Oyelaran;Marcus;;;"],
            added: ["FN:Mark Oyelaran", "N:Oyelaran;Mark;;;", uid])
    }

    @Test func aVersion4CardIsWrittenIn4() throws {
        let stored = try golden("contacts/thunderbird-4.vcf")
        let fields = try phoneData(
            "thunderbird-4",
            [
                "BusinessPhoneNumber": "+33-1-55-55-09-99", "Spouse": nil, "AssistantName": "Margaux",
                "HomeFaxNumber": "+33 1 00",
            ])
        let merged = try converter.merge(fields, into: stored, context: plainContext())
        let change = try difference("thunderbird-4", merged.body)
        #expect(
            change.removed == [
                "TEL;TYPE=work;VALUE=uri:tel:+33-1-55-55-01-23", "RELATED;TYPE=spouse;VALUE=text:Hugo Lefèvre",
            ])
        #expect(
            change.added == [
                "TEL;TYPE=work;VALUE=uri:tel:+33-1-55-55-09-99", "TEL;TYPE=home,fax:+33 1 00", "X-ASSISTANT:Margaux",
            ])
        #expect(try VCard.parseSingle(merged.body).version == .v4)
    }

    @Test func newRelatedNamesTakeAppleGroupsIn3() throws {
        let stored = try golden("contacts/apple-ios.vcf")
        let fields = try phoneData("apple-ios", ["ManagerName": "Olof Berg"])
        let merged = try converter.merge(fields, into: stored, context: plainContext())
        try expectChange(
            "apple-ios", merged.body, removed: [],
            added: ["item9.X-ABRELATEDNAMES:Olof Berg", "item9.X-ABLABEL:_$!<Manager>!$_"])
    }

    @Test func childrenArePairedInOrder() throws {
        let stored = try golden("contacts/thunderbird-4.vcf")
        var fields = try phoneData("thunderbird-4").filter { $0.name != "Children" }
        let children = ["Inès", "Noa", "Lou"].map { EASElement.contacts("Child").element(text: $0) }
        fields.append(EASElement.contacts("Children").element(children: children))
        let merged = try converter.merge(fields, into: stored, context: plainContext())
        try expectChange(
            "thunderbird-4", merged.body, removed: ["RELATED;TYPE=child;VALUE=text:Noé"],
            added: ["RELATED;TYPE=child;VALUE=text:Noa", "RELATED;TYPE=child;VALUE=text:Lou"])
    }

    @Test func addressFieldsEditTheirComponent() throws {
        let stored = try golden("contacts/outlook-2016.vcf")
        let merged = try converter.merge(
            try phoneData("outlook-2016", ["BusinessAddressCity": "Alcalá de Henares", "HomeAddressCity": "Toledo"]),
            into: stored, context: plainContext())
        let change = try difference("outlook-2016", merged.body)
        #expect(change.removed.count == 1 && change.removed[0].hasPrefix("ADR;TYPE=WORK;CHARSET=ISO-8859-1"))
        #expect(
            change.added == [
                "ADR;TYPE=WORK:;;Calle de Alcalá 48;Alcalá de Henares;Madrid;28014;España",
                "ADR;TYPE=HOME:;;;Toledo;;;",
            ])
    }
}
