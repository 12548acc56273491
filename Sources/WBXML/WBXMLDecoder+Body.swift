extension WBXMLDecoder {
    /// Decodes the body token at `position` (WBXML 1.3 §5.8). Returns false, consuming nothing,
    /// when the token is not all in the buffer yet.
    mutating func decodeToken() throws(WBXMLError) -> Bool {
        let start = position
        let byte = buffer[start]
        let at = offset(start)
        if root != nil && stack.isEmpty { throw WBXMLError(.trailingBytes, at: at) }
        switch byte {
        case WBXMLToken.switchPage:
            guard start + 1 < buffer.count else { return false }
            let number = buffer[start + 1]
            guard let page = WBXMLCodePage.page(number: number) else {
                throw WBXMLError(.unknownCodePage(number), at: at)
            }
            codePage = page
            position = start + 2
        case WBXMLToken.end:
            guard let open = stack.popLast() else { throw WBXMLError(.endWithoutElement, at: at) }
            try attach(open.element, at: at)
            position = start + 1
        case WBXMLToken.stringInline:
            guard let end = try inlineStringEnd(from: start + 1, at: at) else { return false }
            try appendText(buffer[start + 1..<end], at: at)
            position = end + 1
        case WBXMLToken.stringTable:
            // WBXML 1.3 §5.8.4.1: STR_T names a string table entry by byte offset.
            guard !stack.isEmpty else { throw WBXMLError(.contentOutsideElement, at: at) }
            guard case .value(let index, let length) = try MultiByteInteger.read(buffer, at: start + 1, offset: at + 1)
            else { return false }
            guard let entry = stringTable?.entry(at: index) else {
                throw WBXMLError(.badStringTableReference(index), at: at)
            }
            try appendText(entry, at: at)
            position = start + 1 + length
        case WBXMLToken.opaque:
            // WBXML 1.3 §5.8.4.6: OPAQUE, an mb_u_int32 length, then that many bytes.
            guard !stack.isEmpty else { throw WBXMLError(.contentOutsideElement, at: at) }
            guard case .value(let count, let length) = try MultiByteInteger.read(buffer, at: start + 1, offset: at + 1)
            else { return false }
            guard Int(count) <= limits.maxOpaqueLength else {
                throw WBXMLError(.opaqueTooLong(limit: limits.maxOpaqueLength), at: at)
            }
            let dataStart = start + 1 + length
            guard buffer.count - dataStart >= Int(count) else { return false }
            try appendOpaque(buffer[dataStart..<dataStart + Int(count)], at: at)
            position = dataStart + Int(count)
        default:
            guard !WBXMLToken.isGlobal(byte) else { throw WBXMLError(.unsupportedToken(byte), at: at) }
            guard byte & WBXMLToken.attributeBit == 0 else {
                throw WBXMLError(.attributesNotAllowed(token: byte), at: at)
            }
            let token = byte & 0x3F
            guard let name = codePage.tagName(forToken: token) else {
                throw WBXMLError(.unknownToken(codePage: codePage.number, token: token), at: at)
            }
            try open(name, hasContent: byte & WBXMLToken.contentBit != 0, at: at)
            position = start + 1
        }
        return true
    }

    /// The index of the NUL ending the inline string that starts at `textStart`, or nil when it has
    /// not arrived; throws once the string is longer than the limit either way.
    private mutating func inlineStringEnd(from textStart: Int, at: Int) throws(WBXMLError) -> Int? {
        guard !stack.isEmpty else { throw WBXMLError(.contentOutsideElement, at: at) }
        let searchFrom = max(textStart, stringSearchedUpTo - bufferStart)
        let limitEnd = textStart + limits.maxStringLength + 1
        let searchEnd = min(buffer.count, limitEnd)
        if searchFrom < searchEnd, let end = Self.firstNull(in: buffer, from: searchFrom, to: searchEnd) {
            stringSearchedUpTo = 0
            return end
        }
        if searchEnd == limitEnd { throw WBXMLError(.stringTooLong(limit: limits.maxStringLength), at: at) }
        stringSearchedUpTo = offset(searchEnd)
        return nil
    }

    /// The bytes as a String, or nil when they are not valid UTF-8. ASCII, most of any EAS body,
    /// takes a fast path checked eight bytes at a time.
    static func string(_ bytes: ArraySlice<UInt8>) -> String? {
        let isASCII = bytes.withUnsafeBytes { raw in
            var index = 0
            var high: UInt64 = 0
            while index + 8 <= raw.count {
                high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < raw.count {
                high |= UInt64(raw[index])
                index += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
        return isASCII ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }

    /// The index of the first 0 in `bytes[from..<to]`: eight bytes at a time while none of them is 0
    /// (the classic has-zero-byte test), then byte by byte. The hot loop of decoding.
    private static func firstNull(in bytes: [UInt8], from: Int, to: Int) -> Int? {
        bytes.withUnsafeBytes { raw in
            var index = from
            while index + 8 <= to {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            while index < to {
                if raw[index] == 0 { return index }
                index += 1
            }
            return nil
        }
    }

    /// Starts an element: a leaf when the token has no content bit, else open until its END.
    private mutating func open(_ name: String, hasContent: Bool, at: Int) throws(WBXMLError) {
        elementCount += 1
        guard elementCount <= limits.maxElements else {
            throw WBXMLError(.elementLimitExceeded(limit: limits.maxElements), at: at)
        }
        guard stack.count < limits.maxDepth else {
            throw WBXMLError(.depthLimitExceeded(limit: limits.maxDepth), at: at)
        }
        if let parent = stack.last, parent.text != nil || parent.opaque != nil {
            throw WBXMLError(.mixedContent, at: at)
        }
        if hasContent {
            stack.append(OpenElement(namespace: codePage.name, name: name))
        } else {
            try attach(WBXMLElement(codePage.name, name), at: at)
        }
    }

    /// Adds a finished element to its parent, or makes it the root.
    private mutating func attach(_ element: WBXMLElement, at: Int) throws(WBXMLError) {
        guard !stack.isEmpty else {
            root = element
            return
        }
        stack[stack.count - 1].children.append(element)
    }

    private mutating func appendText(_ bytes: ArraySlice<UInt8>, at: Int) throws(WBXMLError) {
        guard let open = stack.last else { throw WBXMLError(.contentOutsideElement, at: at) }
        guard open.children.isEmpty, open.opaque == nil else { throw WBXMLError(.mixedContent, at: at) }
        guard open.contentLength + bytes.count <= limits.maxStringLength else {
            throw WBXMLError(.stringTooLong(limit: limits.maxStringLength), at: at)
        }
        guard let text = Self.string(bytes) else { throw WBXMLError(.invalidUTF8, at: at) }
        let top = stack.count - 1
        stack[top].contentLength += bytes.count
        if stack[top].text == nil {
            stack[top].text = text
        } else {
            stack[top].text! += text
        }
    }

    private mutating func appendOpaque(_ bytes: ArraySlice<UInt8>, at: Int) throws(WBXMLError) {
        guard let open = stack.last else { throw WBXMLError(.contentOutsideElement, at: at) }
        guard open.children.isEmpty, open.text == nil else { throw WBXMLError(.mixedContent, at: at) }
        guard open.contentLength + bytes.count <= limits.maxOpaqueLength else {
            throw WBXMLError(.opaqueTooLong(limit: limits.maxOpaqueLength), at: at)
        }
        let top = stack.count - 1
        stack[top].contentLength += bytes.count
        if stack[top].opaque == nil {
            stack[top].opaque = Array(bytes)
        } else {
            stack[top].opaque!.append(contentsOf: bytes)
        }
    }
}
