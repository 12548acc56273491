import Conversions
import Directory
import Foundation
import WBXML

/// The Oof part of Settings (MS-ASCMD 2.2.3.119 Oof): the user's out-of-office state and
/// replies, kept in the directory for the mail delivery to use.
enum OofSettings {
    /// MS-ASCMD 2.2.3.121 OofState: 0 disabled, 1 global, 2 time-based.
    static let states: [(Int, OutOfOffice.State)] = [(0, .disabled), (1, .global), (2, .timeBased)]
    /// MS-ASCMD 2.2.3.115 OofMessage audiences, in the order answered.
    static let audiences = ["AppliesToInternal", "AppliesToExternalKnown", "AppliesToExternalUnknown"]

    static func answer(_ part: WBXMLElement, _ context: CommandContext) async throws -> WBXMLElement {
        if let get = part.child("Get") {
            let value = try await context.directory.outOfOffice(userID: context.user.id)
            let html = get.childText("BodyType")?.uppercased() == "HTML"
            return SettingsCommand.status("Oof", .success, [getElement(value, html: html)])
        }
        guard let set = part.child("Set") else { return SettingsCommand.status("Oof", .protocolError) }
        guard let value = parse(set, current: try await context.directory.outOfOffice(userID: context.user.id)) else {
            return SettingsCommand.status("Oof", .invalidArguments)
        }
        do {
            try await context.directory.setOutOfOffice(userID: context.user.id, value)
        } catch is DirectoryError {
            return SettingsCommand.status("Oof", .invalidArguments)
        }
        return SettingsCommand.status("Oof", .success)
    }

    /// A `Set`: the state, the window (time-based only) and the messages it names; audiences
    /// it does not name keep their message.
    static func parse(_ set: WBXMLElement, current: OutOfOffice) -> OutOfOffice? {
        var value = current
        if let stateText = set.childText("OofState") {
            guard let number = Int(stateText), let state = states.first(where: { $0.0 == number })?.1 else {
                return nil
            }
            value.state = state
        }
        if value.state == .timeBased {
            guard let start = set.childText("StartTime").flatMap(instant),
                let end = set.childText("EndTime").flatMap(instant), start < end
            else { return nil }
            value.start = start
            value.end = end
        } else {
            value.start = nil
            value.end = nil
        }
        for message in set.children(named: "OofMessage") {
            guard let audience = audiences.first(where: { message.child($0) != nil }) else { return nil }
            let enabled = message.childText("Enabled") == "1"
            let text = message.childText("ReplyMessage") ?? ""
            let bodyType: OutOfOffice.BodyType = message.childText("BodyType")?.uppercased() == "HTML" ? .html : .text
            let reply = OutOfOffice.Message(enabled: enabled, text: text, bodyType: bodyType)
            switch audience {
            case "AppliesToInternal": value.internal = reply
            case "AppliesToExternalKnown": value.externalKnown = reply
            default: value.externalUnknown = reply
            }
        }
        return value
    }

    /// An instant of a `Set` (MS-ASDTYPE 2.3 dateTime); nil unless the text says UTC (`Z`).
    static func instant(_ text: String) -> Date? {
        guard let value = EASDate.parse(text), value.isUTC else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(value.seconds))
    }

    /// The `Get` answer, each message in the body type asked for.
    static func getElement(_ value: OutOfOffice, html: Bool) -> WBXMLElement {
        var children = [
            WBXMLElement("Settings", "OofState", text: String(states.first { $0.1 == value.state }?.0 ?? 0))
        ]
        if value.state == .timeBased, let start = value.start, let end = value.end {
            children.append(
                WBXMLElement(
                    "Settings", "StartTime", text: EASDate.dateTime(Int64(start.timeIntervalSince1970.rounded(.down)))))
            children.append(
                WBXMLElement(
                    "Settings", "EndTime", text: EASDate.dateTime(Int64(end.timeIntervalSince1970.rounded(.down)))))
        }
        let messages = [value.internal, value.externalKnown, value.externalUnknown]
        for (audience, message) in zip(audiences, messages) {
            guard let message else { continue }
            children.append(
                WBXMLElement(
                    "Settings", "OofMessage",
                    children: [
                        WBXMLElement("Settings", audience),
                        WBXMLElement("Settings", "Enabled", text: message.enabled ? "1" : "0"),
                        WBXMLElement("Settings", "ReplyMessage", text: OofText.convert(message, toHTML: html)),
                        WBXMLElement("Settings", "BodyType", text: html ? "HTML" : "TEXT"),
                    ]))
        }
        return WBXMLElement("Settings", "Get", children: children)
    }
}

/// Converting a reply between the stored body type and the one a client asks for, the way item
/// bodies are (``HTMLText``).
enum OofText {
    static func convert(_ message: OutOfOffice.Message, toHTML: Bool) -> String {
        switch (message.bodyType, toHTML) {
        case (.html, true), (.text, false): message.text
        case (.text, true): HTMLText.document(from: message.text)
        case (.html, false): HTMLText.plainText(of: message.text)
        }
    }
}
