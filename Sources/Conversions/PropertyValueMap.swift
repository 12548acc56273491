import ICalendar

/// An EAS enumeration field stored as one property's value (STYLE.md 8: mappings are data).
/// Reading maps the property's value, writing the field's; a Change that says what the stored
/// value already says leaves the property as written.
struct PropertyValueMap: Sendable {
    let property: String
    /// Property value (upper-case) → field value.
    let fieldByValue: [String: Int]
    /// Field value → property value written for it.
    let valueByField: [Int: String]
    /// The field's value when the property is absent.
    let absent: Int
    /// The field's value for a property value the table does not know.
    let unknown: Int

    func field(of component: ICalendarComponent) -> Int {
        guard let value = component.value(property) else { return absent }
        return fieldByValue[value.uppercased()] ?? unknown
    }

    /// Writes `field` unless the component already says it.
    func write(_ field: Int, into component: inout ICalendarComponent) {
        guard self.field(of: component) != field, let value = valueByField[field] else { return }
        component.setValue(value, of: property)
    }

    /// Sensitivity (MS-ASCAL 2.2.2, MS-ASTASK 2.2.2) ⇄ CLASS (RFC 5545 §3.8.1.3): normal,
    /// personal, private, confidential. iCalendar has no "personal": it is stored as PRIVATE and
    /// read back as private. An unknown CLASS is private (RFC 5545 §3.8.1.3).
    static let sensitivity = PropertyValueMap(
        property: "CLASS", fieldByValue: ["PUBLIC": 0, "PRIVATE": 2, "CONFIDENTIAL": 3],
        valueByField: [0: "PUBLIC", 1: "PRIVATE", 2: "PRIVATE", 3: "CONFIDENTIAL"], absent: 0, unknown: 2)

    /// BusyStatus (MS-ASCAL 2.2.2.9) ⇄ Outlook's X-MICROSOFT-CDO-BUSYSTATUS; TRANSP is kept in
    /// step by ``BusyStatus``.
    static let busyStatus = PropertyValueMap(
        property: "X-MICROSOFT-CDO-BUSYSTATUS",
        fieldByValue: ["FREE": 0, "TENTATIVE": 1, "BUSY": 2, "OOF": 3, "WORKINGELSEWHERE": 4],
        valueByField: [0: "FREE", 1: "TENTATIVE", 2: "BUSY", 3: "OOF", 4: "WORKINGELSEWHERE"], absent: 2,
        unknown: 2)
}
