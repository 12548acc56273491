import Foundation
import Testing

@testable import ActiveSync

/// The stored form of a collection's sync state: held items as steps, and the whole-number form
/// written before still read.
struct CollectionSyncStateTests {
    /// 10,000 held items as a folder filled by an import has them: ids and modseqs rising by one.
    func imported() -> CollectionSyncState {
        var state = CollectionSyncState()
        for offset in Int64(0)..<10_000 { state.held[120_001 + offset] = 250_001 + offset }
        state.skipped = [4: 7]
        state.options.filterType = .twoWeeks
        state.clientAdds = [.init(clientID: "x", itemID: 3, fingerprint: .max, key: 2)]
        state.upToDate = 260_000
        return state
    }

    /// The state in the form written before steps: whole ids and modseqs.
    func wholeNumberForm(_ state: CollectionSyncState) throws -> [UInt8] {
        let held = state.held.sorted { $0.key < $1.key }
        let skipped = state.skipped.sorted { $0.key < $1.key }
        func list(_ values: [Int64]) -> String { "[" + values.map(String.init).joined(separator: ",") + "]" }
        let options = String(decoding: try JSONEncoder().encode(state.options), as: UTF8.self)
        let adds = String(decoding: try JSONEncoder().encode(state.clientAdds), as: UTF8.self)
        let json =
            "{\"ids\":\(list(held.map(\.key))),\"modseqs\":\(list(held.map(\.value))),"
            + "\"skippedIDs\":\(list(skipped.map(\.key))),\"skippedModseqs\":\(list(skipped.map(\.value))),"
            + "\"options\":\(options),\"clientAdds\":\(adds),\"upToDate\":\(state.upToDate.map(String.init) ?? "null")}"
        return Array(json.utf8)
    }

    @Test func aStateWrittenInTheWholeNumberFormIsRead() throws {
        let state = imported()
        #expect(CollectionSyncState(encoded: try wholeNumberForm(state)) == state)
        // A hand-written one, as a server before this form stored it.
        let stored = Array(
            #"{"ids":[3,1],"modseqs":[9,2],"skippedIDs":[4],"skippedModseqs":[4],"options":{"filterType":4,"bodyPreferences":[],"conflict":1,"mimeSupport":0},"clientAdds":[],"upToDate":12}"#
                .utf8)
        let read = try #require(CollectionSyncState(encoded: stored))
        #expect(read.held == [3: 9, 1: 2] && read.skipped == [4: 4] && read.upToDate == 12)
        #expect(read.options.filterType == .twoWeeks)
    }

    @Test func heldItemsAreStoredAsSteps() throws {
        var state = CollectionSyncState()
        state.held = [7: 20, 5: 30, 9: 25]
        let json = try #require(try JSONSerialization.jsonObject(with: Data(state.encoded())) as? [String: Any])
        #expect(json["idSteps"] as? [Int] == [5, 2, 2])
        #expect(json["modseqSteps"] as? [Int] == [30, -10, 5])
        #expect(json["ids"] == nil && json["modseqs"] == nil)
        // Extreme values round-trip (the steps wrap).
        state.held = [.min: .max, -1: .min, .max: 0]
        #expect(CollectionSyncState(encoded: state.encoded()) == state)
        // Step lists of different lengths are not a state.
        let broken = Array(
            #"{"idSteps":[1,2],"modseqSteps":[1],"skippedIDSteps":[],"skippedModseqSteps":[],"options":{"filterType":0,"bodyPreferences":[],"conflict":1,"mimeSupport":0},"clientAdds":[]}"#
                .utf8)
        #expect(CollectionSyncState(encoded: broken) == nil)
    }

    /// 10,000 held items: 140,240 bytes in the whole-number form, 40,266 as steps.
    @Test func tenThousandHeldItemsTakeAThirdOfTheWholeNumberForm() throws {
        let state = imported()
        let encoded = state.encoded()
        #expect(CollectionSyncState(encoded: encoded) == state)
        let before = try wholeNumberForm(state).count
        #expect(before == 140_240)
        #expect(encoded.count == 40_266)
    }
}
