import CPTSDomain

/// What the commands print besides diagnostics, in French and in English, in one place.
enum ConsoleText {
    case buildFailed(output: String)
    case built(files: Int, output: String)
    case rebuilt(milliseconds: Int, pages: [String])
    case rebuildFailed(milliseconds: Int, servingLastGoodSite: Bool)
    case serving(address: String)
    case portBusy(port: UInt16)
    case servingFailed(reason: String)
    case noSuchCPTS(slug: String, folder: String, suggestion: String?)
    case linksChecked(links: Int, pages: Int, folder: String, broken: Int)
    case folderNotEmpty(folder: String)
    case siteCreated(folder: String)
    case fixSiteFirst(folder: String)
    case fileExists(path: String)
    case cptsCreated(page: String, indicators: String)
    case siteFound(folder: String)

    func text(in language: Language) -> String {
        language == .fr ? french.text : english.text
    }

    private var french: French {
        switch self {
        case .buildFailed(let output): "la construction a échoué ; \(output)/ est resté tel quel"
        case .built(let files, let output): "\(Plural.count(files, "fichier écrit", "fichiers écrits", in: .fr)) dans \(output)/"
        case .rebuilt(let milliseconds, let pages):
            "site reconstruit en \(milliseconds) ms : \(Plural.count(pages.count, "page refaite", "pages refaites", in: .fr))"
                + (pages.count <= 5 && !pages.isEmpty ? " (\(list: pages))" : "")
        case .rebuildFailed(let milliseconds, let serving):
            serving
                ? "la construction a échoué en \(milliseconds) ms ; la dernière version valide du site reste servie"
                : "la construction a échoué en \(milliseconds) ms ; aucune page n'est servie tant que les erreurs ne sont pas corrigées"
        case .serving(let address): "Site servi à l'adresse \(address) — Ctrl-C pour arrêter"
        case .portBusy(let port): "le port \(Int(port)) est déjà utilisé par un autre programme : fermez-le, ou choisissez un autre port avec --port"
        case .servingFailed(let reason): "le site ne peut pas être servi (\(reason))"
        case .noSuchCPTS(let slug, let folder, let suggestion):
            "aucune CPTS \(q: slug) dans \(folder)/cpts/" + (suggestion.map { " (vouliez-vous dire «\u{202F}\($0)\u{202F}»\u{202F}?)" } ?? "")
        case .linksChecked(let links, let pages, let folder, let broken):
            "\(Plural.count(links, "lien vérifié", "liens vérifiés", in: .fr)) dans \(Plural.count(pages, "page", "pages", in: .fr)) de \(folder)/ : "
                + (broken == 0 ? "tous mènent quelque part" : "\(Plural.count(broken, "lien cassé", "liens cassés", in: .fr))")
        case .folderNotEmpty(let folder): "\(q: folder) existe et n'est pas vide ; choisissez un nouveau dossier"
        case .siteCreated(let folder):
            """
            Site créé dans \(folder)/. Ensuite :
              cd \(folder)
              cpts-site new cpts <nom>      # un fichier par CPTS
              cpts-site serve               # pour le voir sur http://127.0.0.1:1313/
            """
        case .fixSiteFirst(let folder): "corrigez d'abord \(folder)/site.yaml et region.yaml (ou créez un site avec « cpts-site new site »)"
        case .fileExists(let path): "\(path) existe déjà ; rien n'a été écrit"
        case .cptsCreated(let page, let indicators): "\(page) et \(indicators) sont créés : ouvrez-les et suivez les commentaires."
        case .siteFound(let folder): "site trouvé dans \(folder)/"
        }
    }

    private var english: English {
        switch self {
        case .buildFailed(let output): "build failed; \(output)/ was left as it was"
        case .built(let files, let output): "built \(files) files into \(output)/"
        case .rebuilt(let milliseconds, let pages):
            "built in \(milliseconds) ms: \(Plural.count(pages.count, "page", "pages", in: .en)) rendered"
                + (pages.count <= 5 && !pages.isEmpty ? " (\(list: pages))" : "")
        case .rebuildFailed(let milliseconds, let serving):
            serving
                ? "build failed in \(milliseconds) ms; the last good site is still served"
                : "build failed in \(milliseconds) ms; no page is served until the errors are fixed"
        case .serving(let address): "Serving the site at \(address) — Ctrl-C to stop"
        case .portBusy(let port): "port \(Int(port)) is already used by another program: stop it, or choose another port with --port"
        case .servingFailed(let reason): "cannot serve the site: \(reason)"
        case .noSuchCPTS(let slug, let folder, let suggestion):
            "no CPTS '\(slug)' in \(folder)/cpts/" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .linksChecked(let links, let pages, let folder, let broken):
            "checked \(links) link\(links == 1 ? "" : "s") in \(pages) page\(pages == 1 ? "" : "s") of \(folder)/: "
                + (broken == 0 ? "all resolve" : "\(broken) broken")
        case .folderNotEmpty(let folder): "'\(folder)' exists and is not empty; choose a new folder"
        case .siteCreated(let folder):
            """
            Created the site in \(folder)/. Next:
              cd \(folder)
              cpts-site new cpts <slug>     # one file per CPTS
              cpts-site serve               # see it at http://127.0.0.1:1313/
            """
        case .fixSiteFirst(let folder): "fix \(folder)/site.yaml and region.yaml first (or create a site with 'cpts-site new site')"
        case .fileExists(let path): "\(path) already exists; nothing was written"
        case .cptsCreated(let page, let indicators): "Created \(page) and \(indicators): open them and follow the comments."
        case .siteFound(let folder): "using the site in \(folder)/"
        }
    }
}
