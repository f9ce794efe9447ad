#!/usr/bin/env python3
"""Synthetic national content for the benchmark: N CPTS over 101 departments, with ~3 KB projets de santé,
communes with populations, and up to five contract years of indicators for the signed CPTS.

Writes OUT/content/ (for cpts-site) and OUT/hugo/ (the same Markdown and indicator files as a Hugo site).
Deterministic: the same N gives the same bytes.

    python3 bench/generate.py --cpts 1000 --out .build-bench/data/n1000
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


def generate(count, out):
    rng = random.Random(count)
    content, hugo = out / "content", out / "hugo"
    for folder in (content, hugo):
        if folder.exists():
            shutil.rmtree(folder)
    for sub in ("cpts", "indicators", "geo", "pages"):
        (content / sub).mkdir(parents=True)
    (hugo / "content/cpts").mkdir(parents=True)
    (hugo / "data/indicators").mkdir(parents=True)

    populations = {code: rng.randint(150_000, 1_200_000) for code in DEPARTMENTS}
    (content / "site.yaml").write_text(
        "title: Observatoire national des CPTS (données synthétiques)\npublisher: Banc d'essai cpts-site\n"
        "baseURL: https://example.org/\nlanguage: fr\ntheme: default\nasOf: 2024-12-31\nschedule: aci-2019\n")
    region = ["code: \"00\"", "name: France (synthétique)", f"population: {sum(populations.values())}",
              "populationVintage: synthétique", f"plannedTerritories: {int(count * 1.1) + 1}", "departments:"]
    region += [f"  - {{ code: \"{code}\", name: Département {code}, population: {pop} }}" for code, pop in populations.items()]
    (content / "region.yaml").write_text("\n".join(region) + "\n")
    (content / "pages/methodologie.md").write_text("---\ntitle: Méthodologie\n---\nDonnées synthétiques pour le banc d'essai.\n")

    csv = ["code;name;department;population"]
    next_commune = {code: 1 for code in DEPARTMENTS}
    base = datetime.date(2018, 1, 1)
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
        reached = rng.choices(range(5), weights=[1, 1, 2, 2, 4])[0]
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
        missions = []
        if reached == 4:
            signature = datetime.date.fromisoformat(dates["aci-signed"])
            lines.append("missions:")
            for mission, months in (("acces-soins", 5), ("parcours", 10), ("prevention", 11)):
                missions.append(mission)
                lines += [f"  - id: {mission}", f"    start: {day(signature, months * 28)}",
                          f"    deployed: {day(signature, months * 28 + 180)}",
                          f"    actions: [\"Action principale de la mission {mission}\"]"]
            # Socle from 03/09/2022 (avenant 2), whose deadlines run from then for contracts signed earlier.
            crisis = max(signature, datetime.date(2022, 9, 3))
            lines += ["  - id: crises-sanitaires", f"    start: {day(crisis, 3 * 28)}", f"    deployed: {day(crisis, 3 * 28 + 180)}",
                      "    actions: [\"Plan de réponse aux crises sanitaires graves\"]"]
        text = "\n".join(lines) + "\n---\n" + body(rng, name, population, communes)
        (content / "cpts" / f"{slug}.md").write_text(text)
        (hugo / "content/cpts" / f"{slug}.md").write_text(text)
        if missions:
            years = max(1, min(5, (datetime.date(2024, 12, 31) - datetime.date.fromisoformat(dates["aci-signed"])).days // 365 + 1))
            data = indicators(rng, dates["aci-signed"], missions, years)
            (content / "indicators" / f"{slug}.yaml").write_text(data)
            (hugo / "data/indicators" / f"{slug}.yaml").write_text(data)
    (content / "geo/communes.csv").write_text("\n".join(csv) + "\n")
    shutil.copytree(pathlib.Path(__file__).parent / "hugo-theme", hugo, dirs_exist_ok=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpts", type=int, required=True)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    args = parser.parse_args()
    generate(args.cpts, args.out)
