"""`playbook pdf` with the real engine (WeasyPrint): the shipped playbook as a PDF (its contents
list every page with the page it starts on, and that page shows the title; bookmarks for every
page; the cover's title and date; the same bytes twice), and a plan's pack (title, owners, and
a findings page for a plan that does not lint clean). PLAYBOOK_BIN names the binary."""
import datetime
import html
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest
from pypdf import PdfReader

REPO = pathlib.Path(__file__).resolve().parents[2]
PLAYBOOK = os.environ.get("PLAYBOOK_BIN", str(REPO / ".build" / "debug" / "playbook"))
# Today, as a day in UTC: the shipped pages' review dates are not after it.
TODAY = datetime.datetime.now(datetime.timezone.utc).date().isoformat()


def make_pdf(output, *extra, source=REPO):
    run = subprocess.run([PLAYBOOK, "pdf", "--source", str(source), "--output", str(output), "--today", TODAY, *extra],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return output


def text(pdf, first=None, last=None):
    pages = ["-f", str(first), "-l", str(last if last else first)] if first else []
    out = subprocess.run(["pdftotext", "-layout", *pages, str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def squeeze(value):
    return re.sub(r"\s+", " ", value).strip()


@pytest.fixture(scope="module")
def folder():
    path = pathlib.Path(tempfile.mkdtemp(prefix="playbook-pdf-test-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def book(folder):
    return make_pdf(folder / "book.pdf")


@pytest.fixture(scope="module")
def titles(folder):
    """Every page title of the print page, in reading order, from a build of the shipped playbook."""
    out = folder / "site"
    subprocess.run([PLAYBOOK, "build", "--source", str(REPO), "--output", str(out), "--no-cache", "--today", TODAY],
                   check=True, capture_output=True)
    page = (out / "print" / "index.html").read_text()
    found = re.findall(r'<section id="p-[^"]*">\n<h\d[^>]*>(.*?)</h\d>', page)
    assert len(found) > 40
    return [html.unescape(t) for t in found]


def test_the_contents_give_each_page_the_sheet_it_starts_on(book, titles):
    contents = text(book, 2, 4)
    assert "Contents" in contents
    for title in titles:
        match = re.search(re.escape(title) + r"\s*\.*\s*(\d+)\s*$", contents, re.MULTILINE)
        assert match, f"{title!r} has no page number in the contents"
        sheet = int(match.group(1))
        assert title in squeeze(text(book, sheet)), f"{title!r} is not on page {sheet}"


def test_every_page_has_a_bookmark_and_internal_links_are_live(book, titles):
    reader = PdfReader(str(book))

    def flatten(items):
        for item in items:
            if isinstance(item, list):
                yield from flatten(item)
            else:
                yield item.title
    marks = list(flatten(reader.outline))
    assert marks[0] == "Contents"
    assert [m for m in marks if m != "Contents"] == titles
    internal = [a for p in reader.pages for a in (p.get("/Annots") or []) if "/Dest" in a.get_object()]
    assert len(internal) > 50


def test_the_cover_has_the_title_and_the_day(book):
    cover = squeeze(text(book, 1))
    assert "The Customer Experience Playbook" in cover
    assert TODAY in cover
    info = subprocess.run(["pdfinfo", str(book)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+The Customer Experience Playbook$", info, re.MULTILINE)


def test_the_same_inputs_give_the_same_bytes(book, folder):
    again = make_pdf(folder / "again.pdf")
    assert again.read_bytes() == book.read_bytes()


def test_a_plan_pack_has_its_title_owners_and_no_findings_page_when_clean(folder):
    pack = make_pdf(folder / "payroll.pdf", "--plan", "plans/payroll-onboarding.md")
    whole = squeeze(text(pack))
    assert "Payroll platform onboarding for Northwind Clinics" in squeeze(text(pack, 1))
    assert "Northwind Clinics" in squeeze(text(pack, 1))
    source = (REPO / "content" / "plans" / "payroll-onboarding.md").read_text()
    owners = set(re.findall(r"^\s+owner: (.+)$", source, re.MULTILINE))
    assert len(owners) >= 3
    for owner in owners:
        assert owner in whole, owner
    assert "does not lint clean" not in whole


def test_a_plan_that_does_not_lint_clean_shows_its_findings_on_a_marked_page(folder):
    site = folder / "fixture"
    site.mkdir()
    for name in ("content", "templates", "examples"):
        shutil.copytree(REPO / name, site / name)
    shutil.copy(REPO / "playbook.yml", site / "playbook.yml")
    shutil.copy(REPO / "examples" / "plans" / "warehouse-rollout-before.md", site / "content" / "plans" / "before.md")
    run = subprocess.run([PLAYBOOK, "pdf", "--source", str(site), "--plan", "plans/before.md", "--output",
                          str(folder / "before.pdf"), "--today", TODAY], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "the plan does not lint clean" in run.stderr
    findings = squeeze(text(folder / "before.pdf", 2))
    assert "Lint findings — this plan does not lint clean" in findings
    assert "content/plans/before.md:77:14 plan/serves error: The Plan: task 'cold-data' serves 'cold-store'" in findings
    assert "Warehouse scanning roll-out for Fernhill Foods" in squeeze(text(folder / "before.pdf", 1))


def test_a_plan_pack_holds_the_whole_plan_page_with_its_checklists(folder):
    pack = make_pdf(folder / "warehouse.pdf", "--plan", "content/plans/warehouse-rollout.md")
    whole = squeeze(text(pack))
    for part in ("The plan at a glance", "Checklists for this engagement", "Handoff checklist"):
        assert part in whole, part
