from __future__ import annotations

import re

from claimledger.models import Claim, Statement
from claimledger.store import Store

# Inline syntax only: every value is written after a list marker or inside a sentence, never
# at the start of a line, so block syntax (#, -, +, >) cannot trigger. < and > become entities.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md(text: str | None) -> str:
    """Article text is hostile: neutralise HTML and Markdown syntax so it renders as text."""
    text = " ".join((text or "").split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def to_markdown(store: Store) -> str:
    """A readable report: per story, its claims with status and reasons, timeline, discrepancies."""
    docs = {d.id: d for d in store.documents()}
    statements = {s.id: s for s in store.all_statements()}
    entities = {e.id: e for e in store.all("entity")}
    all_claims: list[Claim] = store.all("claim")
    events = store.all("event")
    lines = ["# claimledger report", ""]
    counts = store.counts()
    lines += [
        f"{counts['documents']} documents, {counts['statements']} statements, {counts['entities']} entities, "
        f"{counts['claims']} claims, {counts['stories']} stories, {counts['discrepancies']} discrepancies.",
        "",
    ]
    for story in store.all("story"):
        in_story = set(story.doc_ids)
        lines += [f"## Story {story.id}: {md(story.title)}", "", "### Documents", ""]
        for d in story.doc_ids:
            doc = docs.get(d)
            if doc:
                lines.append(
                    f"- `{d}` {md(doc.outlet or doc.source)} — {md(doc.title or '(no title)')}"
                    f" ({doc.published or 'date unknown'}, {doc.language or '?'})"
                )
        story_claims = [c for c in all_claims if any(s.doc_id in in_story for s in c.stances)]
        lines += ["", "### Claims", ""]
        for c in story_claims:
            claimants = ", ".join(md(entities[e].name) for e in c.claimant_ids if e in entities) or "unknown"
            lines.append(f"- **{md(c.text)}** — *{c.status}* (claimant: {claimants}; first {c.first_date or '?'})")
            for reason in c.reasons:
                lines.append(f"  - {md(reason)}")
            for s in c.stances:
                st: Statement | None = statements.get(s.statement_id)
                if st:
                    lines.append(
                        f"  - {s.stance}: {md(st.speaker)} ({st.act}, {st.date or 'undated'}, `{st.doc_id}`):"
                        f" “{md(_short(st.content))}”"
                    )
        lines += ["", "### Timeline", ""]
        story_events = sorted((v for v in events if in_story & set(v.doc_ids)), key=lambda v: v.date or "9999")
        for v in story_events:
            lines.append(
                f"- {v.date or 'undated'} — {md(_short(v.description))} ({', '.join('`' + d + '`' for d in v.doc_ids)})"
            )
        lines += ["", "### Discrepancies", ""]
        found = store.discrepancies(story.id)
        if not found:
            lines.append("None found.")
        for x in found:
            lines.append(f"- **{x.kind}** — {md(x.subject)}")
            for val in x.values:
                lines.append(f"  - {md(val.value)} ({', '.join('`' + d + '`' for d in val.doc_ids)})")
        lines += ["", "### Statements", ""]
        for d in story.doc_ids:
            for st in sorted((s for s in statements.values() if s.doc_id == d), key=lambda s: s.start):
                lines.append(
                    f"- `{st.id}` {md(st.speaker)} — {st.act}{' (quoted)' if st.direct else ''}, "
                    f"{st.date or 'undated'}: “{md(_short(st.content))}”"
                )
        lines.append("")
    rejected = store.rejections()
    if rejected:
        lines += ["## Rejected inputs", ""]
        lines += [f"- {md(r.source)}: {md(r.reason)}" for r in rejected]
        lines.append("")
    return "\n".join(lines)
