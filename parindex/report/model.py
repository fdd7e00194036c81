"""The document a report is: a header block, a title, body blocks, recipients and a signature.

What `content` assembles and `word` lays out; plain data, so the content can be tested without
a Word file and the layout without the database."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    bullet: bool = False  # a "- " item, as administrative documents list them

    @classmethod
    def of(cls, text: str, *, bold: bool = False, italic: bool = False, bullet: bool = False) -> Paragraph:
        return cls((Run(text, bold, italic),), bullet)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: "I. KẾT QUẢ CHUNG"; 2: "1. ..."


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()  # columns aligned right
    widths: tuple[float, ...] | None = None  # relative widths; None shares the width equally
    font_pt: float = 11


@dataclass(frozen=True)
class Image:
    png: bytes
    width_px: int  # the image's size in CSS px: its height on the page follows the width given
    height_px: int
    caption: str


@dataclass(frozen=True)
class Annex:
    """A new landscape section: the decision's annex table (every unit by area)."""

    title: str
    subtitle: str


Block = Paragraph | Heading | Table | Image | Annex


@dataclass
class Document:
    lang: str
    issuer_parent: str  # "UBND TỈNH LÀO CAI"
    issuer: str  # "SỞ NỘI VỤ"
    motto: tuple[str, str]  # the national name and motto
    number: str  # "Số:      /BC-SNV": the office fills the number in
    place_date: str  # "Lào Cai, ngày ... tháng ... năm ...": filled in when signed
    kind: str  # "BÁO CÁO"
    title: str  # what the report is about (trích yếu)
    blocks: list[Block] = field(default_factory=list)
    recipients_heading: str = ""
    recipients: tuple[str, ...] = ()
    signer: tuple[str, ...] = ()  # the signing title; the name is left for the signer
    draft: str | None = None  # the DỰ THẢO mark on every page, for a draft assessment
    core_title: str = ""  # the file's own title (document properties)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)
