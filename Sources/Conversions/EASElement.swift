import WBXML

/// An element of an item's `ApplicationData`: its MS-ASWBXML code page and tag name, spelled as
/// `Schemas/wbxml/codepages.tsv` spells them.
struct EASElement: Hashable, Sendable, CustomStringConvertible {
    let namespace: String
    let name: String

    init(_ namespace: String, _ name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// An element of the Contacts code page (MS-ASWBXML §2.1.2.1.2, MS-ASCNTC 2.2.2).
    static func contacts(_ name: String) -> EASElement { EASElement("Contacts", name) }
    /// An element of the Contacts2 code page (MS-ASWBXML §2.1.2.1.13).
    static func contacts2(_ name: String) -> EASElement { EASElement("Contacts2", name) }
    /// An element of the Notes code page (MS-ASWBXML §2.1.2.1.24, MS-ASNOTE 2.2.2).
    static func notes(_ name: String) -> EASElement { EASElement("Notes", name) }
    /// `AirSyncBase:Body` (MS-ASAIRS 2.2.2.9).
    static let body = EASElement(AirSyncBody.namespace, "Body")

    /// `Namespace:Name`, the form ``ConversionContext/supported`` uses.
    var description: String { namespace + ":" + name }

    func element(text: String) -> WBXMLElement {
        WBXMLElement(namespace, name, text: text)
    }

    func element(children: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(namespace, name, children: children)
    }
}
