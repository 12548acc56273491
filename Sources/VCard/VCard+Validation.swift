extension VCard {
    /// What a CardDAV address object resource needs beyond syntax (RFC 6352 §5.1, §6.3.2.1
    /// `valid-address-data`): VERSION 3.0 or 4.0 (2.1 throws ``VCardError/unsupportedVersion(_:line:)``,
    /// which a caller importing old files may catch and accept), FN (RFC 6350 §6.2.1,
    /// RFC 2426 §3.1.1), and exactly one non-empty UID (RFC 6352 §5.1; RFC 6350 §6.7.6
    /// allows at most one).
    public func validateForCardDAV() throws(VCardError) {
        if version == .v21 { throw .unsupportedVersion(version.rawValue, line: versionLine) }
        guard properties.contains(where: { $0.name == "FN" }) else { throw .missingProperty("FN", line: line) }
        let uids = properties(named: "UID")
        guard let uid = uids.first, !uid.text.trimmingSpaces.isEmpty else {
            throw .missingProperty("UID", line: uids.first?.line ?? line)
        }
        if uids.count > 1 { throw .duplicateProperty("UID", line: uids[1].line) }
    }

    /// ``parseSingle(_:limits:)`` then ``validateForCardDAV()``: the check for a PUT body.
    public static func parseForCardDAV(_ bytes: [UInt8], limits: VCardLimits = .default) throws(VCardError) -> VCard {
        let card = try parseSingle(bytes, limits: limits)
        try card.validateForCardDAV()
        return card
    }
}
