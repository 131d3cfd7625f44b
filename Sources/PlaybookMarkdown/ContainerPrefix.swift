internal import CMark

/// The block quotes and list items around a block, to take their prefixes (`> `, a list item's
/// indentation) off the block's continuation lines.
///
/// cmark keeps no raw lines, so this re-does its container matching on the source line: a
/// block quote needs `>` after at most three spaces, a list item needs its content indentation.
/// A line that misses a prefix is a lazy continuation line.
struct ContainerPrefix {
    private enum Level {
        case quote
        /// A list item whose content starts this many columns in.
        case item(indent: Int)
    }

    private var levels: [Level] = []
    /// The block quote or list item node of each level.
    private(set) var containers: [OpaquePointer] = []

    /// The containers of `node`, outermost first.
    init(of node: OpaquePointer, lines: SourceLines) {
        var chain: [OpaquePointer] = []
        var parent = cmark_node_parent(node)
        while let container = parent {
            let type = cmark_node_get_type(container)
            if type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_ITEM { chain.append(container) }
            parent = cmark_node_parent(container)
        }
        for container in chain.reversed() {
            containers.append(container)
            if cmark_node_get_type(container) == CMARK_NODE_BLOCK_QUOTE {
                levels.append(.quote)
            } else {
                let number = Int(cmark_node_get_start_line(container))
                let line = lines.line(number)
                let indent = strip(line).map(Self.itemIndent) ?? 2
                levels.append(.item(indent: indent))
            }
        }
    }

    /// The line after every container's prefix, or `nil` when a prefix is missing (a lazy line).
    func strip(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        if case .stripped(let text) = strip(line, levels: levels.count) { return text }
        return nil
    }

    /// What is left of a line after the prefixes of the outermost `count` containers.
    enum Stripped {
        case stripped(ArraySlice<UInt8>)
        /// The prefix of the container at this level is missing.
        case lazy(level: Int)
    }

    /// Where cmark's content of a paragraph continuation line starts: after the prefixes of
    /// the containers the line matches, stopping at the first it misses.
    func contentStart(of line: ArraySlice<UInt8>) -> Int {
        var count = levels.count
        if case .lazy(let level) = strip(line, levels: count) { count = level }
        if case .stripped(let text) = strip(line, levels: count) { return text.startIndex }
        return line.startIndex
    }

    /// The line after the prefixes of the outermost `count` containers.
    func strip(_ line: ArraySlice<UInt8>, levels count: Int) -> Stripped {
        var index = line.startIndex
        var column = 0
        func advance() {
            column += line[index] == Self.tab ? 4 - column % 4 : 1
            index += 1
        }
        for (number, level) in levels.prefix(count).enumerated() {
            switch level {
            case .quote:
                var spaces = 0
                while index < line.endIndex, line[index] == Self.space, spaces < 3 {
                    advance()
                    spaces += 1
                }
                guard index < line.endIndex, line[index] == UInt8(ascii: ">") else { return .lazy(level: number) }
                advance()
                if index < line.endIndex, line[index] == Self.space || line[index] == Self.tab { advance() }
            case .item(let indent):
                let start = column
                while index < line.endIndex, column - start < indent {
                    guard line[index] == Self.space || line[index] == Self.tab else { return .lazy(level: number) }
                    advance()
                }
                if index == line.endIndex { return .lazy(level: number) }
            }
        }
        return .stripped(line[index...])
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// The content indentation of a list item whose marker line, outer prefixes removed, is
    /// `rest`: columns before the marker, the marker, then 1–4 spaces (1 when more or none).
    private static func itemIndent(_ rest: ArraySlice<UInt8>) -> Int {
        var index = rest.startIndex
        var column = 0
        func advance() {
            column += rest[index] == tab ? 4 - column % 4 : 1
            index += 1
        }
        while index < rest.endIndex, rest[index] == space || rest[index] == tab { advance() }
        if index < rest.endIndex, rest[index] == UInt8(ascii: "-") || rest[index] == UInt8(ascii: "+")
            || rest[index] == UInt8(ascii: "*")
        {
            advance()
        } else {
            while index < rest.endIndex, rest[index] >= 0x30, rest[index] <= 0x39 { advance() }
            if index < rest.endIndex { advance() }
        }
        let afterMarker = column
        while index < rest.endIndex, rest[index] == space || rest[index] == tab { advance() }
        let padding = column - afterMarker
        return afterMarker + (index == rest.endIndex || padding > 4 || padding < 1 ? 1 : padding)
    }
}
