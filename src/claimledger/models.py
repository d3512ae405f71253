"""The schema of record: every stage produces these, the store persists them,
export and the API serialise them, tests build them.

Plain dataclasses, no behaviour beyond (de)serialisation helpers, so that any
layer can import this module without pulling in models or I/O.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

Act = Literal["claim", "deny", "retract", "appeal", "recommend", "confirm", "other"]
ACTS: tuple[str, ...] = ("claim", "deny", "retract", "appeal", "recommend", "confirm", "other")

StanceLabel = Literal["supports", "refutes", "retracts", "questions", "reports"]
STANCES: tuple[str, ...] = ("supports", "refutes", "retracts", "questions", "reports")

Status = Literal["asserted", "supported", "denied", "retracted", "contested", "unverified"]
STATUSES: tuple[str, ...] = ("asserted", "supported", "denied", "retracted", "contested", "unverified")

EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "MEDIA", "OTHER"]
ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "MEDIA", "OTHER")

DiscrepancyKind = Literal["date", "attribution", "quantity", "scope", "name", "other"]
DISCREPANCY_KINDS: tuple[str, ...] = ("date", "attribution", "quantity", "scope", "name", "other")

# "day" = YYYY-MM-DD, "month" = YYYY-MM, "year" = YYYY. Dates are stored as ISO strings
# of exactly that precision so that they sort and compare as text.
Precision = Literal["day", "month", "year"]

Span = tuple[int, int]


def content_hash(text: str) -> str:
    """Identity of a text for exact-duplicate detection: whitespace-insensitive."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One article as read from a source, before analysis.

    `text` is the stored text; every offset in the ledger indexes into it.
    `id` is derived from the content so that the same article read twice (from
    two paths, or a path and a URL) is one document with several `sources`.
    """

    source: str
    text: str
    title: str | None = None
    published: str | None = None
    published_precision: Precision | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None
    sources: list[str] = field(default_factory=list)
    copy_of: str | None = None  # id of the document this one nearly duplicates
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = "d" + content_hash(self.text)[:12]
        if not self.sources:
            self.sources = [self.source]


@dataclass
class Mention:
    """A name (or description) of an actor in one document."""

    doc_id: str
    start: int
    end: int
    text: str
    type: EntityType
    # Canonical form inside the document ("Mr. Gordon" -> "Dmitry Gordon") so that
    # corpus-level resolution starts from the fullest name the document gives.
    local_name: str = ""
    entity_id: str | None = None


@dataclass
class Statement:
    """One act of speech: who said what, how, when, and where in the text."""

    id: str
    doc_id: str
    speaker: str  # the fullest name the document gives for the speaker
    act: Act
    content: str
    direct: bool
    start: int
    end: int
    speaker_type: EntityType = "OTHER"
    speaker_id: str | None = None  # global entity id, set by entity resolution
    date: str | None = None
    date_precision: Precision | None = None
    cue: str = ""
    channel: str | None = None  # venue or medium: "an interview with Radio Liberty"
    speaker_spans: list[Span] = field(default_factory=list)
    cue_spans: list[Span] = field(default_factory=list)
    content_spans: list[Span] = field(default_factory=list)
    # Proposition frame (predicate class, agent, theme, location, time, polarity),
    # computed per document by `claims.frame`; claim linking unifies frames.
    frame: dict[str, Any] = field(default_factory=dict)
    # Set when the statement is the reporter's own summary of what someone said
    # (no quote, headline or lede), which counts as `reports`, never as a new claim.
    reported_summary: bool = False


@dataclass
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    # Blocking keys: a new mention is compared only with entities sharing one.
    keys: list[str] = field(default_factory=list)


@dataclass
class Stance:
    statement_id: str
    stance: StanceLabel
    doc_id: str = ""
    score: float | None = None
    # The document this one nearly copies, when that original holds a stance on the same
    # claim: a repeater, not another source (ten outlets running one wire story are one).
    repeats: str | None = None


@dataclass
class Claim:
    id: str
    text: str
    # What is asserted, of whom, where and when: predicate class, agent, theme,
    # location, time. Two statements share a claim when their frames unify.
    frame: dict[str, Any] = field(default_factory=dict)
    claimant_ids: list[str] = field(default_factory=list)
    first_date: str | None = None
    status: Status = "unverified"
    reasons: list[str] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    related: list[dict[str, str]] = field(default_factory=list)  # {"claim_id", "relation"}


@dataclass
class Event:
    """Something that happened or was said, with its three times."""

    id: str
    description: str
    date: str | None  # when it happened (or was said, for speech events)
    date_precision: Precision | None = None
    said_date: str | None = None
    reported_date: str | None = None
    doc_ids: list[str] = field(default_factory=list)
    statement_ids: list[str] = field(default_factory=list)
    kind: str = "event"  # "event" | "statement"
    start: int | None = None
    end: int | None = None
    keys: list[str] = field(default_factory=list)


@dataclass
class DiscrepancyValue:
    value: str
    doc_ids: list[str] = field(default_factory=list)


@dataclass
class Discrepancy:
    id: str
    kind: DiscrepancyKind
    subject: str
    values: list[DiscrepancyValue] = field(default_factory=list)
    claim_id: str | None = None


@dataclass
class Story:
    id: str
    title: str
    doc_ids: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    vector: str | None = None  # centroid of its documents' vectors (`embeddings.pack`)
    # How many documents it has. A story read as a linking candidate comes without `doc_ids`
    # (a long story's list is most of its record, and matching reads none of it).
    size: int = 0


@dataclass
class Rejection:
    source: str
    reason: str
    stage: str = "ingest"


@dataclass
class DocAnalysis:
    """Everything the per-document stages found in one document.

    Committed to the store in one transaction; corpus stages start from it.
    """

    document: Document
    statements: list[Statement] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Title-and-lead sentence embedding (`embeddings.pack`), the document's place in a
    # language-independent space; None when the text gives nothing to embed.
    vector: str | None = None


def statement_record(s: Statement) -> dict[str, Any]:
    """The public shape of a statement: ledger/1 writes it, the web app's JSON twins serve it."""
    return {
        "id": s.id,
        "doc_id": s.doc_id,
        "speaker_id": s.speaker_id,
        "speaker": s.speaker,
        "act": s.act,
        "content": s.content,
        "direct": s.direct,
        "date": s.date,
        "start": s.start,
        "end": s.end,
        "speaker_spans": [list(x) for x in s.speaker_spans],
        "cue_spans": [list(x) for x in s.cue_spans],
        "content_spans": [list(x) for x in s.content_spans],
        "cue": s.cue,
        "channel": s.channel,
        "reported_summary": s.reported_summary,
    }


# Every stored record goes through `to_dict` (hundreds of thousands of values per hundred
# articles): the leaves, nearly all of them, return at once, and a dataclass's field names are
# looked up once per class instead of on every instance.
_LEAVES = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def to_dict(obj: Any) -> Any:
    """Dataclass -> plain JSON-ready structure (tuples become lists)."""
    cls = type(obj)
    if cls in _LEAVES:
        return obj
    names = _FIELD_NAMES.get(cls)
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        return {name: to_dict(getattr(obj, name)) for name in names}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Inverse of `to_dict` for the flat-ish records above; unknown keys are ignored."""
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in names}
    if cls is Statement:
        for k in ("speaker_spans", "cue_spans", "content_spans"):
            kwargs[k] = [tuple(s) for s in kwargs.get(k) or []]
    if cls is Claim:
        kwargs["stances"] = [s if isinstance(s, Stance) else from_dict(Stance, s) for s in kwargs.get("stances") or []]
    if cls is Discrepancy:
        kwargs["values"] = [
            v if isinstance(v, DiscrepancyValue) else from_dict(DiscrepancyValue, v) for v in kwargs.get("values") or []
        ]
    return cls(**kwargs)
