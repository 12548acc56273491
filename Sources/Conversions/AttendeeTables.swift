/// `Attendee` (MS-ASCAL 2.2.2) ⇄ ATTENDEE (RFC 5545 §3.8.4.1) value tables.
enum AttendeeTables {
    /// PARTSTAT (§3.2.12) → AttendeeStatus (MS-ASCAL 2.2.2): 0 unknown, 2 tentative, 3 accepted,
    /// 4 declined, 5 not responded. No PARTSTAT is NEEDS-ACTION (§3.2.12 default).
    static let statusByPartstat: [String: Int] = [
        "NEEDS-ACTION": 5, "ACCEPTED": 3, "TENTATIVE": 2, "DECLINED": 4,
    ]
    static let partstatByStatus: [Int: String] = [2: "TENTATIVE", 3: "ACCEPTED", 4: "DECLINED", 5: "NEEDS-ACTION"]

    /// ROLE (§3.2.16) → AttendeeType (MS-ASCAL 2.2.2.6): 1 required, 2 optional; CUTYPE (§3.2.3)
    /// RESOURCE or ROOM → 3 resource.
    static let typeByRole: [String: Int] = [
        "REQ-PARTICIPANT": 1, "CHAIR": 1, "OPT-PARTICIPANT": 2, "NON-PARTICIPANT": 2,
    ]
    static let resourceTypes: Set<String> = ["RESOURCE", "ROOM"]

    /// PARTSTAT of the user's own ATTENDEE → ResponseType (MS-ASCAL 2.2.2).
    static let responseByPartstat: [String: Int] = [
        "TENTATIVE": 2, "ACCEPTED": 3, "DECLINED": 4, "NEEDS-ACTION": 5,
    ]
}
