import Testing

@testable import Directory

struct ByteCountTests {
    @Test(
        arguments: [
            ("10GB", 10_000_000_000), ("500 MB", 500_000_000), ("0.5GB", 500_000_000), ("1.5 GiB", 1_610_612_736),
            ("2048MiB", 2_147_483_648), ("1000000", 1_000_000), ("10gb", 10_000_000_000), ("10 Gb", 10_000_000_000),
            ("1 KB", 1_000), ("1KiB", 1_024), ("0.1GB", 100_000_000), ("  5 GB  ", 5_000_000_000), ("7 bytes", 7),
            ("7B", 7), ("2 TB", 2_000_000_000_000), ("1 TiB", 1_099_511_627_776), ("0", 0),
            ("0.000000001 GB", 1), ("1.5", 1), ("0.1 GiB", 107_374_182),
            ("9223372036854775807", Int64.max),
        ] as [(String, Int64)])
    func parses(input: String, bytes: Int64) throws {
        #expect(try ByteCount(parsing: input).bytes == bytes)
    }

    @Test(arguments: [
        "", " ", "GB", "-1", "-5GB", "+5GB", "nan", "NaN GB", "inf", "infinity", "1e9", "1,000", "5 G", "5 GBs",
        "5 GB extra", "1.", ".5GB", "1..5GB", "1.2.3GB", "0x10", "10 PB", "9223372036854775808",
        "9223372036854775807 KB", "10000000000 GB", "1.0000000001 GB", "５GB", String(repeating: "1", count: 65),
    ])
    func refuses(input: String) {
        #expect(throws: DirectoryError.invalidQuota(input)) { try ByteCount(parsing: input) }
    }

    @Test(
        arguments: [
            (10_000_000_000, "10 GB"), (5_000_000_000, "5 GB"), (1_500_000_000, "1.5 GB"), (100_000_000, "100 MB"),
            (1_073_741_824, "1 GiB"), (1_610_612_736, "1.5 GiB"), (999, "999 bytes"), (0, "0 bytes"),
            (200_000_000_000, "200 GB"), (1_234_567, "1234.567 KB"),
        ] as [(Int64, String)])
    func describes(bytes: Int64, text: String) throws {
        #expect(ByteCount(bytes: bytes).description == text)
        #expect(try ByteCount(parsing: text).bytes == bytes)
    }

    @Test func descriptionRoundTrips() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let bytes = Int64.random(in: 0...300_000_000_000, using: &generator)
            #expect(try ByteCount(parsing: ByteCount(bytes: bytes).description).bytes == bytes)
        }
    }
}
