#!/usr/bin/env python3
"""Keeps data/site.json's writer, its JSON Schema and its French documentation in agreement.

Usage: check-site-json.py SCHEMA DOC SITE_JSON...

Validates every SITE_JSON against SCHEMA (draft 2020-12, python3-jsonschema), then checks that every key the
files hold is a property of the schema (also implied by additionalProperties: false), that every property of the
schema is produced by at least one file, and that every property of the schema is named in DOC as `key`.
Prints each problem on a line and exits 1 if there is any.
"""
import json
import sys

import jsonschema


def schema_keys(node, out):
    """Every property name of the schema, wherever it is declared."""
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            out.add(name)
            schema_keys(value, out)
        for key, value in node.items():
            if key != "properties":
                schema_keys(value, out)
    elif isinstance(node, list):
        for item in node:
            schema_keys(item, out)


def produced_keys(node, out):
    if isinstance(node, dict):
        for name, value in node.items():
            out.add(name)
            produced_keys(value, out)
    elif isinstance(node, list):
        for item in node:
            produced_keys(item, out)


def main():
    schema_path, doc_path, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    doc = open(doc_path, encoding="utf-8").read()
    problems = []
    produced = set()
    for path in files:
        document = json.load(open(path, encoding="utf-8"))
        for error in validator.iter_errors(document):
            where = "/".join(str(part) for part in error.absolute_path)
            problems.append(f"{path}: /{where}: {error.message}")
        produced_keys(document, produced)
    declared = set()
    schema_keys(schema, declared)
    for key in sorted(produced - declared):
        problems.append(f"key written but not in the schema: {key}")
    for key in sorted(declared - produced):
        problems.append(f"key of the schema that no built file holds: {key}")
    for key in sorted(declared):
        if f"`{key}`" not in doc:
            problems.append(f"key of the schema not named in {doc_path}: {key}")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
