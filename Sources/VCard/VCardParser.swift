/// Reads vCard streams: unfolds lines, tokenizes them, and groups them into cards
/// between BEGIN:VCARD and END:VCARD (RFC 6350 §6.1.1–6.1.2).
///
/// Lines outside any card must be blank. Inside a card, BEGIN:VCARD may only open a vCard
/// 2.1 AGENT card written inline after an empty `AGENT:` line; that card becomes the AGENT's
/// value, as 3.0 would write it (RFC 2426 §3.5.4), and its lines stay part of the AGENT
/// property's verbatim text. Everything is bounded by ``VCardLimits``.
struct VCardParser {
    let limits: VCardLimits

    private struct Entry {
        var line: TokenizedLine
        var span: PhysicalSpan
    }

    func parse(_ input: [UInt8], single: Bool) throws(VCardError) -> [VCard] {
        guard input.count <= limits.maxBytes else { throw .tooLarge(bytes: input.count, limit: limits.maxBytes) }
        let lines = try LineUnfolder(limits: limits).unfold(input)
        let tokenizer = ContentLineTokenizer(limits: limits)
        var cards: [VCard] = []
        var index = 0
        while index < lines.count {
            let number = lines[index].number
            // Outside a card, anything but BEGIN:VCARD (including bytes that are no content
            // line at all, such as an image uploaded by mistake) is "not a vCard".
            let begin = try? tokenizer.tokenize(lines[index])
            guard let begin, begin.isBegin else {
                if begin?.isEnd == true { throw .unexpectedEnd(line: number) }
                if single, !cards.isEmpty { throw .malformed(line: number, reason: "content after END:VCARD") }
                throw .expectedBegin(line: number)
            }
            if single, !cards.isEmpty { throw .multipleCards(line: number) }
            guard cards.count < limits.maxCards else {
                throw .limitExceeded(what: "vCards", limit: limits.maxCards, line: number)
            }
            let (card, next) = try readCard(lines, from: index, input: input, tokenizer: tokenizer)
            cards.append(card)
            index = next
        }
        if single, cards.isEmpty { throw .empty }
        return cards
    }

    /// Reads the card whose BEGIN:VCARD is `lines[start]`; returns it and the index after its END.
    private func readCard(
        _ lines: [LogicalLine], from start: Int, input: [UInt8], tokenizer: ContentLineTokenizer
    ) throws(VCardError) -> (VCard, Int) {
        var entries: [Entry] = []
        var version: (entry: Entry, index: Int)?
        var index = start + 1
        while index < lines.count {
            let line = try tokenizer.tokenize(lines[index])
            if line.isEnd {
                let card = try build(
                    entries, version: version, begin: lines[start], end: lines[index], input: input)
                return (card, index + 1)
            }
            if line.isBegin {
                guard var agent = entries.last, agent.line.name == "AGENT", agent.line.value.trimmingSpaces.isEmpty
                else { throw .nestedBegin(line: line.number) }
                let end = try nestedEnd(lines, from: index, tokenizer: tokenizer)
                var text: [String] = []
                for nested in lines[index...end] {
                    text.append(String(decoding: nested.bytes, as: UTF8.self))
                    agent.span = agent.span.extended(through: nested.physical)
                }
                agent.line.value = TextEscaping.escape(text.joined(separator: "\n"))
                entries[entries.count - 1] = agent
                index = end + 1
                continue
            }
            if line.name == "BEGIN" || line.name == "END" {
                throw .malformed(line: line.number, reason: "\(line.name):\(line.value) inside a vCard")
            }
            if line.name == "VERSION" {
                if version != nil { throw .duplicateProperty("VERSION", line: line.number) }
                version = (Entry(line: line, span: lines[index].physical), entries.count)
            } else {
                guard entries.count < limits.maxPropertiesPerCard else {
                    throw .limitExceeded(
                        what: "properties in one vCard", limit: limits.maxPropertiesPerCard, line: line.number)
                }
                entries.append(Entry(line: line, span: lines[index].physical))
            }
            index += 1
        }
        throw .unclosed(line: lines[start].number)
    }

    /// The index of the END:VCARD that closes the inline card opened at `lines[start]`.
    private func nestedEnd(
        _ lines: [LogicalLine], from start: Int, tokenizer: ContentLineTokenizer
    ) throws(VCardError) -> Int {
        var depth = 2
        guard depth <= limits.maxNesting else {
            throw .limitExceeded(
                what: "levels of BEGIN:VCARD nesting", limit: limits.maxNesting, line: lines[start].number)
        }
        var index = start + 1
        while index < lines.count {
            let line = try tokenizer.tokenize(lines[index])
            if line.isBegin {
                depth += 1
                guard depth <= limits.maxNesting else {
                    throw .limitExceeded(
                        what: "levels of BEGIN:VCARD nesting", limit: limits.maxNesting, line: line.number)
                }
            } else if line.isEnd {
                depth -= 1
                if depth == 1 { return index }
            }
            index += 1
        }
        throw .unclosed(line: lines[start].number)
    }

    private func build(
        _ entries: [Entry], version: (entry: Entry, index: Int)?, begin: LogicalLine, end: LogicalLine,
        input: [UInt8]
    ) throws(VCardError) -> VCard {
        guard let version else { throw .missingVersion(line: begin.number) }
        let text = String(version.entry.line.value.trimmingSpaces)
        guard let cardVersion = VCardVersion(rawValue: text) else {
            throw .unsupportedVersion(text, line: version.entry.line.number)
        }
        var card = VCard(
            version: cardVersion, properties: entries.map { property($0, version: cardVersion, input: input) })
        card.line = begin.number
        card.versionLine = version.entry.line.number
        if let beginText = begin.physical.text(in: input), let endText = end.physical.text(in: input),
            let versionText = version.entry.span.text(in: input)
        {
            card.layout = VCard.Layout(
                begin: beginText, version: versionText, versionIndex: version.index, end: endText)
        }
        return card
    }

    private func property(_ entry: Entry, version: VCardVersion, input: [UInt8]) -> VCardProperty {
        var parameters = entry.line.parameters.map { raw in
            guard let name = raw.name else { return VCardParameter.bare(raw.values.first ?? "") }
            let values = version == .v4 ? raw.values.map(ParameterEncoding.decodeCaret) : raw.values
            return VCardParameter(name: name, values: values)
        }
        var original = entry.span.text(in: input)
        if entry.line.transcoded {
            // The value is Unicode now; a CHARSET label would be wrong on UTF-8 output.
            parameters.removeAll { $0.name == "CHARSET" }
            original = nil
        }
        return VCardProperty(parsed: entry.line, parameters: parameters, original: original)
    }
}
