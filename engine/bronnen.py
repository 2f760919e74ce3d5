"""The source register (`rules/bronnen.yaml`) and the one place a source is rendered for people.

A family, a lawyer or an auditor must be able to follow a source: "004_82bfb980c5993adb.txt
r. 3103-3110" names a file nobody outside the project can open. The register gives every source
document an id, its real title (or, where the text has none, a description that says so), who
published it and when, a public URL where one exists, and the local text file. Every law a rule
cites gets its BWB id, so each cited article has a Juriconnect reference and a wetten.overheid.nl
link dated at the peildatum.

`render_bron` is the one function that turns a rule's `bron` into what people read (the
assessment's `Bronvermelding` with its `citaat`); the CLI, the motivation, the API, the
leefwereldtoets reports and the web pages all show sources through it, never a file name. The
line range stays in the record for those who have the text.

Rule files of earlier versions name the local file in `document:`; the register maps a file name
to its document (`bestand`), so they still load and read the same. A rules directory without a
register (an old revision, a test) loads with an empty register: documents are then shown as
written, as before.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, model_validator

from engine.assessment import Bronpassage, Bronvermelding, Wetsartikel
from engine.rule_model import Bron, BronPassage

REGISTER_FILE = "bronnen.yaml"
"""The register's file name in a rules directory (not a rule file: the rule base reads it apart)."""

DOCUMENT_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,79}$"
WETTEN_BASE = "https://wetten.overheid.nl"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentDeel(_Strict):
    """A part of a bundled text (a report inside a released bundle), by its lines in the local file."""

    regels: StrictStr = Field(
        pattern=r"^\d+-\d+$", description="Regelnummers van dit deel in de tekst, bijv. 2572-3656."
    )
    titel: StrictStr = Field(min_length=3, description="De titel van het deel zoals die in de tekst staat.")
    datum: StrictStr | None = Field(None, description="Datum of jaar van het deel zoals in de tekst gelezen.")
    vindplaats: StrictStr | None = Field(None, description="Waar titel en datum in de tekst staan, bijv. r. 2609.")


class BronDocument(_Strict):
    """One source document: what people need to find it, read off its first pages and colophon."""

    id: StrictStr = Field(pattern=DOCUMENT_ID_PATTERN, description="Vaste id; regels noemen het document hiermee.")
    titel: StrictStr | None = Field(
        None, description="De titel zoals die in de tekst staat; leeg als de tekst geen titel heeft."
    )
    omschrijving: StrictStr | None = Field(
        None, description="Beschrijving door het project, verplicht als de tekst geen titel heeft (nooit een titel)."
    )
    uitgever: StrictStr | None = Field(None, description="Wie het document uitbracht, zoals in de tekst gelezen.")
    datum: dt.date | None = Field(None, description="Datum van het document, als die in de tekst staat.")
    jaar: StrictInt | None = Field(None, ge=1900, le=2100, description="Jaar, als alleen dat uit de tekst blijkt.")
    toelichting: StrictStr | None = Field(
        None, description="Hoe titel, uitgever en datum gelezen zijn, of waarom ze niet te lezen zijn."
    )
    url: StrictStr | None = Field(None, pattern=r"^https://", description="Openbare vindplaats, als die er is.")
    bestand: StrictStr | None = Field(
        None, description="Het lokale tekstbestand (in shared/seeds), voor wie de tekst heeft."
    )
    delen: tuple[DocumentDeel, ...] = Field(default=(), description="Delen van een gebundelde tekst.")

    @model_validator(mode="after")
    def _named(self) -> BronDocument:
        if self.titel is None and self.omschrijving is None:
            raise ValueError("geef 'titel' (uit de tekst) of, als de tekst geen titel heeft, 'omschrijving'")
        if self.datum is not None and self.jaar is not None and self.datum.year != self.jaar:
            raise ValueError("'datum' en 'jaar' spreken elkaar tegen")
        return self

    @property
    def naam(self) -> str:
        """The title, or the project's description in brackets (so nobody reads it as a title)."""
        return self.titel if self.titel is not None else f"[{self.omschrijving}]"

    @property
    def wanneer(self) -> str | None:
        if self.datum is not None:
            return _dutch_date(self.datum)
        return str(self.jaar) if self.jaar is not None else None

    def deel(self, regels: str) -> DocumentDeel | None:
        """The part that holds a cited line range, if the register names one."""
        first, _, last = regels.partition("-")
        start, end = int(first), int(last or first)
        for deel in self.delen:
            lo, hi = (int(x) for x in deel.regels.split("-"))
            if lo <= start and end <= hi:
                return deel
        return None


class Wet(_Strict):
    """A law the rules cite, with its BWB id (from which Juriconnect and the links are built)."""

    id: StrictStr = Field(pattern=DOCUMENT_ID_PATTERN)
    namen: tuple[StrictStr, ...] = Field(
        min_length=1,
        description="Citeertitel en afkortingen waarmee 'artikel' de wet noemt; de eerste is de citeertitel.",
    )
    bwb_id: StrictStr = Field(pattern=r"^BWBR\d{7}$", description="Identificatienummer in het Basiswettenbestand.")
    bwb_id_bron: StrictStr = Field(min_length=3, description="Waar het BWB-id is nagezocht.")
    tekst_gecontroleerd: StrictBool = Field(
        description="Zijn de geciteerde artikelen vergeleken met de wettekst zelf? Nee als het project die niet heeft."
    )
    toelichting: StrictStr | None = None


class BronnenBestand(_Strict):
    """The register file: documents and laws."""

    beschrijving: StrictStr | None = None
    documenten: tuple[BronDocument, ...] = ()
    wetten: tuple[Wet, ...] = ()


# -- citing an article --------------------------------------------------------------------------

_ARTICLE = re.compile(
    r"^\s*(?P<wet>.*?)\s*\bart(?:ikel|\.)\s*(?P<artikel>\d+[a-z]?(?:[.:]\d+[a-z]?)*)"
    r"(?:\s+lid\s+(?P<lid>\d+[a-z]?))?"
    r"(?:\s+(?:onder|sub)\s+(?P<onderdeel>[a-z](?:(?:\s*,\s*|\s+en\s+)[a-z])*)\b)?"
    r"(?P<rest>.*)$",
    re.DOTALL,
)


@dataclass(frozen=True)
class Artikelverwijzing:
    """One article as a rule's `artikel` text names it, e.g. 'Jeugdwet art. 2.3 lid 1'."""

    wet: str  # the name as written (or carried over from the previous article in the same text)
    artikel: str
    lid: str | None
    onderdeel: str | None  # one letter; several ('a, b en c') leave the reference at the lid
    tekst: str


def _split(text: str) -> list[str]:
    """`;`-separated parts, not splitting inside quotes or parentheses."""
    parts: list[str] = []
    current: list[str] = []
    depth, quoted = 0, False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth = max(0, depth - 1)
        if ch == ";" and depth == 0 and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse_artikelen(text: str) -> tuple[list[Artikelverwijzing], list[str]]:
    """The articles a rule's `artikel` text names, and the parts that name no article (in Dutch).

    `Jeugdwet art. 2.6 lid 1 onder c; art. 3.5` names two articles of the Jeugdwet: a part without
    a law's name cites the law of the part before it.
    """
    found: list[Artikelverwijzing] = []
    problems: list[str] = []
    previous = ""
    for part in _split(text):
        m = _ARTICLE.match(part)
        if m is None:
            problems.append(f"'{part}' noemt geen artikel (schrijf bijv. 'Jeugdwet art. 2.3 lid 1')")
            continue
        wet = m.group("wet").strip(" ,") or previous
        if not wet:
            problems.append(f"'{part}' noemt geen wet (schrijf bijv. 'Jeugdwet art. 2.3 lid 1')")
            continue
        previous = wet
        onderdeel = m.group("onderdeel")
        single = onderdeel if onderdeel is not None and len(onderdeel) <= 2 and onderdeel.isalpha() else None
        found.append(Artikelverwijzing(wet, m.group("artikel"), m.group("lid"), single, part))
    return found, problems


def juriconnect(bwb_id: str, artikel: str, lid: str | None = None, onderdeel: str | None = None) -> str:
    """The Juriconnect reference (jci 1.3) of an article, e.g. `jci1.3:c:BWBR0034925&artikel=2.3&lid=1`."""
    ref = f"jci1.3:c:{bwb_id}&artikel={artikel}"
    if lid:
        ref += f"&lid={lid}"
    if onderdeel:
        ref += f"&onderdeel={onderdeel}"
    return ref


def wetten_url(reference: str, peildatum: dt.date | None) -> str:
    """The wetten.overheid.nl link of a Juriconnect reference, showing the text valid on the peildatum
    (`g`, geldigheidsdatum) as known on that day (`z`, zichtdatum)."""
    url = f"{WETTEN_BASE}/{reference}"
    if peildatum is not None:
        url += f"&z={peildatum.isoformat()}&g={peildatum.isoformat()}"
    return url


# -- the register ---------------------------------------------------------------------------------


@dataclass
class Bronnenregister:
    """The documents and laws of a rules directory, looked up by id, local file name or law name."""

    bestand: BronnenBestand = field(default_factory=BronnenBestand)
    file: str | None = None  # where it was read; None: the directory has no register
    geleend: bool = False  # lent to the rules of an earlier revision that have none: not checked against
    onleesbaar: bool = False  # the register failed its own check: references to it are not checked (one error, once)
    documents: dict[str, BronDocument] = field(init=False)
    by_file: dict[str, BronDocument] = field(init=False)
    by_title: dict[str, BronDocument] = field(init=False)
    laws: dict[str, Wet] = field(init=False)

    def __post_init__(self) -> None:
        self.documents = {d.id: d for d in self.bestand.documenten}
        self.by_file = {d.bestand: d for d in self.bestand.documenten if d.bestand}
        self.by_title = {d.titel: d for d in self.bestand.documenten if d.titel}
        self.laws = {naam.casefold(): w for w in self.bestand.wetten for naam in w.namen}

    @property
    def present(self) -> bool:
        """Does the rules directory have a register? Without one, documents are shown as written."""
        return self.file is not None

    def document(self, ref: str) -> BronDocument | None:
        """A document by its id, or by its local file name or its title (rule files of earlier versions)."""
        return self.documents.get(ref) or self.by_file.get(ref) or self.by_title.get(ref)

    def lent(self) -> Bronnenregister:
        """This register for the rules of an earlier revision that have none of their own."""
        return Bronnenregister(self.bestand, self.file, geleend=True)

    def wet(self, naam: str) -> Wet | None:
        return self.laws.get(naam.casefold())

    def canonical(self, bron: Bron) -> Bron:
        """The same source with every document named by its id (a file name becomes the id), so
        rules of an earlier version compare equal to the same rules naming the id."""
        passages = [bron, *bron.aanvullend]
        ids = [self._id(p.document) for p in passages]
        if ids == [p.document for p in passages]:
            return bron
        aanvullend = tuple(a.model_copy(update={"document": i}) for a, i in zip(bron.aanvullend, ids[1:], strict=True))
        return bron.model_copy(update={"document": ids[0], "aanvullend": aanvullend})

    def _id(self, ref: str) -> str:
        found = self.document(ref)
        return found.id if found is not None else ref


EMPTY_REGISTER = Bronnenregister()


# -- rendering: the one function ------------------------------------------------------------------


def render_bron(
    bron: Bron | BronPassage, register: Bronnenregister, peildatum: dt.date | None = None
) -> Bronvermelding:
    """A rule's source as people read it: titles and articles, never a file name.

    The record keeps the document id, the line range and the local file for those who have the
    text; `citaat` is the one line every output shows; each cited article carries its Juriconnect
    reference and a wetten.overheid.nl link dated at `peildatum` (undated when None).
    """
    passages: list[BronPassage] = list(bron.passages()) if isinstance(bron, Bron) else [bron]
    rendered = [_passage(p, register, peildatum) for p in passages]
    main, rest = rendered[0]
    return Bronvermelding(
        **main.model_dump(),
        aanvullend=[r for r, _ in rendered[1:]],
        citaat="; ".join([rest, *(text for _, text in rendered[1:])]),
    )


def citeer(bron: Bron | BronPassage, register: Bronnenregister) -> str:
    """The one-line citation of a source (`render_bron(...).citaat`)."""
    return render_bron(bron, register).citaat


def _passage(p: BronPassage, register: Bronnenregister, peildatum: dt.date | None) -> tuple[Bronpassage, str]:
    doc = register.document(p.document)
    if doc is None:
        titel, uitgever, wanneer, url, bestand, document = p.document, None, None, None, None, p.document
    else:
        deel = doc.deel(p.regels)
        titel = doc.naam if deel is None else f"{deel.titel}, in: {doc.naam}"
        wanneer = (deel.datum if deel is not None and deel.datum else None) or doc.wanneer
        uitgever, url, bestand, document = doc.uitgever, doc.url, doc.bestand, doc.id
    artikelen = _articles(p, register, peildatum, doc)
    record = Bronpassage(
        document=document,
        titel=titel,
        uitgever=uitgever,
        verschenen=wanneer,
        url=url,
        regels=p.regels,
        bestand=bestand,
        artikel=p.artikel,
        wetsartikelen=artikelen,
        status=p.status,
    )
    described = titel + (f" ({', '.join(x for x in (uitgever, wanneer) if x)})" if uitgever or wanneer else "")
    text = f"{described}, r. {p.regels}"
    if p.artikel:
        text = f"{p.artikel} — {text}"
    if p.status != "wet":
        text += f" ({p.status})"
    return record, text


def _articles(
    p: BronPassage, register: Bronnenregister, peildatum: dt.date | None, doc: BronDocument | None
) -> list[Wetsartikel]:
    if not p.artikel:
        return []
    found, _ = parse_artikelen(p.artikel)
    result = []
    for a in found:
        wet = register.wet(a.wet)
        if wet is None:  # an article of the document itself (a local ordinance), or no register
            result.append(Wetsartikel(tekst=a.tekst, wet=a.wet, artikel=a.artikel, lid=a.lid, onderdeel=a.onderdeel))
            continue
        ref = juriconnect(wet.bwb_id, a.artikel, a.lid, a.onderdeel)
        result.append(
            Wetsartikel(
                tekst=a.tekst,
                wet=wet.namen[0],
                artikel=a.artikel,
                lid=a.lid,
                onderdeel=a.onderdeel,
                bwb_id=wet.bwb_id,
                juriconnect=ref,
                url=wetten_url(ref, peildatum),
                tekst_gecontroleerd=wet.tekst_gecontroleerd,
            )
        )
    return result


_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def _dutch_date(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
