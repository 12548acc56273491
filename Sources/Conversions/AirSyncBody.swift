import Foundation
import WBXML

/// The `AirSyncBase:Body` of an item (MS-ASAIRS 2.2.2.9), both ways, for classes whose stored
/// body is plain text (an iCalendar DESCRIPTION, a vCard NOTE).
public enum AirSyncBody {
    static let namespace = "AirSyncBase"

    /// The `Body` element sent for `text` under the client's preferences: the first preferred type
    /// Almanac can produce (plain text, or HTML made from the text), whole or cut at
    /// `TruncationSize` bytes on a character boundary (nothing at all under `AllOrNone`), with
    /// `EstimatedDataSize` the size of the whole body and `Preview` from 14.0 on when asked.
    /// No preference, or only RTF or MIME, sends the whole plain text.
    public static func element(for text: String, context: ConversionContext) -> WBXMLElement {
        let preference =
            context.bodyPreferences.first { $0.type == .plainText || $0.type == .html }
            ?? BodyPreference(type: .plainText)
        let whole = preference.type == .html ? HTMLText.document(from: text) : text
        let size = whole.utf8.count
        var children = [
            WBXMLElement(namespace, "Type", text: String(preference.type.rawValue)),
            WBXMLElement(namespace, "EstimatedDataSize", text: String(size)),
        ]
        if let limit = preference.truncationSize, size > limit {
            children.append(WBXMLElement(namespace, "Truncated", text: "1"))
            if !preference.allOrNone {
                children.append(WBXMLElement(namespace, "Data", text: prefix(of: whole, bytes: limit)))
            }
        } else if !whole.isEmpty {
            children.append(WBXMLElement(namespace, "Data", text: whole))
        }
        if let preview = preference.preview, preview > 0, context.version >= .v140, !text.isEmpty {
            children.append(WBXMLElement(namespace, "Preview", text: String(text.prefix(preview))))
        }
        return WBXMLElement(namespace, "Body", children: children)
    }

    /// The plain text of a client's `Body`: `Data` as is for plain text, HTML reduced to its text;
    /// nil when the element carries no `Data` (the client left the body alone, e.g. a truncated
    /// body it never downloaded).
    public static func text(of body: WBXMLElement) -> String? {
        guard let data = body.child("Data", namespace: namespace) else { return nil }
        let text = data.text ?? String(decoding: opaqueBytes(data), as: UTF8.self)
        let type = body.child("Type", namespace: namespace)?.text.flatMap { Int($0) }.flatMap(BodyType.init)
        return type == .html ? HTMLText.plainText(of: text) : text
    }

    /// Whether a client's `Body` says the body it holds is only a part of the stored one.
    public static func isTruncated(_ body: WBXMLElement) -> Bool {
        body.child("Truncated", namespace: namespace)?.text == "1"
    }

    private static func opaqueBytes(_ element: WBXMLElement) -> [UInt8] {
        if case .opaque(let bytes) = element.content { return bytes }
        return []
    }

    /// The longest prefix of `text` of at most `bytes` UTF-8 bytes that ends on a character.
    static func prefix(of text: String, bytes: Int) -> String {
        var count = 0
        var characters = 0
        for character in text {
            let size = character.utf8.count
            guard count + size <= bytes else { break }
            count += size
            characters += 1
        }
        return String(text.prefix(characters))
    }
}
