import CPTSDomain
import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension SystemReason {
    /// The reason behind a Foundation error (`NSCocoaErrorDomain`, whose text is English and long), from its
    /// system error number.
    public init(error: Error) {
        self.init(errno: AtomicWriter.posixCode(of: error))
    }

    /// The French words for the system errors a build meets when writing, the system's own (English) words for the
    /// others, with their number.
    public init(errno code: Int32) {
        let english = String(cString: strerror(code))
        let french: String? = switch code {
        case EACCES, EPERM: "vous n’avez pas le droit d’écrire à cet endroit"
        case EROFS: "le disque est en lecture seule"
        case ENOSPC: "le disque est plein"
        case EDQUOT: "votre quota d’espace disque est atteint"
        case EFBIG: "un fichier dépasse la taille permise (limite «\u{202F}ulimit -f\u{202F}»\u{202F}?)"
        case ENOENT: "un dossier du chemin n’existe pas"
        case ENOTDIR: "un élément du chemin n’est pas un dossier"
        case ENAMETOOLONG: "le chemin est trop long"
        case ELOOP: "trop de liens symboliques dans le chemin"
        case EIO: "erreur d’entrée-sortie du disque"
        case EXDEV: "le dossier et son dossier de préparation sont sur deux disques différents"
        case EBUSY: "le dossier est occupé (point de montage\u{202F}?)"
        default: nil
        }
        self.init(fr: french ?? "erreur du système n°\u{A0}\(code) (\(english))", en: english)
    }
}
