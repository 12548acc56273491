import Testing

@testable import Store

struct ETagTests {
    @Test func isTheFirstHalfOfTheSHA256InHex() {
        // SHA-256("") = e3b0c442 98fc1c14 9afbf4c8 996fb924 27ae41e4 649b934c a495991b 7852b855
        #expect(ETag.of([]) == "e3b0c44298fc1c149afbf4c8996fb924")
        // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
        #expect(ETag.of(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223")
    }

    @Test func changesWithTheBody() {
        #expect(ETag.of([0x61]) != ETag.of([0x62]))
        #expect(ETag.of([0x61, 0x00]) != ETag.of([0x61]))
    }
}
