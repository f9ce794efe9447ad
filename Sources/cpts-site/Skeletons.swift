import CPTSDomain

/// The files of `cpts-site new site`: a small region that builds at once, commented in French.
enum SiteSkeleton {
    /// - Parameter asOf: the site's date, today when it is created, so that a CPTS created the same day counts.
    static func files(asOf: String) -> [(String, String)] { [
        (".gitignore", """
            # What `cpts-site build` makes: the site, and the folder the next build is written in before the swap.
            public/
            .public.staging/

            """),
        ("content/site.yaml", """
            # Réglages du site. Chaque clé : voir « site.yaml » dans REFERENCE.md, à la racine du site.
            title: Observatoire des CPTS de ma région      # titre du site
            publisher: Fédération régionale des URPS         # qui publie le site
            baseURL: https://example.org/                    # adresse publique du site, à écrire avant de publier : voir « Publier » dans GUIDE.md
            language: fr
            theme: default                                   # dossier dans themes/
            asOf: \(asOf)                                 # date des chiffres, à avancer à chaque mise à jour : voir « Étapes et dates » dans REFERENCE.md
            schedule: aci-2019                               # barème par défaut : voir « Les barèmes de financement » dans REFERENCE.md

            """),
        ("content/region.yaml", """
            # La région : ses départements, les territoires prévus par l'ARS, les autres structures.
            # Chaque clé : voir « region.yaml » dans REFERENCE.md, à la racine du site.
            code: "00"                                       # code INSEE de la région, entre guillemets
            name: Ma région
            population: 500000                               # population régionale
            populationVintage: INSEE, population municipale  # millésime de la population
            plannedTerritories: 5                            # territoires que l'ARS prévoit de couvrir par une CPTS
            departments:                                     # un par ligne : voir « Départements » dans REFERENCE.md
              - { code: "01", name: Mon département, population: 500000 }
            # structures:                                    # facultatif : voir « Structures » dans REFERENCE.md
            #   esp: { count: 10, yearlyAid: 7500 }
            # milestones:                                    # facultatif : voir « Jalons régionaux » dans REFERENCE.md
            #   - { date: 2025-06-30, kind: forecast, cpts: 3, coverage: 0.6 }

            """),
        ("content/pages/methodologie.md", """
            ---
            # Voir « Les pages libres » dans REFERENCE.md, à la racine du site.
            title: Méthodologie
            ---
            Expliquez ici d'où viennent les données de ce site. La suite de la page, générée, donne le barème de
            financement et les règles de calcul.

            """),
        ("content/cpts/.gitkeep", ""),
        ("content/indicators/.gitkeep", ""),
    ] }
}

/// The files of `cpts-site new cpts <slug>`: every key with its meaning, in French.
enum CPTSSkeleton {
    static func page(slug: String, department: Department, date: String) -> String {
        """
        ---
        # Fiche de la CPTS. Les lignes commençant par # sont des commentaires : complétez et décommentez.
        # Chaque clé : voir « La fiche d’une CPTS » dans REFERENCE.md, à la racine du site.
        name: CPTS \(slug)                      # nom de la CPTS
        department: "\(department.code)"                   # département principal (\(department.name)), code de region.yaml
        population: 30000                       # habitants couverts (ou donnez la liste des communes ci-dessous)
        # communes: ["00001", "00002"]          # codes INSEE des communes, une commune par CPTS : voir « Les communes et les cartes »
        stage: letter-of-intent                 # étape : letter-of-intent, pre-project, diagnostic, health-project, aci-signed (voir « Étapes » dans REFERENCE.md)
        dates:                                  # date de chaque étape franchie (AAAA-MM-JJ) : voir « Étapes et dates » dans REFERENCE.md
          letter-of-intent: \(date)
        #  pre-project: AAAA-MM-JJ
        #  diagnostic: AAAA-MM-JJ
        #  health-project: AAAA-MM-JJ           # projet de santé validé : la CPTS est alors constituée
        #  aci-signed: AAAA-MM-JJ               # signature du contrat ACI
        # planned: [aci-signed]                 # étapes dont la date est une prévision : voir « Dates prévues » dans REFERENCE.md
        # schedule: aci-2019                    # barème, si différent de celui du site : voir « Les barèmes de financement »
        legalForm: association-1901             # forme juridique : voir « Formes juridiques » dans REFERENCE.md
        # members:                              # membres par profession : voir « Membres » et « Professions » dans REFERENCE.md
        #   medecin-generaliste: 10
        #   pharmacien: 4
        #   infirmier: 12
        # missions:                             # missions du projet de santé : voir « Missions d’une CPTS » dans REFERENCE.md
        #   - id: acces-soins                   # acces-soins, parcours, prevention, crises-sanitaires,
        #     start: AAAA-MM-JJ                 # qualite-pertinence, accompagnement-professionnels (voir « Missions »)
        #     deployed: AAAA-MM-JJ
        #     planned: [deployed]               # dates prévues de la mission (start, deployed), après asOf
        #     actions: ["Cellule d’orientation des patients sans médecin traitant"]
        ---
        Décrivez ici le territoire, ses besoins de santé et les actions de la CPTS. Les titres forment le sommaire
        de la page.

        ## Besoins de santé

        ## Actions de la CPTS

        """
    }

    static let indicators = """
        # Indicateurs de la CPTS, année de contrat par année de contrat (à remplir après la signature du contrat ACI).
        # Chaque clé : voir « Les indicateurs » dans REFERENCE.md, à la racine du site.
        contractYears: []
        # contractYears:
        #   - year: 1                             # de la signature au premier anniversaire
        #     indicators:
        #       - id: ald-sans-medecin-traitant
        #         mission: acces-soins
        #         label: Patients en ALD sans médecin traitant
        #         unit: patients
        #         direction: down                 # voir « Sens des indicateurs » dans REFERENCE.md
        #         baseline: 219
        #         value: 120
        #         steps:                          # paliers de la part variable : le plus haut atteint est acquis
        #           - { threshold: 150, amount: 6000 }
        #           - { threshold: 100, amount: 9000 }

        """
}
