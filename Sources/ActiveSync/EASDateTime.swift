import Foundation

/// The date-time form of EAS (MS-ASDTYPE 2.3 dateTime): `2026-11-21T09:30:00.000Z`, UTC.
enum EASDateTime {
    static func format(_ date: Date) -> String {
        formatter(fractional: true).string(from: date)
    }

    /// Reads the form with or without fractional seconds; nil otherwise.
    static func parse(_ text: String) -> Date? {
        formatter(fractional: true).date(from: text) ?? formatter(fractional: false).date(from: text)
    }

    private static func formatter(fractional: Bool) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions =
            fractional ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }
}
