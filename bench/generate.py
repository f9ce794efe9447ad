#!/usr/bin/env python3
"""Synthetic national content for the benchmark: N CPTS over 101 departments, in two profiles.

- light: ~3 KB projets de santé, communes with populations, up to five contract years of 4–6 indicators for the
  signed CPTS, one free page (7.3 MB of content at 1 000 CPTS; the set of issues #18 and before).
- heavy (issue #27, what real sites hold): projets de santé of 4–8 KB with tables, five contract years for every
  signed CPTS with two or three indicators per mission and year, annual reports (`reports/<slug>/<year>.md`) for
  every contract year begun of a third of the signed CPTS, and free pages in `pages/` (some in folders).

Writes OUT/content/ (for cpts-site) and OUT/hugo/ (the same Markdown and YAML files as a Hugo site, reports under
`rapports/` and free pages under `pages/`). Deterministic: the same profile and N give the same bytes.

    python3 bench/generate.py --profile heavy --cpts 1000 --out .build-bench/data/heavy-n1000
"""
import argparse
import datetime
import pathlib
import random
import shutil

DEPARTMENTS = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B", "971", "972", "973", "974", "976"]
PROFESSIONS = ["medecin-generaliste", "pharmacien", "infirmier", "masseur-kinesitherapeute", "sage-femme",
               "chirurgien-dentiste", "orthophoniste"]
STAGES = ["letter-of-intent", "pre-project", "diagnostic", "health-project", "aci-signed"]
THEMES = ["l'accès à un médecin traitant", "les soins non programmés", "le maintien à domicile des personnes âgées",
          "la santé mentale des jeunes", "la prévention des cancers", "l'insuffisance cardiaque", "le diabète",
          "l'accueil des internes", "la vaccination", "la sortie d'hospitalisation"]


def day(base, days):
    return (base + datetime.timedelta(days=days)).isoformat()


def body(rng, name, population, communes):
    themes = rng.sample(THEMES, 4)
    rows = "\n".join(f"| {t.capitalize()} | {rng.randint(5, 40)} % | {rng.randint(5, 40)} % |" for t in themes)
    actions = "\n".join(f"- Action {i + 1} : groupe de travail sur {t}, avec les professionnels et l'hôpital de proximité."
                        for i, t in enumerate(themes))
    tasks = "\n".join(f"- [{'x' if rng.random() < 0.5 else ' '}] Étape {i + 1} du plan d'action sur {t}" for i, t in enumerate(themes))
    return f"""# Projet de santé de la {name}

La {name} couvre {population} habitants répartis dans {len(communes)} communes. Ce projet de santé a été écrit
par les professionnels du territoire après un diagnostic partagé avec l'ARS et la caisse primaire d'assurance
maladie. Il décrit les besoins de santé, les missions retenues et les actions prévues pour les cinq années du
contrat, ainsi que la gouvernance de l'association.

## Diagnostic du territoire

Les professionnels ont retenu quatre priorités : {", ".join(themes)}. Le tableau ci-dessous compare le territoire
à la moyenne régionale.

| Priorité | Territoire | Région |
|---|---:|---:|
{rows}

Les données proviennent de l'outil **Rézone CPTS** de l'Assurance Maladie et des établissements du territoire,
complétées par une enquête auprès des professionnels (*taux de réponse de {rng.randint(30, 80)} %*).

## Missions et actions

{actions}

### Calendrier

{tasks}

## Gouvernance

L'association est administrée par un bureau pluriprofessionnel ; une coordinatrice salariée anime les groupes de
travail. Le conseil d'administration se réunit chaque trimestre et l'assemblée générale une fois par an. Les
comptes rendus sont publiés sur <https://example.org/cpts>. Pour en savoir plus, voir
[le site de l'ARS](https://example.org/ars) et ~~l'ancien site~~ la page de la fédération.
"""


def indicators(rng, signature, missions, years):
    out = ["contractYears:"]
    for year in range(1, years + 1):
        out += [f"  - year: {year}", "    indicators:"]
        for index in range(rng.randint(4, 6)):
            mission = missions[index % len(missions)]
            kind = rng.choice(["up", "down", "done"])
            out += [f"      - id: indicateur-{index + 1}", f"        mission: {mission}",
                    f"        label: Indicateur {index + 1} de la mission {mission}", f"        direction: {kind}"]
            if kind == "done":
                out += [f"        value: {'true' if rng.random() < 0.6 else 'false'}", f"        steps: [{{ amount: {rng.randint(2, 6) * 1000} }}]"]
            else:
                base = rng.randint(50, 400)
                first, second = (base + 20, base + 60) if kind == "up" else (base - 20, base - 60)
                value = base + rng.randint(-70, 70)
                out += ["        unit: patients", f"        baseline: {base}", f"        value: {value}", "        steps:",
                        f"          - {{ threshold: {first}, amount: {rng.randint(2, 4) * 1000} }}",
                        f"          - {{ threshold: {second}, amount: {rng.randint(5, 8) * 1000} }}"]
    return "\n".join(out) + "\n"


MISSION_WORDS = {
    "acces-soins": ("patients orientés vers un médecin traitant", "créneaux de soins non programmés", "patients en ALD sans médecin traitant"),
    "parcours": ("patients inclus dans le parcours", "sorties d'hospitalisation accompagnées", "plans personnalisés de santé"),
    "prevention": ("kits de dépistage remis", "personnes vaccinées", "ateliers de prévention tenus"),
    "crises-sanitaires": ("exercices de crise tenus", "professionnels formés au plan de crise", "annuaires de crise à jour"),
    "qualite-pertinence": ("revues de pratiques tenues", "protocoles pluriprofessionnels écrits", "participants aux revues"),
    "accompagnement-professionnels": ("internes accueillis", "nouveaux installés accompagnés", "soirées d'accueil tenues"),
}
MEETINGS = ["general-assembly", "board", "bureau", "steering-committee", "management-dialogue", "working-group"]
SPENDING = ["staff", "fees", "premises", "equipment", "communication", "training", "other"]


def plus_years(date, years):
    """The same day `years` later, the 29th of February becoming the 28th (as cpts-site's Day.adding(years:))."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)


def heavy_body(rng, name, population, communes, missions):
    """A projet de santé of 4–8 KB: the light body, then the offer of care, one section per mission with its
    own table (three at most), and the evaluation."""
    text = body(rng, name, population, communes)
    offer = "\n".join(f"| {p.replace('-', ' ').capitalize()} | {rng.randint(2, 60)} | {rng.randint(20, 95)} % | {rng.randint(40, 70)} ans |"
                      for p in PROFESSIONS)
    text += f"""
## Offre de soins

Le territoire compte les professionnels suivants, d'après le répertoire partagé des professionnels de santé et
l'enquête menée auprès des cabinets. La part des professionnels adhérents est celle de l'assemblée générale.

| Profession | Effectif | Adhérents | Âge médian |
|---|---:|---:|---:|
{offer}
"""
    for mission in missions[:3] or ["acces-soins", "prevention"]:
        words = MISSION_WORDS[mission]
        rows = "\n".join(f"| {w.capitalize()} | {rng.randint(0, 300)} | {rng.randint(100, 600)} | {rng.randint(2020, 2026)} |"
                         for w in words)
        extra = " ".join(rng.choice([
            "Les médecins généralistes et les pharmaciens se relaient pour assurer la continuité.",
            "Les infirmiers libéraux signalent les patients fragiles repérés lors des tournées.",
            "Un protocole pluriprofessionnel précise qui fait quoi et dans quel délai.",
            "Le groupe de travail se réunit une fois par mois, en soirée, à la maison de santé.",
            "Les résultats sont présentés au comité de pilotage avec la CPAM et l'ARS.",
            "Une fiche de liaison commune circule entre l'hôpital et les professionnels de ville."]) for _ in range(rng.randint(1, 4)))
        text += f"""
## Mission {mission}

{extra}

| Indicateur de suivi | Point de départ | Cible | Échéance |
|---|---:|---:|---:|
{rows}

- **Pilote** : un binôme médecin et infirmier ;
- *Partenaires* : l'hôpital de proximité, le dispositif d'appui à la coordination et les communes.
"""
    text += """
## Évaluation

Chaque année, le bilan d'activité présente les indicateurs du contrat, les actions menées et les dépenses. Il est
remis au dialogue de gestion avec la CPAM et l'ARS avant d'être publié sur ce site.
"""
    return text


def heavy_indicators(rng, missions, starts, signature):
    """Five contract years, two (sometimes three) indicators per mission and year, each year only for the missions
    started before its end (as a real site, and as cpts-site's `indicatorMissionHasStarted` asks); the ids of each
    year, for the reports."""
    out, ids = ["contractYears:"], {}
    per_mission = {mission: rng.choice([2, 2, 2, 2, 2, 2, 3]) for mission in missions}
    for year in range(1, 6):
        out += [f"  - year: {year}", "    indicators:"]
        ids[year] = []
        for mission in missions:
            if starts[mission] >= plus_years(signature, year):
                continue
            for index in range(per_mission[mission]):
                kind = rng.choice(["up", "down", "done"])
                ident = f"{mission}-{index + 1}"
                ids[year].append((mission, ident))
                out += [f"      - id: {ident}", f"        mission: {mission}",
                        f"        label: {MISSION_WORDS[mission][index].capitalize()}", f"        direction: {kind}"]
                if kind == "done":
                    out += [f"        value: {'true' if rng.random() < 0.6 else 'false'}",
                            f"        steps: [{{ amount: {rng.randint(2, 6) * 1000} }}]"]
                else:
                    base = rng.randint(120, 400)
                    steps = [20, 60, 110][: rng.randint(2, 3)]
                    out += ["        unit: patients", f"        baseline: {base}", f"        value: {base + rng.randint(-70, 70)}", "        steps:"]
                    out += [f"          - {{ threshold: {base + d if kind == 'up' else base - d}, amount: {(n + 1) * rng.randint(3, 4) * 1000} }}"
                            for n, d in enumerate(steps)]
    return "\n".join(out) + "\n", ids


def report(rng, year, start, end, as_of, ids):
    """The activity report of contract year `year` (from `start` to `end`, excluded), every date in the year and
    every action done by `as_of` or still running."""
    last = min(end - datetime.timedelta(days=1), as_of)
    span = (last - start).days
    lines = ["---", f"team: {{ coordinator: {rng.choice(['0.5', '0.8', '1'])}, staff: {rng.choice(['0', '0.5', '1'])} }}", "spending:"]
    lines += [f"  {c}: {rng.randint(1, 60) * 500}" for c in rng.sample(SPENDING, rng.randint(3, 6))]
    lines += ["members:"] + [f"  {p}: {rng.randint(2, 40)}" for p in PROFESSIONS]
    lines.append("actions:")
    for mission, ident in rng.sample(ids, min(len(ids), rng.randint(3, 5))):
        a = rng.randint(0, span)
        b = rng.randint(a, span)
        status = "done" if end <= as_of or rng.random() < 0.7 else "in-progress"
        lines += [f"  - mission: {mission}", f"    title: Action de l'année {year} pour {MISSION_WORDS[mission][0]}",
                  f"    status: {status}", f"    start: {start + datetime.timedelta(days=a)}"]
        if status == "done":
            lines.append(f"    end: {start + datetime.timedelta(days=b)}")
        lines += [f"    participants: {rng.randint(5, 200)}",
                  f"    results: [\"{rng.randint(10, 500)} {MISSION_WORDS[mission][0]}\"]", f"    indicators: [{ident}]"]
    lines.append("meetings:")
    for kind in rng.sample(MEETINGS, rng.randint(3, 6)):
        date = start + datetime.timedelta(days=rng.randint(0, span))
        lines.append(f"  - {{ date: {date}, kind: {kind}, attendance: {rng.randint(5, 90)} }}")
    lines.append("proofs:")
    for _, ident in rng.sample(ids, min(len(ids), 3)):
        lines += [f"  - indicator: {ident}", f"    items: [\"Données CPAM de l'année {year}\", \"Feuilles d'émargement\"]"]
    lines += ["---", "## Faits marquants", "",
              f"L'année {year} du contrat a vu {rng.randint(3, 12)} actions aboutir. La coordinatrice a animé les groupes de travail,",
              "et le conseil d'administration a suivi chaque trimestre les indicateurs du contrat.", "",
              "| Trimestre | Réunions | Participants |", "|---|---:|---:|"]
    lines += [f"| T{q} | {rng.randint(1, 6)} | {rng.randint(10, 120)} |" for q in range(1, 5)]
    lines += ["", "## Difficultés", "", "Le recrutement d'une chargée de mission a pris plusieurs mois ; "
              "les données de la CPAM sont arrivées tard.", "", "## Perspectives", "",
              "- Étendre la cellule d'orientation aux communes voisines ;", "- préparer le dialogue de gestion suivant.", ""]
    return "\n".join(lines)


def free_page(rng, number):
    rows = "\n".join(f"| Étape {i + 1} | {rng.choice(['Coordinatrice', 'Bureau', 'Groupe de travail'])} | {rng.randint(1, 12)} semaines |"
                     for i in range(rng.randint(4, 10)))
    paragraphs = "\n\n".join(
        f"Paragraphe {i + 1} du guide : les professionnels trouvent ici les démarches, les contacts et les "
        f"documents utiles, avec les liens vers [la CPAM](https://example.org/cpam) et *l'ARS*." for i in range(rng.randint(5, 15)))
    return f"## Guide n° {number}\n\n{paragraphs}\n\n| Étape | Qui | Durée |\n|---|---|---:|\n{rows}\n"


def write_heavy_extras(rng, content, hugo, count):
    """The free pages of the heavy profile: one per 50 CPTS (at least ten), a third of them in a folder."""
    for number in range(1, max(10, count // 50) + 1):
        folder = "guides/" if number % 3 == 0 else ""
        menu = "menu: true\nmenuOrder: %d\n" % number if number <= 3 else ""
        text = f"---\ntitle: Guide pratique n° {number}\n{menu}---\n" + free_page(rng, number)
        for root in (content / "pages", hugo / "content/pages"):
            (root / folder).mkdir(parents=True, exist_ok=True)
            (root / folder / f"guide-{number}.md").write_text(text)


def generate(count, out, profile="light"):
    heavy = profile == "heavy"
    rng = random.Random(count)
    content, hugo = out / "content", out / "hugo"
    for folder in (content, hugo):
        if folder.exists():
            shutil.rmtree(folder)
    for sub in ("cpts", "indicators", "geo", "pages"):
        (content / sub).mkdir(parents=True)
    (hugo / "content/cpts").mkdir(parents=True)
    (hugo / "data/indicators").mkdir(parents=True)
    (hugo / "content/pages").mkdir(parents=True)
    (hugo / "content/rapports").mkdir(parents=True)

    populations = {code: rng.randint(150_000, 1_200_000) for code in DEPARTMENTS}
    (content / "site.yaml").write_text(
        "title: Observatoire national des CPTS (données synthétiques)\npublisher: Banc d'essai cpts-site\n"
        "baseURL: https://example.org/\nlanguage: fr\ntheme: default\nasOf: 2024-12-31\nschedule: aci-2019\n")
    region = ["code: \"00\"", "name: France (synthétique)", f"population: {sum(populations.values())}",
              "populationVintage: synthétique", f"plannedTerritories: {int(count * 1.1) + 1}", "departments:"]
    region += [f"  - {{ code: \"{code}\", name: Département {code}, population: {pop} }}" for code, pop in populations.items()]
    (content / "region.yaml").write_text("\n".join(region) + "\n")
    methodology = "---\ntitle: Méthodologie\n---\nDonnées synthétiques pour le banc d'essai.\n"
    (content / "pages/methodologie.md").write_text(methodology)
    (hugo / "content/pages/methodologie.md").write_text(methodology)
    if heavy:
        write_heavy_extras(random.Random(-count), content, hugo, count)
    as_of = datetime.date(2024, 12, 31)

    csv = ["code;name;department;population"]
    next_commune = {code: 1 for code in DEPARTMENTS}
    # Heavy: a year earlier, so that every signed contract has begun its fifth year by asOf.
    base = datetime.date(2017, 1, 1) if heavy else datetime.date(2018, 1, 1)
    signed = 0
    for index in range(count):
        department = DEPARTMENTS[index % len(DEPARTMENTS)]
        slug = f"cpts-{index + 1:06d}"
        name = f"CPTS n° {index + 1}"
        # Five-character INSEE-like codes: two for the department, three for the commune, while they last.
        communes, population = [], 0
        for _ in range(rng.randint(3, 12)):
            number = next_commune[department]
            if len(department) + 3 > 5 or number > 999:
                break
            next_commune[department] = number + 1
            code = f"{department}{number:03d}"
            inhabitants = rng.randint(1_500, 25_000)
            communes.append(code)
            population += inhabitants
            csv.append(f"{code};Commune {code};{department};{inhabitants}")
        if not communes:
            population = rng.randint(20_000, 200_000)
        # Heavy: three fifths of the CPTS signed, nearer the national figures of 2024 (light: two fifths).
        reached = rng.choices(range(5), weights=[1, 1, 1, 1, 6] if heavy else [1, 1, 2, 2, 4])[0]
        offset = rng.randint(0, 300)
        dates = {}
        for stage in STAGES[: reached + 1]:
            offset += rng.randint(60, 200)
            dates[stage] = day(base, offset)
        lines = ["---", f"name: {name}", f"department: \"{department}\"", f"population: {population}"]
        if communes:
            lines.append("communes: [" + ", ".join(f'"{c}"' for c in communes) + "]")
        lines += [f"stage: {STAGES[reached]}", "dates:"] + [f"  {s}: {d}" for s, d in dates.items()]
        lines += ["legalForm: association-1901", "members:"] + [f"  {p}: {rng.randint(2, 40)}" for p in PROFESSIONS]
        missions, starts = [], {}
        if reached == 4:
            signature = datetime.date.fromisoformat(dates["aci-signed"])
            lines.append("missions:")
            optional = [("qualite-pertinence", 14), ("accompagnement-professionnels", 16)][: rng.choice([0, 0, 0, 1, 2])] if heavy else []
            for mission, months in [("acces-soins", 5), ("parcours", 10), ("prevention", 11)] + optional:
                missions.append(mission)
                starts[mission] = signature + datetime.timedelta(days=months * 28)
                lines += [f"  - id: {mission}", f"    start: {day(signature, months * 28)}",
                          f"    deployed: {day(signature, months * 28 + 180)}",
                          f"    actions: [\"Action principale de la mission {mission}\"]"]
            # Socle from 03/09/2022 (avenant 2), whose deadlines run from then for contracts signed earlier.
            crisis = max(signature, datetime.date(2022, 9, 3))
            if heavy:
                missions.append("crises-sanitaires")
                starts["crises-sanitaires"] = crisis + datetime.timedelta(days=3 * 28)
            lines += ["  - id: crises-sanitaires", f"    start: {day(crisis, 3 * 28)}", f"    deployed: {day(crisis, 3 * 28 + 180)}",
                      "    actions: [\"Plan de réponse aux crises sanitaires graves\"]"]
        text = "\n".join(lines) + "\n---\n" + (heavy_body(rng, name, population, communes, missions) if heavy
                                               else body(rng, name, population, communes))
        (content / "cpts" / f"{slug}.md").write_text(text)
        (hugo / "content/cpts" / f"{slug}.md").write_text(text)
        if missions and heavy:
            data, ids = heavy_indicators(rng, missions, starts, datetime.date.fromisoformat(dates["aci-signed"]))
            (content / "indicators" / f"{slug}.yaml").write_text(data)
            (hugo / "data/indicators" / f"{slug}.yaml").write_text(data)
            signed += 1
            if signed % 3 == 1:
                signature = datetime.date.fromisoformat(dates["aci-signed"])
                for year in range(1, 6):
                    start, end = plus_years(signature, year - 1), plus_years(signature, year)
                    if start > as_of:
                        break
                    text = report(rng, year, start, end, as_of, ids[year])
                    for root in (content / "reports", hugo / "content/rapports"):
                        (root / slug).mkdir(parents=True, exist_ok=True)
                        (root / slug / f"{year}.md").write_text(text)
        elif missions:
            years = max(1, min(5, (datetime.date(2024, 12, 31) - datetime.date.fromisoformat(dates["aci-signed"])).days // 365 + 1))
            data = indicators(rng, dates["aci-signed"], missions, years)
            (content / "indicators" / f"{slug}.yaml").write_text(data)
            (hugo / "data/indicators" / f"{slug}.yaml").write_text(data)
    (content / "geo/communes.csv").write_text("\n".join(csv) + "\n")
    shutil.copytree(pathlib.Path(__file__).parent / "hugo-theme", hugo, dirs_exist_ok=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpts", type=int, required=True)
    parser.add_argument("--profile", choices=["light", "heavy"], default="light",
                        help="light (the default, which the tests use) or heavy (what real sites hold)")
    parser.add_argument("--out", type=pathlib.Path, required=True)
    args = parser.parse_args()
    generate(args.cpts, args.out, args.profile)
