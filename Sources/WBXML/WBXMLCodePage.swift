/// One MS-ASWBXML code page: its number, its name (the XML namespace is the name and a colon,
/// `AirSync:`), and its tag tokens (MS-ASWBXML §2.1.2.1). The table itself is data in
/// `Schemas/wbxml/codepages.tsv`, generated into `CodePages+Generated.swift`.
public struct WBXMLCodePage: Sendable {
    /// The number SWITCH_PAGE selects (0 AirSync … 25 Find).
    public let number: UInt8
    /// The name MS-ASWBXML gives the page, e.g. `AirSync`, `AirSyncBase`, `GetItemEstimate`.
    public let name: String
    /// The tags of the page, in token order.
    public let tags: [WBXMLTag]

    /// Tag names indexed by token (0x00…0x3F); nil where the page defines no tag.
    private let namesByToken: [String?]
    private let tokensByName: [String: UInt8]

    init(number: UInt8, name: String, tags: [WBXMLTag]) {
        self.number = number
        self.name = name
        self.tags = tags
        var names = [String?](repeating: nil, count: 64)
        var tokens: [String: UInt8] = [:]
        for tag in tags {
            names[Int(tag.token)] = tag.name
            tokens[tag.name] = tag.token
        }
        self.namesByToken = names
        self.tokensByName = tokens
    }

    /// The XML namespace of the page's elements, e.g. `AirSync:` (the form libwbxml and EAS traces use).
    public var namespace: String { name + ":" }

    /// The tag name of a token (without the content bit), or nil when the page has none.
    public func tagName(forToken token: UInt8) -> String? {
        token < 64 ? namesByToken[Int(token)] : nil
    }

    /// The token of a tag name, or nil when the page has no such tag.
    public func token(forTagName name: String) -> UInt8? {
        tokensByName[name]
    }

    /// Every code page, index = page number (MS-ASWBXML §2.1.2.1).
    public static let all: [WBXMLCodePage] = generated

    private static let byName: [String: WBXMLCodePage] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The code page with this number, or nil.
    public static func page(number: UInt8) -> WBXMLCodePage? {
        Int(number) < all.count ? all[Int(number)] : nil
    }

    /// The code page with this name (`AirSync`), or nil.
    public static func page(named name: String) -> WBXMLCodePage? {
        byName[name]
    }
}

/// A tag of a code page: its token (0x05…0x3F, without the content bit) and its name as MS-ASWBXML spells it.
public struct WBXMLTag: Sendable, Equatable {
    public let token: UInt8
    public let name: String

    public init(token: UInt8, name: String) {
        self.token = token
        self.name = name
    }
}
