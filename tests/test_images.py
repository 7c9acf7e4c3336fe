"""macros/images.py: what an acceptable image is (inside the project, an image by name and by
content, an SVG without script), and macros/urls.py: which addresses a reader may be sent to."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from macros.images import ImageProblem, project_image, raster_type, svg_problem
from macros.urls import email_problem, link_problem, site_url_problem

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 24
GIF = b"GIF89a" + b"\x00" * 24
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 16


def svg(inner: str, opening: str = SVG_OPEN) -> bytes:
    return f"{opening}{inner}</svg>".encode()


@pytest.mark.parametrize(("content", "expected"), [(PNG, "PNG"), (JPEG, "JPEG"), (GIF, "GIF"), (WEBP, "WebP"),
                                                   (b"<html></html>", None), (b"RIFF\x10\x00\x00\x00AVI ", None), (b"", None)])
def test_raster_type_by_first_bytes(content: bytes, expected: str | None) -> None:
    assert raster_type(content) == expected


@pytest.mark.parametrize("inner", [
    '<rect width="10" height="10" fill="#3f51b5"/>',
    '<defs><path id="a" d="M0 0h10"/></defs><use xlink:href="#a"/>',
    '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>',
    '<metadata id="metadata:1"><title>Logo</title></metadata><a href="https://proef.example/"><rect width="1" height="1"/></a>',
])
def test_ordinary_svg_is_accepted(inner: str) -> None:
    assert svg_problem(svg(inner)) is None


def test_svg_from_inkscape_with_doctype_and_its_own_namespaces_is_accepted() -> None:
    content = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
               '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
               '<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"'
               ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3">\n'
               '<sodipodi:namedview inkscape:zoom="1"/><g inkscape:label="Laag 1"><circle r="4"/></g></svg>')
    assert svg_problem(content.encode()) is None


@pytest.mark.parametrize(("inner", "found"), [
    ("<script>alert(1)</script>", "het element <script> (regel 1)"),
    ('<rect onclick="alert(1)"/>', "het attribuut onclick (regel 1)"),
    ('<a xlink:href="javascript:alert(1)"><rect/></a>', "een javascript:-, vbscript:- of data:-adres in href (regel 1)"),
    ('<a href="&#x20;JaVa&#x09;Script:alert(1)"><rect/></a>', "een javascript:-, vbscript:- of data:-adres in href (regel 1)"),
    ('<a href="vbscript:msgbox(1)"><rect/></a>', "een javascript:-, vbscript:- of data:-adres in href (regel 1)"),
    ('<image href="data:image/svg+xml;base64,PHN2Zz4="/>', "een javascript:-, vbscript:- of data:-adres in href (regel 1)"),
    ('<set attributeName="href" to="javascript:alert(1)"/>', "een javascript:-, vbscript:- of data:-adres in to (regel 1)"),
    ('<animate attributeName="href" values="#a;javascript:alert(1)"/>', "een javascript:-, vbscript:- of data:-adres in values (regel 1)"),
    ('<set attributeName="onmouseover" to="alert(1)"/>', "een animatie die het attribuut onmouseover zet (regel 1)"),
    ('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>', "het element <foreignObject> (regel 1), het element <div> (regel 1)"),
    ('<h:iframe xmlns:h="http://www.w3.org/1999/xhtml" src="https://proef.example/"/>', "het element <iframe> (regel 1)"),
    ('<h:img xmlns:h="http://www.w3.org/1999/xhtml" src="x"/>', "het element <img> (regel 1)"),
    ("\n\n<script>alert(1)</script>", "het element <script> (regel 3)"),
])
def test_svg_with_script_is_refused_naming_what_and_where(inner: str, found: str) -> None:
    problem = svg_problem(svg(inner))
    assert problem is not None and problem.startswith(f"bevat script: {found}; "), problem
    assert "het handboek weigert zo'n SVG liever dan hem op te schonen" in problem
    assert "haal dat weg en sla de SVG opnieuw op" in problem


def test_svg_with_an_xslt_stylesheet_is_refused() -> None:
    content = b'<?xml-stylesheet type="text/xsl" href="#x"?>' + svg("<rect/>")
    assert svg_problem(content) == svg_problem(svg("<script/>")).replace("het element <script>", "de regel <?xml-stylesheet?>")  # type: ignore[union-attr]


def test_svg_with_entity_declarations_is_refused_at_once() -> None:
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 12))
    content = f'<!DOCTYPE svg [<!ENTITY l0 "ha">{laughs}]>{SVG_OPEN}<text>&l11;</text></svg>'.encode()
    started = time.monotonic()
    problem = svg_problem(content)
    assert time.monotonic() - started < 1
    assert problem == "bevat een <!ENTITY>-declaratie (l0, regel 1); haal de DOCTYPE met entiteiten weg en sla de SVG opnieuw op"


@pytest.mark.parametrize(("content", "expected"), [
    (b"<html><body>logo</body></html>", 'is geen SVG: het buitenste element is <html>, verwacht <svg xmlns="http://www.w3.org/2000/svg">'),
    (b'<svg viewBox="0 0 1 1"><rect/></svg>', 'is geen SVG: het buitenste element is <svg>, verwacht <svg xmlns="http://www.w3.org/2000/svg">'),
    (b"<svg>\n<rect></svg>", "is geen geldige SVG: de XML is onleesbaar op regel 2; sla het bestand opnieuw op als SVG"),
    (PNG, "is geen geldige SVG: de XML is onleesbaar op regel 1; sla het bestand opnieuw op als SVG"),
])
def test_what_is_not_an_svg_is_refused(content: bytes, expected: str) -> None:
    assert svg_problem(content) is not None and svg_problem(content).startswith(expected)  # type: ignore[union-attr]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "handboek"
    (project / "beeld").mkdir(parents=True)
    (project / "beeld/logo.svg").write_bytes(svg("<rect/>"))
    (tmp_path / "buiten.svg").write_bytes(svg("<rect/>"))
    return project


@pytest.mark.parametrize(("name", "content"), [("a.png", PNG), ("a.JPG", JPEG), ("a.jpeg", JPEG), ("a.gif", GIF), ("a.webp", WEBP)])
def test_raster_image_inside_the_project_is_accepted(root: Path, name: str, content: bytes) -> None:
    (root / name).write_bytes(content)
    assert project_image(name, root) == (root / name).resolve()


def test_symlink_within_the_project_gives_its_target(root: Path) -> None:
    (root / "logo.svg").symlink_to(root / "beeld/logo.svg")
    assert project_image("logo.svg", root) == (root / "beeld/logo.svg").resolve()


def refusal(written: str, root: Path) -> str:
    with pytest.raises(ImageProblem) as raised:
        project_image(written, root)
    return str(raised.value)


def test_path_outside_the_project_is_refused(root: Path) -> None:
    assert refusal("../buiten.svg", root).startswith("../buiten.svg ligt buiten de map van het handboek (waar handboek.yml staat); zet het bestand in die map, bijvoorbeeld in docs/assets/images/")
    assert refusal(str(root.parent / "buiten.svg"), root).startswith(f"{root.parent / 'buiten.svg'} ligt buiten de map van het handboek")
    assert refusal("beeld/../../buiten.svg", root).startswith("beeld/../../buiten.svg ligt buiten")


def test_symlink_to_outside_is_refused_naming_its_target(root: Path) -> None:
    (root / "logo.svg").symlink_to(root.parent / "buiten.svg")
    (root / "map").symlink_to(root.parent)
    assert refusal("logo.svg", root).startswith(f"logo.svg verwijst naar {(root.parent / 'buiten.svg').resolve()}, buiten de map van het handboek")
    assert refusal("map/buiten.svg", root).startswith("map/buiten.svg verwijst naar ")


def test_symlink_loop_is_refused(root: Path) -> None:
    (root / "a.svg").symlink_to(root / "b.svg")
    (root / "b.svg").symlink_to(root / "a.svg")
    assert refusal("a.svg", root) == "a.svg is een symlink die naar zichzelf terugverwijst; verwijs naar het bestand zelf"


def test_path_too_long_to_read_is_refused(root: Path) -> None:
    assert refusal("a" * 5000 + ".svg", root).endswith("a.svg kan niet worden gelezen: de naam is te lang")


def test_path_with_a_null_character_is_refused(root: Path) -> None:
    assert refusal("logo\0.svg", root) == "'logo\\x00.svg' bevat het teken \\0, dat in geen bestandsnaam kan staan; schrijf het pad zonder"


def test_missing_file_folder_wrong_type_and_wrong_content_are_refused(root: Path) -> None:
    (root / "logo.txt").write_text("logo", encoding="utf-8")
    (root / "logo.png").write_bytes(GIF)
    assert refusal("ontbreekt.svg", root) == "ontbreekt.svg bestaat niet; verwacht een afbeelding (SVG, PNG, JPEG, GIF of WebP) in de map van het handboek"
    assert refusal("beeld", root) == "beeld is geen bestand; verwacht een afbeelding (SVG, PNG, JPEG, GIF of WebP)"
    assert refusal("logo.txt", root) == "logo.txt is geen afbeelding: verwacht een bestand op .svg, .png, .jpg, .jpeg, .gif of .webp"
    assert refusal("logo.png", root) == "logo.png is geen PNG-afbeelding: de inhoud begint niet zoals een PNG-bestand; sla het opnieuw op als PNG"


def test_huge_file_is_refused_without_reading_it(root: Path) -> None:
    with open(root / "groot.png", "wb") as file:
        file.truncate(50_000_000)  # sparse: no time or disk spent
    assert refusal("groot.png", root) == "groot.png is 50,0 MB; verwacht hoogstens 5 MB (verklein de afbeelding)"


def test_device_behind_a_symlink_is_refused(root: Path) -> None:
    (root / "logo.png").symlink_to(os.devnull)
    assert refusal("logo.png", root).startswith(f"logo.png verwijst naar {os.devnull}, buiten de map van het handboek")


@pytest.mark.parametrize("address", ["https://proef.example/a?b=c#d", "HTTP://proef.example", "mailto:a@proef.example", "/a/", "a/b.html", "../a", "#a", "?a=b", "//proef.example/a"])
def test_ordinary_links_pass(address: str) -> None:
    assert link_problem(address) is None


@pytest.mark.parametrize(("address", "scheme"), [
    ("javascript:alert(1)", "javascript"), (" \x00javascript:alert(1)", "javascript"), ("JAVASCRIPT:alert(1)", "javascript"),
    ("jav\tasc\nri\rpt:alert(1)", "javascript"), ("vbscript:msgbox(1)", "vbscript"), ("data:text/html,x", "data"),
    ("file:///etc/passwd", "file"), ("ftp://proef.example/", "ftp"),
])
def test_links_with_another_scheme_are_refused(address: str, scheme: str) -> None:
    assert link_problem(address) == (f"een adres met {scheme}: is niet toegestaan; verwacht een adres dat begint met "
                                     "https:// of http://, een mailto:-adres of een relatief adres")


def test_link_with_whitespace_or_without_a_host_is_refused() -> None:
    assert link_problem("https://proef.example/a b") == "bevat een spatie, tab of regeleinde; schrijf een spatie in een webadres als %20"
    assert link_problem("https:proef.example") == "na https:// ontbreekt de naam van de website, zoals in https://handboek.voorbeeld.nl/"


@pytest.mark.parametrize(("address", "accepted"), [
    ("https://proef.example/handboek/", True), ("http://localhost:8000/", True), ("https://", False),
    ("proef.example", False), ("/handboek/", False), ("javascript://proef.example/%0aalert(1)", False), ("https://proef.example/ a", False),
])
def test_site_url_is_a_full_http_address(address: str, accepted: bool) -> None:
    assert (site_url_problem(address) is None) == accepted


@pytest.mark.parametrize(("address", "accepted"), [
    ("vragen@proef.example", True), ("voor.naam+tag@sub.proef.example", True), ("vragen", False),
    ("a@b", False), ("a b@proef.example", False), ("a@proef.example?cc=b@c.example", False), ('a@proef.example"><b>', False),
])
def test_email_is_a_plain_address(address: str, accepted: bool) -> None:
    assert (email_problem(address) is None) == accepted
