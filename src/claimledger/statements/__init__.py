"""Statements of one document: who said what, how, when, and where in the text.

`extract` turns the `Attribution` records that the `claimledger_attribution` component left
on the Doc into `Statement`s, with the speaker resolved to the fullest name the document
gives (`actors.Actors`) and the date the statement was made, when the text tells it
(`dating.statement_dates`: on the cue, or through the context a reader uses). It also
returns a `Mention` for every actor it saw, so that entity resolution can give each
statement a global speaker id.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger import dates
from claimledger.models import Document, Mention, Statement
from claimledger.nlp.attribution import Attribution
from claimledger.statements import _quoted, acts
from claimledger.statements.actors import Actor, Actors
from claimledger.statements.dating import statement_dates

__all__ = ["extract"]


def _dates(document: Document, lang: str) -> tuple[list[dates.TimeMention], dates.TimeValue | None]:
    """Every time expression of the text, once per document, and the anchor they count from."""
    anchor = dates.anchor_for(document.text, document.published, lang)
    return dates.find_dates(document.text, anchor, lang), anchor


def _date_for(att: Attribution, times: list[dates.TimeMention]) -> tuple[str | None, str | None]:
    """The date phrase the attribution component hung on the cue ("said on May 3")."""
    for a, b in att.date_spans:
        for tm in times:
            if tm.value is not None and tm.start < b and a < tm.end:
                return tm.value.iso, tm.value.precision
    return None, None


def _speaker_type(actor: Actor, att: Attribution) -> str:
    if actor.type == "ORG" and att.cue_lemma in ("report", "write", "publish", "передать", "передавать"):
        return "MEDIA"
    return actor.type if actor.type in ("PERSON", "ORG", "GPE", "NORP", "MEDIA") else "OTHER"


def extract(doc: Doc, document: Document) -> tuple[list[Statement], list[Mention]]:
    """Statements (ids `<doc id>:s<n>` in text order) and the actor mentions behind them."""
    lang = (document.language or doc._.lang or "en").lower()
    if lang.split("-")[0] not in ("en", "ru"):
        # No parser, no attribution component: quotations and the names beside them only.
        return _quoted.extract(document, lang.split("-")[0])
    attributions: list[Attribution] = list(doc._.attributions or [])
    actors = Actors(doc)
    times, anchor = _dates(document, lang) if attributions else ([], None)
    text = document.text
    statements: list[Statement] = []
    speakers: dict[int, Actor] = {}
    named_span: dict[int, bool] = {}
    for n, att in enumerate(attributions):
        if att.speaker is None:
            continue
        sp = doc.char_span(att.speaker[0], att.speaker[1], alignment_mode="expand")
        if sp is None:
            continue
        actor, named = actors.resolve(sp)
        speakers[n] = actor
        named_span[n] = named
    for n, att in enumerate(attributions):
        if n not in speakers:
            continue
        date, precision = _date_for(att, times)
        actor = speakers[n]
        content = " ".join(text[a:b] for a, b in att.content).strip()
        statements.append(
            Statement(
                id="",
                doc_id=document.id,
                speaker=actor.name,
                act=acts.decide(doc, att, lang),  # type: ignore[arg-type]
                content=content,
                direct=att.direct,
                start=att.start,
                end=att.end,
                speaker_type=_speaker_type(actor, att),  # type: ignore[arg-type]
                date=date,
                date_precision=precision,  # type: ignore[arg-type]
                cue=" ".join(text[a:b] for a, b in att.cue),
                channel=text[att.channel[0] : att.channel[1]] if att.channel else None,
                speaker_spans=[att.speaker],
                cue_spans=list(att.cue),
                content_spans=list(att.content),
                reported_summary=att.summary,
            )
        )
    statements.sort(key=lambda s: (s.start, s.end))
    for i, s in enumerate(statements, 1):
        s.id = f"{document.id}:s{i}"
    # Statements whose date the text gives elsewhere than on the cue (`dating` says how).
    for s, found in zip(statements, statement_dates(doc, statements, times, anchor), strict=True):
        if found is not None and s.date is None:
            s.date, s.date_precision = found  # type: ignore[assignment]
    return statements, _mentions(document, actors, statements, speakers, attributions)


def _mentions(
    document: Document,
    actors: Actors,
    statements: list[Statement],
    speakers: dict[int, Actor],
    attributions: list[Attribution],
) -> list[Mention]:
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    used = set(map(id, speakers.values()))
    for actor in actors.actors:
        if actor.type == "OTHER" and id(actor) not in used:
            continue
        for s, e, surface in actor.forms:
            if (s, e) in seen:
                continue
            # pronouns and bare descriptions ("he", "the ministry") are not names of anything
            if not any(ch.isupper() for ch in surface) and actor.type != "OTHER":
                continue
            seen.add((s, e))
            out.append(
                Mention(
                    doc_id=document.id,
                    start=s,
                    end=e,
                    text=surface,
                    type=actor.type if actor.type != "MEDIA" else "MEDIA",  # type: ignore[arg-type]
                    local_name=actor.name,
                )
            )
    names = {m.local_name for m in out}
    for st in statements:
        if st.speaker not in names and st.speaker_spans:
            s, e = st.speaker_spans[0]
            out.append(
                Mention(
                    doc_id=document.id,
                    start=s,
                    end=e,
                    text=document.text[s:e],
                    type=st.speaker_type,
                    local_name=st.speaker,
                )
            )
            names.add(st.speaker)
    out.sort(key=lambda m: (m.start, m.end))
    return out
