import CPTSDomain

/// How the public pages name where a problem is: the CPTS, page or settings it concerns and the field in question
/// (« CPTS du Sud Lochois — date de signature »), never a file path or a line number.
extension ViewModels {
    /// What a content file is to a reader: its CPTS's name, its page's title, the region, the site's settings.
    func place(of file: String) -> String {
        let parts = file.split(separator: "/").map(String.init)
        let name = parts.last ?? file
        let folder = parts.count >= 2 ? parts[parts.count - 2] : ""
        let slug = name.split(separator: ".").first.map(String.init) ?? name
        func cptsName(_ slug: String) -> String? { content.cpts(slug: slug)?.name }
        switch folder {
        // A file the site did not read as a CPTS or a page (`cpts/notes.txt`, ignored) is no CPTS's nor page's.
        case "cpts": return content.cpts.first { $0.file == file }?.name ?? "Contenu du site"
        case "indicators": return (cptsName(slug) ?? "CPTS «\u{202F}\(slug)\u{202F}»") + " — indicateurs"
        case "diagnostics": return (cptsName(slug) ?? "CPTS «\u{202F}\(slug)\u{202F}»") + " — diagnostic territorial"
        case "pages": return content.pages.first { $0.file == file }.map { "Page «\u{202F}\($0.title)\u{202F}»" } ?? "Contenu du site"
        case "schedules": return "Barème «\u{202F}\(slug)\u{202F}»"
        case "geo": return name.hasSuffix(".csv") ? "Liste des communes" : "Contours des territoires"
        default:
            switch name {
            case "site.yaml": return "Réglages du site"
            case "region.yaml": return content.region.name.isEmpty ? "Région" : content.region.name
            default: return "Contenu du site"
            }
        }
    }

    /// `CPTS du Sud Lochois — date de signature`, or the place alone when the problem is about no one field.
    func placeAndField(of diagnostic: Diagnostic) -> String {
        let place = place(of: diagnostic.location.file)
        guard let field = diagnostic.message.field else { return place }
        return place + " — " + ViewModels.fieldLabel(field)
    }

    /// The French name of a content key; a key it does not know (a misspelt one) between French quotes.
    static func fieldLabel(_ key: String) -> String {
        fieldLabels[key] ?? "«\u{202F}\(key)\u{202F}»"
    }

    static let fieldLabels: [String: String] = [
        "name": "nom", "title": "titre", "department": "département", "departments": "départements",
        "population": "population", "populationVintage": "millésime de la population", "communes": "communes",
        "stage": "étape", "dates": "dates des étapes", "planned": "dates prévues", "schedule": "barème",
        "legalForm": "forme juridique", "members": "membres", "missions": "missions", "start": "début de la mission",
        "deployed": "déploiement de la mission", "actions": "actions",
        "letter-of-intent": "date de la lettre d’intention", "pre-project": "date du pré-projet",
        "diagnostic": "date du diagnostic territorial", "health-project": "date de validation du projet de santé",
        "aci-signed": "date de signature",
        "publisher": "éditeur", "baseURL": "adresse du site", "language": "langue", "theme": "thème",
        "asOf": "date des données", "code": "code", "id": "identifiant", "mission": "mission", "label": "libellé",
        "unit": "unité", "direction": "sens", "baseline": "valeur de départ", "value": "valeur", "steps": "paliers",
        "year": "année de contrat", "plannedTerritories": "territoires prévus", "structures": "structures",
        "references": "valeurs de référence", "count": "nombre", "date": "date", "kind": "type",
    ]

    /// `1 erreur et 2 avertissements`, without the count that is zero.
    static func problemCount(errors: Int, warnings: Int) -> String {
        var parts: [String] = []
        if errors > 0 { parts.append(Plural.count(errors, "erreur", "erreurs", in: .fr)) }
        if warnings > 0 { parts.append(Plural.count(warnings, "avertissement", "avertissements", in: .fr)) }
        return parts.joined(separator: " et ")
    }
}
