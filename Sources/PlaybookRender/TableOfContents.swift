internal import PlaybookMarkdown

/// The table of contents of a page: its level-2 headings with their level-3 headings inside.
enum TableOfContents {
    static func items(_ headings: [Heading]) -> [[String: Any]] {
        var result: [[String: Any]] = []
        var children: [[String: Any]] = []
        var current: [String: Any]?
        func flush() {
            guard var item = current else { return }
            item["items"] = children
            item["hasItems"] = !children.isEmpty
            result.append(item)
            children = []
        }
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let item: [String: Any] = [
                "id": heading.id, "text": heading.text, "level": heading.level,
                "items": [[String: Any]](), "hasItems": false,
            ]
            if heading.level == 2 {
                flush()
                current = item
            } else if current != nil {
                children.append(item)
            } else {
                result.append(item)
            }
        }
        flush()
        return result
    }
}
