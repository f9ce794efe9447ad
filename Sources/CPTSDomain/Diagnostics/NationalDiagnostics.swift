/// The diagnostics of a national site's content (`kind: national`): its regional `data/site.json` files and the
/// rules across regions. A case of `DiagnosticMessage.national`, its words here, French and English.
public enum NationalProblem: Hashable, Sendable {
    /// The file's `format` is not `cpts-site/site.json`.
    case formatUnknown(found: String, expected: String)
    /// A `version` (or version 1's `formatVersion`) other than the one read.
    case versionUnsupported(version: Int, expected: Int)
    /// `regions:` of `site.yaml` names a region whose file is not in `regions/`.
    case regionFileMissing(code: String, path: String)
    /// The file of `regions/<listed>.json` holds the figures of region `found`.
    case regionCodeMismatch(found: String, listed: String)
    /// A region code that is none of the 18 regions (`FrenchRegions`).
    case regionUnknown(code: String)
    /// A department (of the region's list, or of a CPTS) that belongs to another region.
    case departmentInOtherRegion(department: String, region: String, belongsTo: String, belongsToName: String)
    /// A department code that is none of the 101 departments.
    case departmentUnknown(department: String)
    /// A commune claimed by CPTS of two regions: at the second, naming the first's CPTS and file.
    case communeInTwoRegions(commune: String, cpts: String, otherCPTS: String, otherFile: String)
    /// `regions:` is empty.
    case regionsEmpty

    var entry: CatalogEntry {
        switch self {
        case .formatUnknown(let found, let expected):
            return CatalogEntry("regional-format-unknown",
                fr: "ce fichier n'est pas un data/site.json de cpts-site : son format est \(q: found), et non \(q: expected)",
                en: "this file is not a cpts-site data/site.json: its format is \(q: found), not \(q: expected)",
                note: ("copiez ici le fichier data/site.json publié par le site régional", "copy here the data/site.json the regional site published"))
        case .versionUnsupported(let version, let expected):
            let newer = version > expected
            return CatalogEntry("regional-version-unsupported",
                fr: newer ? "ce fichier suit la version \(version) du format data/site.json, plus récente que celle que lit cette version de cpts-site (\(expected))"
                    : "ce fichier suit la version \(version) du format data/site.json, qui n'est plus lue : la version attendue est la \(expected)",
                en: newer ? "this file follows version \(version) of the data/site.json format, newer than this cpts-site reads (\(expected))"
                    : "this file follows version \(version) of the data/site.json format, which is no longer read: version \(expected) is expected",
                note: newer ? ("mettez à jour cpts-site, ou reprenez le fichier d'un site régional construit avec la même version que ce site",
                               "update cpts-site, or take the file from a regional site built with the same version as this site")
                    : ("reconstruisez le site régional avec une version récente de cpts-site, puis recopiez son data/site.json",
                       "rebuild the regional site with a recent cpts-site, then copy its data/site.json again"))
        case .regionFileMissing(let code, let path):
            return CatalogEntry("regional-file-missing",
                fr: "la région \(q: code) est listée, mais le fichier \(path) manque",
                en: "region \(q: code) is listed, but \(path) is missing",
                note: ("copiez-y le fichier data/site.json publié par le site de la région", "copy there the data/site.json the region's site published"))
        case .regionCodeMismatch(let found, let listed):
            return CatalogEntry("regional-code-mismatch",
                fr: "ce fichier donne les chiffres de la région \(q: found), mais il est rangé sous le code \(q: listed)",
                en: "this file gives the figures of region \(q: found), but it is filed under code \(q: listed)",
                note: ("renommez le fichier regions/\(found).json et sa ligne de site.yaml, ou remplacez-le par celui de la région \(listed)",
                       "rename the file regions/\(found).json and its line of site.yaml, or replace it with region \(listed)'s"))
        case .regionUnknown(let code):
            return CatalogEntry("region-unknown",
                fr: "\(q: code) n'est le code INSEE d'aucune des 18 régions",
                en: "\(q: code) is the INSEE code of none of the 18 regions",
                note: ("les codes de région de l'INSEE vont de 01 (Guadeloupe) à 94 (Corse)", "INSEE region codes run from 01 (Guadeloupe) to 94 (Corse)"))
        case .departmentInOtherRegion(let department, let region, let belongsTo, let belongsToName):
            return CatalogEntry("department-in-other-region",
                fr: "le département \(q: department) est rangé dans la région \(q: region), mais il appartient à la région \(q: belongsTo) (\(belongsToName))",
                en: "department \(q: department) is filed under region \(q: region), but it belongs to region \(q: belongsTo) (\(belongsToName))",
                note: ("corrigez le département dans le site régional, ou rangez le fichier sous la bonne région",
                       "correct the department in the regional site, or file it under the right region"))
        case .departmentUnknown(let department):
            return CatalogEntry("department-code-unknown",
                fr: "\(q: department) n'est le code INSEE d'aucun des 101 départements",
                en: "\(q: department) is the INSEE code of none of the 101 departments")
        case .communeInTwoRegions(let commune, let cpts, let otherCPTS, let otherFile):
            return CatalogEntry("commune-in-two-regions",
                fr: "la commune \(commune) est revendiquée par \(cpts) et par \(otherCPTS) (\(otherFile)) : une commune n'appartient qu'au territoire d'une seule CPTS",
                en: "commune \(commune) is claimed by \(cpts) and by \(otherCPTS) (\(otherFile)): a commune belongs to one CPTS territory only",
                note: ("les deux régions doivent corriger le territoire de l'une des deux CPTS", "the two regions must correct the territory of one of the two CPTS"))
        case .regionsEmpty:
            return CatalogEntry("regions-empty",
                fr: "un site national liste ses régions sous « regions » : aucune n'est donnée",
                en: "a national site lists its regions under 'regions': none is given",
                note: ("écrivez par exemple regions: { \"24\": https://cpts-centre.example.org/ }", "write for example regions: { \"24\": https://cpts-centre.example.org/ }"))
        }
    }
}
