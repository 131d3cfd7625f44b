#!/usr/bin/env python3
"""Validates SARIF logs against the SARIF 2.1.0 JSON schema (draft-04, with format checks).

    scripts/validate_sarif.py SCHEMA FILE...

Prints one line per schema violation and exits 1 when there is any; exits 2 when the Python
package jsonschema is missing (scripts/lint-deps.sh installs it).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate_sarif: the Python package 'jsonschema' is missing; run scripts/lint-deps.sh", file=sys.stderr)
    sys.exit(2)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    failed = False
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        for error in sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.path))):
            print(f"{path}: /{'/'.join(map(str, error.path))}: {error.message}")
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
