#!/usr/bin/env python3
"""Differential test and microbenchmark for the source-highlight shim.

    scripts/hl-diff/hl_diff.py [--base REV] [--cross N] [--passes P] CONTENT_DIR...

Builds scripts/hl-diff/driver.cpp twice, against Sources/CSourceHighlight as it is in the
working tree and as it was at REV (default HEAD), highlights every fenced block found under the
CONTENT_DIRs plus built-in tricky inputs, and with --cross N also the first N distinct blocks in
every language source-highlight knows, then compares the two outputs byte for byte. With
--passes P it also times P passes of the corpus blocks on one thread and prints the CPU time
per block by language for both builds. Exits 1 on any difference.
"""
import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
SHIM = "Sources/CSourceHighlight"
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")

# Inputs that stress state changes and line ends: escapes, comments at either end of a line,
# heredocs, strings and comments spanning lines, a rule that backs up over its own start,
# multi-byte text, empty lines, CRLF, a last line without a newline.
TRICKY = [
    ("bash", "if [ -f x ]; then\n  echo \"hi\" # greet\nfi\n"),
    ("bash", "cat <<EOF\nline $HOME \"q\" # not a comment\nEOF\necho 'a\\'b' \"c\\\"d\" $'e\\n'#x\n"),
    ("bash", "#!/bin/sh\n# c\nx=${y:-z} # t\necho $((1+2)) `date` $(ls) \\\n  --flag=\"v\"\n"),
    ("bash", "echo \"héllo wörld — ✓\" $é # 日本語\n"),
    ("bash", "echo $1then $2fi; x=$3done\n"),
    ("python", "y = 1if x else 2\nz = [1for i in a]\n"),
    ("sh", "for f in *.txt; do\n\tgrep -q 'a#b' \"$f\"&&echo ok#no\ndone"),
    ("python", "def f(x):\n    return x + 1  # one\n"),
    ("python", "s = \"\"\"doc\n  'quoted' # not comment\n\"\"\" + '''x\ny''' # c\nr'\\d' b\"\\x00\" f\"{a!r}\"\n"),
    ("python", "for i in range(3):\n    print(f\"{i} < 3\")  # loop\n\n\n@dec\nclass A(B): pass#c\n"),
    ("python", "x = 'unterminated\ny = \"also\n# end"),
    ("json", "{\"name\": \"a\", \"n\": 3, \"ok\": true}\n"),
    ("json", "{\"a\\\"b\": [1, -2.5e3, null], \"c\": {\"d\": \"\\u00e9\"}}\r\n{\"x\":1}\r\n"),
    ("yaml", "name: web # the app\nreplicas: 3\nenabled: true\n"),
    ("yaml", "a: |\n  text # kept\nb: 'x # y' # z\nc: [1, 2.5, .inf]\n- item: \"q\\\"\" #c\n"),
    ("swift", "@MainActor func load() async throws -> [String] { let n = 42 }\n"),
    ("swift", "let s = \"\"\"\n  multi \\(x) \"quoted\"\n  \"\"\" // c\n/* a\n /* nested */ b */ let r = #\"raw\"#\n"),
    ("c", "/* a\n * b */ int main() { return '\\'' + \"\\\"\"; } // x\n#include <stdio.h>\n"),
    ("html", "<!-- c\n--> <a href=\"x\">&amp;</a><script>var a = 1 < 2;</script>\n"),
    ("rust", "let s = b\"x\"; let r = r\"y\"; // c\nfn main() { println!(\"{}\", 1); }\n"),
    ("cpp", "if a < b && c > \"d\" { x = '&amp;' }\n"),
    ("bash", ""),
    ("python", "\n"),
    ("c", "x = 0x1fif; y = 1Lreturn;\n"),
]


def blocks_in(folder):
    """(language, code) for every fenced block with an info word in the markdown under folder."""
    found = []
    for path in sorted(pathlib.Path(folder).rglob("*.md")):
        lines = path.read_text(errors="replace").split("\n")
        i = 0
        while i < len(lines):
            opening = FENCE.match(lines[i])
            if not opening or (opening.group(2)[0] == "`" and "`" in opening.group(3)):
                i += 1
                continue
            indent, fence, info = len(opening.group(1)), opening.group(2), opening.group(3).split()
            body = []
            i += 1
            while i < len(lines):
                closing = re.match(r"^ {0,3}(" + re.escape(fence[0]) + "{%d,})\\s*$" % len(fence), lines[i])
                if closing:
                    break
                line = lines[i]
                strip = len(line) - len(line.lstrip(" "))
                body.append(line[min(strip, indent):])
                i += 1
            i += 1
            if info:
                found.append((info[0], "".join(line + "\n" for line in body)))
    return found


def languages():
    """One fence name for every definition file source-highlight's lang.map names."""
    names = {}
    for line in pathlib.Path("/usr/share/source-highlight/lang.map").read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            name, file = (part.strip() for part in line.split("=", 1))
            names.setdefault(file, name)
    return sorted(names.values()) + ["swift", "yaml"]


def build(source_dir, out_dir):
    exe = out_dir / "driver"
    subprocess.run(["g++", "-O2", "-std=c++17", "-I", str(source_dir / "include"), "-I", str(source_dir),
                    str(ROOT / "scripts/hl-diff/driver.cpp"), str(source_dir / "shim.cpp"), "-o", str(exe),
                    "-lsource-highlight", "-lboost_regex"], check=True)
    return exe


def write_blocks(path, blocks):
    with open(path, "wb") as f:
        for language, code in blocks:
            f.write(language.encode() + b"\0" + code.encode() + b"\0")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="HEAD")
    ap.add_argument("--cross", type=int, default=0)
    ap.add_argument("--passes", type=int, default=0)
    ap.add_argument("content", nargs="*")
    args = ap.parse_args()

    corpus = [block for folder in args.content for block in blocks_in(folder)]
    everything = corpus + TRICKY
    if args.cross:
        samples = list(dict.fromkeys(code for _, code in everything))
        samples = [code for _, code in TRICKY] + samples[: args.cross]
        everything += [(language, code) for language in languages() for code in samples]

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        old_src = tmp / "old"
        (old_src / "include").mkdir(parents=True)
        for name in ["shim.cpp", "bundled_languages.h", "include/CSourceHighlight.h"]:
            text = subprocess.run(["git", "-C", str(ROOT), "show", f"{args.base}:{SHIM}/{name}"],
                                  check=True, capture_output=True).stdout
            (old_src / name).write_bytes(text)
        (tmp / "o").mkdir()
        (tmp / "n").mkdir()
        old_exe, new_exe = build(old_src, tmp / "o"), build(ROOT / SHIM, tmp / "n")

        write_blocks(tmp / "all", everything)
        outputs = []
        for exe in (old_exe, new_exe):
            subprocess.run([str(exe), str(tmp / "all"), str(tmp / (exe.parent.name + ".out"))], check=True)
            outputs.append((tmp / (exe.parent.name + ".out")).read_bytes().split(b"\0")[:-1])
        old, new = outputs
        assert len(old) == len(new) == len(everything)
        differ = [i for i in range(len(everything)) if old[i] != new[i]]
        plain = sum(1 for result in old if result == b"\1")
        print(f"{len(everything)} blocks ({len(corpus)} from content, {len(TRICKY)} tricky, "
              f"{len(everything) - len(corpus) - len(TRICKY)} cross-language): {len(everything) - plain} highlighted, "
              f"{plain} plain, {len(differ)} differ")
        for i in differ[:5]:
            language, code = everything[i]
            print(f"--- {language}: {code[:200]!r}\nold: {old[i][:400]!r}\nnew: {new[i][:400]!r}")

        if args.passes and corpus:
            write_blocks(tmp / "corpus", corpus)
            for label, exe in (("base " + args.base, old_exe), ("working tree", new_exe)):
                print(f"{label}:")
                sys.stdout.flush()
                subprocess.run([str(exe), str(tmp / "corpus"), str(tmp / "timed.out"), str(args.passes)], check=True)
        return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
