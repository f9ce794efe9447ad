import CPTSDomain

/// `feed.xml`: an Atom feed of the stages the CPTS reached, newest first, so that followers learn
/// of each new letter of intent, validated projet de santé or signed contract.
enum AtomFeed {
    static let maximumEntries = 50

    static func file(content: SiteContent, url: SiteURL) -> OutputFile {
        // Each event names its CPTS by position: a copy of the CPTS in each of a national site's 500 000 events
        // (and in their sorted copy) held some 400 MB while the pages rendered beside.
        let all = content.cpts
        let events = newest(content).map { day, stage, index in (day, stage, all[index]) }

        let updated = events.first?.0 ?? content.settings.asOf
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
              <title>\(XML.escape(content.settings.title))</title>
              <subtitle>Étapes franchies par les CPTS de la région \(XML.escape(content.region.name))</subtitle>
              <link rel="self" href="\(XML.escape(url.absolute(Routes.feed)))"/>
              <link href="\(XML.escape(url.absolute(Routes.home)))"/>
              <id>\(XML.escape(url.absolute(Routes.home)))</id>
              <updated>\(updated)T00:00:00Z</updated>
              <author><name>\(XML.escape(content.settings.publisher))</name></author>

            """
        for (day, stage, cpts) in events {
            let page = url.absolute(Routes.cpts(cpts.slug.value))
            xml += """
                  <entry>
                    <title>\(XML.escape(cpts.name)) : \(XML.escape(stage.label.lowercasedFirst))</title>
                    <link href="\(XML.escape(page))"/>
                    <id>\(XML.escape(page))#\(stage.rawValue)</id>
                    <updated>\(day)T00:00:00Z</updated>
                    <summary>\(XML.escape(cpts.name)) — \(XML.escape(stage.label.lowercasedFirst)) le \(FrenchFormat.longDate(day)).</summary>
                  </entry>

                """
        }
        return OutputFile(path: Routes.feed, text: xml + "</feed>\n")
    }

    /// The `maximumEntries` newest stages reached by `asOf`, newest first (then by slug and stage, descending; in
    /// content's order when all three are equal): the first ones of a stable sort of every dated stage, found by
    /// keeping the newest ones met so far, in order, rather than by sorting all of them (thousands at 1 000 CPTS).
    static func newest(_ content: SiteContent) -> [(day: Day, stage: Stage, index: Int)] {
        let all = content.cpts
        let asOf = content.settings.asOf
        func precedes(_ lhs: (day: Day, stage: Stage, index: Int), _ rhs: (day: Day, stage: Stage, index: Int)) -> Bool {
            (lhs.day, all[lhs.index].slug.value, lhs.stage) > (rhs.day, all[rhs.index].slug.value, rhs.stage)
        }
        var kept: [(day: Day, stage: Stage, index: Int)] = []
        kept.reserveCapacity(maximumEntries + 1)
        for index in all.indices {
            for (stage, date) in all[index].dates where !DateRules.isForthcoming(date.value, asOf: asOf) {
                let event = (day: date.value, stage: stage, index: index)
                // After every kept event that it does not precede, as a stable sort places it.
                var position = kept.count
                while position > 0 && precedes(event, kept[position - 1]) { position -= 1 }
                guard position < maximumEntries else { continue }
                kept.insert(event, at: position)
                if kept.count > maximumEntries { kept.removeLast() }
            }
        }
        return kept
    }
}
