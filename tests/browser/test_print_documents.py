"""The printed documents of a handbook of the test's own: a packet per plan, a werkmap per method, the card
deck, each a tagged PDF of one pass; sheets that read well on paper; the pdf command's overview."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from ..conftest import build, copy_project, render_pdfs

HANDBOOK_NAME = "Handboek Proefdruk"
SITE_URL = "https://handboek.example.org/gids/"
SOURCE = "sources/bron-p.yaml"
METHODS = {
    "eerste-aanpak": "Eerste aanpak",
    "tweede-aanpak": "Tweede aanpak",
    "derde-aanpak": "Derde aanpak",
    "vierde-aanpak": "Vierde aanpak",
    "vijfde-aanpak": "Vijfde aanpak",
}
PLAN_TITLE = "Proefsessie met twee aanpakken"
PLAN_GOAL = "De groep oefent het proefdrukken."
SHORT_SHEET, LONG_SHEET = "Kort proefblad", "Lang proefblad"
STEP_ACTIVITY = "Iedereen schrijft drie woorden op een kaartje."
MATERIALS = ("Een stapel gele kaartjes.", "Twee flip-overs met stiften.")  # sentences, as in the reference data
PREPARATION = "Zet de stoelen in een kring."
MM = 72 / 25.4  # PDF points per millimetre
FOOTER_TOP = 18 * MM  # the bottom page margin of worksheet.css, where the footer is


def method_yaml(title: str, with_steps: bool) -> str:
    text = (
        f"title: {title}\nsummary: Doel van {title} in één regel.\npurpose: Waarvoor {title} dient.\n"
        f"invitation: Wat wil je vandaag van {title} leren?\nsources: [bron-p]\n"
        "duration: {minutes_min: 30, minutes_max: 45}\ngroup_size: {min: 4, max: 12}\n"
    )
    if with_steps:
        text += (
            f"materials: [{', '.join(MATERIALS)}]\npreparation: [{PREPARATION}]\n"
            "steps:\n  - title: Woorden verzamelen\n    goal: Ieder komt aan het woord.\n"
            f"    duration: {{minutes_min: 10, minutes_max: 10}}\n    activities: [{STEP_ACTIVITY}]\n"
            "  - title: Woorden ordenen\n    duration: {minutes_min: 20, minutes_max: 20}\n"
        )
    return text


def data_files(short_sheet_extra: str = "") -> dict[str, str]:
    files = {SOURCE: "title: Bron P\ntype: overig\nauthors: [Auteur]\nyear: 2021\nsummary: Een bron.\n"}
    for number, (method_id, title) in enumerate(METHODS.items()):
        files[f"methods/{method_id}.yaml"] = method_yaml(title, with_steps=number == 0)
    files["worksheets/kort-blad.yaml"] = (
        f"title: {SHORT_SHEET}\npurpose: Een blad van één pagina.\nmoment: tijdens-de-sessie\nmethod: eerste-aanpak\n"
        "sources: [bron-p]\nblocks:\n  - type: vraag\n    prompt: Wat viel je op?\n    lines: 2\n"
        "  - type: vraag\n    prompt: Wat neem je mee?\n    lines: 2\n" + short_sheet_extra
    )
    files["worksheets/lang-blad.yaml"] = (
        f"title: {LONG_SHEET}\npurpose: Een blad van twee pagina's.\nmoment: na-afloop\nmethod: eerste-aanpak\n"
        "page_limit: 2\nsources: [bron-p]\nblocks:\n  - type: notities\n    box_mm: 200\n"
        "  - type: vraag\n    prompt: Wat doe je morgen anders?\n    box_mm: 60\n"
    )
    files["plans/proefsessie.yaml"] = (
        f"title: {PLAN_TITLE}\nsummary: {PLAN_GOAL}\nmethod: eerste-aanpak\nsources: [bron-p]\nitems:\n"
        "  - method: eerste-aanpak\n    step: Woorden verzamelen\n    minutes: 10\n    worksheets: [kort-blad]\n"
        "  - title: Pauze\n    minutes: 15\n"
        "  - method: tweede-aanpak\n    minutes: 30\n    note: Kort houden.\n    worksheets: [lang-blad, kort-blad]\n"
    )
    return files


def built_project(folder: Path, files: dict[str, str], site_url: str | None) -> tuple[Path, Path]:
    """A copy of the project with only ``files`` as data and its own title (and address), built strictly."""
    project = copy_project(folder / "project")
    shutil.rmtree(project / "data")
    for name, text in files.items():
        (project / "data" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "data" / name).write_text(text, encoding="utf-8")
    settings = project / "handboek.yml"
    text = re.sub(r"(?m)^title: .*$", f"title: {HANDBOOK_NAME}", settings.read_text(encoding="utf-8"))
    if site_url:
        text += f"\nsite_url: {site_url}\n"
    settings.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    return project, result.site


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The test handbook, with a web address, built and printed; the site and what the command said."""
    project, site = built_project(tmp_path_factory.mktemp("print"), data_files(), SITE_URL)
    completed = render_pdfs(project, site)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return site, completed.stdout


def outline(reader: PdfReader) -> list[tuple[str, int]]:
    """The top-level bookmarks: title and page number (from 0)."""
    return [(item.title, reader.get_destination_page_number(item)) for item in reader.outline if not isinstance(item, list)]


def page_lines(path: Path, page: int) -> list[str]:
    completed = subprocess.run(
        ["pdftotext", "-f", str(page + 1), "-l", str(page + 1), str(path), "-"], capture_output=True, text=True, check=True
    )
    return [line.strip() for line in completed.stdout.splitlines() if line.strip()]


def page_text(path: Path, page: int) -> str:
    return " ".join(" ".join(page_lines(path, page)).split())


def text_runs(reader: PdfReader, page: int) -> list[tuple[float, float, str]]:
    """Each run of text on a page as the PDF draws it: its size in points, its height above the page's
    bottom edge in points, and the text."""
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            runs.append((size * scale, tm[5] * cm[3] + cm[5], text.strip()))

    reader.pages[page].extract_text(visitor_text=visit)
    return runs


def footer_line(path: Path, page: int) -> str:
    reader = PdfReader(path)
    return " ".join(text for _size, height, text in text_runs(reader, page) if height < FOOTER_TOP)


def is_tagged(reader: PdfReader) -> bool:
    root = reader.trailer["/Root"]
    marked = root["/MarkInfo"].get_object().get("/Marked") if "/MarkInfo" in root else False
    return "/StructTreeRoot" in root and bool(marked)


def test_packet_is_cover_agenda_facilitator_then_every_sheet_tagged_in_one_file(printed: tuple[Path, str]) -> None:
    site, _ = printed
    packet = site / "pakketten" / "proefsessie.pdf"
    reader = PdfReader(packet)
    bookmarks = outline(reader)
    assert [title for title, _ in bookmarks] == [PLAN_TITLE, "Agenda", "Voor de begeleider", SHORT_SHEET, LONG_SHEET]
    starts = [page for _, page in bookmarks]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), "elk deel begint op een eigen pagina"
    assert starts[4] - starts[3] == 1 and len(reader.pages) - starts[4] == 2, "het korte blad 1 pagina, het lange 2"
    cover = page_text(packet, starts[0])
    for expected in (HANDBOOK_NAME, PLAN_TITLE, PLAN_GOAL, "Datum", "55 minuten"):
        assert expected in cover
    agenda = page_text(packet, starts[1])
    for expected in (STEP_ACTIVITY, *MATERIALS, "Kort houden.", "Uitnodiging: Wat wil je vandaag van Tweede aanpak leren?"):
        assert expected in agenda
    lines = page_lines(packet, starts[1])
    assert all(material in lines for material in MATERIALS), f"elk materiaal (een zin) op een eigen regel: {lines}"
    facilitator = page_text(packet, starts[2])
    for expected in (PREPARATION, *MATERIALS, SHORT_SHEET, LONG_SHEET, "1 per deelnemer"):
        assert expected in facilitator
    assert is_tagged(reader)
    assert reader.trailer["/Root"].get("/Lang") == "nl"
    assert f"Sessiepakket {PLAN_TITLE}" in reader.metadata.title


def test_each_sheet_in_the_packet_carries_its_own_one_line_footer_with_its_address(printed: tuple[Path, str]) -> None:
    site, _ = printed
    packet = site / "pakketten" / "proefsessie.pdf"
    reader = PdfReader(packet)
    pages = len(reader.pages)
    starts = dict(outline(reader))
    expected = {
        starts[PLAN_TITLE]: f"{HANDBOOK_NAME} · {PLAN_TITLE} · {SITE_URL}sessies/proefsessie/",
        starts[SHORT_SHEET]: f"{HANDBOOK_NAME} · {SHORT_SHEET} · {SITE_URL}werkbladen/kort-blad/",
        starts[LONG_SHEET] + 1: f"{HANDBOOK_NAME} · {LONG_SHEET} · {SITE_URL}werkbladen/lang-blad/",
    }
    for page, footer in expected.items():
        line = footer_line(packet, page)
        assert footer in line and f"{page + 1} / {pages}" in line, line
        assert len(line) == len(footer) + len(f" {page + 1} / {pages}"), f"niets anders in de voettekst: {line}"
        assert "Bron" not in line, "de bronnen staan op het blad zelf, niet in de voettekst"


def test_werkmap_is_one_tagged_pdf_with_a_bookmark_and_footer_per_sheet(printed: tuple[Path, str]) -> None:
    site, _ = printed
    werkmap = site / "werkmappen" / "eerste-aanpak.pdf"
    reader = PdfReader(werkmap)
    assert is_tagged(reader)
    assert reader.trailer["/Root"].get("/Lang") == "nl"
    assert "Werkmap Eerste aanpak" in reader.metadata.title
    bookmarks = outline(reader)
    assert sorted(title for title, _ in bookmarks) == sorted([SHORT_SHEET, LONG_SHEET])
    assert len(reader.pages) == 3
    for title, page in bookmarks:
        assert f"· {title} ·" in footer_line(werkmap, page)


def test_card_deck_has_every_method_four_to_a_page_with_backs_behind_their_fronts(printed: tuple[Path, str]) -> None:
    site, _ = printed
    deck = site / "kaartenset.pdf"
    reader = PdfReader(deck)
    assert is_tagged(reader)
    assert len(reader.pages) == 4, "vijf kaarten: twee vellen, elk met voor- en achterkant"
    fronts = [page_text(deck, 0), page_text(deck, 2)]
    names = sorted(METHODS.values())
    assert [sum(name in front for name in names) for front in fronts] == [4, 1]
    first = page_text(deck, 0)
    for expected in ("Doel van Eerste aanpak in één regel.", "30–45 minuten", "4–12 deelnemers", "Wat wil je vandaag van Eerste aanpak leren?"):
        assert expected in first
    back = page_text(deck, 1)
    assert "Woorden verzamelen" in back and "Woorden ordenen" in back
    single = PdfReader(site / "kaarten" / "eerste-aanpak.pdf")
    assert len(single.pages) == 2 and is_tagged(single)


def test_each_qr_code_on_the_cards_decodes_to_its_methods_page(printed: tuple[Path, str], tmp_path: Path) -> None:
    site, _ = printed
    subprocess.run(["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", str(site / "kaartenset.pdf"), str(tmp_path / "deck")], check=True)
    image = next(tmp_path.glob("deck*.png"))
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True).stdout.split()
    first_four = sorted(METHODS.values())[:4]
    ids = [method_id for method_id, title in METHODS.items() if title in first_four]
    assert sorted(decoded) == sorted(f"{SITE_URL}werkwijzen/{method_id}/" for method_id in ids)


def test_no_text_above_the_footer_is_smaller_than_10_pt_in_any_pdf(printed: tuple[Path, str]) -> None:
    site, _ = printed
    checked = 0
    for pdf in sorted(site.rglob("*.pdf")):
        reader = PdfReader(pdf)
        for page in range(len(reader.pages)):
            small = [(round(size, 1), text) for size, height, text in text_runs(reader, page) if height >= FOOTER_TOP and size < 9.9]
            assert not small, f"{pdf.relative_to(site)}, pagina {page + 1}: {small[:3]}"
            checked += 1
    assert checked > 10


def test_body_text_of_a_sheet_is_at_least_11_pt(printed: tuple[Path, str]) -> None:
    site, _ = printed
    runs = text_runs(PdfReader(site / "werkbladen" / "kort-blad.pdf"), 0)
    assert min(size for size, _height, text in runs if text.startswith("Een blad van één pagina")) >= 10.9


@pytest.mark.parametrize("sheet", ["kort-blad", "lang-blad"])
def test_writing_space_runs_to_within_a_few_centimetres_of_the_footer(printed: tuple[Path, str], sheet: str) -> None:
    """The credit line follows the last writing block; when it sits just above the footer, so does the block."""
    site, _ = printed
    reader = PdfReader(site / "werkbladen" / f"{sheet}.pdf")
    last = len(reader.pages) - 1
    credit = [height for _size, height, text in text_runs(reader, last) if text.startswith("Bron:")]
    assert credit and credit[0] - FOOTER_TOP < 30 * MM, f"{(credit[0] - FOOTER_TOP) / MM:.0f} mm boven de voettekst"


def test_pdf_command_reports_counts_per_kind_and_the_total_size(printed: tuple[Path, str]) -> None:
    site, output = printed
    for line in ("2 werkbladen", "1 werkmap", "1 sessiepakket", "5 kaarten", "1 kaartenset"):
        assert f"  {line}\n" in output
    total = len(list(site.rglob("*.pdf")))
    assert re.search(rf"Samen {total} PDF's, \d+,\d MB\.", output), output


def test_site_links_every_pdf_that_exists_and_none_that_does_not(printed: tuple[Path, str]) -> None:
    site, _ = printed
    linked: set[Path] = set()
    for html in site.rglob("*.html"):
        for href in re.findall(r'href="([^"#?]+\.pdf)"', html.read_text(encoding="utf-8")):
            target = (html.parent / href).resolve()
            assert target.is_file(), f"{html.relative_to(site)} linkt naar {href}, dat er niet is"
            linked.add(target)
    assert {pdf.resolve() for pdf in site.rglob("*.pdf")} == linked


def test_method_and_plan_pages_link_their_pdfs(printed: tuple[Path, str]) -> None:
    site, _ = printed
    method = (site / "werkwijzen" / "eerste-aanpak" / "index.html").read_text(encoding="utf-8")
    for href in ("../../werkmappen/eerste-aanpak.pdf", "../../kaarten/eerste-aanpak.pdf", "../../kaartenset.pdf"):
        assert f'href="{href}"' in method
    other = (site / "werkwijzen" / "tweede-aanpak" / "index.html").read_text(encoding="utf-8")
    assert "werkmappen/tweede-aanpak.pdf" not in other, "zonder werkbladen geen werkmap"
    plan = (site / "sessies" / "proefsessie" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../pakketten/proefsessie.pdf"' in plan


def test_without_site_url_cards_and_footers_have_no_qr_and_no_address(tmp_path: Path) -> None:
    _, site = built_project(tmp_path, data_files(), None)
    deck = (site / "kaarten" / "index.html").read_text(encoding="utf-8")
    article = deck[deck.index("<article"):deck.rindex("</article>")]
    assert "<svg" not in article and "werkwijzen/" not in article
    sheet = (site / "werkbladen" / "kort-blad" / "index.html").read_text(encoding="utf-8")
    footer = re.search(r"@bottom-left \{ content: \"([^\"]*)\"", sheet)
    assert footer and footer.group(1) == f"{HANDBOOK_NAME} · {SHORT_SHEET}"


def test_pdf_command_names_the_file_of_a_sheet_past_its_page_limit(tmp_path: Path) -> None:
    too_long = "  - type: notities\n    box_mm: 200\n"  # within the check's sum, but not with the text above it
    project, site = built_project(tmp_path, data_files(too_long), None)
    completed = render_pdfs(project, site)
    assert completed.returncode == 1
    assert "data/worksheets/kort-blad.yaml" in completed.stdout and "page_limit (1)" in completed.stdout
    assert "Traceback" not in completed.stdout + completed.stderr
