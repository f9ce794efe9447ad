import CPTSDomain

/// `feed.xml`: an Atom feed of the stages the CPTS reached, newest first, so that followers learn
/// of each new letter of intent, validated projet de santé or signed contract.
enum AtomFeed {
    static let maximumEntries = 50

    static func file(content: SiteContent, url: SiteURL) -> OutputFile {
        // Each event names its CPTS by position: a copy of the CPTS in each of a national site's 500 000 events
        // (and in their sorted copy) held some 400 MB while the pages rendered beside.
        let all = content.cpts
        let events = all.indices.flatMap { index in
            all[index].dates.compactMap { stage, date -> (Day, Stage, Int)? in
                date.value <= content.settings.asOf ? (date.value, stage, index) : nil
            }
        }
        .sorted { ($0.0, all[$0.2].slug.value, $0.1) > ($1.0, all[$1.2].slug.value, $1.1) }
        .prefix(maximumEntries)
        .map { day, stage, index in (day, stage, all[index]) }

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
}
