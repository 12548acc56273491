import Foundation
import Testing
import VCard
import WBXML

@testable import Conversions

/// `Picture` ⇄ PHOTO: phones may send pictures up to ``ContactLimits/maxPictureBytes``, but only
/// pictures within MS-ASCNTC 2.2.2.58's 48 KB of base64 are sent, and one that was not sent is
/// never cleared by a Change.
struct ContactPictureTests {
    let converter = ContactConverter(makeUID: { fixedUID })

    /// `count` seeded random bytes that start like a JPEG.
    func jpeg(_ count: Int) -> [UInt8] {
        var generator = SeededGenerator(state: 0x00C0_FFEE)
        var picture = [UInt8](repeating: 0, count: count)
        for index in picture.indices { picture[index] = UInt8.random(in: 0...255, using: &generator) }
        picture.replaceSubrange(0..<4, with: [0xFF, 0xD8, 0xFF, 0xE0])
        return picture
    }

    /// A card added by a phone with a picture of `count` bytes.
    func added(_ count: Int) throws -> (card: [UInt8], picture: [UInt8]) {
        let picture = jpeg(count)
        let fields = [
            field("Contacts", "FileAs", "Big Picture"),
            field("Contacts", "Picture", Data(picture).base64EncodedString()),
        ]
        return (try converter.merge(fields, into: nil, context: plainContext()).body, picture)
    }

    @Test func theSendLimitIsTheSpecs48KBOfBase64() {
        #expect(ContactLimits.specPictureBytes == 36_864)
        #expect(Data(jpeg(ContactLimits.specPictureBytes)).base64EncodedString().utf8.count == 48 * 1024)
        #expect(ContactLimits.default.maxSentPictureBytes == 36_864)
        #expect(ContactLimits.default.maxPictureBytes == 4 << 20)
    }

    @Test func aPictureWithinTheLimitRoundTrips() throws {
        let (stored, picture) = try added(ContactLimits.specPictureBytes)
        let card = try VCard.parseSingle(stored)
        #expect(card.photo == .inline(data: picture, mediaType: "image/jpeg"))
        #expect(card.property(named: "PHOTO")?.parameterValues("TYPE") == ["JPEG"])
        let sent = try converter.applicationData(from: stored, context: plainContext())
        #expect(text(sent, "Picture") == Data(picture).base64EncodedString())
        // Sent back unchanged, the picture leaves the card as it is.
        #expect(try converter.merge(sent, into: stored, context: plainContext()).body == stored)
        // In a 4.0 card the picture is a data: URI.
        let four = try converter.merge(
            [field("Contacts", "Picture", Data(picture).base64EncodedString())],
            into: try golden("contacts/thunderbird-4.vcf"), context: plainContext(supported: []))
        let photo = try #require(try VCard.parseSingle(four.body).property(named: "PHOTO"))
        #expect(photo.value.hasPrefix("data:image/jpeg;base64,/9j/4"))
    }

    @Test(arguments: [ContactLimits.specPictureBytes + 1, 1 << 20])
    func aLargerPictureIsKeptButNotSent(_ count: Int) throws {
        let (stored, picture) = try added(count)
        #expect(try VCard.parseSingle(stored).photo == .inline(data: picture, mediaType: "image/jpeg"))
        let sent = try converter.applicationData(from: stored, context: plainContext())
        #expect(text(sent, "Picture") == nil)
        #expect(text(sent, "FileAs") == "Big Picture")
        // What the phone was sent, sent back, changes nothing: not even with Picture in Supported,
        // where a Change without it would clear a picture that had been sent.
        for supported in [nil, [], ["Contacts:Picture", "Contacts:FileAs"]] as [Set<String>?] {
            let merged = try converter.merge(sent, into: stored, context: plainContext(supported: supported))
            #expect(merged.body == stored, "\(String(describing: supported))")
        }
        // An empty Picture does not clear it either.
        let emptied = try converter.merge(
            sent + [field("Contacts", "Picture", "")], into: stored,
            context: plainContext(supported: ["Contacts:Picture"]))
        #expect(emptied.body == stored)
        // A new picture from the phone replaces it, in place.
        let small = jpeg(100)
        let replaced = try converter.merge(
            sent + [field("Contacts", "Picture", Data(small).base64EncodedString())], into: stored,
            context: plainContext())
        let card = try VCard.parseSingle(replaced.body)
        #expect(card.properties.filter { $0.name == "PHOTO" }.count == 1)
        #expect(card.photo == .inline(data: small, mediaType: "image/jpeg"))
    }

    @Test func aSentPictureIsStillClearedByAManagingClient() throws {
        let (stored, _) = try added(1000)
        let sent = try converter.applicationData(from: stored, context: plainContext())
        let without = sent.filter { $0.name != "Picture" }
        let listed = try converter.merge(
            without, into: stored, context: plainContext(supported: ["Contacts:Picture", "Contacts:FileAs"]))
        #expect(try VCard.parseSingle(listed.body).photo == nil)
        let emptied = try converter.merge(
            without + [field("Contacts", "Picture", "")], into: stored, context: plainContext())
        #expect(try VCard.parseSingle(emptied.body).photo == nil)
    }
}
