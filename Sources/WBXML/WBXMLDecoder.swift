/// Decodes an EAS WBXML body (WBXML 1.3 as MS-ASWBXML uses it) into an element tree, bounded by
/// `WBXMLLimits` and total: every byte sequence either decodes or throws a `WBXMLError` with the
/// offset of the fault. The work is linear in the input however it arrives.
///
/// Whole: `try WBXMLDecoder().decode(bytes)`. Incremental: `feed(_:)` chunks as they arrive (split
/// anywhere, even inside a token), then `finish()`. Both paths run the same state machine, so the
/// tree, or the error and its offset, is the same however the input is split.
public struct WBXMLDecoder: Sendable {
    public let limits: WBXMLLimits

    /// Where the decoder is in the document (WBXML 1.3 §5.3: version, publicid, charset, strtbl, body).
    enum Phase: Sendable {
        case version, publicID, charset, stringTableLength
        case stringTable(length: Int)
        case body
    }

    /// An element whose END has not arrived yet.
    struct OpenElement: Sendable {
        let namespace: String
        let name: String
        var children: [WBXMLElement] = []
        var text: String?
        var opaque: [UInt8]?
        var contentLength = 0

        var element: WBXMLElement {
            if let text { return WBXMLElement(namespace, name, .text(text)) }
            if let opaque { return WBXMLElement(namespace, name, .opaque(opaque)) }
            return WBXMLElement(namespace, name, children.isEmpty ? .empty : .children(children))
        }
    }

    /// Unconsumed input; `buffer[0]` is at absolute offset `bufferStart`.
    var buffer: [UInt8] = []
    var position = 0
    var bufferStart = 0
    var received = 0

    var phase = Phase.version
    var codePage = WBXMLCodePage.all[0]
    var stack: [OpenElement] = []
    var root: WBXMLElement?
    var elementCount = 0
    var stringTable: WBXMLStringTable?
    /// While an inline string's NUL has not arrived: the absolute offset searched up to, so that
    /// a string fed byte by byte is scanned once, not once per byte.
    var stringSearchedUpTo = 0
    var failure: WBXMLError?

    public init(limits: WBXMLLimits = .default) {
        self.limits = limits
    }

    /// Decodes a whole body.
    public func decode(_ bytes: some Collection<UInt8>) throws(WBXMLError) -> WBXMLElement {
        var decoder = WBXMLDecoder(limits: limits)
        try decoder.feed(bytes)
        return try decoder.finish()
    }

    /// Consumes the next chunk of the body, decoding every complete token in it. After an error the
    /// decoder keeps failing with that error.
    public mutating func feed(_ chunk: some Collection<UInt8>) throws(WBXMLError) {
        if let failure { throw failure }
        do throws(WBXMLError) {
            let room = limits.maxDocumentSize - received
            if chunk.count <= room {
                buffer.append(contentsOf: chunk)
                received += chunk.count
                try decodeAvailable()
            } else {
                // Decode up to the limit first, so that an earlier fault is reported the same way
                // whether the input came whole or in pieces.
                buffer.append(contentsOf: chunk.prefix(max(room, 0)))
                received += max(room, 0)
                try decodeAvailable()
                throw WBXMLError(.documentTooLarge(limit: limits.maxDocumentSize), at: limits.maxDocumentSize)
            }
            compact()
        } catch {
            failure = error
            throw error
        }
    }

    /// Ends the input: returns the root element, or throws `truncated` (at the end of the input)
    /// when the header, a token or an element is incomplete.
    public mutating func finish() throws(WBXMLError) -> WBXMLElement {
        if let failure { throw failure }
        guard let root, stack.isEmpty else {
            let error = WBXMLError(.truncated, at: received)
            failure = error
            throw error
        }
        return root
    }

    /// Drops consumed bytes once they are the larger part of the buffer (amortised linear).
    private mutating func compact() {
        if position == buffer.count {
            bufferStart += position
            buffer.removeAll(keepingCapacity: buffer.count <= 1 << 16)
            position = 0
        } else if position >= 1 << 16 && position >= buffer.count / 2 {
            bufferStart += position
            buffer.removeFirst(position)
            position = 0
        }
    }

    /// The absolute offset of a buffer index.
    func offset(_ index: Int) -> Int {
        bufferStart + index
    }
}
