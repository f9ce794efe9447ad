#!/usr/bin/env python3
"""Synthetic national content for the benchmark's national size point (#28): 18 regions' data/site.json files
(format version 2, as regional sites write them) with N CPTS spread over them (810 by default, France's count in
May 2025), and the national site.yaml listing them. Regions and departments are INSEE's, read from the project's
table (Sources/CPTSDomain/Territory/FrenchRegions.swift); CPTS, figures and communes are invented. Every commune
code is claimed once, so the cross-region rules find nothing. Deterministic: the same N gives the same bytes.

    python3 bench/generate-national.py --cpts 810 --out .build-bench/data/national
"""
import argparse
import json
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
STAGES = ["letter-of-intent", "pre-project", "diagnostic", "health-project", "aci-signed"]


def french_regions():
    """(regions [(code, name)], departments [(code, name, region)]) from the project's own table."""
    text = (ROOT / "Sources/CPTSDomain/Territory/FrenchRegions.swift").read_text(encoding="utf-8")
    departments = re.findall(r'\("([0-9AB]{2,3})", "([^"]+)", "(\d\d)"\)', text)
    regions = [(code, name) for code, name in re.findall(r'\("(\d\d)", "([^"]+)"\)', text)]
    assert len(regions) == 18 and len(departments) == 101, (len(regions), len(departments))
    return regions, departments


def region_file(rng, code, name, departments, count):
    """One region's site.json with `count` CPTS over its departments."""
    cpts, population = [], 0
    per_department = {dep: 0 for dep, _ in departments}
    for index in range(count):
        dep = departments[index % len(departments)][0]
        per_department[dep] += 1
        stage = rng.choice(STAGES)
        people = rng.randint(15_000, 180_000)
        # INSEE commune codes are five characters: three digits after a metropolitan department, two after an
        # overseas one (two communes each there, so that 45 CPTS stay under 100 codes).
        width = 5 - len(dep)
        per = 3 if width == 3 else 2
        communes = [f"{dep}{(per_department[dep] - 1) * per + k + 1:0{width}d}" for k in range(per)]
        signed = stage == "aci-signed"
        cpts.append({
            "slug": f"cpts-{code}-{index + 1:03d}", "name": f"CPTS {name} {index + 1}", "department": dep,
            "stage": stage, "population": people, "communes": communes,
            "funding": {"signature": f"{rng.randint(2019, 2023)}-06-30", "paid": rng.randint(50_000, 400_000)} if signed else None,
        })
    department_rows = []
    for dep, dep_name in departments:
        size = rng.randint(200_000, 1_500_000)
        population += size
        department_rows.append({"code": dep, "name": dep_name, "population": size})
    funding = [{"year": year, "total": rng.randint(1, 9) * 1_000_000, "maximum": rng.randint(10, 15) * 1_000_000,
                "earned": rng.randint(0, 900_000), "projected": year == 2025} for year in range(2019, 2026)]
    return {
        "format": "cpts-site/site.json", "version": 2, "generator": "cpts-site",
        "asOf": "2024-12-31" if int(code) % 2 else "2025-06-30", "schedule": "aci-avenant-2",
        "region": {"code": code, "name": name, "population": population, "populationVintage": "chiffres inventés",
                   "departments": department_rows, "funding": funding},
        "cpts": cpts,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cpts", type=int, default=810)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    regions, departments = french_regions()
    content = pathlib.Path(args.out) / "content"
    (content / "regions").mkdir(parents=True, exist_ok=True)
    rng = random.Random(28)
    lines = ["kind: national", "title: Observatoire national des CPTS (banc d’essai)", "regions:"]
    for index, (code, name) in enumerate(regions):
        count = args.cpts // len(regions) + (1 if index < args.cpts % len(regions) else 0)
        own = [(dep, dep_name) for dep, dep_name, region in departments if region == code]
        document = region_file(rng, code, name, own, count)
        (content / "regions" / f"{code}.json").write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n",
                                                          encoding="utf-8")
        lines.append(f'  "{code}": https://cpts-{code}.example.org/')
    (content / "site.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{content}: {len(regions)} regions, {args.cpts} CPTS")


if __name__ == "__main__":
    main()
