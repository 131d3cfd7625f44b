internal import CMark
internal import PlaybookDiagnostics

/// A second rendering of a Markdown text from the tree of the first: other ids, heading levels
/// and link destinations, the same everything else (the print page's part of a page). It saves
/// parsing the text, the GFM passes and the fenced blocks (code colours, diagrams) again.
public struct SecondRendering {
    /// Put before every heading's and task's id.
    public var idPrefix: String
    /// Levels added to every heading (at most `<h6>`).
    public var headingShift: Int
    /// Given a link's destination as written and whether it is an image, the destination to
    /// write (`nil` keeps it as written).
    public var rewriteLink: (_ destination: String, _ isImage: Bool) -> String?

    /// Creates the rendering's settings.
    public init(idPrefix: String, headingShift: Int, rewriteLink: @escaping (String, Bool) -> String?) {
        self.idPrefix = idPrefix
        self.headingShift = headingShift
        self.rewriteLink = rewriteLink
    }
}

extension TreeWalk {
    /// The opening and closing markup of a heading block.
    static func headingMarkup(level: Int, id: String, text: String) -> (open: String, close: String) {
        ("<h\(level) id=\"\(escapeHTML(id))\">", selfLink(id: id, text: text) + "</h\(level)>")
    }

    /// The opening markup of a task item's label, with its box.
    static func checkbox(id: String, checked: Bool) -> String {
        "<label class=\"task\"><input type=\"checkbox\" class=\"task-box\" id=\"\(escapeHTML(id))\"\(checked ? " checked" : "")> "
    }

    /// Sets the tree that `apply` left (its `facts`) for `second`: each link's destination, each
    /// heading's level and id, and each task's id, as a rendering with those options would have
    /// written them.
    func prepareSecondRendering(_ second: SecondRendering, facts: Facts) {
        for (position, link) in links.enumerated() {
            if let html = rawHTML[link.node] {
                _ = html.write(into: link.node, rewriteLink: second.rewriteLink)
            } else if position < facts.destinations.count, let destination = facts.destinations[position] {
                _ = cmark_node_set_url(link.node, second.rewriteLink(destination, link.isImage) ?? destination)
            }
        }
        for heading in facts.headingBlocks {
            let markup = Self.headingMarkup(
                level: min(6, heading.level + second.headingShift), id: second.idPrefix + heading.slug, text: heading.text)
            _ = cmark_node_set_on_enter(heading.block, markup.open)
            _ = cmark_node_set_on_exit(heading.block, markup.close)
        }
        for task in facts.taskLabels {
            _ = cmark_node_set_on_enter(task.label, Self.checkbox(id: "task-" + second.idPrefix + task.slug, checked: task.checked))
        }
    }
}
