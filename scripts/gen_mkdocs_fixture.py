#!/usr/bin/env python3
"""Writes an MkDocs-shaped project into FOLDER, for timing `playbook migrate --from mkdocs`.

    python3 scripts/gen_mkdocs_fixture.py FOLDER [--pages N]

mkdocs.yml with a nested nav (sections of sections, external links, plugins and Markdown
extensions with a !!python/name tag), docs/ with N pages (default 240) in folders two deep, some
folders ordered by awesome-pages .pages files instead of the nav. Python standard library only;
the same N gives the same files.
"""
import argparse
import os
import random

TOPICS = ["onboarding", "escalation", "billing", "renewals", "health-checks", "outages", "feedback", "training"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def page(title, links):
    body = "\n".join(f"- See [{name}]({target})." for name, target in links)
    return f"# {title}\n\nWhat the team does about {title.lower()}.\n\n{body}\n\n!!! note\n    Admonitions are kept as text.\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--pages", type=int, default=240)
    args = parser.parse_args()
    rng = random.Random(args.pages)
    docs = os.path.join(args.folder, "docs")
    nav = ["nav:", "  - Home: index.md"]
    write(os.path.join(docs, "index.md"), page("Home", [("Onboarding", "onboarding/index.md")]))
    count, per_topic = 1, max(1, (args.pages - 1) // len(TOPICS))
    for number, topic in enumerate(TOPICS):
        title = topic.replace("-", " ").capitalize()
        write(os.path.join(docs, topic, "index.md"), page(title, [("Home", "../index.md")]))
        count += 1
        names = [f"{topic}-{i:03d}.md" for i in range(per_topic - 1)]
        rng.shuffle(names)
        if number % 3 == 2:  # ordered by a .pages file, not the nav
            write(os.path.join(docs, topic, ".pages"), "title: " + title + "\nnav:\n" + "".join(f"  - {n}\n" for n in names) + "  - ...\n")
            nav.append(f"  - {title}: {topic}/")
        else:
            nav.append(f"  - {title}:")
            nav.append(f"      - {topic}/index.md")
            half = len(names) // 2
            for name in names[:half]:
                nav.append(f"      - {name[:-3].replace('-', ' ').capitalize()}: {topic}/{name}")
            nav.append("      - Details:")
            for name in names[half:]:
                nav.append(f"          - {topic}/details/{name}")
        for index, name in enumerate(names):
            folder = topic if number % 3 == 2 or index < len(names) // 2 else os.path.join(topic, "details")
            up = "index.md" if folder == topic else "../index.md"
            write(os.path.join(docs, folder, name), page(name[:-3].replace("-", " ").capitalize(), [(title, up)]))
            count += 1
    nav.append("  - Status page: https://status.example.org/")
    config = [
        "site_name: Generated Handbook",
        "site_description: A generated MkDocs project for timing playbook migrate.",
        "repo_url: https://github.com/example/handbook",
        "edit_uri: edit/main/docs/",
        "theme:\n  name: material",
        "markdown_extensions:\n  - admonition\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji",
        "plugins:\n  - search\n  - awesome-pages\n  - macros",
    ]
    write(os.path.join(args.folder, "mkdocs.yml"), "\n".join(config + nav) + "\n")
    print(f"wrote {count} pages into {docs}")


if __name__ == "__main__":
    main()
