/// One attribute of a tag, read as a browser's tokenizer reads it.
struct HTMLAttribute: Hashable {
    /// The name, ASCII-lowercased.
    var name: String
    /// The value with character references decoded; empty for an attribute without one.
    var value: String
    /// Where the name starts in the input (a byte offset).
    var nameOffset: Int
    /// The value's bytes as written, quotes excluded; `nil` when there is no `=`.
    var valueRange: Range<Int>?
    /// Whether the value was written in quotes.
    var quoted = false
}

/// A start or end tag.
struct HTMLTag: Hashable {
    /// The tag name, ASCII-lowercased.
    var name: String
    /// The attributes in the order written, later duplicates of a name dropped (as browsers do).
    var attributes: [HTMLAttribute] = []
    /// Written `<name/>`; browsers ignore it except on void and foreign elements.
    var selfClosing = false
    /// From the `<` to just after the `>`.
    var range: Range<Int>
}

/// What the tokenizer emits. Ranges are byte offsets into its input.
enum HTMLToken: Hashable {
    /// Text as written (character references not decoded).
    case text(Range<Int>)
    case startTag(HTMLTag)
    case endTag(HTMLTag)
    /// A comment, and what browsers turn into one: doctypes, `<?…>`, `<![CDATA[…]]>`, `</ …>`.
    case comment(Range<Int>)
    /// The content of a raw-text element such as `<script>`, up to its end tag.
    case rawText(Range<Int>)
}

/// An HTML tokenizer following the WHATWG states a sanitizer needs: data, tag open, end tag
/// open, tag name, the attribute states (name, quoted and unquoted values), self-closing,
/// markup declarations, comments, bogus comments, and raw text for the elements whose content
/// browsers do not parse as markup.
///
/// Deliberately not a regular expression: a sanitizer that reads a tag differently from the
/// browser is one payload away from a bypass (`<img/src=x/onerror=…>`, `<a href="jav&#x09;ascript:…">`).
/// Works on UTF-8 bytes: every character the states look at is ASCII.
struct HTMLTokenizer {
    /// Elements whose content is raw text up to their end tag (RAWTEXT, RCDATA, script data
    /// and PLAINTEXT in the standard; a sanitizer drops all of it alike).
    static let rawTextElements: Set<String> = [
        "script", "style", "iframe", "textarea", "noscript", "title", "xmp", "noembed", "noframes", "plaintext",
    ]

    private let bytes: [UInt8]
    private var index = 0
    private var textStart = 0
    private var tokens: [HTMLToken] = []
    /// The raw-text element still open at the end of the input.
    private var openRawText: String?

    private init(_ bytes: [UInt8], rawText: String?) {
        self.bytes = bytes
        openRawText = rawText
    }

    /// Tokenizes `bytes`; `rawText` names a raw-text element left open by earlier input, whose
    /// end tag is looked for first. Returns the tokens and the raw-text element still open at
    /// the end, if any (the next input continues it).
    static func tokenize(_ bytes: [UInt8], rawText: String? = nil) -> (tokens: [HTMLToken], openRawText: String?) {
        var tokenizer = HTMLTokenizer(bytes, rawText: rawText)
        tokenizer.run()
        return (tokenizer.tokens, tokenizer.openRawText)
    }

    private mutating func run() {
        if let name = openRawText {
            openRawText = nil
            rawText(name)
        }
        // The data state: text runs up to a `<` that opens something.
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") { tagOpen() } else { index += 1 }
        }
        flushText(upTo: bytes.count)
    }

    private func byte(_ offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func isAlpha(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private mutating func flushText(upTo end: Int) {
        if textStart < end { tokens.append(.text(textStart..<end)) }
        textStart = end
    }

    /// Emits `token`, which spans from `start` to the current index.
    private mutating func emit(_ token: HTMLToken, from start: Int) {
        flushText(upTo: start)
        tokens.append(token)
        textStart = index
    }

    /// The tag open state, at a `<`.
    private mutating func tagOpen() {
        let start = index
        let next = byte(start + 1)
        if next == UInt8(ascii: "!") {
            markupDeclaration(from: start)
        } else if next == UInt8(ascii: "/") {
            endTagOpen(from: start)
        } else if Self.isAlpha(next) {
            tag(from: start, nameStart: start + 1, isEnd: false)
        } else if next == UInt8(ascii: "?") {
            bogusComment(from: start, scanFrom: start + 1)
        } else {
            index = start + 1  // `<` followed by anything else is text
        }
    }

    /// The end tag open state, at `</`.
    private mutating func endTagOpen(from start: Int) {
        let next = byte(start + 2)
        if Self.isAlpha(next) {
            tag(from: start, nameStart: start + 2, isEnd: true)
        } else if next == UInt8(ascii: ">") {
            index = start + 3  // `</>` is dropped
            emitNothing(from: start)
        } else if next == nil {
            index = bytes.count  // `</` at the end is text
        } else {
            bogusComment(from: start, scanFrom: start + 2)
        }
    }

    private mutating func emitNothing(from start: Int) {
        flushText(upTo: start)
        textStart = index
    }

    /// The tag name state, then the attribute states; a tag cut off by the end of the input is
    /// dropped, as browsers drop it.
    private mutating func tag(from start: Int, nameStart: Int, isEnd: Bool) {
        var cursor = nameStart
        var name: [UInt8] = []
        while let byte = byte(cursor), !Self.isSpace(byte), byte != UInt8(ascii: "/"), byte != UInt8(ascii: ">") {
            name.append(Self.lowered(byte))
            cursor += 1
        }
        guard let (attributes, selfClosing, end) = readAttributes(from: cursor) else {
            index = bytes.count
            emitNothing(from: start)
            return
        }
        index = end
        let tag = HTMLTag(
            name: String(decoding: name, as: UTF8.self), attributes: attributes, selfClosing: selfClosing,
            range: start..<end)
        emit(isEnd ? .endTag(tag) : .startTag(tag), from: start)
        if !isEnd, Self.rawTextElements.contains(tag.name) { rawText(tag.name) }
    }

    /// The before-attribute-name, attribute-name, after-attribute-name and self-closing states
    /// up to the tag's `>`; returns `nil` at the end of the input.
    private func readAttributes(from start: Int) -> ([HTMLAttribute], Bool, Int)? {
        var cursor = start
        var attributes: [HTMLAttribute] = []
        var names: Set<String> = []  // a set: a tag may hold thousands of attributes
        while let current = byte(cursor) {
            if Self.isSpace(current) {
                cursor += 1
            } else if current == UInt8(ascii: "/") {
                // Self-closing start tag state: anything but `>` is read again as an attribute.
                cursor += 1
                if byte(cursor) == UInt8(ascii: ">") { return (attributes, true, cursor + 1) }
            } else if current == UInt8(ascii: ">") {
                return (attributes, false, cursor + 1)
            } else {
                guard let attribute = readAttribute(at: &cursor) else { return nil }
                if names.insert(attribute.name).inserted { attributes.append(attribute) }
            }
        }
        return nil
    }

    /// One attribute: its name (whose first character may be `=`), then an optional value.
    private func readAttribute(at cursor: inout Int) -> HTMLAttribute? {
        let nameStart = cursor
        var name = [Self.lowered(bytes[cursor])]
        cursor += 1
        while let byte = byte(cursor), !Self.isSpace(byte), byte != UInt8(ascii: "/"), byte != UInt8(ascii: ">"),
            byte != UInt8(ascii: "=")
        {
            name.append(Self.lowered(byte))
            cursor += 1
        }
        var attribute = HTMLAttribute(name: String(decoding: name, as: UTF8.self), value: "", nameOffset: nameStart)
        // After attribute name: spaces, then `=` starts a value; anything else is the next attribute.
        var after = cursor
        while let byte = byte(after), Self.isSpace(byte) { after += 1 }
        guard byte(after) == UInt8(ascii: "=") else {
            cursor = after
            return byte(after) == nil ? nil : attribute
        }
        cursor = after + 1
        while let byte = byte(cursor), Self.isSpace(byte) { cursor += 1 }
        guard let first = byte(cursor) else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard let close = bytes[(cursor + 1)...].firstIndex(of: first) else { return nil }
            attribute.valueRange = (cursor + 1)..<close
            attribute.quoted = true
            cursor = close + 1
        } else if first == UInt8(ascii: ">") {
            attribute.valueRange = cursor..<cursor  // missing value: the tag ends here
        } else {
            let valueStart = cursor
            while let byte = byte(cursor), !Self.isSpace(byte), byte != UInt8(ascii: ">") { cursor += 1 }
            attribute.valueRange = valueStart..<cursor
        }
        if let range = attribute.valueRange {
            attribute.value = CharacterReference.decode(bytes[range], inAttribute: true)
        }
        return attribute
    }

    /// The markup declaration open state, at `<!`: a comment, or a bogus comment for doctypes,
    /// CDATA sections and anything else.
    private mutating func markupDeclaration(from start: Int) {
        let body = start + 2
        guard byte(body) == UInt8(ascii: "-"), byte(body + 1) == UInt8(ascii: "-") else {
            bogusComment(from: start, scanFrom: body)
            return
        }
        let content = body + 2
        // Comment start states: `<!-->` and `<!--->` end at once.
        if byte(content) == UInt8(ascii: ">") {
            index = content + 1
        } else if byte(content) == UInt8(ascii: "-"), byte(content + 1) == UInt8(ascii: ">") {
            index = content + 2
        } else {
            // The comment and comment-end states end the comment at the first `-->` or `--!>`.
            index = bytes.count
            var cursor = content
            while cursor + 2 < bytes.count {
                if bytes[cursor] == UInt8(ascii: "-"), bytes[cursor + 1] == UInt8(ascii: "-") {
                    if bytes[cursor + 2] == UInt8(ascii: ">") {
                        index = cursor + 3
                        break
                    }
                    if bytes[cursor + 2] == UInt8(ascii: "!"), byte(cursor + 3) == UInt8(ascii: ">") {
                        index = cursor + 4
                        break
                    }
                }
                cursor += 1
            }
        }
        emit(.comment(start..<index), from: start)
    }

    /// The bogus comment state: everything up to the next `>` or the end of the input.
    private mutating func bogusComment(from start: Int, scanFrom: Int) {
        let end = scanFrom < bytes.count ? bytes[scanFrom...].firstIndex(of: UInt8(ascii: ">")) : nil
        index = end.map { $0 + 1 } ?? bytes.count
        emit(.comment(start..<index), from: start)
    }

    /// The raw-text states: everything up to `</name` followed by a space, `/` or `>` (any case)
    /// is text the browser does not parse; the end tag itself is then read as a tag.
    private mutating func rawText(_ name: String) {
        let start = index
        let needle = Array(name.utf8)
        var cursor = start
        var end: Int?
        while cursor + 1 + needle.count < bytes.count {
            if bytes[cursor] == UInt8(ascii: "<"), bytes[cursor + 1] == UInt8(ascii: "/"),
                matches(needle, at: cursor + 2),
                let after = byte(cursor + 2 + needle.count),
                Self.isSpace(after) || after == UInt8(ascii: "/") || after == UInt8(ascii: ">")
            {
                end = cursor
                break
            }
            cursor += 1
        }
        index = end ?? bytes.count
        if end == nil { openRawText = name }
        if start < index { emit(.rawText(start..<index), from: start) }
    }

    private func matches(_ lowercaseName: [UInt8], at offset: Int) -> Bool {
        guard offset + lowercaseName.count <= bytes.count else { return false }
        for (position, expected) in lowercaseName.enumerated() where Self.lowered(bytes[offset + position]) != expected {
            return false
        }
        return true
    }
}
