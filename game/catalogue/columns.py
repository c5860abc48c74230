"""The sheets and columns of a catalogue workbook: Danish headers, the deck field each one
fills, how its cells are read, and what the "Vejledning" sheet says about it.

One table serves the template, the import and the export, so a column is named and explained
in one place. A header may also be written as the deck's own field name (``kind`` for
``slags``); headers are matched without regard to case and spacing (``header_key``), and an
amount column in the ways a budget office heads it ("År1", "4. år", "år 4 (overslagsår)").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

MAX_EFFECT_YEARS = 10
"""The most amount columns ("år 1" … "år 10") a proposal or an event has (the deck's limit)."""

ABOUT = "Om kataloget"
PROPOSALS = "Forslag"
EVENTS = "Hændelser"
SCENARIOS = "Scenarier"
GUIDE = "Vejledning"
LISTS = "Lister"

DATA_SHEETS: tuple[str, ...] = (ABOUT, PROPOSALS, EVENTS, SCENARIOS)
"""The sheets that hold the deck, in the order the workbook has them."""
ENGLISH_SHEETS: dict[str, str] = {
    "Proposals": PROPOSALS,
    "Events": EVENTS,
    "Scenarios": SCENARIOS,
    "About the catalogue": ABOUT,
    "About the catalog": ABOUT,
    "About": ABOUT,
    "Proposal": PROPOSALS,
    "Event": EVENTS,
    "Scenario": SCENARIOS,
}
"""The data sheets' English names, read as the Danish ones (an English-speaking office's
workbook was refused with "Omdøb arket til 'Forslag'")."""
ENGLISH_NAMES: dict[str, str] = {
    ABOUT: "About the catalogue",
    PROPOSALS: "Proposals",
    EVENTS: "Events",
    SCENARIOS: "Scenarios",
}
"""Each data sheet's English name, as messages name it to a workbook whose other sheets have
English names (a missing 'Scenarios' is not told to be renamed 'Scenarier')."""
SECTION_OF: dict[str, str] = {
    ABOUT: "deck",
    PROPOSALS: "proposals",
    EVENTS: "events",
    SCENARIOS: "scenarios",
}
"""The deck section each data sheet fills."""


AMOUNT_FIELDS = frozenset({"construction", "construction_budget", "target"})
"""Fields besides the years' amounts that are amounts in the catalogue's unit."""


@dataclass(frozen=True)
class Column:
    """One column of a sheet (or one row of the "Om kataloget" sheet).

    ``reader`` says how a cell is read: ``text``, ``id``, ``kind``, ``number``, ``whole``,
    ``service`` (a whole number; a word such as "Høj" is refused with the scale),
    ``share`` (0–1, "20 %" allowed), ``ids`` (a list of ids), ``wholes`` (a list of whole
    numbers), ``numbers`` (one number or a list, for a target), ``years`` (a list of year
    labels, "2027–2030" allowed), ``year`` (one year label), ``bool`` (ja/nej), ``sign``,
    ``language``, ``texts`` (a list of texts, one per line or separated by semicolons),
    ``effect`` (one of the amount columns).
    """

    header: str
    field: str
    reader: str
    help: str
    required: bool = False
    width: int = 14
    version: int = 1
    """The deck format that has the field (2: ``schema_version: 2`` is needed)."""
    index: int = 0
    """For an amount column: 0 for "år 1", 1 for "år 2" …"""

    @property
    def is_amount(self) -> bool:
        """True for a column of amounts in the catalogue's unit (the years' amounts, anlæg,
        mål and anlægsramme): a unit written in the cell ("−500 t. kr.") is converted."""
        return self.reader == "effect" or self.field in AMOUNT_FIELDS


def _effect_columns(what: str) -> tuple[Column, ...]:
    first = (
        f"Beløbet i det år, {what}, i katalogets enhed. Skal udfyldes."
        if what
        else "Beløbet det første år."
    )
    columns = [Column("år 1", "effect", "effect", first, required=True, width=9)]
    for index in range(1, MAX_EFFECT_YEARS):
        columns.append(
            Column(
                f"år {index + 1}",
                "effect",
                "effect",
                f"Beløbet i år {index + 1}. Tom: det sidste udfyldte beløb gælder også dette "
                "og alle senere år.",
                width=9,
                index=index,
            )
        )
    return tuple(columns)


ABOUT_ROWS: tuple[Column, ...] = (
    Column("id", "id", "id", "Katalogets korte navn (a–z, 0–9, - og _), fx norddjurs-2025.", True),
    Column("titel", "title", "text", "Titlen, der vises i spillets menu.", True),
    Column("sprog", "language", "language", "da (dansk) eller en (engelsk). Tom: da."),
    Column("enhed", "unit", "text", "Enheden for alle beløb: mio. kr. eller t. kr. Tom: mio. kr."),
    Column(
        "formatversion",
        "schema_version",
        "whole",
        "Dækformatets version: 2 (det nyeste) eller 1. Kolonnerne mærket 'format 2' kræver 2.",
        True,
    ),
    Column(
        "fortegn",
        "sign",
        "sign",
        "'besparelser positive' (standard): et forslag, der frigør penge, skrives med plus. "
        "'besparelser negative': beløbene er budgetændringer, som i mange kommuners "
        "budgettabeller – en besparelse er minus, en udgift plus. Spillet vender fortegnet – "
        "også for hændelserne: en hændelse, der koster kommunen penge, skrives med plus.",
        version=2,
    ),
    Column(
        "velfærdsområder",
        "welfare_areas",
        "texts",
        "Områderne, hvor en effektivisering let opleves som en besparelse, adskilt af "
        "semikolon. Tom: spillets liste (Ældre; Sundhed; Skole; …).",
        version=2,
    ),
)
"""The rows of the "Om kataloget" sheet: a name in column A, its value in column B."""

PROPOSAL_COLUMNS: tuple[Column, ...] = (
    Column(
        "id",
        "id",
        "id",
        "Forslagets korte navn, entydigt i kataloget: a–z, A–Z, 0–9 og - _ . (ikke æ, ø, å), "
        "fx R307 eller skaermbesoeg.",
        True,
        16,
    ),
    Column(
        "slags",
        "kind",
        "kind",
        "besparelse, effektivisering eller investering (vælg på listen).",
        True,
        16,
    ),
    Column("titel", "title", "text", "Kortets overskrift, helst under 45 tegn.", True, 36),
    Column(
        "område",
        "area",
        "text",
        "Fagområdet, fx Ældre. Stav det ens på alle kort (listen foreslår de kendte).",
        True,
        18,
    ),
    *_effect_columns("forslaget vedtages (eller året under 'fra budgetår')"),
    Column(
        "fra budgetår",
        "effect_from_year",
        "year",
        "Format 2. Et årstal, fx 2025: så hører 'år 1' til dette budgetår, 'år 2' til det "
        "næste osv., uanset hvornår forslaget vedtages – kun for et forslag, hvis beløb er "
        "bundet til bestemte år (fx en kontrakt, der udløber). Tom: beløbene regnes fra "
        "vedtagelsesåret, også når de står under årstal som i en budgettabel.",
        width=12,
        version=2,
    ),
    Column(
        "tekst", "text", "text", "Hvad forslaget er, og hvad det betyder (1–3 sætninger).", width=50
    ),
    Column("spørgsmål", "question", "text", "Et spørgsmål, gruppen kan drøfte.", width=40),
    Column("kilde", "source", "text", "Hvor idéen kommer fra, fx eget katalog, R307.", width=30),
    Column(
        "service",
        "service",
        "service",
        "Ændringen i serviceniveauet, et helt tal fra −5 til 5. Tom: efter slags "
        "(besparelse −2, effektivisering 0, investering +1).",
        width=9,
    ),
    Column(
        "belastning",
        "load",
        "whole",
        "Hvor meget af rundens kapacitet forslaget bruger, 1–5. Tom: efter slags (1, 2, 3).",
        width=11,
    ),
    Column(
        "træthed",
        "fatigue",
        "whole",
        "Format 2. Den træthed, forslaget giver, 0–10. Tom: spillets regel (servicenedgang).",
        width=9,
        version=2,
    ),
    Column(
        "usikkerhed",
        "uncertainty",
        "share",
        "Den relative spredning på gevinsten, 0–1 eller i procent (20 %). Tom: efter slags.",
        width=11,
    ),
    Column(
        "svigtrisiko",
        "failure",
        "share",
        "Sandsynligheden for, at gevinsten helt udebliver, 0–0,95 eller i procent. Tom: 0.",
        width=11,
    ),
    Column(
        "årsværk",
        "staff",
        "number",
        "Årsværk, negativt, når stillinger nedlægges. Kun til information.",
        width=9,
    ),
    Column(
        "anlæg",
        "construction",
        "number",
        "Format 2. Anlægsudgiften, betalt af scenariets anlægsramme – aldrig af råderummet. "
        "Tom: 0.",
        width=9,
        version=2,
    ),
    Column(
        "udelukker",
        "excludes",
        "ids",
        "Id'er på forslag, der ikke kan vedtages sammen med dette, adskilt af komma.",
        width=18,
    ),
    Column(
        "kræver",
        "requires",
        "ids",
        "Format 2. Id'er på forslag, der skal være vedtaget før (eller i samme runde som) "
        "dette, adskilt af komma.",
        width=18,
        version=2,
    ),
)

EVENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "id", "id", "Hændelsens korte navn, entydigt blandt hændelserne.", True, 16),
    Column("titel", "title", "text", "Hændelsens overskrift.", True, 36),
    *_effect_columns("hændelsen trækkes"),
    Column("tekst", "text", "text", "Hvad der er sket.", width=50),
    Column(
        "service",
        "service",
        "service",
        "Ændringen i serviceniveauet, når hændelsen trækkes (−5 til 5). Tom: 0.",
        width=9,
    ),
    Column(
        "træthed",
        "fatigue",
        "whole",
        "Format 2. Træthed, hændelsen giver organisationen (−5 til 10; minus letter). Tom: 0.",
        width=9,
        version=2,
    ),
    Column(
        "runder",
        "rounds",
        "wholes",
        "De runder, hændelsen kan trækkes i, fx 2, 3 eller 2-4 (runde 1 = første år). Tom: alle.",
        width=10,
    ),
    Column(
        "vægt",
        "weight",
        "number",
        "Hvor sandsynlig hændelsen er i forhold til de andre: 2 trækkes dobbelt så ofte som 1. "
        "Tom: 1.",
        width=8,
    ),
    Column("kilde", "source", "text", "Format 2. Hvor hændelsen kommer fra.", width=30, version=2),
)

SCENARIO_COLUMNS: tuple[Column, ...] = (
    Column("id", "id", "id", "Scenariets korte navn. Det første scenarie er standard.", True, 16),
    Column("titel", "title", "text", "Scenariets titel i menuen.", True, 30),
    Column(
        "oplæg", "briefing", "text", "Læses op for gruppen ved start (2–4 sætninger).", width=50
    ),
    Column(
        "år",
        "years",
        "years",
        "Budgetårene adskilt af semikolon, fx 2027; 2028; 2029; 2030 – eller 2027–2030. "
        "Ét år = én runde.",
        True,
        22,
    ),
    Column(
        "mål",
        "target",
        "numbers",
        "Råderummet, der skal findes i hvert år: ét tal, eller ét tal pr. år adskilt af "
        "semikolon (12; 24; 36; 45).",
        True,
        18,
    ),
    Column(
        "kapacitet",
        "capacity",
        "whole",
        "Hvor meget gruppen kan gennemføre pr. runde, 1–30: forslagenes belastning plus den "
        "træthed, de giver, skal kunne være i den. Et forslag tager typisk 2–5; "
        "standarddækket bruger 22–28 med 11–12 forslag på bordet. Tom: 6.",
        width=10,
    ),
    Column(
        "forslag på bordet",
        "market",
        "whole",
        "Hvor mange forslag der ligger på bordet, 3–15. Tom: 8.",
        width=10,
    ),
    Column(
        "hændelser pr. runde",
        "events_per_round",
        "whole",
        "Hændelser, der trækkes i starten af hver runde, 0–3. Tom: 1.",
        width=10,
    ),
    Column(
        "hændelser",
        "events",
        "ids",
        "Id'er på hændelserne i bunken, adskilt af komma. Tom: alle hændelser.",
        width=24,
    ),
    Column(
        "forslag",
        "proposals",
        "ids",
        "Id'er på forslagene i bunken, adskilt af komma. Tom: alle forslag.",
        width=24,
    ),
    Column(
        "servicegulv",
        "service_floor",
        "whole",
        "Serviceniveauet må ikke ende under dette tal. Tom: intet gulv.",
        width=10,
    ),
    Column(
        "alle tre slags",
        "require_all_kinds",
        "bool",
        "ja: gruppen skal bruge alle tre slags for at vinde; nej: ikke. Tom: ja.",
        width=10,
    ),
    Column(
        "anlægsramme",
        "construction_budget",
        "number",
        "Format 2. Den anlægsudgift, perioden tillader (betaler forslagenes 'anlæg'). Tom: "
        "ingen grænse.",
        width=12,
        version=2,
    ),
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    ABOUT: ABOUT_ROWS,
    PROPOSALS: PROPOSAL_COLUMNS,
    EVENTS: EVENT_COLUMNS,
    SCENARIOS: SCENARIO_COLUMNS,
}

KIND_WORDS: tuple[str, ...] = ("besparelse", "effektivisering", "investering")
"""The kinds as the workbook's list offers them."""
SIGN_WORDS: dict[str, str] = {
    "besparelser positive": "savings_positive",
    "besparelser negative": "savings_negative",
}
"""The sign conventions in Danish, and the deck's words for them."""


SHEET_SYNONYMS: dict[str, tuple[str, ...]] = {
    EVENTS: ("events", "begivenheder", "haendelse", "hændelse"),
    PROPOSALS: (
        "proposals",
        "forslagskatalog",
        "katalog",
        "budgetkatalog",
        "sparekatalog",
        "budgetforslag",
        "spareforslag",
    ),
    SCENARIOS: ("scenarios", "scenarie"),
}
"""Names a budget office may give a data sheet that are not its name: a sheet called so is
not read as that sheet (a guess could be wrong), but the import stops and says to rename it."""


def sheet_key(name: Any) -> str:
    """A sheet's name as it is matched: ``normal`` with æ, ø, å written ae, oe, aa, so the
    ASCII spelling the CSV files use ("Haendelser") names the same sheet."""
    text = normal(name)
    for letter, spelled in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        text = text.replace(letter, spelled)
    return text


def looks_like(sheet: str) -> str | None:
    """The data sheet an unread sheet's name points at ("Hændelser 2027", "Events",
    "Haendelse"), or None."""
    key = sheet_key(sheet)
    for name in DATA_SHEETS:
        wanted = sheet_key(name)
        synonyms = [sheet_key(s) for s in SHEET_SYNONYMS.get(name, ())]
        if key.startswith(wanted) or key in synonyms or any(key.startswith(s) for s in synonyms):
            return name
    return None


def normal(header: Any) -> str:
    """A header as it is matched: NFC, lower case, single spaces, no trailing colon."""
    text = unicodedata.normalize("NFC", str(header))
    return " ".join(text.casefold().split()).rstrip(":").strip()


_ENGLISH_CARD_HEADINGS: dict[str, str] = {
    "ref": "id",
    "ref.": "id",
    "reference": "id",
    "no.": "id",
    "number": "id",
    "name": "title",
    "description": "text",
    "comment": "text",
    "comments": "text",
    "notes": "text",
    "service level": "service",
}
"""English headings a proposal's or an event's own sheet may have (besides the deck's field
names, which every sheet takes: ``kind``, ``title``, ``area``, ``question``, ``source`` …).
Not "Risk": it may be the uncertainty or the risk that the gain fails ('svigtrisiko')."""

_ENGLISH_ALIASES = frozenset(
    {
        *_ENGLISH_CARD_HEADINGS,
        "type",  # Danish too, but then as well named as the sheet heads it
        "schema version",
        "format version",
        "welfare areas",
        "proposal",
        "proposal no.",
        "service area",
        "committee",
        "policy area",
        "event",
        "event no.",
    }
)
"""The headings of ``ALIASES`` that are English (the others are a Danish office's own)."""

ALIASES: dict[str, dict[str, str]] = {
    ABOUT: {
        "schema version": "schema_version",
        "format version": "schema_version",
        "welfare areas": "welfare_areas",
    },
    PROPOSALS: {
        "nr.": "id",
        "nr": "id",
        "nummer": "id",
        "forslag nr.": "id",
        "forslag nr": "id",
        "forslags nr.": "id",
        "forslags nr": "id",
        "forslag-nr.": "id",
        "forslagsnr.": "id",
        "forslagsnr": "id",
        "forslagsnummer": "id",
        "løbenr.": "id",
        "løbenr": "id",
        "løbenummer": "id",
        "type": "kind",
        "forslagstype": "kind",
        "forslagets type": "kind",
        "kategori": "kind",
        "art": "kind",
        "udvalg": "area",
        "fagudvalg": "area",
        "politikområde": "area",
        "sektor": "area",
        # the area a proposal belongs to, not its consequence for the service
        "serviceområde": "area",
        "forslag": "title",
        "forslagets titel": "title",
        "forslagets navn": "title",
        "forslagstitel": "title",
        "titel på forslag": "title",
        "titel på forslaget": "title",
        "navn": "title",
        "overskrift": "title",
        "beskrivelse": "text",
        "bemærkning": "text",
        "bemærkninger": "text",
        # a filled "Serviceniveau" column was skipped with a general warning, and every card
        # got its kind's default service
        "serviceniveau": "service",
        "serviceændring": "service",
        "ændring i serviceniveau": "service",
        "konsekvens for service": "service",
        "konsekvens for serviceniveau": "service",
        "servicekonsekvens": "service",
        # an English-speaking office's own headings
        **_ENGLISH_CARD_HEADINGS,
        "proposal": "title",
        "proposal no.": "id",
        "service area": "area",
        "committee": "area",
        "policy area": "area",
    },
    EVENTS: {
        "nr.": "id",
        "nr": "id",
        "nummer": "id",
        "hændelse nr.": "id",
        "hændelse nr": "id",
        "hændelses nr.": "id",
        "hændelsesnr.": "id",
        "hændelsesnr": "id",
        "hændelsesnummer": "id",
        "hændelse": "title",
        "beskrivelse": "text",
        "bemærkning": "text",
        "bemærkninger": "text",
        "serviceniveau": "service",
        "serviceændring": "service",
        "ændring i serviceniveau": "service",
        **_ENGLISH_CARD_HEADINGS,
        "event": "title",
        "event no.": "id",
    },
}
"""Headers a budget office's own sheet often has, by the column they mean ("Udvalg" is the
area, "Bemærkning" the card's text)."""


_YEAR_WORD = r"(?:år|aar|year|yr)"
_AMOUNT_HEADING = re.compile(
    rf"(?:beløb\s+(?:i\s+)?)?(?:{_YEAR_WORD}\s*[-.]?\s*(\d{{1,2}})|(\d{{1,2}})\s*\.\s*{_YEAR_WORD})"
    r"\s*(?:\*+|\([^()]{1,30}\))?"
)
"""The ways a budget office heads an amount column: "år 1", "År1", "år-2", "1. år", "4.år",
"Beløb år 1", "år 4 (overslagsår)", "År 4*" (æ, ø, å may be written ae, oe, aa)."""
_AMOUNT_LIKE = re.compile(rf"(?<!\w){_YEAR_WORD}(?!\w)")


def header_key(header: Any) -> str:
    """A header as it is looked up in ``lookup``: ``normal``, and an amount column headed in
    any of the usual ways ("År1", "4. år", "år 4 (overslagsår)") as the template's "år 4"."""
    text = normal(header)
    found = _AMOUNT_HEADING.fullmatch(text)
    if found is not None:
        number = int(found.group(1) or found.group(2))
        if 1 <= number <= MAX_EFFECT_YEARS:
            return f"år {number}"
    # a note in brackets after the name is no part of it: "Serviceniveau (-5 til 5)",
    # "usikkerhed (%)" (a year's "2027 (1.000 kr.)" is read by its year, ``heading_year``)
    bare = _NOTE_AFTER.sub("", text)
    return bare if bare and not bare[-1].isdigit() else text


_NOTE_AFTER = re.compile(r"\s*\([^()]*\)$")
"""A note in brackets at the end of a heading."""


def looks_like_amount_heading(header: Any) -> bool:
    """True for a header that speaks of "år" and a number ("år 11", "4 år", "år 4 i alt")
    without being one of the amount columns ``header_key`` knows: such a column is refused,
    never skipped, or its amounts would be missing without a word."""
    text = normal(header)
    return bool(_AMOUNT_LIKE.search(text)) and any(c.isdigit() for c in text)


def lookup(sheet: str) -> dict[str, Column]:
    """The columns of ``sheet`` by every name a header may have (Danish, the deck's field name
    for a column that is not an amount, "effect 2" for "år 2", and the usual names of a
    budget office's own sheet, ``ALIASES``), keyed as ``header_key`` writes a header."""
    found: dict[str, Column] = {}
    for column in COLUMNS[sheet]:
        found[normal(column.header)] = column
        if column.reader == "effect":
            found[f"effect {column.index + 1}"] = column
        else:
            found.setdefault(normal(column.field), column)
            # "events per round" as "events_per_round": spaces as in the Danish headings
            found.setdefault(normal(english_label(column.field)), column)
    by_field = {c.field: c for c in COLUMNS[sheet] if c.reader != "effect"}
    for name, field_name in ALIASES.get(sheet, {}).items():
        if field_name in by_field:
            found.setdefault(normal(name), by_field[field_name])
    return found


def english_label(field: str, index: int | None = None) -> str:
    """A column's English heading, which the import reads as the Danish one: "year 2" for
    the second amount, else the deck's field name with spaces ("events per round")."""
    if field == "effect":
        return f"year {(index or 0) + 1}"
    return field.replace("_", " ")


_ENGLISH_YEAR = re.compile(r"\b(?:year|yr|effect)\b")
"""An amount column headed in English ("Year 2", "2. yr", "effect 3")."""


def english_heading(sheet: str, text: Any) -> bool:
    """True for a heading of ``sheet`` that names its column in English ("Type", "Year 2",
    "events per round", "kind"), not as the Danish template or a Danish budget office does
    ("slags", "år 2", "Udvalg"): messages name such a column as the sheet heads it."""
    key = header_key(text)
    column = lookup(sheet).get(key)
    if column is None:
        return False
    if column.reader == "effect":
        return bool(_ENGLISH_YEAR.search(normal(text)))
    danish = {normal(c.header) for c in COLUMNS[sheet]}
    danish.update(normal(name) for name in ALIASES.get(sheet, {}) if name not in _ENGLISH_ALIASES)
    return key not in danish


def required_fields(sheet: str) -> set[str]:
    """The fields whose headings the data sheet ``sheet`` must have (its amounts aside)."""
    return {c.field for c in COLUMNS[sheet] if c.required and c.reader != "effect"}


def headed_like(texts: frozenset[str], sheet: str) -> bool:
    """True when ``texts`` (the first rows of a sheet that is not read) hold every required
    heading of the data sheet ``sheet`` – "Ark1" or "Kultur" with the headings of 'Forslag'."""
    if sheet not in DATA_SHEETS or sheet == ABOUT:
        return False
    known = lookup(sheet)
    required = required_fields(sheet)
    fields = {known[header_key(t)].field for t in texts if header_key(t) in known}
    return bool(required) and required <= fields


def label(sheet: str, field: str, index: int | None = None) -> str:
    """The Danish header of ``field`` on ``sheet`` ("år 2" for effect nr. 2)."""
    for column in COLUMNS.get(sheet, ()):
        if column.field == field and (column.reader != "effect" or index in (None, column.index)):
            return column.header
    return field
