#!/usr/bin/env python3
"""A handbook written for GitHub, not for Playbook, to try `playbook build` on as a team would.

    scripts/gen_foreign_corpus.py --pages 1000 --out /dev/shm/foreign [--seed 7]

Like the company handbook the issue describes: most pages have no front matter and take their
title from a `# ` heading; folders use index.md or README.md; pages link to folders (`../team/`),
to index.md/README.md, to `./page.md#section`, and to images and PDFs beside them; one page in
seven has a GFM table; names have spaces, capitals and accents. About one link in fifty is
broken (a missing page, a wrong anchor or a name in the wrong case), as in a real handbook.
Writes `content/`, `playbook.yml` (links: warn) and prints the number of broken links it made.

With `--rich` it also writes a few engineering pages a real playbook has, for the visual tests
(Tests/Browser/test_visual.py), without changing any of the pages above (they come from their own
random stream): task lists whose items hold links, `code` and **bold** and wrap on a phone;
sections with long titles and one four levels deep; tables with `<br>` in cells; raw `<img>` of a
real PNG; fenced code in many languages; GitHub alerts (`> [!NOTE]` …); `<kbd>`, `<details>` and
`<sup>`. Their links all resolve, so the broken-link count printed stays the same.
"""
import argparse
import pathlib
import random
import shutil
import struct
import zlib

FOLDERS = ["People Ops", "Engineering", "Sales", "Customer Success", "Équipe Paris", "Finance",
           "Legal", "Support", "Onboarding", "Product", "Design", "Marketing"]
WORDS = ("customer promise plan owner escalation handoff review weekly quarter renewal contract "
         "ticket response expectation outcome measure team lead account goal risk note call "
         "meeting follow-up kickoff status budget timeline scope support partner feedback").split()
NAMES = ["Team Norms", "How We Hire", "Café Rituals", "Straße Office", "On-call Guide",
         "Expense Policy", "Q&A", "Release Notes", "Travel", "Tools We Use", "Glossary",
         "Working Hours", "Holidays", "Security", "Benefits", "Reviews", "Offsite 2024"]


def sentence(rng, n=12):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def slug(heading):
    return "-".join(heading.lower().split())

def png(width, height):
    """A real, decodable PNG: a blue frame around a light fill, RGB, one IDAT chunk."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b""
    for y in range(height):
        rows += b"\x00"
        for x in range(width):
            edge = x in (0, width - 1) or y in (0, height - 1)
            rows += bytes((11, 92, 173)) if edge else bytes((238, 243, 251))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


PRACTICES = "Engineering Practices"
NFR = "Non-Functional Requirements and Operational Readiness Reviews"
ADR = "Architecture Decision Records and Technical Design Review Practices"
SRE = ("Site Reliability Engineering and Incident Management",
       "Incident Response and Postmortem Culture Across Teams",
       "Severity Levels and Escalation Paths",
       "Customer Communication During Major Incidents")
# The deepest page, far down the sidebar once its sections are open.
DEEP_PAGE = "/".join(SRE) + "/Status Page Updates.md"

TASKS = [
    "Agree the [handoff checklist](<Runbook Tables.md>) with the `on-call` lead and **write it down** "
    "before the release window opens, so nobody has to guess who answers the pager at night.",
    "Run `make release-candidate` and attach the **signed** build log to the [release ticket](<Code and Callouts.md>).",
    "Check the [readiness review](<../" + NFR + "/README.md>) is **approved**.",
    "Freeze `main` for everything except **blocker** fixes, and tell the channel in `#releases` "
    "with a link to the [freeze policy](<Runbook Tables.md#freeze-policy>) and the expected end time.",
    "Page the **database owner** if a migration touches more than `10 000` rows.",
    "Confirm the rollback plan with a **named owner**, a tested `rollback.sh` and a [runbook entry](<Runbook Tables.md>) "
    "that someone other than its author has followed end to end on staging.",
    "Update the [status page template](<../" + DEEP_PAGE + ">) with the **customer-facing** wording.",
    "Short task with `code` only.",
]

CODE = [
    ("Shell", "bash", 'set -euo pipefail\nfor host in $(cat hosts.txt); do\n  ssh "$host" "sudo systemctl restart api" && echo "restarted $host"\ndone\n'),
    ("Python", "python", 'import json\n\n\ndef load(path: str) -> dict:\n    """Read the release manifest."""\n    with open(path, encoding="utf-8") as f:\n        return json.load(f)  # fails loudly on bad JSON\n'),
    ("JSON", "json", '{\n  "service": "billing",\n  "replicas": 3,\n  "canary": true,\n  "owners": ["payments", null]\n}\n'),
    ("YAML", "yaml", '# deploy.yml\nservice: billing\nreplicas: 3\ncanary: true\nalerts:\n  - name: error-rate\n    threshold: 0.02\n'),
    ("Go", "go", 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tfmt.Println("retry", i)\n\t}\n}\n'),
    ("Swift", "swift", 'struct Release {\n    let version: String\n    var isCanary = true\n}\n\nlet r = Release(version: "2.4.1")\nprint("shipping \\(r.version)")\n'),
    ("SQL", "sql", "SELECT team, count(*) AS pages\nFROM incidents\nWHERE severity <= 2 AND opened_at > now() - interval '30 days'\nGROUP BY team\nORDER BY pages DESC;\n"),
    ("Unknown language", "frobnicate", "frob release --to staging\n  wait 30s\n  frob promote canary\n"),
]

ALERTS = [("NOTE", "Release notes are written by the person who merged the change."),
          ("TIP", "Use <kbd>Ctrl</kbd>+<kbd>K</kbd> to search this handbook."),
          ("IMPORTANT", "Every release has **one** named owner, written in the ticket."),
          ("WARNING", "Do not run `migrate --force` on production without a fresh backup."),
          ("CAUTION", "Rolling back a schema change can lose data written since the release.")]


def write_page(content, path, lines):
    target = content / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_rich(content, rng):
    """The engineering pages of `--rich`; every link among them resolves. Returns how many."""
    before = sum(1 for _ in content.rglob("*.md"))
    def para(n=40):
        return sentence(rng, n)

    write_page(content, f"{PRACTICES}/README.md", [
        f"# {PRACTICES}", "", para(), "",
        "- [Release Checklist](<Release Checklist.md>)", "- [Runbook Tables](<Runbook Tables.md>)",
        "- [Code and Callouts](<Code and Callouts.md>)", ""])

    lines = ["# Release Checklist", "", para(30), ""]
    for section in ("Before the freeze", "Release day", "After the release", "Follow-up review"):
        lines += [f"## {section}", "", para(50), ""]
        for task in TASKS:
            lines.append(f"- [ ] {task}")
        lines += ["- [x] Book the **release retro** with the [whole team](<../README.md>).", ""]
        lines += [f"### Notes on {section.lower()}", "", para(60), "", para(45), ""]
    write_page(content, f"{PRACTICES}/Release Checklist.md", lines)

    (content / PRACTICES / "Diagram 3.png").write_bytes(png(40, 20))
    lines = ["# Runbook Tables", "", para(30), "",
             "## Steps", "",
             "| Step | Notes |", "|------|-------|",
             "| 1 | first line<br>second line |",
             "| 2 | Open the dashboard<br>check the `error-rate` panel<br>**then** page the owner |",
             "| 3 | Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop the tail |", "",
             "## Architecture", "",
             '<img src="Diagram 3.png" alt="The release pipeline: build, canary, rollout" width="320">', "",
             "The pipeline has three stages<sup>1</sup> and a manual gate.", "",
             "<details><summary>More</summary>", "", para(30), "", "</details>", "",
             "## Freeze policy", "", para(50), "",
             "<sup>1</sup> Build, canary and rollout.", ""]
    write_page(content, f"{PRACTICES}/Runbook Tables.md", lines)

    lines = ["# Code and Callouts", "", para(30), ""]
    for kind, text in ALERTS:
        lines += [f"> [!{kind}]", f"> {text}", ""]
    for title, language, code in CODE:
        lines += [f"## {title}", "", para(40), "", f"```{language}", code.rstrip("\n"), "```", "",
                  f"### {title} pitfalls", "", para(50), ""]
    write_page(content, f"{PRACTICES}/Code and Callouts.md", lines)

    for folder, pages in ((NFR, ["Latency Budgets", "Capacity Planning"]),
                          (ADR, ["Writing an ADR", "Design Review Checklist"])):
        write_page(content, f"{folder}/README.md", [f"# {folder}", "", para(), ""])
        for page in pages:
            write_page(content, f"{folder}/{page}.md", [f"# {page}", "", para(), "", "## Summary", "", para(), ""])

    # Four levels deep, each level with enough pages that the deepest one sits far down.
    siblings = [["Alerting Basics", "Dashboards", "Error Budgets", "Load Shedding", "On-call Rotation",
                 "Paging Etiquette", "Runbooks", "Service Levels", "Toil Reviews"],
                ["Blameless Postmortems", "Incident Commander", "Incident Timeline", "Roles in an Incident",
                 "War Room Etiquette", "Writing the Summary"],
                ["Escalating to Leadership", "Sev 1 Criteria", "Sev 2 Criteria", "Sev 3 Criteria",
                 "Vendor Escalation"],
                ["Internal Updates", "Press Enquiries", "Status Page Updates"]]
    for depth in range(len(SRE)):
        folder = "/".join(SRE[:depth + 1])
        write_page(content, f"{folder}/README.md", [f"# {SRE[depth]}", "", para(), ""])
        for page in siblings[depth]:
            write_page(content, f"{folder}/{page}.md", [
                f"# {page}", "", para(), "", "## What to do", "", para(60), "",
                "## Who to ask", "", para(40), "", "Back to [the top of this section](<README.md>).", ""])
    return sum(1 for _ in content.rglob("*.md")) - before


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rich", action="store_true",
                        help="add the engineering pages the visual tests measure (see above)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = pathlib.Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    content = out / "content"

    # Plan every page first, so links can point at real pages, folders and headings.
    pages = []  # (folder, file name, title, headings)
    per_folder = max(1, args.pages // (len(FOLDERS) * 3))
    folder_paths = []
    for top in FOLDERS:
        folder_paths.append(top)
        for sub in range(2):
            folder_paths.append(f"{top}/{rng.choice(NAMES)} {'AB'[sub]}")
    while len(pages) < args.pages:
        for folder in folder_paths:
            if len(pages) >= args.pages:
                break
            if not any(p[0] == folder for p in pages):
                index = rng.choice(["index.md", "README.md"])
                pages.append((folder, index, folder.split("/")[-1], ["Overview", "Who to ask"]))
                continue
            name = f"{rng.choice(NAMES)} {len([p for p in pages if p[0] == folder])}"
            headings = [f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}" for _ in range(3)]
            pages.append((folder, name + ".md", name, headings))
    pages.insert(0, ("", "README.md", "Acme Handbook", ["Where to start"]))

    broken = 0
    for i, (folder, name, title, headings) in enumerate(pages):
        lines = []
        if i % 10 == 3:  # a few pages do have front matter, written for another generator
            lines += ["---", f"title: {title}", f"weight: {i % 7}", "---", ""]
        else:
            lines += [f"# {title}", ""]
        lines += [sentence(rng, 20), ""]
        other = pages[rng.randrange(len(pages))]
        for h_index, heading in enumerate(headings):
            lines += [f"## {heading}", "", sentence(rng, 30), ""]
            if h_index == 0:
                # a link to a sibling page with an anchor, to the folder, and to the parent
                here = pathlib.PurePosixPath(folder)
                target = pathlib.PurePosixPath(other[0]) / other[1]
                rel = pathlib.PurePosixPath(*([".."] * len(here.parts))) / target if folder else target
                anchor = slug(other[3][0])
                if rng.random() < 0.02:
                    anchor += "-old"
                    broken += 1
                lines.append(f"See [{other[2]}](<{rel}#{anchor}>) and [this folder](./) and "
                             f"[home](/README.md).")
                if folder and rng.random() < 0.5:
                    lines.append("Up to [the parent](../).")
                if rng.random() < 0.01:
                    lines.append("An old link: [archive](<Old Archive.md>).")
                    broken += 1
                if rng.random() < 0.01 and folder:
                    lines.append(f"A slip: [folder](<../{folder.split('/')[-1].lower()}/>).")
                    broken += 1 if folder.split("/")[-1].lower() != folder.split("/")[-1] else 0
                lines.append("")
        if i % 7 == 0:
            lines += ["| Step | Owner | Due |", "|:-----|:-----:|----:|"]
            for row in range(rng.randint(2, 8)):
                lines.append(f"| {rng.choice(WORDS)} `x\\|y` | **{rng.choice(WORDS)}** | {row + 1} days |")
            lines.append("")
        if i % 25 == 0 and folder:
            asset = f"Diagram {i}.png"
            (content / folder).mkdir(parents=True, exist_ok=True)
            (content / folder / asset).write_bytes(png(40, 20) if args.rich else b"\x89PNG\r\n\x1a\n")
            lines += [f"![A diagram](<{asset}>)", "", f"The [policy PDF](Policy%20{i}.pdf).", ""]
            (content / folder / f"Policy {i}.pdf").write_bytes(b"%PDF-1.4\n")
        path = content / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines), encoding="utf-8")
    rich = write_rich(content, random.Random(f"rich-{args.seed}")) if args.rich else 0
    (out / "playbook.yml").write_text("title: Acme Handbook\nlinks: warn\n", encoding="utf-8")
    extra = f" (and {rich} --rich pages, no broken links among them)" if args.rich else ""
    print(f"{len(pages)} pages, {broken} broken links planted{extra}")


if __name__ == "__main__":
    main()
