import Foundation
import VCard

/// The fields with values of their own kind: dates, lists, the nickname, the picture and the notes.
extension ContactMerge {
    /// `Birthday`, `Anniversary` ⇄ BDAY, ANNIVERSARY (or the X- property the card has): the
    /// calendar date the client meant (``ContactDate/intended(_:)``), written in the card's style;
    /// year 1604 is Apple's "no year". A date whose day is unchanged keeps its property as is.
    mutating func mergeDate(_ element: EASElement, kind: DateKind) throws(ConversionError) {
        let bound = bindings.dates[kind]
        switch edit(element) {
        case .keep:
            return
        case .clear:
            if let bound { editor.remove(bound.index) }
        case .set(let text):
            guard let day = ContactDate.intended(text) else {
                throw .invalidField(name: element.name, value: ClientFields.shown(text))
            }
            let year = day.year == ContactConverter.yearlessPlaceholder ? nil : day.year
            let date = VCardDate(year: year, month: day.month, day: day.day)
            if let bound {
                guard (bound.date.year, bound.date.month, bound.date.day) != (date.year, date.month, date.day) else {
                    return
                }
                var property = self.property(bound.index)
                Self.setDate(date, on: &property, version: version)
                editor.replace(bound.index, with: property)
            } else {
                var property = VCardProperty(name: ContactPropertyRules.dateProperty(kind, version: version), value: "")
                Self.setDate(date, on: &property, version: version)
                editor.insert(property, after: [property.name, "BDAY", "NOTE"])
            }
        }
    }

    /// 4.0 BDAY and ANNIVERSARY take `19850415` / `--0415`; everything else (3.0, X- properties,
    /// Apple's X-ABDATE) `1985-04-15`, a date without a year as `1604-04-15;X-APPLE-OMIT-YEAR=1604`,
    /// or as `--04-15` where the stored value was written that way (DAVx5, Evolution).
    static func setDate(_ date: VCardDate, on property: inout VCardProperty, version: VCardVersion) {
        property.removeParameter("ENCODING")
        property.removeParameter("CHARSET")
        if version != .v4, date.year == nil, let month = date.month, let day = date.day,
            property.value.hasPrefix("--")
        {
            property.removeParameter("X-APPLE-OMIT-YEAR")
            property.value = "--" + CivilTime.pad(month, 2) + "-" + CivilTime.pad(day, 2)
        } else if version == .v4, property.name == "BDAY" || property.name == "ANNIVERSARY" {
            property.removeParameter("X-APPLE-OMIT-YEAR")
            property.value = date.v4Text
        } else if let (text, omittedYear) = date.v3Text {
            property.setParameter("X-APPLE-OMIT-YEAR", values: omittedYear.map { [String($0)] } ?? [])
            property.value = text
        }
    }

    /// `NickName` ⇄ the first value of the first NICKNAME; its other values are kept.
    mutating func mergeNickname(_ element: EASElement) {
        guard let index = bindings.nickname else {
            if case .set(let text) = edit(element) {
                editor.insert(VCardProperty(name: "NICKNAME", text: text), after: ["FN", "N"])
            }
            return
        }
        var names = property(index).textList
        let first = names.firstIndex { !$0.isEmpty }
        switch edit(element) {
        case .keep:
            return
        case .clear:
            if let first { names.remove(at: first) }
        case .set(let text):
            guard first.map({ names[$0] }) != text else { return }
            if let first { names[first] = text } else { names = [text] }
        }
        if names.allSatisfy(\.isEmpty) {
            editor.remove(index)
        } else {
            var property = self.property(index)
            property.setTextList(names)
            editor.replace(index, with: property)
        }
    }

    /// `Children` ⇄ the child names, paired in order: the nth child edits the nth property.
    mutating func mergeChildren(_ element: EASElement) {
        let names: [String]
        if let list = fields.list(element) {
            names = list.filter { !$0.isEmpty }
        } else if !clearsWhenAbsent(element) {
            return
        } else {
            names = []
        }
        let bound = bindings.children
        for (position, index) in bound.enumerated() {
            guard position < names.count else {
                editor.remove(index)
                continue
            }
            var property = self.property(index)
            guard property.text != names[position] else { continue }
            property.setText(names[position])
            editor.replace(index, with: property)
        }
        for name in names.dropFirst(bound.count) {
            let child = Self.newRelated("child", name, version: version, editor: &editor)
            editor.insert(child, after: ["X-ABRELATEDNAMES", "RELATED"])
        }
    }

    /// `Categories` ⇄ CATEGORIES: a different list replaces the first property's values and
    /// removes the other CATEGORIES. Categories past the ones a client is sent stay after the
    /// client's (MS-ASCNTC 2.2.2.20: at most 300).
    mutating func mergeCategories(_ element: EASElement) {
        let sent: [String]
        if let list = fields.list(element) {
            sent = list.filter { !$0.isEmpty }
        } else if !clearsWhenAbsent(element) {
            return
        } else {
            sent = []
        }
        let bound = bindings.categories
        let stored = bound.flatMap { property($0).textList }.filter { !$0.isEmpty }
        guard Array(stored.prefix(limits.maxListItems)) != sent else { return }
        let names = sent + stored.dropFirst(limits.maxListItems)
        guard let first = bound.first, !names.isEmpty else {
            for index in bound { editor.remove(index) }
            if bound.isEmpty, !names.isEmpty {
                var categories = VCardProperty(name: "CATEGORIES", value: "")
                categories.setTextList(names)
                editor.insert(categories, after: ["NOTE", "URL"])
            }
            return
        }
        var updated = property(first)
        updated.setTextList(names)
        editor.replace(first, with: updated)
        for index in bound.dropFirst() { editor.remove(index) }
    }

    /// `Picture` ⇄ the first inline PHOTO. Cleared only by an empty `Picture`, or by leaving out a
    /// `Picture` the client named in `Supported` (see ``ContactConverter``), and only when the
    /// PHOTO was sent: a client never shown a picture too large to send cannot mean to remove it.
    mutating func mergePicture(_ element: EASElement) throws(ConversionError) {
        let bound = bindings.picture
        guard let text = fields.text(element) else {
            // Cleared only when the client manages pictures: it listed Picture in Supported.
            if ghosting.supported != nil, clearsWhenAbsent(element), let bound, bound.isSent {
                editor.remove(bound.index)
            }
            return
        }
        guard !text.isEmpty else {
            if let bound, bound.isSent { editor.remove(bound.index) }
            return
        }
        guard let bytes = Base64.decode(text), !bytes.isEmpty else {
            throw .invalidField(name: element.name, value: ClientFields.shown(text))
        }
        guard bytes.count <= limits.maxPictureBytes else {
            throw .tooLarge("\(element.name): \(bytes.count) bytes, more than \(limits.maxPictureBytes)")
        }
        guard bound?.data != bytes else { return }
        let group = bound.flatMap { property($0.index).group }
        let photo = VCardProperty.binary(group: group, name: "PHOTO", .inline(sniffing: bytes), version: version)
        if let bound {
            editor.replace(bound.index, with: photo)
        } else {
            editor.insert(photo, after: ["PHOTO"])
        }
    }

    /// `AirSyncBase:Body` ⇄ NOTE, changed only by a `Body` with `Data`; empty `Data` clears it.
    mutating func mergeBody() {
        guard let body = fields.body, let text = AirSyncBody.text(of: body) else { return }
        let index = bindings.note
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard !normalized.isEmpty else {
            if let index { editor.remove(index) }
            return
        }
        if let index {
            var property = self.property(index)
            guard property.text.replacingOccurrences(of: "\r\n", with: "\n") != normalized else { return }
            property.setText(normalized)
            editor.replace(index, with: property)
        } else {
            editor.insert(VCardProperty(name: "NOTE", text: normalized), after: ["NOTE"])
        }
    }
}
