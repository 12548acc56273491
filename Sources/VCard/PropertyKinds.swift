/// Value shapes of the properties this target treats specially, as data (STYLE.md rule 8).
enum PropertyKinds {
    /// Binary data or a URI to it (RFC 6350 §6.2.4 PHOTO, §6.6.3 LOGO, §6.7.5 SOUND,
    /// §6.8.1 KEY; RFC 2426 §3.1.4, §3.5.3, §3.6.6, §3.7.1).
    static let binary: Set<String> = ["PHOTO", "LOGO", "SOUND", "KEY"]

    /// A date or date-time (RFC 6350 §6.2.5–6.2.6, RFC 2426 §3.1.5; X-ANNIVERSARY as
    /// Evolution and KDE write it).
    static let date: Set<String> = ["BDAY", "ANNIVERSARY", "X-ANNIVERSARY"]

    /// One TEXT value (RFC 6350 §6, RFC 2426 §3).
    static let text: Set<String> = [
        "FN", "NOTE", "TITLE", "ROLE", "LABEL", "MAILER", "PRODID", "SORT-STRING", "CLASS", "EMAIL", "TEL",
        "X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME", "X-PHONETIC-MIDDLE-NAME",
    ]

    /// Fields separated by `;` (RFC 6350 §6.2.2 N, §6.3.1 ADR, §6.6.4 ORG).
    static let structured: Set<String> = ["N", "ADR", "ORG"]

    /// Properties whose base64 or quoted-printable value, once decoded, is text.
    static func isTextual(_ name: String) -> Bool {
        text.contains(name) || structured.contains(name) || name == "NICKNAME" || name == "CATEGORIES"
    }
}
