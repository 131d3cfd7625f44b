internal import PlaybookMarkdown

/// The table of contents of a page: its level-2 headings with their level-3 headings inside.
enum TableOfContents {
    static func items(_ headings: [Heading]) -> [TreeItem] {
        var result: [TreeItem] = []
        var children: [TreeItem] = []
        var current: TreeItem?
        func flush() {
            guard let item = current else { return }
            item.items = children
            result.append(item)
            children = []
        }
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let item = TreeItem(
                values: .heading(id: TemplateText(heading.id), text: TemplateText(heading.text), level: heading.level),
                items: [])
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
