"""Time expressions in news text -> ISO dates with a precision.

Everything here runs on every document, so candidates are found with compiled regular
expressions and resolved by hand-written rules; `dateparser` is only a last resort in
`resolve` for expressions none of the patterns recognise.

Conventions (chosen once, relied on by events/timeline/claims):

* Spans exclude a leading preposition ("on Monday" -> "Monday", "в октябре" -> "октябре",
  "на прошлой неделе" -> "прошлой неделе") but keep modifiers ("last week", "early May",
  "конце октября"), which is also how TimeML marks extents.
* News reports the past: a day-month or month without a year takes the anchor's year unless that
  lands more than ~2 months after the anchor, then the previous year. A future cue in the
  sentence before the expression ("will", "is scheduled", "будет") flips the preference: a date
  more than a month before the anchor moves to the next year.
* A bare weekday ("on Thursday") is the most recent such day on or before the anchor: wire copy
  says "said Monday" in a Monday story about that very day. "last Thursday" is strictly before,
  "next Thursday" strictly after; with a future cue a bare weekday is the next one on or after.
* The ledger has no week precision, so vague weeks ("last week", "earlier this week",
  "на прошлой неделе", "two weeks ago") and weekends resolve to the *month* of a representative
  day (anchor - 7 days for "last week", the anchor for "this week"): the finest precision that
  is usually right.
* Relative expressions need an anchor; without one they are reported with `value=None`, and so
  is a day-month without a year. With a coarser anchor (a month or a year) relative results are
  coarsened to the anchor's precision: "yesterday" in a story known only to be from October 2022
  is "2022-10".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from claimledger.models import Precision

__all__ = [
    "PROVISIONAL_YEAR",
    "TimeMention",
    "TimeValue",
    "anchor_for",
    "complete_year",
    "dateline",
    "find_dates",
    "resolve",
]


@dataclass(frozen=True)
class TimeValue:
    iso: str  # "2022-10-28", "2022-10" or "2022"
    precision: Precision
    # True for an anchor whose year is unknown (see `anchor_for`): its year, and that of every
    # date resolved against it, is PROVISIONAL_YEAR until `complete_year` replaces it.
    provisional: bool = False


# A leap year, so that 29 February survives; never shown: `complete_year` replaces it or the
# date is dropped.
PROVISIONAL_YEAR = 2000


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    text: str
    value: TimeValue | None  # None when the expression cannot be resolved


# --------------------------------------------------------------------------- values

_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2}


def _coarser(a: Precision, b: Precision) -> Precision:
    return a if _RANK[a] >= _RANK[b] else b


def _value(d: date, precision: Precision) -> TimeValue:
    if precision == "day":
        return TimeValue(f"{d.year:04d}-{d.month:02d}-{d.day:02d}", "day")
    if precision == "month":
        return TimeValue(f"{d.year:04d}-{d.month:02d}", "month")
    return TimeValue(f"{d.year:04d}", "year")


def _make_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _add_months(d: date, months: int) -> date:
    idx = d.year * 12 + d.month - 1 + months
    y, m = divmod(idx, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


@dataclass(frozen=True)
class _Anchor:
    mid: date  # the day relative arithmetic starts from
    end: date  # the last day the anchor may stand for; year inference compares against it
    precision: Precision
    # a day and month in an unknown year (PROVISIONAL_YEAR): day offsets survive the later
    # change of year, weekdays do not
    provisional: bool = False


def _anchor(tv: TimeValue | None) -> _Anchor | None:
    if tv is None:
        return None
    parts = [int(p) for p in tv.iso.split("-")]
    try:
        if tv.precision == "day" and len(parts) == 3:
            d = date(parts[0], parts[1], parts[2])
            return _Anchor(d, d, "day", tv.provisional)
        if tv.precision == "month" and len(parts) >= 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return _Anchor(date(parts[0], parts[1], 15), date(parts[0], parts[1], last), "month")
        return _Anchor(date(parts[0], 7, 1), date(parts[0], 12, 31), "year")
    except (ValueError, IndexError):
        return None


def _relative(anchor: _Anchor | None, d: Callable[[date], date], precision: Precision) -> TimeValue | None:
    if anchor is None:
        return None
    return _value(d(anchor.mid), _coarser(precision, anchor.precision))


def _infer_year(anchor: _Anchor | None, month: int, day: int | None, future: bool) -> int | None:
    """Year of a day-month or month written without one (see module docstring)."""
    if anchor is None:
        return None
    ref = anchor.end
    y = ref.year
    if day is None:
        diff = (y * 12 + month) - (ref.year * 12 + ref.month)
        if future:
            return y + 1 if diff < -1 else y
        return y - 1 if diff > 2 else y
    cand = _make_date(y, month, day) or _make_date(y, month, 28)
    if cand is None:
        return None
    if future:
        return y + 1 if (ref - cand).days > 31 else y
    return y - 1 if (cand - ref).days > 62 else y


# --------------------------------------------------------------------------- lexicon

_EN_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_RU_MONTHS: dict[str, int] = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "ма": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}  # fmt: skip
_EN_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_RU_WEEKDAYS: dict[str, int] = {
    "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5, "воскресенье": 6,
}  # fmt: skip
_EN_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_RU_NUMBERS: dict[str, int] = {
    "один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
}  # fmt: skip


# Months that are also given names; followed by a capitalised word they are a person.
_NAME_MONTHS = frozenset({"april", "may", "june", "august"})
_MAY_PREPS = frozenset({"in", "since", "until", "till", "through", "throughout", "during"})
_RE_CAP_WORD = re.compile(r"\s+[A-Z][a-z]")


def _en_month(token: str) -> int:
    return _EN_MONTHS[token[:3].lower()]


def _ru_month(token: str) -> int:
    t = token.lower()
    return _RU_MONTHS[t[:2]] if t.startswith("ма") and not t.startswith("мар") else _RU_MONTHS[t[:3]]


# Full names, or abbreviations with an optional dot; casing is checked in code so that
# "may"/"march" the words never count, while "OCT. 31" in a dateline does.
_MON_EN = (
    r"(?P<mon>(?i:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?![A-Za-z])|(?i:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:\.|(?![A-Za-z])))"
)
_MON_RU = (
    r"(?P<mon>(?i:январ[ьяюеё]м?|феврал[ьяюеё]м?|март(?:а|е|у|ом)?|апрел[ьяюеё]м?|ма(?:й|я|е|ю|ем)|"
    r"июн[ьяюеё]м?|июл[ьяюеё]м?|август(?:а|е|у|ом)?|сентябр[ьяюеё]м?|октябр[ьяюеё]м?|ноябр[ьяюеё]м?|"
    r"декабр[ьяюеё]м?)(?![А-Яа-яЁё])|(?i:янв|февр?|апр|авг|сент?|окт|нояб?|дек)\.)"
)
_WD_EN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\.?"
_YEAR = r"(?P<y>(?:1[89]|20)\d{2})"
_EN_YEAR_REL = r",?\s+(?:of\s+)?(?P<yr>(?i:last|this|next))\s+year\b"
_RU_YEAR_REL = r"\s+(?P<yr>(?i:прошлого|позапрошлого|этого|текущего|следующего))\s+года\b"
_RU_YEAR_TAIL = rf"(?:\s+{_YEAR}(?!\d)(?:\s*(?:года|году|год|г\.|г\b))?|{_RU_YEAR_REL})"

_F = re.UNICODE
_RE_ISO = re.compile(rf"(?<![\w.\-/]){_YEAR}-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d\-])", _F)
_RE_NUM = re.compile(rf"(?<![\w.,/\-])(?P<a>\d{{1,2}})(?P<sep>[./\-])(?P<b>\d{{1,2}})(?P=sep){_YEAR}(?!\d|[.,]\d)", _F)
_RE_EN_MDY = re.compile(
    rf"(?:\b{_WD_EN},?\s+)?\b{_MON_EN}(?:\s+|(?<=\.))(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:(?:,\s*|\s+){_YEAR}(?!\d)|{_EN_YEAR_REL})?(?!\d|,\d|:\d)",
    _F,
)
_RE_EN_DMY = re.compile(
    rf"(?:\b{_WD_EN},?\s+)?(?<![\d.,])\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON_EN}"
    rf"(?:,?\s+{_YEAR}(?!\d)|{_EN_YEAR_REL})?",
    _F,
)
_EN_MOD = r"(?P<mod>(?i:early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)\s*)"
_RE_EN_MY = re.compile(rf"{_EN_MOD}?\b{_MON_EN}(?:,?\s+(?:of\s+)?{_YEAR}(?!\d)|{_EN_YEAR_REL})", _F)
# A month on its own needs a preposition or modifier in front: "in May", "since March",
# "early June", "last December"; and no capitalised word after it ("June Carter"). "by May" is
# more often Theresa May than the month, so May takes only prepositions of time.
_RE_EN_M = re.compile(
    r"(?:\b(?P<prep>(?i:in|since|by|until|till|through|throughout|during|before|after|from|to|of|for|between|and|or))"
    r"\s+)?(?P<mod>(?i:early|late|mid-?|last|next|this|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    rf"the\s+middle\s+of|end\s+of|beginning\s+of)\s*)?\b{_MON_EN}(?!\s*\d)",
    _F,
)
_RE_EN_YEAR = re.compile(
    # No "to"/"of"/"around": "rose to 1950", "a total of 2000" are amounts far more often.
    r"\b(?P<prep>(?i:in|since|by|until|till|through|throughout|during|before|after|from|"
    r"the\s+year|year|fiscal|early|late|mid-?|spring|summer|autumn|fall|winter|(?:the\s+)?(?:end|beginning|start)\s+of"
    r"|between|(?<=(?:19|20)\d\d)\s*(?:,|and|or|to|through)))[\s-]+"
    rf"{_YEAR}(?![\d\-–]|[.,]\d|\s*(?:%|percent|per\s+cent))"
    r"(?!\s+(?:people|persons|men|women|children|troops|soldiers|cases|homes|houses|units|deaths|votes|"
    r"tons|tonnes|dollars|euros|rubles|roubles|times|km|miles|meters|metres|feet)\b)",
    _F,
)
_RE_EN_WEEKDAY = re.compile(
    r"(?:\b(?P<mod>(?i:last|this|next|past|earlier\s+this|late\s+last|early\s+last))\s+)?"
    r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    _F,
)
_RE_EN_REL = re.compile(
    r"\b(?:(?P<dby>(?:the\s+)?day\s+before\s+yesterday)|(?P<dat>(?:the\s+)?day\s+after\s+tomorrow)"
    r"|(?P<word>yesterday|today|tonight|tomorrow)"
    r"|(?P<pmod>this|last|early\s+this|late\s+last)\s+(?P<part>morning|afternoon|evening|night)"
    r"|(?P<umod>last|this|next|earlier\s+this|later\s+this|early\s+this|late\s+this|early\s+last|late\s+last"
    r"|early\s+next|late\s+next)\s+(?P<unit>week|weekend|month|year)"
    r"|(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several|"
    r"a\s+couple\s+of)\s+(?P<agou>days?|weeks?|months?|years?)\s+ago)\b",
    _F | re.IGNORECASE,
)
_RE_RU_DMY = re.compile(rf"(?<![\d.,])\b(?P<d>\d{{1,2}})(?:-?го)?\s+{_MON_RU}{_RU_YEAR_TAIL}?", _F)
_RU_MOD = r"(?P<mod>(?i:начале|начала|середине|середины|конце|конца|первой\s+половине|второй\s+половине)\s+)"
_RE_RU_MY = re.compile(rf"{_RU_MOD}?\b{_MON_RU}{_RU_YEAR_TAIL}", _F)
# Russian month words are not ordinary words, but "Марта"/"Мая" are also given names,
# so a bare month counts only in lower case (checked in code).
_RE_RU_M = re.compile(rf"{_RU_MOD}?\b{_MON_RU}(?!\s*\d)", _F)
_RE_RU_YEAR = re.compile(
    rf"(?<![\d.,\-]){_YEAR}(?:-?(?:м|го|й))?\s*(?:года|году|год|г\.|г\b)|"
    r"\b(?i:в|с|до|по|после|к)\s+(?P<y2>(?:1[89]|20)\d{2})(?:-?(?:м|го))?"
    r"(?![\d\-–]|[.,]\d|\s*(?:года|году|год|г\.|г\b)|\s+[а-яё])",
    _F,
)
_RE_RU_WEEKDAY = re.compile(
    r"\b(?i:в|во)\s+(?:(?P<mod>(?i:прошл\w*|минувш\w*|эт(?:от|у|о)|следующ\w*|ближайш\w*|будущ\w*))\s+)?"
    r"(?P<wd>(?i:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))(?![А-Яа-яЁё])",
    _F,
)
_RE_RU_REL = re.compile(
    r"(?<![А-Яа-яЁё])(?:(?P<word>позавчера|послезавтра|вчера|сегодня|завтра)"
    r"|(?P<eve>накануне)"
    r"|на\s+(?P<wmod>прошлой|этой|текущей|следующей|минувшей|позапрошлой|будущей)\s+(?P<week>неделе)"
    r"|в\s+(?P<umod>прошлом|этом|текущем|следующем|минувшем|позапрошлом|будущем)\s+(?P<unit>месяце|году)"
    r"|(?:(?P<n>\d{1,3}|один|одну|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|пару|несколько)\s+)?"
    r"(?P<agou>день|дня|дней|неделю|недели|недель|месяц|месяца|месяцев|год|года|лет)\s+назад)(?![А-Яа-яЁё])",
    _F | re.IGNORECASE,
)
# "накануне выборов" is a preposition ("on the eve of the elections"), not "the day before".
_RE_RU_EVE_PREP = re.compile(r"\s+[а-яё]+(?:ого|его|ой|ей|ов|ев|ий|ия|ии|ых|их|а|я|ы|и)\b", _F)
_RE_RU_EVE_NOT_PREP = re.compile(r"\s+(?:[а-яё]+(?:ла|ли|ло|лся|лась|лись)|вечером|утром|днем|днём|ночью)\b", _F)

_RE_FUTURE_EN = re.compile(
    r"\b(?:will|won't|shall|(?:is|are|was|were)\s+(?:due|scheduled|set|slated|expected)\s+to|plans?\s+to|"
    r"upcoming|intends?\s+to)\b|'ll\b",
    _F | re.IGNORECASE,
)
_RE_FUTURE_RU = re.compile(
    r"(?<![А-Яа-яЁё])(?:будет|будут|состоится|состоятся|планиру\w*|намерен\w*|собира\w*|предстоящ\w*|"
    r"пройд[её]т)(?![А-Яа-яЁё])",
    _F | re.IGNORECASE,
)


# --------------------------------------------------------------------------- scanning


@dataclass
class _Ctx:
    text: str
    anchor: _Anchor | None
    lang: str

    def future(self, start: int) -> bool:
        """Whether the sentence before `start` speaks of the future (see module docstring)."""
        lo = max(0, start - 200)
        prefix = self.text[lo:start]
        cut = max(prefix.rfind(". "), prefix.rfind("!"), prefix.rfind("?"), prefix.rfind("\n"))
        prefix = prefix[cut + 1 :]
        rx = _RE_FUTURE_RU if self.lang == "ru" else _RE_FUTURE_EN
        return rx.search(prefix) is not None


_Cand = tuple[int, int, TimeValue | None]


def _year_rel(ctx: _Ctx, yr: str | None) -> int | None:
    if ctx.anchor is None or yr is None:
        return None
    offset = {"last": -1, "прошлого": -1, "позапрошлого": -2, "next": 1, "следующего": 1}.get(yr.lower(), 0)
    return ctx.anchor.end.year + offset


def _day_month(ctx: _Ctx, m: re.Match[str], month: int, start: int) -> TimeValue | None:
    day = int(m.group("d"))
    if m.group("y"):
        y: int | None = int(m.group("y"))
    elif m.group("yr"):
        y = _year_rel(ctx, m.group("yr"))
    else:
        y = _infer_year(ctx.anchor, month, day, ctx.future(start))
    if y is None:
        return None
    d = _make_date(y, month, day)
    return _value(d, "day") if d else None


def _month_only(ctx: _Ctx, m: re.Match[str], month: int, start: int, rel: str | None = None) -> TimeValue | None:
    y: int | None
    if "y" in m.re.groupindex and m.group("y"):
        y = int(m.group("y"))
    elif "yr" in m.re.groupindex and m.group("yr"):
        y = _year_rel(ctx, m.group("yr"))
    elif rel in ("last", "next", "this") and ctx.anchor is not None:
        ref = ctx.anchor.end
        y = ref.year
        if rel == "last" and month >= ref.month:
            y -= 1
        elif rel == "next" and month <= ref.month:
            y += 1
    else:
        y = _infer_year(ctx.anchor, month, None, ctx.future(start))
    return _value(date(y, month, 1), "month") if y is not None else None


def _weekday(ctx: _Ctx, target: int, mod: str | None, start: int) -> TimeValue | None:
    a = ctx.anchor
    if a is None:
        return None
    if a.precision != "day":
        return _value(a.mid, a.precision)
    if a.provisional:
        # which day "on Sunday" was depends on the year, unknown until the story supplies it;
        # shifting a day found in PROVISIONAL_YEAR to the real year would name the wrong day
        return None
    wd = a.mid.weekday()
    mod = (mod or "").lower()
    back = (wd - target) % 7
    fwd = (target - wd) % 7
    if mod in ("last", "past", "late last", "early last") or mod.startswith(("прошл", "минувш")):
        delta = -(back or 7)
    elif mod == "next" or mod.startswith(("следующ", "будущ", "ближайш")):
        delta = fwd or 7
    elif ctx.future(start):
        delta = fwd
    else:
        delta = -back
    return _value(a.mid + timedelta(days=delta), "day")


def _vague_week(ctx: _Ctx, mod: str) -> TimeValue | None:
    mod = mod.lower()
    if mod.endswith(("last", "прошлой", "минувшей")):
        days = -7
    elif mod == "позапрошлой":
        days = -14
    elif mod.endswith(("next", "следующей", "будущей")):
        days = 7
    else:
        days = 0
    return _relative(ctx.anchor, lambda d: d + timedelta(days=days), "month")


def _weekend(ctx: _Ctx, mod: str) -> TimeValue | None:
    def sat(d: date) -> date:
        back = (d.weekday() - 5) % 7
        if mod.lower().endswith("last"):
            # On a Saturday or Sunday "last weekend" is the one before.
            return d - timedelta(days=back + 7 if back <= 1 else back)
        if mod.lower().endswith("next"):
            return d + timedelta(days=(5 - d.weekday()) % 7 or 7)
        return d - timedelta(days=back) if back <= 1 else d + timedelta(days=(5 - d.weekday()) % 7)

    return _relative(ctx.anchor, sat, "month")


def _ago(ctx: _Ctx, n: str | None, unit: str, numbers: dict[str, int]) -> TimeValue | None:
    if n is None:
        count: int | None = 1
    elif n.isdigit():
        count = int(n)
    else:
        count = numbers.get(n.lower())
    if n is not None and n.lower() in ("пару",):
        count = 2
    if count is None:  # "a few days ago", "несколько лет назад": no principled value
        return None
    u = unit.lower()
    if u.startswith(("day", "ден", "дн", "дня")):
        return _relative(ctx.anchor, lambda d: d - timedelta(days=count), "day")
    if u.startswith(("week", "недел")):
        return _relative(ctx.anchor, lambda d: d - timedelta(days=7 * count), "month")
    if u.startswith(("month", "месяц")):
        return _relative(ctx.anchor, lambda d: _add_months(d, -count), "month")
    return _relative(ctx.anchor, lambda d: _add_months(d, -12 * count), "year")


@lru_cache(maxsize=256)
def _matches(rx: re.Pattern[str], text: str) -> tuple[re.Match[str], ...]:
    # Where the patterns match does not depend on the anchor: a document scanned for its anchor
    # (without one) and then for its dates (against it) runs each pattern over it once.
    return tuple(rx.finditer(text))


def _numeric(ctx: _Ctx) -> Iterator[_Cand]:
    for m in _matches(_RE_ISO, ctx.text):
        d = _make_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            yield m.start(), m.end(), _value(d, "day")
    for m in _matches(_RE_NUM, ctx.text):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        # Day first everywhere (31.10.2022) except English slashes, which are US month-first;
        # an impossible reading settles it either way.
        month_first = (ctx.lang == "en" and m.group("sep") == "/" and a <= 12) or b > 12
        d = _make_date(y, a, b) if month_first else _make_date(y, b, a)
        if d:
            yield m.start(), m.end(), _value(d, "day")


def _english(ctx: _Ctx) -> Iterator[_Cand]:
    text = ctx.text
    for m in _matches(_RE_EN_MDY, text):
        if m.group("mon")[0].isupper():
            yield m.start(), m.end(), _day_month(ctx, m, _en_month(m.group("mon")), m.start())
    for m in _matches(_RE_EN_DMY, text):
        if m.group("mon")[0].isupper():
            yield m.start(), m.end(), _day_month(ctx, m, _en_month(m.group("mon")), m.start())
    for m in _matches(_RE_EN_MY, text):
        if m.group("mon")[0].isupper():
            yield m.start(), m.end(), _month_only(ctx, m, _en_month(m.group("mon")), m.start())
    for m in _matches(_RE_EN_M, text):
        mon = m.group("mon")
        mod = m.group("mod")
        # Bare "Jan"/"Mar" are names as often as months: only full names or dotted abbreviations.
        prep = (m.group("prep") or "").lower()
        if not mon[0].isupper() or not (prep or mod) or (len(mon) == 3 and mon.lower() != "may"):
            continue
        if mon.lower() in _NAME_MONTHS and _RE_CAP_WORD.match(text, m.end()):
            continue
        if mon.lower() == "may" and not mod and prep not in _MAY_PREPS:
            continue
        start = m.start("mod") if mod else m.start("mon")
        rel = mod.strip().lower() if mod and mod.strip().lower() in ("last", "next", "this") else None
        yield start, m.end(), _month_only(ctx, m, _en_month(mon), start, rel)
    for m in _matches(_RE_EN_YEAR, text):
        prep = m.group("prep").lower()
        # A year after another ("in 1990 and 1991") is found through the lookbehind in the pattern.
        start = m.start("prep") if prep.startswith(("early", "late", "mid")) else m.start("y")
        yield start, m.end(), TimeValue(m.group("y"), "year")
    for m in _matches(_RE_EN_WEEKDAY, text):
        start = m.start("mod") if m.group("mod") else m.start("wd")
        yield start, m.end(), _weekday(ctx, _EN_WEEKDAYS[m.group("wd").lower()], m.group("mod"), start)
    for m in _matches(_RE_EN_REL, text):
        yield m.start(), m.end(), _en_relative(ctx, m)


def _en_relative(ctx: _Ctx, m: re.Match[str]) -> TimeValue | None:
    if m.group("dby"):
        return _relative(ctx.anchor, lambda d: d - timedelta(days=2), "day")
    if m.group("dat"):
        return _relative(ctx.anchor, lambda d: d + timedelta(days=2), "day")
    if m.group("word"):
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m.group("word").lower()]
        return _relative(ctx.anchor, lambda d: d + timedelta(days=shift), "day")
    if m.group("part"):
        shift = -1 if m.group("pmod").lower().endswith("last") and m.group("part").lower() == "night" else 0
        return _relative(ctx.anchor, lambda d: d + timedelta(days=shift), "day")
    if m.group("unit"):
        mod = " ".join(m.group("umod").lower().split())
        unit = m.group("unit").lower()
        step = -1 if mod.endswith("last") else 1 if mod.endswith("next") else 0
        if unit == "week":
            return _vague_week(ctx, mod)
        if unit == "weekend":
            return _weekend(ctx, mod)
        if unit == "month":
            return _relative(ctx.anchor, lambda d: _add_months(d, step), "month")
        return _relative(ctx.anchor, lambda d: _add_months(d, 12 * step), "year")
    n = " ".join(m.group("n").lower().split())
    return _ago(ctx, n, m.group("agou"), _EN_NUMBERS)


def _russian(ctx: _Ctx) -> Iterator[_Cand]:
    text = ctx.text
    for m in _matches(_RE_RU_DMY, text):
        yield m.start(), m.end(), _day_month(ctx, m, _ru_month(m.group("mon")), m.start())
    for m in _matches(_RE_RU_MY, text):
        yield m.start(), m.end(), _month_only(ctx, m, _ru_month(m.group("mon")), m.start())
    for m in _matches(_RE_RU_M, text):
        if m.group("mon")[0].islower():
            yield m.start(), m.end(), _month_only(ctx, m, _ru_month(m.group("mon")), m.start())
    for m in _matches(_RE_RU_YEAR, text):
        if m.group("y"):
            yield m.start(), m.end(), TimeValue(m.group("y"), "year")
        else:
            yield m.start("y2"), m.end(), TimeValue(m.group("y2"), "year")
    for m in _matches(_RE_RU_WEEKDAY, text):
        start = m.start("mod") if m.group("mod") else m.start("wd")
        yield start, m.end(), _weekday(ctx, _RU_WEEKDAYS[m.group("wd").lower()], m.group("mod"), start)
    for m in _matches(_RE_RU_REL, text):
        value = _ru_relative(ctx, m)
        if m.group("eve"):
            after = text[m.end() : m.end() + 40]
            if _RE_RU_EVE_PREP.match(after) and not _RE_RU_EVE_NOT_PREP.match(after):
                continue
        start = m.start("wmod") if m.group("wmod") else m.start("umod") if m.group("umod") else m.start()
        yield start, m.end(), value


def _ru_relative(ctx: _Ctx, m: re.Match[str]) -> TimeValue | None:
    if m.group("word"):
        shift = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}[m.group("word").lower()]
        return _relative(ctx.anchor, lambda d: d + timedelta(days=shift), "day")
    if m.group("eve"):
        return _relative(ctx.anchor, lambda d: d - timedelta(days=1), "day")
    if m.group("week"):
        return _vague_week(ctx, m.group("wmod"))
    if m.group("unit"):
        mod = m.group("umod").lower()
        step = -2 if mod == "позапрошлом" else -1 if mod in ("прошлом", "минувшем") else 0
        if mod in ("следующем", "будущем"):
            step = 1
        if m.group("unit").lower() == "месяце":
            return _relative(ctx.anchor, lambda d: _add_months(d, step), "month")
        return _relative(ctx.anchor, lambda d: _add_months(d, 12 * step), "year")
    return _ago(ctx, m.group("n"), m.group("agou"), _RU_NUMBERS)


# --------------------------------------------------------------------------- other languages
#
# Languages without hand-written patterns take their month, weekday and relative-day words from
# dateparser's locale tables (data only: dateparser's own parser is too eager on running text).
# Tajik is not among its locales, so its words are listed here; Arabic gets the Levantine month
# names beside the Egyptian ones the table has. The rules are those of English and Russian: a day
# and month need a digit, a month alone a preposition, a weekday is written in lower case (an
# upper-case "Душанбе" is the city, not Monday), and everything resolves against the anchor.

_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TG_MONTHS = ("январ", "феврал", "март", "апрел", "май", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
_TG_WEEKDAYS = ("душанбе", "сешанбе", "чоршанбе", "панҷшанбе", "ҷумъа", "шанбе", "якшанбе")
_AR_LEVANT_MONTHS = (
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
)  # fmt: skip
# Endings a month or day number takes in running text: French "1er", Uzbek locative "15-martda",
# German "15.", Tajik izofa "15 марти", Armenian genitive and dative "մարտի 15-ին".
_MONTH_SUFFIX: dict[str, str] = {"uz": r"(?:da|dan|gacha|да|дан|гача)?", "tg": r"и?", "hy": r"(?:ին|ն)?"}
_DAY_SUFFIX = r"(?:er|e|\.|-?(?:ին|ի|и|inchi|nchi|чи))?"
# Words that may stand between a year and the day-month it prefixes ("2031-yil 15-mart",
# "2031 թվականի մարտի 15") or between a month and its year ("марти соли 2031").
_YEAR_WORD = r"(?:\s*-?\s*(?:yil|йил|йили|соли|թ\.|թվականի|թվականին|م)\b\.?)?"
_PRE_YEAR_WORD = r"(?:(?:soli|соли|de\s+l'an(?:née)?|de|del|سنة|عام)\s+)?"
# A month with no day or year needs one of these in front (or, in Uzbek, "oyida" after).
_MONTH_PREP: dict[str, str] = {
    "fr": r"(?:en|depuis|jusqu'en|début|fin|mi-|courant)",
    "tg": r"(?:дар\s+моҳи|моҳи|аз\s+моҳи)",
    "ar": r"(?:في|خلال|منذ|شهر|في\s+شهر)",
}
# Uzbek "yanvar oyida" ("in the month of January"), Armenian dative "հունվարին".
_MONTH_POST: dict[str, str] = {"uz": r"\s+(?:oyida|oyi|ойида|ойи)", "hy": r"ն"}
# Weekdays after "last"/"next" words, which languages other than these do without.
_WEEKDAY_MOD: dict[str, tuple[str, str]] = {"fr": ("dernier", "prochain"), "tg": ("гузашта", "оянда")}
# German writes every noun, weekdays included, with a capital.
_NOUNS_CAPITALISED = frozenset({"de", "lb"})
_TG_RELATIVE: dict[str, tuple[str, ...]] = {
    "0 day ago": ("имрӯз",), "1 day ago": ("дирӯз",), "2 day ago": ("парерӯз",), "in 1 day": ("фардо", "пагоҳ"),
    "1 week ago": ("ҳафтаи гузашта",), "1 month ago": ("моҳи гузашта",), "1 year ago": ("соли гузашта",),
    "0 year ago": ("имсол",),
}  # fmt: skip
# Relative words too ambiguous in running text: Arabic "اليوم" is "today" and "the day"
# ("اليوم السابق", the day before some other day).
_RELATIVE_SKIP = frozenset({"اليوم", "اليوم السابق", "maintenant"})
_RE_REL_KEY = re.compile(r"^(in )?(\d) (day|week|month|year)(?: ago)?$")
_RE_AGO_KEY = re.compile(r"^(in )?\\1 (day|week|month|year)(?: ago)?$")


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]  # lower-case word -> month number
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, int]]  # lower-case phrase -> (unit, signed offset)
    ago: tuple[tuple[re.Pattern[str], str, int], ...]  # "\1 days ago" patterns: (rx, unit, sign)
    dm: re.Pattern[str]
    md: re.Pattern[str] | None
    my: tuple[re.Pattern[str], ...]  # year-month and month-year
    m: re.Pattern[str] | None
    wd: re.Pattern[str] | None
    rel: re.Pattern[str] | None


def _locale(code: str) -> dict[str, object] | None:
    import importlib

    try:
        module = importlib.import_module(f"dateparser.data.date_translation_data.{code}")
    except ImportError:
        return None
    info = getattr(module, "info", None)
    return info if isinstance(info, dict) else None


def _words(names: list[str]) -> list[str]:
    """Full names only: abbreviations ("janv", "ven") are prefixes of a longer form, and
    one- or two-letter ones ("m", "ve") are ordinary words."""
    out = []
    for n in names:
        n = n.lower()
        if len(n) < 3 or n.endswith("."):
            continue
        if len(n) <= 4 and any(o.lower() != n and o.lower().startswith(n) for o in names):
            continue
        out.append(n)
    return out


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=32)
def _lexicon(code: str) -> _Lexicon | None:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    relative: dict[str, tuple[str, int]] = {}
    ago: list[tuple[re.Pattern[str], str, int]] = []
    locales = {"uz": ("uz-Latn", "uz-Cyrl"), "tg": ()}.get(code, (code,))
    for loc in locales:
        info = _locale(loc)
        if info is None:
            continue
        for i, key in enumerate(_MONTH_KEYS, 1):
            months.update(dict.fromkeys(_words(list(info.get(key, []))), i))  # type: ignore[call-overload]
        for i, key in enumerate(_WEEKDAY_KEYS):
            weekdays.update(dict.fromkeys(_words(list(info.get(key, []))), i))  # type: ignore[call-overload]
        rel_types: dict[str, list[str]] = info.get("relative-type", {})  # type: ignore[assignment]
        for key, phrases in rel_types.items():
            km = _RE_REL_KEY.match(key)
            if km is None:
                continue
            sign = 1 if km.group(1) else -1
            for p in phrases:
                if p.lower() not in _RELATIVE_SKIP and len(p) >= 3:
                    relative[p.lower()] = (km.group(3), sign * int(km.group(2)))
        rel_rx: dict[str, list[str]] = info.get("relative-type-regex", {})  # type: ignore[assignment]
        for key, patterns in rel_rx.items():
            km = _RE_AGO_KEY.match(key)
            if km is None:
                continue
            for p in patterns:
                try:
                    rx = re.compile(rf"(?<!\w){p}(?!\w)", _F | re.IGNORECASE)
                except re.error:
                    continue
                ago.append((rx, km.group(2), 1 if km.group(1) else -1))
    if code == "tg":
        months = {m: i for i, m in enumerate(_TG_MONTHS, 1)}
        weekdays = {w: i for i, w in enumerate(_TG_WEEKDAYS)}
        for key, phrases in _TG_RELATIVE.items():
            km = _RE_REL_KEY.match(key)
            assert km is not None
            for p in phrases:
                relative[p] = (km.group(3), (1 if km.group(1) else -1) * int(km.group(2)))
    if code == "ar":
        months.update({m: i for i, m in enumerate(_AR_LEVANT_MONTHS, 1)})
    if not months:
        return None
    mon = rf"(?P<mon>{_alternation(months)}){_MONTH_SUFFIX.get(code, '')}(?!\w)"
    day = rf"(?<![\w.,])(?P<d>\d{{1,2}}){_DAY_SUFFIX}(?!\d)"
    year = r"(?P<y>\d{4})(?!\d)"
    pre_year = rf"(?:(?<![\w.,])(?P<y0>\d{{4}}){_YEAR_WORD}[\s,]+)?"
    post_year = rf"(?:,?\s+{_PRE_YEAR_WORD}{year})?"
    flags = _F | re.IGNORECASE
    # Spanish and Portuguese put "de" between day and month: "15 de marzo de 2031".
    dm = re.compile(rf"{pre_year}{day}(?:\s*-\s*|\s+)(?:de\s+)?{mon}{post_year}", flags)
    # Armenian writes the month first ("մարտի 15-ին"); elsewhere "mars 15" is a count.
    md = (
        re.compile(rf"{pre_year}(?<!\w){mon}\s+(?P<d>\d{{1,2}}){_DAY_SUFFIX}(?!\d){post_year}", flags)
        if code == "hy"
        else None
    )
    my = (
        re.compile(rf"(?<![\w.,])(?P<y0>\d{{4}}){_YEAR_WORD}\s+{mon}", flags),
        re.compile(rf"(?<!\w){mon},?\s+{_PRE_YEAR_WORD}{year}", flags),
    )
    prep, post = _MONTH_PREP.get(code), _MONTH_POST.get(code)
    m = None
    if prep or post:
        bare = rf"(?P<mon>{_alternation(months)})"
        parts = [rf"(?<!\w){prep}\s+{mon}" if prep else "", rf"(?<!\w){bare}{post}(?!\w)" if post else ""]
        m = re.compile("|".join(p for p in parts if p), flags)
    wd = None
    if weekdays:
        last, nxt = _WEEKDAY_MOD.get(code, ("", ""))
        mod = rf"(?:\s+(?P<mod>{re.escape(last)}|{re.escape(nxt)}))?" if last else ""
        # Arabic weekday names are also ordinary words ("الأحد": "the one"): only after "يوم".
        lead = r"(?<!\w)(?:يوم\s+)" if code == "ar" else r"(?<!\w)"
        wd = re.compile(rf"{lead}(?P<wd>{_alternation(weekdays)})(?!\w){mod}", flags)
    rel = re.compile(rf"(?<!\w)(?:{_alternation(relative)})(?!\w)", flags) if relative else None
    return _Lexicon(months, weekdays, relative, tuple(ago), dm, md, my, m, wd, rel)


def _month_number(lex: _Lexicon, word: str) -> int | None:
    return lex.months.get(" ".join(word.lower().split()))


def _given_year(m: re.Match[str]) -> int | None:
    for g in ("y", "y0"):
        if g in m.re.groupindex and m.group(g):
            y = int(m.group(g))
            if 1800 <= y <= 2099:
                return y
    return None


def _other(ctx: _Ctx) -> Iterator[_Cand]:
    lex = _lexicon(ctx.lang)
    if lex is None:
        return
    text = ctx.text
    for rx in (lex.dm, lex.md):
        if rx is None:
            continue
        for m in _matches(rx, text):
            month = _month_number(lex, m.group("mon"))
            if month is None:
                continue
            if (m.group("y") or m.group("y0")) and _given_year(m) is None:
                continue  # "15 mars 2500 personnes" is a count, not a year
            day = int(m.group("d"))
            y = _given_year(m) or _infer_year(ctx.anchor, month, day, ctx.future(m.start()))
            d = _make_date(y, month, day) if y is not None else None
            yield m.start(), m.end(), _value(d, "day") if d else None
    for m in (m for rx in lex.my for m in _matches(rx, text)):
        month = _month_number(lex, m.group("mon"))
        y = _given_year(m)
        if month is not None and y is not None:
            yield m.start(), m.end(), _value(date(y, month, 1), "month")
    if lex.m is not None:
        for m in _matches(lex.m, text):
            month = _month_number(lex, m.group("mon"))
            if month is not None:
                y = _infer_year(ctx.anchor, month, None, ctx.future(m.start()))
                yield m.start(), m.end(), _value(date(y, month, 1), "month") if y is not None else None
    if lex.wd is not None:
        for m in _matches(lex.wd, text):
            first = m.group("wd")[0]
            if first.isupper() and ctx.lang not in _NOUNS_CAPITALISED:
                continue  # a capitalised weekday is a name (Душанбе) in languages that write them lower-case
            mod = m.groupdict().get("mod")
            rel = None if mod is None else "last" if mod == _WEEKDAY_MOD[ctx.lang][0] else "next"
            yield m.start(), m.end(), _weekday(ctx, lex.weekdays[m.group("wd").lower()], rel, m.start())
    if lex.rel is not None:
        for m in _matches(lex.rel, text):
            unit, offset = lex.relative[" ".join(m.group(0).lower().split())]
            yield m.start(), m.end(), _shift(ctx, unit, offset)
    for rx, unit, sign in lex.ago:
        for m in _matches(rx, text):
            try:
                count = int(m.group(1))
            except (ValueError, IndexError):
                continue
            yield m.start(), m.end(), _shift(ctx, unit, sign * count)


def _shift(ctx: _Ctx, unit: str, offset: int) -> TimeValue | None:
    if unit == "day":
        return _relative(ctx.anchor, lambda d: d + timedelta(days=offset), "day")
    if unit == "week":
        return _relative(ctx.anchor, lambda d: d + timedelta(days=7 * offset), "month")
    if unit == "month":
        return _relative(ctx.anchor, lambda d: _add_months(d, offset), "month")
    return _relative(ctx.anchor, lambda d: _add_months(d, 12 * offset), "year")


def _scan(text: str, anchor: TimeValue | None, langs: tuple[str, ...]) -> list[TimeMention]:
    ctx = _Ctx(text, _anchor(anchor), langs[0])
    cands: list[_Cand] = list(_numeric(ctx))
    if "en" in langs:
        cands.extend(_english(ctx))
    if "ru" in langs:
        ctx_ru = _Ctx(text, ctx.anchor, "ru")
        cands.extend(_russian(ctx_ru))
    if langs[0] not in ("en", "ru"):
        cands.extend(_other(ctx))
    # Longest expression wins ("Oct. 31, 2022" over "2022"); on equal length the earlier one.
    cands.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int]] = []
    out: list[TimeMention] = []
    for start, end, value in cands:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append(TimeMention(start, end, text[start:end], value))
    out.sort(key=lambda t: t.start)
    return out


def _langs(lang: str) -> tuple[str, ...]:
    code = (lang or "").split("-")[0].split("_")[0].lower()
    return (code,) if code in ("en", "ru") else (code or "xx",)


# --------------------------------------------------------------------------- public API


def find_dates(text: str, anchor: TimeValue | None, lang: str = "en") -> list[TimeMention]:
    """Every time expression in `text`, in order, resolved against `anchor` (the publication date).

    English and Russian are understood fully; other languages get ISO and numeric dates, and
    written dates, weekdays and relative days where dateparser's tables (or ours) know their words.
    """
    # Statements, statement dates and events each ask for the same document's dates: scan once.
    return list(_find_dates(text, anchor, _langs(lang)))


@lru_cache(maxsize=1024)  # asked again at link time, after a whole batch is analysed
def _find_dates(text: str, anchor: TimeValue | None, langs: tuple[str, ...]) -> tuple[TimeMention, ...]:
    return tuple(_scan(text, anchor, langs))


def resolve(expression: str, anchor: TimeValue | None, lang: str = "en") -> TimeValue | None:
    """The value of one time expression, or None.

    Uses the same patterns as `find_dates` (the longest mention in `expression` wins); only when
    none matches is `dateparser` asked, since it is slow and over-eager on running text.
    """
    bare = expression.strip()
    if re.fullmatch(r"(?:1[89]|20)\d{2}", bare):  # a lone year is only a date when asked about directly
        return TimeValue(bare, "year")
    mentions = [m for m in _scan(expression, anchor, _langs(lang)) if m.value is not None]
    if mentions:
        return max(mentions, key=lambda m: m.end - m.start).value
    if _scan(expression, anchor, _langs(lang)):
        return None  # recognised but unresolvable (relative without anchor): dateparser would guess
    return _dateparser(expression, anchor, lang)


_NO_ANCHOR_BASE = datetime(1901, 6, 15)


def _dateparser(expression: str, anchor: TimeValue | None, lang: str) -> TimeValue | None:
    if not re.search(r"\d|[^\W\d_]{3,}", expression):
        return None
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    a = _anchor(anchor)
    # Without an anchor, a relative expression would silently resolve against today; an
    # impossible base year makes such results recognisable so they can be dropped.
    base = datetime(a.mid.year, a.mid.month, a.mid.day) if a else _NO_ANCHOR_BASE
    code = _langs(lang)[0]
    try:
        parser = DateDataParser(
            languages=[code] if len(code) == 2 else None,
            settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
        )
        data = parser.get_date_data(expression)
    except (ValueError, TypeError, KeyError, OverflowError):
        return None
    if data.date_obj is None or (a is None and data.date_obj.year == base.year):
        return None
    period = data.period or "day"
    precision: Precision = "year" if period == "year" else "month" if period in ("month", "week") else "day"
    return _value(data.date_obj.date(), precision)


_RE_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?|\b(?:GMT|UTC|MSK|EST|EDT|CET|CEST|BST|PST|PDT)\b"
    r"|[+\-−]\d{2}:?\d{2}\b|\(\s*\)",
    _F,
)
_RE_DATELINE_WORDS = re.compile(
    rf"\b(?:{_WD_EN}|(?i:updated|published|posted|last\s+updated|опубликовано|обновлено|дата\s+публикации|"
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|on|at|в))(?!\w)",
    _F,
)
# "DUSHANBE, Oct. 31, 2022 —" opening the lede paragraph.
_RE_CITY_PREFIX = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ.'\- ]{1,40}(?:\([A-Za-z.]+\))?,\s*$", _F)
_RE_AFTER_INLINE = re.compile(r"\s*(?:\([A-Za-z.]+\)\s*)?[—–\-:/|]", _F)
# "Душанбе, 30 октября 2022 года. Министерство ...", "Toshkent, 31-oktabr 2022. ...": a city
# in title case opening the lede. Only with a stop or a dash right after the date (and the
# year word or an outlet's tag): "Ранее, 28 октября, он говорил" is a sentence, not a dateline.
_RE_CITY_TITLE = re.compile(r"\s*[^\W\d_][^\W\d_'’\-]*(?:[ \-][^\W\d_][^\W\d_'’\-]*){0,2}\s*[,،]\s*", _F)
_RE_AFTER_TITLE = re.compile(
    r"\s*(?:года|г\.|yil|йил|сол)?\s*(?:\([^()\n]{1,30}\)|/[^/\n]{1,30}/)?\s*(?:[.]\s+\w|[—–\-:|])", _F
)


def _lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(raw)
    return spans


# Cheap necessary conditions for `_dateline_in`, so that paragraphs are not scanned for dates:
# without an anchor only a written day number gives a day-precision date, and a line over 100
# characters can only be a "CITY, <date> —" lede.
_RE_DIGIT = re.compile(r"\d", _F)
_RE_CITY_START = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ.'\- ]{1,40}(?:\([A-Za-z.]+\))?,", _F)


def _city_any_script(prefix: str) -> bool:
    """"ԲԵԼՎԱՍՏ, ", "ҲИСОР, ", "بلفاست، ": a city in capitals, or in a script without case,
    before a comma. For languages other than English and Russian, whose capitals the
    patterns above do not list (Armenian, Tajik Cyrillic) or whose script has none (Arabic)."""
    m = re.fullmatch(r"\s*([^\W\d_][^\d,،]{1,40}?)\s*[,،]\s*", prefix)
    if not m:
        return False
    words = re.findall(r"[^\W\d_]+", m.group(1))
    return 0 < len(words) <= 3 and all(w.isupper() or w.upper() == w.lower() for w in words)


def _dateline_in(
    text: str, start: int, end: int, langs: tuple[str, ...], yearless: bool = False
) -> tuple[TimeValue, int, int] | None:
    line = text[start:end]
    other = langs[0] not in ("en", "ru")

    def city_start() -> bool:
        if _RE_CITY_START.match(line):
            return True
        comma = re.search(r"[,،]", line[:45])
        return other and comma is not None and _city_any_script(line[: comma.end()])

    def title_city_start() -> bool:
        return _title_city(line[:45].split(",")[0] + ", ")

    if not _RE_DIGIT.search(line) or (len(line) > 100 and not city_start() and not title_city_start()):
        return None
    if yearless:
        # "DUSHANBE, Oct 31 (Reuters) -": wire copy dates itself by day and month only
        fake = TimeValue(f"{PROVISIONAL_YEAR}-12-31", "day")
        mentions = [
            TimeMention(m.start, m.end, m.text, replace(m.value, provisional=True))
            for m in _scan(line, fake, langs)
            if m.value is not None and m.value.precision == "day" and _RE_DAY_NUMBER.search(m.text)
        ]
    else:
        mentions = [m for m in _scan(line, None, langs) if m.value is not None and m.value.precision == "day"]
    if not mentions:
        return None
    first = mentions[0]
    assert first.value is not None
    if len(line) <= 100 and len(mentions) == 1:
        rest = line[: first.start] + " " + line[first.end :]
        rest = _RE_DATELINE_WORDS.sub(" ", _RE_TIME.sub(" ", rest))
        words = re.findall(r"[^\W\d_]+", rest)
        # What remains may only be a place or an outlet: a few capitalised words, no sentence.
        if len(words) <= 4 and all(w[0].isupper() for w in words) and not rest.rstrip().endswith("."):
            return first.value, start, end
    prefix = line[: first.start]
    city = _RE_CITY_PREFIX.fullmatch(prefix) or (other and _city_any_script(prefix))
    if first.start <= 45 and city and _RE_AFTER_INLINE.match(line, first.end):
        return first.value, start, start + first.end
    if first.start <= 45 and _title_city(prefix) and _RE_AFTER_TITLE.match(line, first.end):
        return first.value, start, start + first.end
    return None


def _title_city(prefix: str) -> bool:
    """A place name in title case before the comma: one to three words, each capitalised."""
    if not _RE_CITY_TITLE.fullmatch(prefix):
        return False
    words = re.findall(r"[^\W\d_]+", prefix)
    return all(w[0].isupper() for w in words)


@lru_cache(maxsize=1024)  # ingest, anchor_for, statement dates, events and linking all ask per document
def dateline(text: str, lang: str | None = None, yearless: bool = False) -> tuple[TimeValue, int, int] | None:
    """The publication dateline at the start or the end of an article, with its character span.

    English and Russian date forms are read whatever `lang` says (files are read before their
    language is known); another `lang` reads that language's forms instead.

    A dateline is its own short line holding one full date (day, month and year) and otherwise
    only a place, a weekday, a time or words like "Updated"; or a lede opening "CITY, <date> —".
    The span covers the whole line (or the lede's "CITY, <date>" prefix) so callers can cut it out.
    The first four non-blank lines are tried before the last three. With `yearless`, a date
    of day and month alone counts too, as a provisional value (see `anchor_for`).
    """
    langs = ("en", "ru") if lang in (None, "en", "ru") else _langs(lang)
    lines = _lines(text)
    for s, e in [*lines[:4], *reversed(lines[-3:])]:
        found = _dateline_in(text, s, e, langs, yearless)
        if found:
            return found
    return None


_RE_PUBLISHED = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _parse_published(published: str | None) -> TimeValue | None:
    if not published:
        return None
    m = _RE_PUBLISHED.match(published)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if d and _make_date(int(y), int(mo), int(d)):
        return _value(date(int(y), int(mo), int(d)), "day")
    if mo and 1 <= int(mo) <= 12:
        return _value(date(int(y), int(mo), 1), "month")
    return TimeValue(y, "year")


@lru_cache(maxsize=1024)  # asked again at link time, after a whole batch is analysed
def anchor_for(text: str, published: str | None, lang: str = "en") -> TimeValue | None:
    """The date the article's relative expressions count from.

    The publication date when known (an ISO string, possibly with a time); else a dateline;
    else the latest explicit full date in the text; else the latest explicit month and year.
    """
    known = _parse_published(published)
    if known is None and published:
        known = resolve(published, None, lang)
    if known is not None:
        return known
    found = dateline(text) or dateline(text, yearless=True)
    if found is not None and not found[0].provisional:
        return found[0]
    # Without an anchor only explicit expressions (with their year) get values.
    values = [m.value for m in _scan(text, None, _langs(lang)) if m.value is not None]
    precisions: tuple[Precision, ...] = ("day", "month")
    for precision in precisions:
        isos = [v.iso for v in values if v.precision == precision]
        if isos:
            return TimeValue(max(isos), precision)
    return found[0] if found is not None else _provisional_anchor(text, lang)


_RE_DAY_NUMBER = re.compile(r"\b\d{1,2}\b")
_RE_AGO = re.compile(r"\b(?:ago|назад)\b", re.IGNORECASE)


def _provisional_anchor(text: str, lang: str) -> TimeValue | None:
    """The latest day-and-month the text names, in an unknown year.

    Wire copy often says "on October 31" and never the year. A careful reader still orders
    its events against that day and takes the year from the rest of the coverage; so do we:
    dates resolve against PROVISIONAL_YEAR and the corpus stage `complete_year` fixes it.
    """
    fake = TimeValue(f"{PROVISIONAL_YEAR}-12-31", "day")
    days = [
        m.value.iso
        for m in _scan(text, fake, _langs(lang))
        if m.value is not None
        and m.value.precision == "day"
        and _RE_DAY_NUMBER.search(m.text)
        and not _RE_AGO.search(m.text)
    ]
    if not days:
        return None
    return TimeValue(max(days), "day", provisional=True)


def complete_year(iso: str | None, anchor: TimeValue, reference: str | None) -> str | None:
    """Replace the provisional year of `iso` (resolved against a provisional `anchor`).

    The year is the one that puts the anchor day closest to `reference`, an ISO date from the
    same story's other coverage. Without a reference the date cannot be placed: None.
    """
    if iso is None or not anchor.provisional:
        return iso
    ref = _parse_published(reference)
    if ref is None or ref.precision != "day":
        return None
    ref_day = date.fromisoformat(ref.iso)
    a_month, a_day = int(anchor.iso[5:7]), int(anchor.iso[8:10])

    def distance(year: int) -> int:
        d = _make_date(year, a_month, a_day) or date(year, a_month, 28)
        return abs((d - ref_day).days)

    year = min((ref_day.year - 1, ref_day.year, ref_day.year + 1), key=distance)
    shifted = int(iso[:4]) + (year - PROVISIONAL_YEAR)
    return f"{shifted:04d}{iso[4:]}"
