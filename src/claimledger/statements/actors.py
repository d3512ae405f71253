"""Who is who inside one document: names, descriptions and pronouns tied to actors.

An actor gathers every surface form the document uses for one person or organisation,
and its `name` is the fullest of them ("Mr. Gordon", "Gordon", "he" -> "Dmitry Gordon").
Persons match on surname; organisations on their country (shared stem: "Tajik",
"Tajikistan's") and kind words ("Foreign Ministry" = "Ministry of Foreign Affairs" = "MFA").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimledger.gazetteer import is_country_word, name_cache
from claimledger.names import given_compatible, place_stem, shared_prefix, skeleton
from claimledger.nlp import index as doc_index

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "он", "она", "его", "ее", "её", "ему", "ей", "him.", "i", "я"}
ORG_PRONOUNS = {"it", "its", "they", "them", "their", "оно", "они", "их", "we", "мы"}
TITLES = set(
    "mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister general major lieutenant "
    "colonel col gen lt sgt sergeant admiral captain capt chief senator sen rep representative gov governor mayor "
    "judge justice ayatollah sheikh king queen prince princess pope secretary ambassador commander marshal brig "
    "brigadier deputy chairman chairwoman speaker spokesman spokeswoman spokesperson leader director head "
    "nurse doctor coach officer detective inspector sergeant constable father reverend rabbi imam bishop "
    "farmer lawyer attorney prosecutor journalist blogger activist analyst expert professor engineer "
    "господин госпожа г-н президент министр генерал глава премьер-министр премьер посол пресс-секретарь "
    "депутат губернатор мэр директор председатель".split()
    # ranks and offices that come hyphenated or compounded ("Lieutenant-General", "Vice-President",
    # "Chief of Staff", "MP Marko Dellin", "генерал-майор", "замминистра")
    + "vice mp lawmaker legislator congressman congresswoman assemblyman assemblywoman councillor "
    "commissioner superintendent rear field adjutant corporal private "
    "майор лейтенант полковник подполковник адмирал маршал вице замминистра заместитель замглавы "
    "генпрокурор прокурор командующий начальник руководитель сенатор блогер журналист политолог "
    "эксперт аналитик советник представитель официальный".split()
)
ORG_HEADS = set(
    "ministry embassy government authorities authority office department agency committee commission council "
    "service services army police court party company corporation administration mission parliament "
    "assembly bank union organization organisation institute foundation university side kremlin cabinet "
    "military forces navy command directorate bureau prosecutor's prosecutor group center centre "
    "министерство ведомство мид правительство посольство власти администрация служба комитет совет "
    "партия компания суд прокуратура армия минобороны мвд кремль сторона "
    "hall municipality utility мэрия муниципалитет горсовет".split()
)
KIND_ALIASES: dict[str, set[str]] = {
    "mfa": {"ministry", "foreign"},
    "mofa": {"ministry", "foreign"},
    "mod": {"ministry", "defense"},
    "мид": {"ministry", "foreign"},
    "минобороны": {"ministry", "defense"},
    "мвд": {"ministry", "interior"},
    "министерство": {"ministry"},
    "ведомство": {"ministry"},
    "посольство": {"embassy"},
    "правительство": {"government"},
    "мэрия": {"cityhall"},
    "hall": {"cityhall"},
    "municipality": {"cityhall"},
    "defence": {"defense"},
    "иностранных": {"foreign"},
    "обороны": {"defense"},
}
MEDIA_WORDS = set(
    "news radio tv television times post journal gazette tribune herald press agency reuters afp ap tass "
    "interfax ria novosti bbc cnn telegraph guardian wire daily weekly magazine channel broadcasting "
    "тасс интерфакс риа новости газета радио телеканал агентство".split()
)
# Words for an outlet that its name may follow ("the newspaper X", "издание «X»").
_PLACE_NOUNS = set("port city town village region province district capital island harbour harbor".split())
OUTLET_HEADS = set(
    "newspaper outlet agency broadcaster website site portal channel paper daily magazine "
    "издание газета агентство телеканал портал сайт радиостанция журнал".split()
)
STOP = set("the a an of for in and 's ’s to at on by в во на из от по с к о об при для и".split())
# Nouns that say a name belongs to a person ("Kamran Talesh, an adviser to ...").
PERSON_ROLES = TITLES | set(
    "adviser advisor aide official member envoy administrator founder editor author owner correspondent "
    "reporter researcher scientist economist politician diplomat lawmaker legislator mp councillor candidate "
    "советник помощник сотрудник член эксперт аналитик политик дипломат".split()
)
# Role words that name one kind of person, whatever the outlet's wording: a description
# ("the MP", "an opposition lawmaker") finds the person whose role is of the same class.
ROLE_CLASSES: dict[str, str] = {
    w: cls
    for cls, words in {
        "lawmaker": "lawmaker legislator mp parliamentarian congressman congresswoman assemblyman assemblywoman "
        "депутат парламентарий законодатель",
        "journalist": "journalist reporter correspondent newsman журналист корреспондент репортер репортёр",
        "spokesperson": "spokesman spokeswoman spokesperson пресс-секретарь представитель",
        "blogger": "blogger vlogger блогер блоггер",
        "analyst": "analyst expert commentator pundit политолог аналитик эксперт",
        "minister": "minister министр",
        "ambassador": "ambassador посол",
        "president": "president президент",
        "general": "general генерал",
        "diplomat": "diplomat дипломат",
        "lawyer": "lawyer attorney адвокат юрист",
        "prosecutor": "prosecutor прокурор",
        "governor": "governor губернатор",
        "mayor": "mayor мэр",
        "adviser": "adviser advisor советник",
        "activist": "activist campaigner активист правозащитник",
        "scientist": "scientist researcher исследователь учёный ученый",
    }.items()
    for w in words.split()
}
# "deputy" alone is a member of parliament; beside another office it only ranks it
# ("Deputy Foreign Minister").
_RANKED_OFFICES = set(
    "minister director head chief secretary mayor governor chairman chairwoman editor commander prime "
    "president foreign defence defense ambassador prosecutor speaker".split()
)
_OFFICE_WORDS = {"affairs", "interior", "state", "armed", "forces", "joint", "staff"}
# Legislatures: "a member of the National Assembly" is a lawmaker.
LEGISLATURES = set(
    "parliament assembly congress senate legislature duma rada knesset majlis bundestag house "
    "парламент дума рада собрание сенат конгресс".split()
)
# An organisation's press office speaks for the organisation ("сообщили в пресс-службе").
PRESS_HEADS = {"пресс-служба", "пресс-центр", "пресс-секретариат", "пресс-бюро"}
# Speaker phrases that are documents: "the statement said" speaks for its issuer.
DOCUMENT_HEADS = {"statement", "communique", "communiqué", "announcement", "заявление", "сообщение", "коммюнике"}
EMBASSY_HEADS = {"embassy", "consulate", "mission", "посольство", "консульство", "представительство"}
# Words before a place, never before a person named by surname ("in Talesh" is a town).
LOCATIVE = {"in", "from", "at", "near", "into", "across", "outside", "inside", "throughout", "в", "во", "из", "на"}
# Russian demonym adjectives are lowercase ("кестранского МИД", "российской армии").
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_RU_DEMONYM = re.compile(r"^[а-яё]+[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")
_GLUED_THE = re.compile(r"^(?:the|The)(?=[A-Z])")


@dataclass
class Actor:
    type: str
    name: str = ""
    surname: str = ""
    country: set[str] = field(default_factory=set)
    kind: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    # words describing the actor where it is introduced ("opposition", "Ellandia", "navy"):
    # they tell apart two actors of one role
    traits: set[str] = field(default_factory=set)
    person_like: bool = False  # "he" may refer to it (a person, or an org's spokesman)
    forms: list[tuple[int, int, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def offer(self, name: str) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1
        if self.type == "PERSON":
            # a person's fullest name is the longest: "Dmitry Gordon" over a frequent "Gordon"
            if not self.name or _fullness(name) > _fullness(self.name):
                self.name = name
            return
        # an organisation's is the form the article settles on, among its multi-word names
        self.name = max(self.counts, key=lambda n: (len(n.split()) > 1, self.counts[n], _fullness(n)))


def _fullness(name: str) -> tuple[int, int]:
    # more words first, then a proper (not all-caps) spelling, then length
    return (len(name.split()), len(name))


@name_cache
def clean_name(text: str) -> str:
    text = _GLUED_THE.sub("", text.strip())
    text = re.sub(r"[’']s$", "", text).strip(' ,.;:"“”«»')
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    return " ".join(text.split())


def _title_parts(word: str) -> list[str]:
    """The title words a word is made of ("Major-General" -> ["major", "general"]), else []."""
    w = word.lower().strip(".,")
    parts = [p for p in re.split(r"[-‐]", w) if p]
    if w in TITLES or (parts and all(p in TITLES for p in parts)):
        return parts or [w]
    return []


def is_title_only(text: str) -> bool:
    """ "Major-General", "Deputy Foreign Minister", "генерал-майор": a rank or office with no
    name, which must never become a person's name."""
    words = [w for w in text.split() if w.strip(".,")]
    if not words:
        return False
    titled = [w for w in words if _title_parts(w)]
    return bool(titled) and all(
        _title_parts(w) or w[:1].islower() or w.lower() in KIND_ALIASES or w.lower() in STOP or _is_office_word(w)
        for w in words
    )


def _is_office_word(word: str) -> bool:
    # the capitalised non-name words of an office: "Foreign" in "Deputy Foreign Minister"
    return word.lower().rstrip(".") in _RANKED_OFFICES | _OFFICE_WORDS


def strip_titles(name: str) -> tuple[str, set[str]]:
    """ "Major-General Mohammad Hossein Bagheri" -> ("Mohammad Hossein Bagheri", {"general", "major"});
    "Deputy Foreign Minister Lena Varga" -> ("Lena Varga", {"deputy", "foreign", "minister"})."""
    words = name.split()
    roles: set[str] = set()
    while len(words) > 1:
        parts = _title_parts(words[0])
        if parts or words[0][:1].islower():
            roles.update(r for r in parts or [words[0].lower().rstrip(".")] if r not in STOP)
            words = words[1:]
            continue
        break
    # An office spelled with capitals before the name ("Foreign Minister Lena Varga", "Chief of
    # Staff of the Army Gen. Aldo Fenn", "МИД Сергей Лавров"): the name is what follows the
    # last title or institution word, when only capitalised words follow it.
    cut = -1
    for i, w in enumerate(words[:-1]):
        low = w.lower().rstrip(".")
        if _title_parts(w) or low in KIND_ALIASES or low in ORG_HEADS or (cut >= 0 and _is_office_word(w)):
            cut = i
    if cut >= 0 and all(w[:1].isupper() and not _title_parts(w) for w in words[cut + 1 :]):
        for w in words[: cut + 1]:
            roles.update(r for r in _title_parts(w) or [w.lower().rstrip(".")] if r not in STOP)
        words = words[cut + 1 :]
    return " ".join(words), roles


def role_class(word: str) -> str:
    return ROLE_CLASSES.get(word, word)


def role_classes(roles: set[str]) -> set[str]:
    """An actor's roles by class: "MP", "lawmaker", "депутат" are one role."""
    out = {role_class(r) for r in roles if r != "deputy"}
    if "deputy" in roles:
        out.add("deputy" if roles & _RANKED_OFFICES else "lawmaker")
    if "secretary" in roles and "press" in roles:
        out.add("spokesperson")
    return out


def _stem(word: str) -> str:
    return word.lower().replace("’s", "").replace("'s", "").strip(".")


def countries_compatible(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return True
    for x in a:
        for y in b:
            if x == y:
                return True
            n = shared_prefix(x, y)
            if n >= 4 and n >= 0.6 * min(len(x), len(y)):
                return True
    return False


class Actors:
    """The actors of one document, with a timeline of their mentions for back-reference."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: list[Actor] = []
        self.timeline: list[tuple[int, Actor, bool]] = []  # (char, actor, mention is a subject)
        self.by_span: dict[tuple[int, int], Actor] = {}
        self._lent_roles: dict[int, set[str]] = {}
        self._ents_by_start: dict[int, list[Span]] | None = None
        self._collect()

    # -- building ------------------------------------------------------------------------
    def _collect(self) -> None:
        spans: list[tuple[Span, str]] = []
        for ent in doc_index.ents(self.doc):
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
                label = ent.label_
                # the small model calls "Nurse Helen Park" a facility: a title makes it a person
                if label == "FAC" and ent[0].lower_.rstrip(".") in TITLES:
                    label = "PERSON"
                # and calls a lone demonym a person ("Tajik officials")
                if label == "PERSON" and is_country_word(ent.text.lower()):
                    label = "NORP"
                spans.append((ent, label if label != "FAC" else "ORG"))
        for tok in self.doc:
            if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in ORG_HEADS and not tok.ent_type_:
                sp = self._org_phrase(tok)
                if sp is not None and any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP") for t in sp):
                    spans.append((sp, "ORG"))
        spans += self._untagged_names(spans)
        spans = self._relabel(spans)
        spans.sort(key=lambda s: (s[0].start_char, -s[0].end_char))
        last_end = -1
        for sp, label in spans:
            if sp.start_char < last_end or (label == "PERSON" and (is_title_only(sp.text) or _role_only(sp))):
                # (a rank tagged alone, "Major-General": the name follows it; a headline's
                # "Halvian Blogger" in title case is a description, not a name)
                continue
            # a GPE/NORP inside an organisation name ("Tajik" in "Tajik Foreign Ministry") is part of it
            grown = self._grow_org(sp) if label in ("ORG", "GPE", "NORP") else sp
            if grown is not sp:
                label = "ORG"
                sp = grown
            last_end = sp.end_char
            self.add(sp, label)

    def _untagged_names(self, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
        """Full names the statistical NER left untagged ("Marko Dellin, a member of ...", when
        it tagged only the later "Dellin"): a run of two or three capitalised proper nouns
        outside any entity is a person's name when it ends with the surname of a person the
        document names, or carries a person's title or role."""
        doc = self.doc
        surnames = {sp[-1].text for sp, label in spans if label == "PERSON"}
        out: list[tuple[Span, str]] = []

        def free(t: Token) -> bool:
            return t.pos_ == "PROPN" and t.ent_iob_ == "O" and t.is_alpha and t.text[:1].isupper()

        i = 0
        while i < len(doc):
            if not free(doc[i]):
                i += 1
                continue
            j = i
            while j < len(doc) and free(doc[j]):
                j += 1
            sp = doc[i:j]
            # a quoted title is a programme or a book ("the show “Visiting Gordon”"), not a person
            quoted = (i > 0 and doc[i - 1].is_quote) or (j < len(doc) and doc[j].is_quote)
            if (
                2 <= len(sp) <= 3
                and not quoted
                and self._name_like(sp)
                and (sp[-1].text in surnames or self._person_context(sp))
            ):
                out.append((sp, "PERSON"))
            i = j
        return out

    def _relabel(self, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
        """Correct entity labels the document itself contradicts.

        Statistical NER often types a rare foreign name as an organisation or place
        ("spokeswoman Ilse Marten" as ORG), or a demonym adjective as a person. A title or
        role word next to the name, or the name's last word being the surname of a person
        the document names in full, makes it a person; a span of adjectives is no name."""
        out: list[tuple[Span, str]] = []
        for sp, label in spans:
            if label in ("PERSON", "ORG") and self._place_context(sp, dateline_only=label == "ORG"):
                label = "GPE"
            elif label == "PERSON":
                if all(t.pos_ == "ADJ" for t in sp):
                    label = "NORP"
                else:
                    sp = self._drop_detached_prefix(sp)
            elif label in ("ORG", "GPE", "NORP") and self._name_like(sp) and self._person_context(sp):
                label = "PERSON"
            out.append((sp, label))
        # A lone "person" whose stem is a place the document names ("Кестранию" beside
        # "Кестрании", "кестранского"): Russian NER often takes declined foreign place names
        # for surnames.
        places = {place_stem(sp.text) for sp, label in out if label in ("GPE", "LOC", "NORP") and len(sp) == 1}
        places |= {place_stem(t.text) for t in self.doc if _RU_DEMONYM.match(t.lower_)}
        full_names = {place_stem(sp[-1].text) for sp, label in out if label == "PERSON" and len(sp) >= 2}
        out = [
            (sp, "GPE")
            if label == "PERSON" and len(sp) == 1 and (st := place_stem(sp.text)) in places and st not in full_names
            else (sp, label)
            for sp, label in out
        ]
        surnames = {
            sp[-1].text.lower() for sp, label in out if label == "PERSON" and len(strip_titles(sp.text)[0].split()) >= 2
        }
        for i, (sp, label) in enumerate(out):
            if (
                label in ("ORG", "GPE", "NORP")
                and self._name_like(sp)
                and sp[-1].text.lower() in surnames
                and not (sp.start > 0 and self.doc[sp.start - 1].lower_ in LOCATIVE)
            ):
                out[i] = (sp, "PERSON")
        return out

    @staticmethod
    def _name_like(sp: Span) -> bool:
        """Capitalised words only, none of them an institution or media word: could be a name."""
        words = [t for t in sp if not t.is_punct]
        if not 1 <= len(words) <= 4:
            return False
        for t in words:
            low = t.lower_.rstrip(".")
            if not t.text[:1].isupper() or (not t.is_alpha and low not in TITLES):
                return False
            if t.lemma_.lower() in ORG_HEADS or low in ORG_HEADS or low in MEDIA_WORDS or low in KIND_ALIASES:
                return False
        return not all(t.is_upper for t in words)

    def _place_context(self, sp: Span, dateline_only: bool = False) -> bool:
        """A one-word "person" (or "organisation") that is a place by its setting: a dateline
        ("BELGRAVA, April 12 (Wire) —") or the object of "the port/city/town of"."""
        if len(sp) != 1:
            return False
        tok = sp[0]
        if tok.is_upper and len(tok) > 2 and (tok.i == 0 or "\n" in self.doc[tok.i - 1].text_with_ws):
            after = self.doc[tok.i + 1 : tok.i + 3]
            return len(after) == 2 and after[0].text == "," and (after[1].like_num or after[1].ent_type_ == "DATE")
        if dateline_only:
            return False
        if tok.i >= 2 and self.doc[tok.i - 1].lower_ == "of":
            return self.doc[tok.i - 2].lower_ in _PLACE_NOUNS
        return False

    def _person_context(self, sp: Span) -> bool:
        first = sp[0].lower_.rstrip(".")
        if len(sp) >= 2 and first in TITLES:
            return True  # "Spokeswoman Ilse Marten"
        if sp.start > 0:
            prev = self.doc[sp.start - 1]
            if prev.lower_.rstrip(".") in TITLES and prev.text[:1].isalpha():
                return True  # "Mr. Dellin", "spokeswoman Ilse Marten"
        root = _root(sp)
        return any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_ROLES for c in root.children)

    def _drop_detached_prefix(self, sp: Span) -> Span:
        """ "(советник командования) Марестана Камран Талеш": NER glued a genitive place to
        the name. A leading word attached outside the span while the rest of the name
        forms its own tree is not part of the name."""
        if len(sp) < 3:
            return sp
        outside = [t for t in sp if not sp.start <= t.head.i < sp.end or t.head.i == t.i]
        if len(outside) == 2 and outside[0].i == sp.start and outside[1].i == sp.start + 1:
            return self.doc[sp.start + 1 : sp.end]
        return sp

    def _org_phrase(self, head: Token) -> Span | None:
        left = head.i
        for t in reversed(list(head.lefts)):
            if (t.dep_ in ("compound", "amod", "poss", "nmod", "flat") and t.i == left - 1) or (
                t.dep_ == "case" and t.i == left - 1 and t.text in ("'s", "’s", "'", "’")
            ):
                left = t.left_edge.i if t.dep_ == "poss" else t.i
            elif t.i == left - 1 and t.is_punct and t.text in ("’", "'"):
                left = t.i
        right = head.i
        for t in head.rights:
            if (t.dep_ == "prep" and t.lower_ in ("of", "for", "in")) or (t.dep_ == "nmod" and t.i == right + 1):
                right = t.right_edge.i
                break
        if left == head.i and right == head.i:
            return None
        return self.doc[left : right + 1]

    def _grow_org(self, sp: Span) -> Span:
        doc = self.doc
        start, end0 = sp.start, sp.end
        # "the Ministry of Foreign Affairs of" + "Uzbekistan": NER often stops before the country
        if sp[-1].lower_ in ("of", "for") and end0 < len(doc) and doc[end0].pos_ == "PROPN":
            while end0 < len(doc) and doc[end0].pos_ == "PROPN":
                end0 += 1
        # "Tajik MFA", "theUzbek MFA": a country adjective right before the name belongs to it
        while (
            start > 0
            and sp.label_ == "ORG"
            and (
                doc[start - 1].ent_type_ in ("NORP", "GPE")
                or (doc[start - 1].pos_ in ("PROPN", "ADJ") and _GLUED_THE.sub("", doc[start - 1].text)[:1].isupper())
                or _RU_DEMONYM.match(doc[start - 1].lower_)
            )
        ):
            start -= 1
        if (start, end0) != (sp.start, sp.end):
            sp = doc[start:end0]
            grown = Span(doc, start, end0, label="ORG")
            return self._grow_org_right(grown)
        return self._grow_org_right(sp)

    def _grow_org_right(self, sp: Span) -> Span:
        # "Tajik" + "Foreign Ministry", "Tajikistan's" + "Foreign Ministry" read as one organisation
        end = sp.end
        while (
            end < len(self.doc)
            and (
                self.doc[end].ent_type_ == "ORG"
                or self._ru_owner_after(sp.start, end)
                # "МИД Таджикистана": the country in the genitive is part of the name (whatever
                # NER made of a place it does not know)
                or (
                    self.doc[end].text[:1].isupper()
                    and (self.doc[end].ent_type_ in ("GPE", "LOC", "PERSON", "ORG") or self.doc[end].pos_ == "PROPN")
                    and self.doc[end].dep_ == "nmod"
                    and sp.start <= self.doc[end].head.i < end
                )
                or (self.doc[end].lemma_.lower() in ORG_HEADS and self.doc[end].pos_ in ("NOUN", "PROPN"))
                or self.doc[end].text in ("’s", "'s", "’")
                or (self.doc[end].pos_ == "PROPN" and end > sp.end - 1 and self.doc[end - 1].text in ("’s", "'s"))
            )
        ):
            end += 1
        if end > sp.end and any(
            t.lemma_.lower() in ORG_HEADS
            or t.ent_type_ == "ORG"
            or t.dep_ == "nmod"
            or (t.pos_ == "PROPN" and _CYRILLIC.search(t.text))
            for t in self.doc[sp.end : end]
        ):
            sp = self.doc[sp.start : end]
        return self._grow_owner_or_seat(sp)

    def _ru_owner_after(self, start: int, end: int) -> bool:
        """ "МИД Кестрании" even when the parser did not attach the genitive: in Russian a
        lone capitalised proper noun right after an institution noun is its owner (a
        person's full name there, "глава МИД Сергей Лавров", is two or more words)."""
        doc = self.doc
        if end >= len(doc) or end == start:
            return False
        t, prev = doc[end], doc[end - 1]
        if not (t.text[:1].isupper() and _CYRILLIC.search(t.text) and t.pos_ == "PROPN"):
            return False
        if prev.lemma_.lower() not in ORG_HEADS and prev.lower_ not in ORG_HEADS:
            return False
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        return nxt is None or not (nxt.pos_ == "PROPN" and nxt.text[:1].isupper())

    def _grow_owner_or_seat(self, sp: Span) -> Span:
        """ "The Ministry of Foreign Affairs" + "of Kestrania", "The Aurelian Embassy" + "in
        Dorvik": the owner or the seat named right after a state body is part of its name."""
        doc = self.doc
        lemmas = {t.lemma_.lower() for t in sp} | {t.lower_ for t in sp}
        if not lemmas & ORG_HEADS:
            return sp
        end = sp.end
        if end < len(doc) and (
            doc[end].lower_ in ("of", "for") or (doc[end].lower_ in ("in", "в", "во") and lemmas & EMBASSY_HEADS)
        ):
            j = end + 1
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
            k = j
            while k < len(doc) and doc[k].text[:1].isupper() and (doc[k].pos_ == "PROPN" or doc[k].ent_type_):
                k += 1
            if k > j and not any(doc[i].lemma_.lower() in ORG_HEADS for i in range(j, k)):
                return doc[sp.start : k]
        return sp

    def add(self, sp: Span, label: str) -> Actor:
        name = clean_name(self._normal(sp))
        actor = self._match(sp, label, name)
        actor.forms.append((sp.start_char, sp.end_char, sp.text))
        self.by_span[(sp.start_char, sp.end_char)] = actor
        self.timeline.append((sp.start_char, actor, _root(sp).dep_ in ("nsubj", "nsubjpass", "nsubj:pass")))
        self.timeline.sort(key=lambda x: x[0])
        return actor

    def _normal(self, sp: Span) -> str:
        """The span's text with each inflected name inside it in its dictionary form."""
        if sp._.normal:
            return str(sp._.normal)
        parts: list[str] = []
        pos = sp.start_char
        # Only an entity starting where the span starts counts: look those up, not every entity.
        for ent in self._ents_at().get(sp.start_char, ()):
            if ent.end_char <= sp.end_char and ent._.normal:
                parts.append(str(ent._.normal))
                pos = ent.end_char
        parts.append(doc_index.text(self.doc)[pos : sp.end_char])
        return "".join(parts)

    def _ents_at(self) -> dict[int, list[Span]]:
        """The document's entities by start character, in document order (built once)."""
        found = self._ents_by_start
        if found is None:
            found = {}
            for ent in doc_index.ents(self.doc):
                found.setdefault(ent.start_char, []).append(ent)
            self._ents_by_start = found
        return found

    def _features(self, sp: Span, name: str) -> tuple[set[str], set[str]]:
        country: set[str] = set()
        kind: set[str] = set()
        for w in re.findall(r"[\w.’'-]+", name):
            lw = _stem(w)
            if lw in STOP or not lw:
                continue
            if lw in KIND_ALIASES:
                kind |= KIND_ALIASES[lw]
            elif _RU_DEMONYM.match(lw):
                country.add(lw)
            elif lw in ORG_HEADS or w[:1].islower() or lw in ("foreign", "affairs", "defense", "interior"):
                if lw not in ("affairs", "дел"):
                    kind.add("ministry" if lw in ("министерство", "ведомство") else lw)
            else:
                country.add(lw)
        return country, kind

    def _match(self, sp: Span, label: str, name: str) -> Actor:
        if label == "PERSON" and name.strip().lower() in MEDIA_WORDS:
            label = "MEDIA"  # "the Gazette said": the small model's PERSON is an outlet's short name
        if label == "PERSON":
            bare, roles = strip_titles(name)
            roles |= self._roles(sp)
            traits = self._traits(sp) | roles
            surname = _stem(bare.split()[-1]) if bare else ""
            for a in reversed(self.actors):
                if a.type == "PERSON" and a.surname == surname and _first_compatible(a.name, bare):
                    a.offer(bare)
                    a.roles |= roles
                    a.traits |= traits
                    return a
            actor = Actor("PERSON", bare, surname=surname, roles=roles, traits=traits, person_like=True)
            actor.offer(bare)
            self.actors.append(actor)
            return actor
        country, kind = self._features(sp, name)
        if label == "ORG" and any(w.lower() in MEDIA_WORDS for w in name.split()):
            label = "MEDIA"
        for a in reversed(self.actors):
            if a.type not in ("ORG", "MEDIA", "GPE", "NORP"):
                continue
            if clean_name(a.name).lower() == name.lower() or name in a.counts:
                a.offer(name)
                return a
        if label in ("ORG", "MEDIA") and " " not in name.strip() and not kind:
            # "the Gazette" after "the Halvik Gazette": a named body's last word alone
            # stands for it, when only one body in the document ends in that word
            tail = [
                a
                for a in self.actors
                if a.type in ("ORG", "MEDIA")
                and " " in clean_name(a.name).strip()
                and clean_name(a.name).split()[-1].lower() == name.strip().lower()
            ]
            if len(tail) == 1:
                tail[0].offer(name)
                return tail[0]
        same_kind = [
            a
            for a in reversed(self.actors)
            if label in ("ORG", "MEDIA")
            and a.type in ("ORG", "MEDIA")
            and kind
            and a.kind == kind
            and (countries_compatible(a.country, country) and (a.country or country))
        ]
        if same_kind:
            a = same_kind[0]
            if not country and len(same_kind) > 1:
                # a bare "МИД" after two countries' ministries: the one last in focus as a
                # subject, not the one met last in passing
                a = self._in_focus(same_kind, sp.start_char) or a
            a.offer(name)
            a.country |= country
            return a
        actor = Actor(label, name, country=country, kind=kind)
        actor.offer(name)
        self.actors.append(actor)
        return actor

    def _premodifiers(self, sp: Span) -> list[Token]:
        """The words right before a name that describe it ("Ellandian opposition MP", "ministry
        spokeswoman", "люсенийского блогера"): up to four, stopping at anything that is not a
        noun, adjective or title, so that a role of another clause is not taken for this one's."""
        out: list[Token] = []
        i = sp.start - 1
        while i >= 0 and len(out) < 4:
            t = sp.doc[i]
            # a proper noun in between is an owner ("глава МИД Кестрании Иван Петров", "Energy
            # Minister"): part of the description, not its end
            if t.pos_ in ("NOUN", "ADJ", "PROPN") or _title_parts(t.text):
                out.append(t)
            elif not ((t.is_punct and t.text in ("-", "‐", ".")) or t.lower_ in ("and", "и")):
                break  # ("blogger and journalist X": two roles of one person)
            i -= 1
        return out

    def _roles(self, sp: Span) -> set[str]:
        roles: set[str] = set()
        root = _root(sp)
        for t in root.lefts:
            if t.i < sp.start and t.pos_ == "NOUN":
                roles.add(t.lemma_.lower())
        heads = []
        # "journalist Dmitry Gordon" parses the role as the head and the name as its appositive/compound
        if root.dep_ in ("appos", "compound", "flat", "flat:name") and root.head.pos_ in ("NOUN", "PROPN"):
            if root.head.pos_ == "NOUN" or root.head.lower_ in ROLE_CLASSES:
                roles.add(root.head.lemma_.lower())
                heads.append(root.head)
        for t in self._premodifiers(sp):
            parts = _title_parts(t.text)
            if parts:
                roles.update(parts)
            elif t.pos_ == "NOUN" or t.lower_ in ROLE_CLASSES:
                roles.add(t.lemma_.lower())
        for c in root.children:
            if c.dep_ == "appos":
                roles.add(c.lemma_.lower())
                heads.append(c)
        # "Marko Dellin, a member of the National Assembly": a legislature's member is a lawmaker
        for h in heads:
            if h.lemma_.lower() in ("member", "член") and any(
                d.lemma_.lower() in LEGISLATURES for d in h.subtree if d.i != h.i
            ):
                roles.add("lawmaker")
        return roles

    def _traits(self, sp: Span) -> set[str]:
        """Content words of the description given with a name: its premodifiers and appositive
        ("Dellin, a member of Ellandia's parliament for the opposition Civic Front")."""
        root = _root(sp)
        toks: list[Token] = list(self._premodifiers(sp))
        for c in root.children:
            if c.dep_ == "appos":
                toks.extend(list(c.subtree)[:12])
        if root.dep_ in ("appos", "compound", "flat", "flat:name") and root.head.pos_ == "NOUN":
            toks.extend(t for t in root.head.subtree if not sp.start <= t.i < sp.end and abs(t.i - sp.start) < 10)
        return {
            t.lemma_.lower() for t in toks if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ not in STOP and t.is_alpha
        }

    # -- resolution ---------------------------------------------------------------------
    def resolve(self, sp: Span, prefer_person: bool | None = None) -> tuple[Actor, bool]:
        """The actor a speaker phrase refers to; True when it names it (not a pronoun/description)."""
        key = (sp.start_char, sp.end_char)
        if key in self.by_span:
            return self.by_span[key], True
        # a known name inside the phrase: "Ukrainian blogger Dmitry Gordon", "the U.S. Embassy's spokesman"
        inside = [(s, a) for (s, e), a in self.by_span.items() if sp.start_char <= s and e <= sp.end_char]
        low = sp.text.lower().strip()
        words = [t for t in sp if not t.is_punct]
        head = _root(sp)
        hl = head.lemma_.lower()
        heads = [a for (s, e), a in self.by_span.items() if s <= head.idx < e and sp.start_char <= s]
        if (
            inside
            and not heads
            and all(a.type in ("GPE", "NORP") for _s, a in inside)
            and (head.pos_ == "NOUN" or hl in ORG_HEADS or head.lower_ in KIND_ALIASES or hl in ROLE_CLASSES)
        ):
            # "the Lusenian blogger", "The Kestranian MFA": the place only qualifies the
            # description, whose referent is found by role or kind below
            inside = []
        if not inside and hl in OUTLET_HEADS:
            # "сообщает издание «Азия-Плюс»", "the newspaper Halvia Today": the outlet's name
            # right after the word for it
            named = [
                a for (s, _e), a in self.by_span.items() if a.type in ("ORG", "MEDIA") and 0 <= s - sp.end_char <= 3
            ]
            if named:
                actor = named[0]
                self._note(sp.start_char, actor, True)
                return actor, True
            # "по данным газеты", "the newspaper said": the one outlet named before it
            before = [a for p, a, _s in self.timeline if p < sp.start_char and a.type == "MEDIA"]
            outlets = list({id(a): a for a in before}.values())
            if len(outlets) == 1 and len(words) <= 2:
                self._note(sp.start_char, outlets[0], True)
                return outlets[0], False
        if not inside and is_title_only(sp.text):
            # "Major-General" cut from "Major-General Bagheri said": the rank's bearer is the
            # person named right after it
            after = [(s, a) for (s, e), a in self.by_span.items() if a.type == "PERSON" and 0 <= s - sp.end_char <= 2]
            if after:
                actor = min(after, key=lambda x: x[0])[1]
                self._note(sp.start_char, actor, True)
                return actor, True
        if inside:
            persons = [x for x in inside if x[1].type == "PERSON"]
            if persons:
                return min(persons, key=lambda x: x[0])[1], True
            # "Iran's Tasnim News": the name the phrase is about, not its possessor
            orgs = [x for x in inside if x[1].type in ("ORG", "MEDIA")] or inside
            org = heads[0] if heads else min(orgs, key=lambda x: x[0])[1]
            if hl not in ORG_HEADS and head.pos_ == "NOUN" and hl not in {"statement"}:
                # "a spokesman for the U.S. Embassy": speaks for the organisation
                org.person_like = True
                org.roles.add(hl)
            self._note(sp.start_char, org, True)
            return org, head.ent_type_ != "" or any(t.ent_type_ for t in sp if t.i == head.i)
        if hl in DOCUMENT_HEADS:
            # "the statement said": whoever issued it, the organisation last in focus
            actor = self._antecedent(sp.start_char, False) or self._antecedent(sp.start_char, True)
            if actor is not None:
                self._note(sp.start_char, actor, True)
                return actor, False
        if len(words) == 1 and (low in PERSON_PRONOUNS or low in ORG_PRONOUNS):
            want_person = low in PERSON_PRONOUNS
            actor = self._antecedent(sp.start_char, want_person)
            if actor is not None:
                self._note(sp.start_char, actor, True)
                return actor, False
        if hl in ORG_HEADS or hl in PRESS_HEADS or any(t.lower_ in KIND_ALIASES for t in sp):
            # by dictionary forms: "ведомства", "в министерстве" are the "ведомство", "министерство"
            # the kind tables know; a press office is the body it serves
            country, kind = self._features(sp, self._lemma_name(sp, skip=PRESS_HEADS))
            if hl in PRESS_HEADS and not kind:
                actor = self._antecedent(sp.start_char, False)
                if actor is not None and actor.type in ("ORG", "MEDIA"):
                    self._note(sp.start_char, actor, True)
                    return actor, False
            fits = [
                (pos, a, subject)
                for pos, a, subject in reversed(self.timeline)
                if pos < sp.start_char
                and a.type in ("ORG", "MEDIA")
                and (kind & a.kind or hl in ("side", "authorities", "сторона", "власти"))
                and countries_compatible(a.country, country)
            ]
            if fits:
                # "after the Uzbek ministry's denial ... the ministry said": of several bodies
                # the description fits, the one last in focus as a subject is meant, not one
                # named in passing since
                subjects = [a for _pos, a, subject in fits if subject]
                a = subjects[0] if subjects and len({id(x) for _p, x, _s in fits}) > 1 else fits[0][1]
                self._note(sp.start_char, a, True)
                return a, False
        elif head.pos_ == "NOUN" or hl in ROLE_CLASSES or is_title_only(sp.text):
            role = hl
            actor = self._by_role(sp, head) or self._cataphor(sp, head)
            if actor is not None:
                self._note(sp.start_char, actor, True)
                return actor, False
            # "a ministry spokeswoman" nobody names: the ministry speaking through her
            org_words = {t.lemma_.lower() for t in sp if t.i != head.i and t.lemma_.lower() in ORG_HEADS}
            if org_words:
                country, _kind = self._features(sp, clean_name(sp.text))
                for pos, a, _ in reversed(self.timeline):
                    if (
                        pos < sp.start_char
                        and a.type in ("ORG", "MEDIA")
                        and org_words & a.kind
                        and countries_compatible(a.country, country)
                    ):
                        a.person_like = True
                        a.roles.add(role)
                        self._note(sp.start_char, a, True)
                        return a, False
        # a description nobody else uses: an actor of its own (a rank or role alone, "MP",
        # "Major-General", is a description too, never a name)
        name = clean_name(sp.text)
        label = (
            "ORG"
            if hl in ORG_HEADS
            else "PERSON"
            if head.pos_ == "PROPN" and hl not in ROLE_CLASSES and not is_title_only(sp.text)
            else "OTHER"
        )
        if label == "OTHER":
            name = clean_name(self._lemma_name(sp, head_only=True)) or name
        actor = self._match(sp, label, name) if label != "OTHER" else Actor("OTHER", name, roles={hl})
        if actor not in self.actors:
            self.actors.append(actor)
        actor.person_like = actor.person_like or label in ("PERSON", "OTHER")
        actor.forms.append((sp.start_char, sp.end_char, sp.text))
        self.by_span[key] = actor
        self._note(sp.start_char, actor, True)
        return actor, label != "OTHER"

    @staticmethod
    def _lemma_name(sp: Span, skip: set[str] | frozenset[str] = frozenset(), head_only: bool = False) -> str:
        """The phrase with its lowercase Russian words in dictionary form ("заявлении ведомства"
        -> "заявление ведомство"); capitalised names keep their form, whose stems the country
        comparison already matches across cases. With `head_only`, only the head noun and the
        words agreeing with it change, as a name is shown ("представителя ведомства" ->
        "представитель ведомства")."""
        root = sp.root
        words = []
        for t in sp:
            lemma = t.lemma_.lower()
            if lemma in skip:
                continue
            agrees = t == root or (t.head == root and t.dep_ in ("amod", "det"))
            change = _CYRILLIC.search(t.text) and t.text[:1].islower() and lemma and (agrees or not head_only)
            word = lemma if change else t.text
            words.append(word + t.whitespace_)
        return "".join(words).strip()

    def _description_role(self, sp: Span, head: Token) -> str:
        """The role class a description names: "the MP", "an opposition lawmaker", "the press
        secretary", "a member of parliament", "Major-General" (its last title)."""
        hl = head.lemma_.lower()
        others = {t.lemma_.lower() for t in sp if t.i != head.i}
        if hl == "secretary" and "press" in others:
            return "spokesperson"
        if hl in ("member", "член") and others & LEGISLATURES:
            return "lawmaker"
        if hl == "deputy":
            return "deputy" if others & _RANKED_OFFICES else "lawmaker"
        if head.lower_ in ROLE_CLASSES:
            return ROLE_CLASSES[head.lower_]
        return role_class(hl)

    def _by_role(self, sp: Span, head: Token) -> Actor | None:
        """The one actor of the document whose role the description names.

        Roles come from anywhere in the document ("MP Marko Dellin", "Dellin, an opposition
        lawmaker"), by class ("the MP" = "the lawmaker" = "депутат"). Two actors of one role are
        told apart by the description's other words ("the Ellandian lawmaker"); if that leaves
        more than one, the description is ambiguous and refers to no one we can name."""
        role = self._description_role(sp, head)
        mods = {
            t.lemma_.lower()
            for t in sp
            if t.i != head.i and t.is_alpha and t.lower_ not in STOP and t.pos_ in ("NOUN", "PROPN", "ADJ")
        } - {"former", "other", "same", "бывший", "этот", "тот"}
        named = [a for a in self.actors if a.type in ("PERSON", "ORG", "MEDIA") and role in role_classes(a.roles)]
        if len(named) > 1 and mods:
            narrowed = [a for a in named if all(_word_in(m, a.traits | a.roles | a.country | a.kind) for m in mods)]
            named = narrowed or [a for a in named if any(_word_in(m, a.traits | a.roles | a.country) for m in mods)]
        if len(named) == 1:
            return named[0]
        if named:
            return self._salient(named, sp.start_char)
        # no named actor has the role: the same description used again ("an expert said ...
        # the expert added") is the same unnamed speaker
        for pos, a, _ in reversed(self.timeline):
            if pos < sp.start_char and a.type == "OTHER" and role in role_classes(a.roles):
                return a
        return None

    def _cataphor(self, sp: Span, head: Token) -> Actor | None:
        """ "A prominent Halvian journalist has asked for a probe. ... Viktor Kaln told
        reporters": a headline or lede often introduces the story's main actor by a description
        and names him a paragraph later. A singular person description in the opening that no
        earlier name fits is the first person named after it, when no person was named before
        it and that name comes in the next few hundred characters."""
        if head.tag_ in ("NNS", "NNPS") or "Plur" in head.morph.get("Number"):
            return None
        if head.lemma_.lower() not in ROLE_CLASSES and head.lower_ not in ROLE_CLASSES:
            return None
        text = doc_index.text(self.doc)
        breaks = [m.start() for m in re.finditer(r"\n\s*\n", text)]
        opening = breaks[2] if len(breaks) > 2 else len(text)
        if sp.start_char > opening:
            return None
        first: dict[int, int] = {}
        for a in self.actors:
            if a.type == "PERSON" and a.forms:
                first[id(a)] = min(f[0] for f in a.forms)
        if any(pos < sp.start_char for pos in first.values()):
            return None
        later = [(pos, a) for a in self.actors if (pos := first.get(id(a), -1)) >= sp.end_char]
        if not later:
            return None
        pos, actor = min(later, key=lambda x: x[0])
        if pos - sp.end_char > _CATAPHOR_REACH:
            return None
        role = self._description_role(sp, head)
        if role == "spokesperson":
            return None  # a spokesman speaks for a body; whoever is named next is someone else
        own = actor.roles - self._lent_roles.get(id(actor), set())
        kin = next((k for k in _KINDRED_ROLES if role in k), {role})
        if own and not kin & role_classes(own):
            return None  # "A journalist said ... Mayor Anna Brel said": she has a role of her own
        actor.roles.add(head.lemma_.lower())
        # roles given by descriptions like this one do not bar the next one ("blogger" in the
        # headline, "journalist" in the lede)
        self._lent_roles.setdefault(id(actor), set()).add(head.lemma_.lower())
        return actor

    def _salient(self, candidates: list[Actor], pos: int) -> Actor | None:
        """Of several actors a definite description fits, the one the text is on: the last one
        mentioned before it, when its paragraph (or the description's) mentions none of the
        others. "The general said", a paragraph after one general is introduced, is that
        general; "the spokesman added" right after two spokesmen spoke is either."""
        text = doc_index.text(self.doc)
        last: dict[int, int] = {}
        for p, a, _ in self.timeline:
            if p < pos and any(a is c for c in candidates):
                last[id(a)] = p
        if not last:
            return None
        latest = max(last, key=lambda k: last[k])
        window = min(text.rfind("\n", 0, pos), text.rfind("\n", 0, last[latest])) + 1
        if any(p >= window for k, p in last.items() if k != latest):
            return None
        return next(c for c in candidates if id(c) == latest)

    def _in_focus(self, candidates: list[Actor], pos: int) -> Actor | None:
        """Of `candidates`, the one most recently mentioned as a subject before `pos`."""
        for p, a, subject in reversed(self.timeline):
            if p < pos and subject and any(a is c for c in candidates):
                return a
        return None

    def _note(self, pos: int, actor: Actor, subject: bool) -> None:
        self.timeline.append((pos, actor, subject))
        self.timeline.sort(key=lambda x: x[0])

    def _antecedent(self, pos: int, person: bool) -> Actor | None:
        def ok(a: Actor) -> bool:
            if person:
                return a.type == "PERSON" or a.person_like
            return a.type in ("ORG", "MEDIA", "GPE") and not (a.person_like and a.type == "PERSON")

        earlier = [(p, a, s) for p, a, s in self.timeline if p < pos and ok(a)]
        if not earlier:
            return None
        # prefer the latest subject within the last few hundred chars (journalists' usual back-reference)
        near = [(p, a) for p, a, s in earlier if s and pos - p < 400]
        if near:
            return near[-1][1]
        return earlier[-1][1]


def _role_only(sp: Span) -> bool:
    """ "Halvian Blogger", "Tajik Journalist": a role noun, capitalised, after demonyms only."""
    last = sp[-1]
    return last.lower_ in ROLE_CLASSES and all(is_country_word(t.lower_) or t.is_punct for t in sp[:-1])


# Roles one person is often given in one article ("the blogger", "the journalist").
_KINDRED_ROLES = ({"journalist", "blogger"},)
# how far after a lede's description the name it stands for may come (about two paragraphs)
_CATAPHOR_REACH = 700


def _word_in(word: str, words: set[str]) -> bool:
    """A word among others up to inflection or derivation ("ellandian" ~ "ellandia",
    "люсенийский" ~ "люсенийского"): a shared start of four letters and most of the shorter."""
    for w in words:
        if w == word:
            return True
        n = shared_prefix(w, word)
        if n >= 4 and n >= 0.75 * min(len(w), len(word)):
            return True
    return False


def _first_compatible(full: str, other: str) -> bool:
    # the corpus stage's test, so that two people the document keeps apart ("Luke Somers",
    # his sister "Lucy Somers") are not made one here and then split there document by document
    a, b = full.split(), other.split()
    if len(a) < 2 or len(b) < 2:
        return True
    return given_compatible(skeleton(a[0]), skeleton(b[0]))


def _root(sp: Span) -> Token:
    """The span's syntactic head, also when the parse tree is malformed (a converted
    parse can hold a head cycle, and spaCy's `Span.root` then raises): the first token
    whose head lies outside the span, else the last token."""
    try:
        return sp.root
    except RuntimeError:
        for t in sp:
            if t.head.i == t.i or not sp.start <= t.head.i < sp.end:
                return t
        return sp[-1]
