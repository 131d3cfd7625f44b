#!/usr/bin/env python3
"""A handbook written for GitHub, not for Playbook, to try `playbook build` on as a team would.

    scripts/gen_foreign_corpus.py --pages 1000 --out /dev/shm/foreign [--seed 7]

Like the company handbook the issue describes: most pages have no front matter and take their
title from a `# ` heading; folders use index.md or README.md; pages link to folders (`../team/`),
to index.md/README.md, to `./page.md#section`, and to images and PDFs beside them; one page in
seven has a GFM table; names have spaces, capitals and accents. About one link in fifty is
broken (a missing page, a wrong anchor or a name in the wrong case), as in a real handbook.
Writes `content/`, `playbook.yml` (links: warn) and prints the number of broken links it made.
"""
import argparse
import pathlib
import random
import shutil

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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
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
            (content / folder / asset).write_bytes(b"\x89PNG\r\n\x1a\n")
            lines += [f"![A diagram](<{asset}>)", "", f"The [policy PDF](Policy%20{i}.pdf).", ""]
            (content / folder / f"Policy {i}.pdf").write_bytes(b"%PDF-1.4\n")
        path = content / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines), encoding="utf-8")
    (out / "playbook.yml").write_text("title: Acme Handbook\nlinks: warn\n", encoding="utf-8")
    print(f"{len(pages)} pages, {broken} broken links planted")


if __name__ == "__main__":
    main()
