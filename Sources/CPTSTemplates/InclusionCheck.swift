/// Finds, when a library loads, the templates that include themselves whatever the data: a partial that includes
/// itself (`{{>a}}` in `a`), partials that include each other, an inheritance loop (`{{<a}}` in `b`, `{{<b}}` in
/// `a`), a block whose content expands that same block again. Rendering one never ends, so it is refused at once,
/// at the tag that closes the cycle, before any page is rendered.
///
/// What is refused, and what is not. The Mustache specification requires two recursions to work, and so they
/// must load: a partial that includes itself inside a section (`partials.json`, "Recursion":
/// `{{content}}<{{#nodes}}{{>node}}{{/nodes}}>`), which ends where the data ends, and a parent that includes
/// itself through another one whose blocks stop the recursion (`~inheritance.json`, "Recursion"). So a cycle is
/// refused only when it is reached outside any section or inverted section, where nothing in the data can stop
/// it: what renders there depends on the templates alone (which template, which block content), so the walk
/// below follows exactly what a render would. A cycle behind a section may end with the data or not: that is
/// for the render to tell, which stops past `TemplateLibrary.maximumDepth` with an error at the tag.
///
/// The walk is a depth-first search over states, a template or a block's content with the block contents the
/// parents being rendered give (what a render's `overrides` hold, by the site of the block tag that gave each):
/// a state met again on the current path is a cycle, and since those contents only ever grow along a path, every
/// render that never ends meets one. The search is iterative (no template can overflow its stack) and bounded
/// (`budget` nodes): past it, the render's depth bound alone stands.
struct InclusionCheck {
    /// What a render is doing: rendering a template, or the content of a block, with these block contents given.
    struct State: Hashable {
        let template: String?
        let block: TagSite?
        let overrides: [Override]
    }

    struct Override: Hashable {
        let name: String
        let site: TagSite
    }

    struct Frame {
        let state: State
        /// How the chain of a cycle names this step: the template's name, or `$` and the block's.
        let label: String
        let nodes: [TemplateNode]
        let overrides: [String: BlockContent]
        var index = 0
    }

    let templates: [String: [TemplateNode]]
    /// States whose every path was walked without a cycle, from any template.
    var finished: Set<State> = []
    /// Nodes the search may still visit.
    var budget = 1_000_000

    init(templates: [String: [TemplateNode]]) {
        self.templates = templates
    }

    /// Walks what rendering template `root` renders whatever the data, throwing `.inclusionCycle` at the tag that
    /// closes a cycle, or `.renderTooDeep` at a tag past `TemplateLibrary.maximumDepth` inclusions.
    mutating func check(_ root: String) throws(TemplateSyntaxError) {
        guard let nodes = templates[root] else { return }
        let start = State(template: root, block: nil, overrides: [])
        guard !finished.contains(start) else { return }
        var path: [Frame] = [Frame(state: start, label: root, nodes: nodes, overrides: [:])]
        var onPath: [State: Int] = [start: 0]
        while let top = path.last, budget > 0 {
            guard top.index < top.nodes.count else {
                path.removeLast()
                onPath[top.state] = nil
                finished.insert(top.state)
                continue
            }
            budget -= 1
            path[path.count - 1].index += 1
            guard let (next, site) = step(top.nodes[top.index], overrides: top.overrides) else { continue }
            if let first = onPath[next.state] {
                let chain = path[first...].map(\.label) + [next.label]
                throw TemplateSyntaxError(template: site.template, line: site.line, column: site.column,
                                          problem: .inclusionCycle(chain))
            }
            guard !finished.contains(next.state) else { continue }
            // The root is rendered at depth 0: the frames after it are the levels a render enters.
            guard path.count <= TemplateLibrary.maximumDepth else {
                throw TemplateSyntaxError(template: site.template, line: site.line, column: site.column,
                                          problem: .renderTooDeep(limit: TemplateLibrary.maximumDepth))
            }
            onPath[next.state] = path.count
            path.append(next)
        }
    }

    /// What a render enters at `node` whatever the data, and the node's tag; nil for a node that enters nothing
    /// (text, a variable, a missing partial) or only what the data decides (a section, an inverted section).
    func step(_ node: TemplateNode, overrides: [String: BlockContent]) -> (Frame, TagSite)? {
        switch node {
        case .partial(let name, _, let site):
            guard let nodes = templates[name] else { return nil }
            return (Frame(state: State(template: name, block: nil, overrides: Self.key(overrides)), label: name,
                          nodes: nodes, overrides: overrides), site)
        case .parent(let name, _, let given, let site):
            guard let nodes = templates[name] else { return nil }
            // As a render does: the outer caller's blocks win over the ones given here.
            let merged = overrides.merging(given) { outer, _ in outer }
            return (Frame(state: State(template: name, block: nil, overrides: Self.key(merged)), label: name,
                          nodes: nodes, overrides: merged), site)
        case .block(let name, let defaultContent, _):
            let content = overrides[name] ?? defaultContent
            return (Frame(state: State(template: nil, block: content.site, overrides: Self.key(overrides)), label: "$" + name,
                          nodes: content.nodes, overrides: overrides), defaultContent.site)
        case .text, .lineStart, .variable, .section, .inverted:
            return nil
        }
    }

    static func key(_ overrides: [String: BlockContent]) -> [Override] {
        overrides.map { Override(name: $0.key, site: $0.value.site) }.sorted { $0.name < $1.name }
    }
}
