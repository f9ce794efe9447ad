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
    case checkClean(cpts: Int, reports: Int, pages: Int)
    case checkCleanNational(regions: Int, cpts: Int)
    case nationalDataWritten(regions: Int, cpts: Int, files: Int, output: String)
    case notCreated(path: String, reason: SystemReason)
    case writtenThroughLink(output: String, target: String)
    case stagingFolderCreated(staging: String, output: String)
    case deployChecking(folder: String)
    case deployRefusedContent
    case deployBuilding(output: String)
    case deployRefusedLinks
    case deploying(destination: String)
    case deployDryRun(destination: String)
    case upToDate(destination: String)
    case changes(count: Int, dryRun: Bool)
    case rsyncMissing
    case deployFailed(destination: String, reason: RsyncFailure)

    /// Why rsync failed, from its exit status.
    enum RsyncFailure: Equatable {
        case connection, destination, interrupted, notStarted
        case other(status: Int32)
    }

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
        case .notCreated(let path, let reason): "\(q: path) n’a pas pu être créé : \(reason.fr) ; rien d’autre n’a été écrit après lui"
        case .checkClean(let cpts, let reports, let pages):
            "Aucune erreur : \(Plural.count(cpts, "CPTS", "CPTS", in: .fr)), \(Plural.count(reports, "rapport", "rapports", in: .fr)), "
                + "\(Plural.count(pages, "page", "pages", in: .fr))"
        case .checkCleanNational(let regions, let cpts):
            "Aucune erreur : \(Plural.count(regions, "région", "régions", in: .fr)), \(Plural.count(cpts, "CPTS", "CPTS", in: .fr))"
        case .nationalDataWritten(let regions, let cpts, let files, let output):
            "Site national : \(Plural.count(regions, "région", "régions", in: .fr)), \(Plural.count(cpts, "CPTS", "CPTS", in: .fr)) ; "
                + "\(Plural.count(files, "fichier écrit", "fichiers écrits", in: .fr)) dans \(output)/ (pages, data/site.json et data/regions.csv)"
        case .writtenThroughLink(let output, let target): "\(output) est un lien symbolique : le site a été écrit dans \(target)/, le lien reste"
        case .stagingFolderCreated(let staging, let output):
            "\(staging)/ a été créé à côté de \(output)/ : cpts-site y prépare chaque nouvelle version du site avant de la mettre "
                + "en place d’un coup, et y garde la précédente pour aller plus vite (vous pouvez le supprimer, il sera refait)"
        case .deployChecking(let folder): "vérification de \(folder)/ (les avertissements comptent comme des erreurs)"
        case .deployRefusedContent: "publication refusée : corrigez d’abord les problèmes ci-dessus"
        case .deployBuilding(let output): "construction de \(output)/"
        case .deployRefusedLinks: "publication refusée : des liens ne mènent nulle part"
        case .deploying(let destination): "publication vers \(destination) :"
        case .deployDryRun(let destination): "essai à blanc : ce qui changerait sur \(destination) (rien n’est modifié) :"
        case .upToDate(let destination): "rien à changer : \(destination) est à jour"
        case .changes(let count, let dryRun):
            dryRun ? "\(Plural.count(count, "changement", "changements", in: .fr)) à publier"
                   : "\(Plural.count(count, "changement publié", "changements publiés", in: .fr))"
        case .rsyncMissing:
            "rsync est introuvable : installez le paquet Debian « rsync » (sudo apt install rsync), puis relancez la commande"
        case .deployFailed(let destination, let reason):
            "la publication vers \(destination) a échoué : " + reason.french + " ; le site en ligne n’a pas été modifié"
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
        case .notCreated(let path, let reason): "could not create '\(path)': \(reason.en); nothing else was written after it"
        case .checkClean(let cpts, let reports, let pages):
            "No problems: \(Plural.count(cpts, "CPTS", "CPTS", in: .en)), \(Plural.count(reports, "report", "reports", in: .en)), "
                + "\(Plural.count(pages, "page", "pages", in: .en))"
        case .checkCleanNational(let regions, let cpts):
            "No problems: \(Plural.count(regions, "region", "regions", in: .en)), \(Plural.count(cpts, "CPTS", "CPTS", in: .en))"
        case .nationalDataWritten(let regions, let cpts, let files, let output):
            "National site: \(Plural.count(regions, "region", "regions", in: .en)), \(Plural.count(cpts, "CPTS", "CPTS", in: .en)); "
                + "wrote \(Plural.count(files, "file", "files", in: .en)) into \(output)/ (pages, data/site.json and data/regions.csv)"
        case .writtenThroughLink(let output, let target): "\(output) is a symbolic link: the site was written into \(target)/, the link stays"
        case .stagingFolderCreated(let staging, let output):
            "created \(staging)/ beside \(output)/: cpts-site prepares each new version of the site there before putting it in place "
                + "at once, and keeps the previous one there to go faster (you may remove it, it will be made again)"
        case .deployChecking(let folder): "checking \(folder)/ (warnings count as errors)"
        case .deployRefusedContent: "not published: fix the problems above first"
        case .deployBuilding(let output): "building \(output)/"
        case .deployRefusedLinks: "not published: some links lead nowhere"
        case .deploying(let destination): "publishing to \(destination):"
        case .deployDryRun(let destination): "dry run: what would change on \(destination) (nothing is changed):"
        case .upToDate(let destination): "nothing to change: \(destination) is up to date"
        case .changes(let count, let dryRun):
            "\(Plural.count(count, "change", "changes", in: .en))" + (dryRun ? " to publish" : " published")
        case .rsyncMissing: "rsync not found: install the Debian package 'rsync' (sudo apt install rsync), then run the command again"
        case .deployFailed(let destination, let reason):
            "publishing to \(destination) failed: \(reason.english); the published site was not changed"
        }
    }
}

extension ConsoleText.RsyncFailure {
    var french: French {
        switch self {
        case .connection: "la connexion au serveur a échoué (vérifiez son nom, l’utilisateur et la clé ssh)"
        case .destination: "des fichiers n’ont pas pu être écrits dans la destination (vérifiez qu’elle existe et que vous pouvez y écrire)"
        case .interrupted: "rsync a été interrompu"
        case .notStarted: "rsync n’a pas pu être lancé"
        case .other(let status): "rsync s’est arrêté avec le code \(Int(status))"
        }
    }

    var english: String {
        switch self {
        case .connection: "could not connect to the server (check its name, the user and the ssh key)"
        case .destination: "some files could not be written to the destination (check that it exists and that you may write there)"
        case .interrupted: "rsync was interrupted"
        case .notStarted: "rsync could not be started"
        case .other(let status): "rsync stopped with status \(status)"
        }
    }
}
