internal import CMark

/// The characters around a tilde run, as cmark's flanking rules read them.
extension Strikethrough {
    /// The class of the character just before a child's text, from its previous siblings.
    static func classBefore(
        _ index: Int, _ children: [OpaquePointer], _ texts: [Text?], _ container: OpaquePointer
    ) -> CharacterClass {
        var index = index - 1
        while index >= 0 {
            switch cmark_node_get_type(children[index]) {
            case CMARK_NODE_TEXT:
                if let text = texts[index], !text.bytes.isEmpty { return classify(text, before: text.bytes.count) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                return .space
            default:
                return .punctuation
            }
            index -= 1
        }
        return edgeClass(container)
    }

    /// The class of the character just after a child's text, from its next siblings.
    static func classAfter(
        _ index: Int, _ children: [OpaquePointer], _ texts: [Text?], _ container: OpaquePointer
    ) -> CharacterClass {
        var index = index + 1
        while index < children.count {
            switch cmark_node_get_type(children[index]) {
            case CMARK_NODE_TEXT:
                if let text = texts[index], !text.bytes.isEmpty { return classify(text, at: 0) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                return .space
            default:
                return .punctuation
            }
            index += 1
        }
        return edgeClass(container)
    }

    /// The class of the character ending at `offset`; an escaped or entity character reads as
    /// the punctuation that wrote it.
    static func classify(_ text: Text, before offset: Int) -> CharacterClass {
        guard text.isVerbatim(offset - 1) else { return .punctuation }
        return classify(scalarBefore(offset, in: text.bytes))
    }

    /// The class of the character starting at `offset`.
    static func classify(_ text: Text, at offset: Int) -> CharacterClass {
        guard text.isVerbatim(offset) else { return .punctuation }
        return classify(scalarAt(offset, in: text.bytes))
    }

    /// What lies beyond a container's first or last child: a line's start or end for a block
    /// or a table cell, the delimiter or bracket of emphasis and links.
    static func edgeClass(_ container: OpaquePointer) -> CharacterClass {
        switch cmark_node_get_type(container) {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CUSTOM_INLINE: return .space
        default: return .punctuation
        }
    }

    static func literalText(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    static func scalarBefore(_ offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, offset - start < 4 { start -= 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars.first
    }

    static func scalarAt(_ offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80, end - offset < 4 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first
    }

    /// Whitespace and punctuation as cmark's flanking rules read them.
    static func classify(_ scalar: Unicode.Scalar?) -> CharacterClass {
        guard let scalar else { return .space }
        switch scalar.value {
        case 9, 10, 12, 13, 32, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return .space
        case 33...47, 58...64, 91...96, 123...126:
            return .punctuation
        case 0..<128:
            return .other
        default:
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return .punctuation
            default:
                return .other
            }
        }
    }
}
