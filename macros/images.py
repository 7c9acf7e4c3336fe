"""What an acceptable image is: a file inside the project, of an image type, without script.

The one home for that rule: the logo in handboek.yml uses it, and so will images in the data.
Each problem is a Dutch sentence that names the file as written, never its content: a path
outside the project may point at secrets (the build's environment, a CI token).
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from xml.parsers import expat

IMAGE_TYPES = {".svg": "SVG", ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WebP"}
MAX_IMAGE_BYTES = 5_000_000
RASTER_SIGNATURES = {
    "PNG": (b"\x89PNG\r\n\x1a\n",),
    "JPEG": (b"\xff\xd8\xff",),
    "GIF": (b"GIF87a", b"GIF89a"),
}
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XHTML = "http://www.w3.org/1999/xhtml"
# Elements that run script or embed a document that can: an SVG opened on its own is a web page.
SCRIPT_ELEMENTS = {"script", "foreignobject", "handler", "iframe", "embed", "object"}
# A scheme starts where no other scheme character comes before it ("metadata:" holds no data: address).
SCHEME_START = r"(?<![a-z0-9+.-])"
DATA_URL = re.compile(SCHEME_START + r"data:(?!image/(png|jpeg|gif|webp)[;,])")
CODE_URL = re.compile(SCHEME_START + r"(javascript|vbscript):")
OUTSIDE = "buiten de map van het handboek (waar handboek.yml staat)"
KEEP_INSIDE = "zet het bestand in die map, bijvoorbeeld in docs/assets/images/, en geef dat pad op"
LOOP = "is een symlink die naar zichzelf terugverwijst; verwijs naar het bestand zelf"


class ImageProblem(ValueError):
    """Why a file cannot be published as an image, in Dutch, naming the file as it was written."""


def project_image(written: str, root: Path) -> Path:
    """The file `written` (relative to `root`) names, after following symlinks, checked to be an
    acceptable image inside `root`; raise ImageProblem otherwise."""
    inside = root.resolve()
    target = _resolved(written, inside)
    if not Path(os.path.normpath(inside / written)).is_relative_to(inside):
        raise ImageProblem(f"{written} ligt {OUTSIDE}; {KEEP_INSIDE}")
    if not target.is_relative_to(inside):
        raise ImageProblem(f"{written} verwijst naar {target}, {OUTSIDE}; {KEEP_INSIDE}")
    try:
        _check_file(written, target)
    except OSError as error:
        raise ImageProblem(f"{written} kan niet worden gelezen: {UNREADABLE.get(error.errno, 'het systeem weigert het')}") from None
    return target


UNREADABLE = {errno.ENAMETOOLONG: "de naam is te lang", errno.EACCES: "er zijn geen leesrechten"}


def _check_file(written: str, target: Path) -> None:
    if target.is_symlink():  # resolve() stopped at it: a loop
        raise ImageProblem(f"{written} {LOOP}")
    if not target.exists():
        raise ImageProblem(f"{written} bestaat niet; verwacht een afbeelding ({_type_list()}) in de map van het handboek")
    if not target.is_file():
        raise ImageProblem(f"{written} is geen bestand; verwacht een afbeelding ({_type_list()})")
    image_type = IMAGE_TYPES.get(Path(written).suffix.lower())
    if image_type is None:
        raise ImageProblem(f"{written} is geen afbeelding: verwacht een bestand op {_suffix_list()}")
    if (size := target.stat().st_size) > MAX_IMAGE_BYTES:
        megabytes = f"{size / 1_000_000:.1f}".replace(".", ",")
        raise ImageProblem(f"{written} is {megabytes} MB; verwacht hoogstens {MAX_IMAGE_BYTES // 1_000_000} MB (verklein de afbeelding)")
    if problem := content_problem(image_type, target.read_bytes()):
        raise ImageProblem(f"{written} {problem}")


def _resolved(written: str, root: Path) -> Path:
    if "\0" in written:
        raise ImageProblem(f"{written!r} bevat het teken \\0, dat in geen bestandsnaam kan staan; schrijf het pad zonder")
    try:
        return (root / written).resolve()
    except (OSError, RuntimeError):  # Python before 3.13 raises RuntimeError for a loop of symlinks
        raise ImageProblem(f"{written} {LOOP}") from None


def _type_list() -> str:
    return _either(list(dict.fromkeys(IMAGE_TYPES.values())))


def _suffix_list() -> str:
    return _either(list(IMAGE_TYPES))


def _either(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " of " + names[-1]


def content_problem(image_type: str, content: bytes) -> str | None:
    """Why `content` is not an image of `image_type` (a value of IMAGE_TYPES), or None."""
    if image_type == "SVG":
        return svg_problem(content)
    if raster_type(content) != image_type:
        return f"is geen {image_type}-afbeelding: de inhoud begint niet zoals een {image_type}-bestand; sla het opnieuw op als {image_type}"
    return None


def raster_type(content: bytes) -> str | None:
    """PNG, JPEG, GIF or WebP by the file's first bytes (its magic number); None for anything else."""
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "WebP"
    return next((name for name, signatures in RASTER_SIGNATURES.items() if content.startswith(signatures)), None)


def svg_problem(content: bytes) -> str | None:
    """Why `content` is not a safe SVG (XML with an <svg> root and no script), or None.

    Refused, not cleaned: what is published is then exactly what the contributor saved."""
    scan = _SvgScan()
    try:
        scan.parse(content)
    except _Refused as refused:
        return str(refused)
    except expat.ExpatError as error:
        return f"is geen geldige SVG: de XML is onleesbaar op regel {error.lineno}; sla het bestand opnieuw op als SVG"
    namespace, root = scan.root or ("", "")
    if (namespace, root) != (SVG_NAMESPACE, "svg"):
        return (f"is geen SVG: het buitenste element is <{root}>, verwacht <svg xmlns=\"{SVG_NAMESPACE}\"> "
                "(zonder die xmlns toont een browser de afbeelding niet)")
    if scan.scripts:
        return (f"bevat script: {', '.join(scan.scripts)}; het handboek weigert zo'n SVG liever dan hem op te schonen, "
                "zodat wat je opslaat ook is wat er verschijnt: haal dat weg en sla de SVG opnieuw op")
    return None


class _Refused(Exception):
    """Stops the parse at once: for declarations that could make it expand without end."""


class _SvgScan:
    """Reads an SVG with expat (namespaces resolved, no external entities fetched) and notes its
    root element and everything in it that can run script."""

    def __init__(self) -> None:
        self.root: tuple[str, str] | None = None
        self.scripts: list[str] = []
        self._parser = expat.ParserCreate(namespace_separator=" ")
        self._parser.StartElementHandler = self._element
        self._parser.ProcessingInstructionHandler = self._instruction
        self._parser.EntityDeclHandler = self._entity

    def parse(self, content: bytes) -> None:
        self._parser.Parse(content, True)

    def _element(self, name: str, attributes: dict[str, str]) -> None:
        namespace, local = _split(name)
        self.root = self.root or (namespace, local)
        line = self._parser.CurrentLineNumber
        if local.lower() in SCRIPT_ELEMENTS or namespace == XHTML:
            self.scripts.append(f"het element <{local}> (regel {line})")
        for attribute, value in attributes.items():
            attribute_name = _split(attribute)[1]
            if attribute_name.lower().startswith("on"):
                self.scripts.append(f"het attribuut {attribute_name} (regel {line})")
            elif attribute_name == "attributeName" and value.strip().lower().startswith("on"):
                self.scripts.append(f"een animatie die het attribuut {value.strip()} zet (regel {line})")
            elif _runs_code(value):
                self.scripts.append(f"een javascript:-, vbscript:- of data:-adres in {attribute_name} (regel {line})")

    def _instruction(self, target: str, _data: str) -> None:
        # An XSLT stylesheet can turn the SVG into a page with script; other instructions do nothing.
        if target.lower() == "xml-stylesheet":
            self.scripts.append(f"de regel <?xml-stylesheet?> (regel {self._parser.CurrentLineNumber})")

    def _entity(self, name: str, *_: object) -> None:
        raise _Refused(f"bevat een <!ENTITY>-declaratie ({name}, regel {self._parser.CurrentLineNumber}); "
                       "haal de DOCTYPE met entiteiten weg en sla de SVG opnieuw op")


def _split(name: str) -> tuple[str, str]:
    namespace, _, local = name.rpartition(" ")
    return namespace, local


def _runs_code(value: str) -> bool:
    """A javascript:, vbscript: or non-image data: address anywhere in an attribute value, also
    with spaces, tabs or line breaks inside (browsers drop those) and in any case."""
    compact = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
    return bool(CODE_URL.search(compact) or DATA_URL.search(compact))
