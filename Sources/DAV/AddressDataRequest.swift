import DAVXML
import VCard

/// The `address-data` element of a REPORT's `prop` (RFC 6352 §10.4): the card, optionally in
/// another vCard version (`version` attribute, §10.4.1) and with only some properties
/// (`prop` elements, §10.4.2). Also the answer to a GET's `Accept` (RFC 6352 §6.3.2.2).
struct AddressDataRequest: Sendable, Equatable {
    /// The version asked for; nil keeps the stored one.
    let version: VCardVersion?
    /// The properties asked for; nil returns all (`allprop` or no `prop`).
    let properties: [VCardPropertyRequest]?

    init(version: VCardVersion?, properties: [VCardPropertyRequest]? = nil) {
        self.version = version
        self.properties = properties
    }

    /// Parses the element; a media type or version the server cannot produce is refused with
    /// `supported-address-data-conversion` (RFC 6352 §8.7).
    init(_ element: XMLElement) throws(DAVError) {
        let type = element.attributes[XMLName("", "content-type")]?.lowercased() ?? "text/vcard"
        let versionText = element.attributes[XMLName("", "version")]
        var version: VCardVersion?
        if let versionText {
            version = AddressBookCollections.storedVersions.first { $0.rawValue == versionText }
        }
        guard type == "text/vcard", versionText == nil || version != nil else {
            throw DAVError(
                403, XMLName(Namespaces.cardDAV, "supported-address-data-conversion"),
                "Cards are returned as text/vcard 3.0 or 4.0, not \(type) \(versionText ?? "").")
        }
        let requested = element.children(XMLName(Namespaces.cardDAV, "prop")).compactMap { prop in
            prop.attributes[XMLName("", "name")].map {
                VCardPropertyRequest(name: $0, noValue: prop.attributes[XMLName("", "novalue")]?.lowercased() == "yes")
            }
        }
        let allprop = element.child(XMLName(Namespaces.cardDAV, "allprop")) != nil
        self.init(version: version, properties: allprop || requested.isEmpty ? nil : requested)
    }

    /// The version a GET's `Accept` header asks for (`text/vcard; version=4.0`), when it names
    /// one the server produces and none it prefers equally; nil keeps the stored card.
    static func version(accepting accept: String?) -> VCardVersion? {
        guard let accept else { return nil }
        var best: (version: VCardVersion, quality: Double)?
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { String($0).trimmingWhitespace().lowercased() }
            guard parts.first == "text/vcard" || parts.first == "text/x-vcard" else { continue }
            var version: VCardVersion?
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { String(String($0).trimmingWhitespace()) }
                guard pair.count == 2 else { continue }
                if pair[0] == "version" { version = VCardVersion(rawValue: pair[1]) }
                if pair[0] == "q" { quality = Double(pair[1]) ?? 1.0 }
            }
            guard let version, AddressBookCollections.storedVersions.contains(version), quality > 0 else { continue }
            if best == nil || quality > best!.quality { best = (version, quality) }
        }
        return best?.version
    }

    /// Whether the stored bytes are returned untouched.
    var isIdentity: Bool { version == nil && properties == nil }

    /// The card to return for stored bytes; the stored bytes when nothing changes them (or
    /// when they no longer parse, which a PUT never lets happen).
    func bytes(of body: [UInt8]) -> [UInt8] {
        guard !isIdentity, var card = try? VCard.parseSingle(body) else { return body }
        if let version, card.version != version { card = card.converted(to: version) }
        if let properties { card = card.filtered(keeping: properties) }
        return card.serializedBytes
    }
}
