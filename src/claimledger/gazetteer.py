"""The world's countries: names, demonyms and Russian stems, and how to find them in text.

The one place that knows which country a word names. Entity resolution keys countries by it
(so "Tajik MFA" and "МИД Таджикистана" share an owner) and proposition frames place claims
with it (so "produced in Tajikistan" meets "таджикские"), and the two must agree on every key.
It is general world knowledge, never words picked from one article.

Keys are lowercase English short names with "_" for spaces ("united_states", "north_korea"):
single tokens, because they are embedded in blocking keys and in markers that regexes read
back with \\w+.

Russian stems are matched against lower-cased words (or lemmas) with ё read as е:

* a stem of four letters or more matches as a prefix, so one stem covers the case forms and
  the adjective ("таджик": Таджикистана, таджикский, таджики);
* a shorter stem ("рф", "сша") or one marked "$" ("мали$", not "малина") must be the whole word;
* a stem of several words ("северн коре") matches consecutive words, each by prefix; only
  `find_country` reads phrases, the single-word lookups skip them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import Any, TypeVar

# key | English names (the first is the display name) | English demonyms/adjectives | Russian stems
# (a backslash at the end of a line continues the row on the next)
_TABLE = """
afghanistan|Afghanistan|Afghan,Afghans|афганистан,афганск,афганц
albania|Albania|Albanian,Albanians|албани,албанск,албанц
algeria|Algeria|Algerian,Algerians|алжир
angola|Angola|Angolan,Angolans|ангол
argentina|Argentina|Argentine,Argentinian,Argentinians|аргентин
armenia|Armenia|Armenian,Armenians|армени,армян
australia|Australia|Australian,Australians|австрали
austria|Austria|Austrian,Austrians|австри
azerbaijan|Azerbaijan|Azerbaijani,Azerbaijanis,Azeri,Azeris|азербайджан
bahrain|Bahrain|Bahraini,Bahrainis|бахрейн
bangladesh|Bangladesh|Bangladeshi,Bangladeshis|бангладеш
belarus|Belarus,Byelorussia|Belarusian,Belarusians,Belarussian,Byelorussian|беларус,белорус
belgium|Belgium|Belgian,Belgians|бельги
bolivia|Bolivia|Bolivian,Bolivians|боливи
bosnia|Bosnia,Bosnia and Herzegovina|Bosnian,Bosnians|босни
brazil|Brazil|Brazilian,Brazilians|бразил
bulgaria|Bulgaria|Bulgarian,Bulgarians|болгар
cambodia|Cambodia|Cambodian,Cambodians|камбодж
canada|Canada|Canadian,Canadians|канад
chile|Chile|Chilean,Chileans|чили$,чилийск,чилиец,чилийц
china|China,PRC|Chinese|китай,кнр
colombia|Colombia|Colombian,Colombians|колумби
croatia|Croatia|Croatian,Croatians,Croat,Croats|хорвати,хорват
cuba|Cuba|Cuban,Cubans|куба$,кубы$,кубе$,кубу$,кубой$,кубинск
cyprus|Cyprus|Cypriot,Cypriots|кипр,кипрск
czechia|Czechia,Czech Republic|Czech,Czechs|чехи,чешск
denmark|Denmark|Danish,Dane,Danes|дани,датск,датчан
egypt|Egypt|Egyptian,Egyptians|египет,египт,египетск
estonia|Estonia|Estonian,Estonians|эстони
ethiopia|Ethiopia|Ethiopian,Ethiopians|эфиопи
european_union|European Union,EU,E.U.||евросоюз,ес
finland|Finland|Finnish,Finn,Finns|финлянд,финск,финн
france|France|French|франци,француз
georgia|Georgia|Georgian,Georgians|грузия,грузии,грузию,грузией,грузин
germany|Germany|German,Germans|германи,немецк,немц,немец,фрг
greece|Greece|Greek,Greeks|греци,греческ,грек
hungary|Hungary|Hungarian,Hungarians|венгри,венгерск
india|India|Indian,Indians|индия,индии,индию,индией,индийск,индиец,индийц
indonesia|Indonesia|Indonesian,Indonesians|индонези
iran|Iran,Islamic Republic of Iran,Persia|Iranian,Iranians,Persian|иран
iraq|Iraq|Iraqi,Iraqis|ирак
ireland|Ireland|Irish|ирланд
israel|Israel|Israeli,Israelis|израил
italy|Italy|Italian,Italians|итали
japan|Japan|Japanese|япони
jordan|Jordan|Jordanian,Jordanians|иордани
kazakhstan|Kazakhstan|Kazakh,Kazakhs,Kazakhstani|казахстан,казахск,казах
kenya|Kenya|Kenyan,Kenyans|кени
kuwait|Kuwait|Kuwaiti,Kuwaitis|кувейт
kyrgyzstan|Kyrgyzstan,Kirghizia,Kyrgyz Republic|Kyrgyz,Kirghiz,Kyrgyzstani|кыргыз,киргиз
laos|Laos|Laotian,Lao|лаос
latvia|Latvia|Latvian,Latvians|латви,латыш
lebanon|Lebanon|Lebanese|ливан
libya|Libya|Libyan,Libyans|ливи
lithuania|Lithuania|Lithuanian,Lithuanians|литв,литовск,литовц
malaysia|Malaysia|Malaysian,Malaysians|малайзи
mali|Mali|Malian,Malians|мали$,малийск
mexico|Mexico|Mexican,Mexicans|мексик
moldova|Moldova,Moldavia|Moldovan,Moldovans|молдав,молдов
mongolia|Mongolia|Mongolian,Mongolians|монгол
montenegro|Montenegro|Montenegrin|черногори
morocco|Morocco|Moroccan,Moroccans|марокк
myanmar|Myanmar,Burma|Burmese|мьянм,бирм
nepal|Nepal|Nepalese,Nepali|непал
netherlands|Netherlands,Holland|Dutch|нидерланд,голланд
new_zealand|New Zealand|New Zealander|нов зеланд,новозеландск
nigeria|Nigeria|Nigerian,Nigerians|нигери
north_korea|North Korea,DPRK|North Korean,North Koreans|кндр,северн коре,северокорейск
north_macedonia|North Macedonia,Macedonia|Macedonian,Macedonians|македони
norway|Norway|Norwegian,Norwegians|норвеги,норвежск
oman|Oman|Omani,Omanis|оман$,оманск
pakistan|Pakistan|Pakistani,Pakistanis|пакистан
palestine|Palestine|Palestinian,Palestinians|палестин
peru|Peru|Peruvian,Peruvians|перу$,перуанск
philippines|Philippines|Philippine,Filipino,Filipinos|филиппин
poland|Poland|Polish,Pole,Poles|польш,польск,поляк
portugal|Portugal|Portuguese|португал
qatar|Qatar|Qatari,Qataris|катар
romania|Romania|Romanian,Romanians|румын
russia|Russia,Russian Federation|Russian,Russians|росси,русск,рф
saudi_arabia|Saudi Arabia|Saudi,Saudis|саудовск
serbia|Serbia|Serbian,Serbians,Serb,Serbs|серби,серб
singapore|Singapore|Singaporean|сингапур
slovakia|Slovakia|Slovak,Slovaks|словаки,словацк,словак
slovenia|Slovenia|Slovenian,Slovene,Slovenes|словени,словенск,словенц
somalia|Somalia|Somali,Somalis|сомали
south_africa|South Africa|South African,South Africans|юар,южн африк,южноафриканск
south_korea|South Korea,Republic of Korea,Korea|South Korean,South Koreans,Korean,Koreans|южн коре,корея,кореи,корейск
spain|Spain|Spanish,Spaniard,Spaniards|испани
sri_lanka|Sri Lanka|Sri Lankan|шри-ланк
sudan|Sudan|Sudanese|судан
sweden|Sweden|Swedish,Swede,Swedes|швеци,шведск,швед
switzerland|Switzerland|Swiss|швейцар
syria|Syria|Syrian,Syrians|сири
taiwan|Taiwan|Taiwanese|тайван
tajikistan|Tajikistan|Tajik,Tajiks,Tajikistani|таджик
thailand|Thailand|Thai|таиланд,тайск
tunisia|Tunisia|Tunisian,Tunisians|тунис
turkey|Turkey,Turkiye,Türkiye|Turkish,Turk,Turks|турци,турецк,турок,турки
turkmenistan|Turkmenistan|Turkmen|туркмен
uganda|Uganda|Ugandan,Ugandans|уганд
ukraine|Ukraine|Ukrainian,Ukrainians|украин
united_arab_emirates|United Arab Emirates,UAE,Emirates|Emirati,Emiratis|оаэ,эмират
united_kingdom|United Kingdom,Britain,Great Britain,UK,U.K.,England|British,Briton,Britons,English|\
великобритани,британ,англи,соединенн королевств
united_states|United States,United States of America,USA,U.S.,US,U.S.A.,America|\
American,Americans|сша,америк,соединенн штат
uzbekistan|Uzbekistan|Uzbek,Uzbeks,Uzbekistani|узбек
venezuela|Venezuela|Venezuelan,Venezuelans|венесуэл
vietnam|Vietnam,Viet Nam|Vietnamese|вьетнам
yemen|Yemen|Yemeni,Yemenis|йемен
"""


@dataclass(frozen=True)
class Country:
    key: str
    name: str  # display name
    en_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    ru_stems: tuple[str, ...]

    @property
    def demonym(self) -> str:
        """The adjective for "<demonym> drones"; the name itself when the table gives none."""
        return self.demonyms[0] if self.demonyms else self.name


def _load() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for line in _TABLE.strip().splitlines():
        key, names, dems, stems = line.split("|")
        en = tuple(names.split(","))
        out[key] = Country(key, en[0], en, tuple(d for d in dems.split(",") if d), tuple(stems.split(",")))
    return out


COUNTRIES: dict[str, Country] = _load()


def country_display(key: str) -> str:
    return COUNTRIES[key].name if key in COUNTRIES else key.replace("_", " ").title()


# ---------------------------------------------------------------------------
# Tokenisation shared by everything that reads names word by word
# ---------------------------------------------------------------------------

APOSTROPHES = "'’`´ʼ"
_T = TypeVar("_T")


def name_cache(fn: Callable[[str], _T]) -> Callable[[str], _T]:
    """Memoise a pure function of a name-sized string: the same few names are asked about
    thousands of times per document. Long texts go straight through, so whole articles are
    never kept alive by the cache."""
    cached = lru_cache(maxsize=65536)(fn)

    @wraps(fn)
    def call(text: str) -> _T:
        return cached(text) if len(text) <= 200 else fn(text)

    return call


_WORD_RE = re.compile(r"[^\W_]+(?:[.'’\-][^\W_]+)*\.?", re.UNICODE)


@name_cache
def clean_text(text: str) -> str:
    """NFKC-normalised text without quote marks and with single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\"“”«»„]", " ", text)
    return " ".join(text.split())


def name_words(text: str) -> list[str]:
    """Lowercased words with possessive 's removed ("Tajikistan's" -> "tajikistan")."""
    out = []
    for w in _WORD_RE.findall(clean_text(text)):
        w = w.lower()
        for a in APOSTROPHES:
            if w.endswith(a + "s"):
                w = w[:-2]
        if w.endswith(".") and w.count(".") == 1:
            w = w[:-1]
        out.append(w)
    return out


# ---------------------------------------------------------------------------
# Russian stems
# ---------------------------------------------------------------------------


def _stem_matches(stem: str, word: str) -> bool:
    if stem.endswith("$"):
        return word == stem[:-1]
    return word == stem or (len(stem) >= 4 and word.startswith(stem))


@lru_cache(maxsize=1)
def _ru_single() -> dict[str, list[tuple[str, str]]]:
    """Stems by first letter: every word of every name is looked up, most of them Latin."""
    pairs = [(stem, c.key) for c in COUNTRIES.values() for stem in c.ru_stems if " " not in stem]
    by_letter: dict[str, list[tuple[str, str]]] = {}
    # Longest first, so "туркмен" wins over "турк" and "северокорейск" over "корейск".
    for stem, key in sorted(pairs, key=lambda p: len(p[0]), reverse=True):
        by_letter.setdefault(stem[0], []).append((stem, key))
    return by_letter


@lru_cache(maxsize=1)
def _ru_phrases() -> list[tuple[tuple[str, ...], str]]:
    pairs = [(tuple(stem.split()), c.key) for c in COUNTRIES.values() for stem in c.ru_stems if " " in stem]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def _ru_norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def country_of_ru(lemma: str) -> str | None:
    """Country key for one Russian word or lemma (name, adjective or demonym), longest stem first."""
    low = _ru_norm(lemma)
    for stem, key in _ru_single().get(low[:1], ()):
        if _stem_matches(stem, low):
            return key
    return None


def _ru_phrase_at(ws: list[str], i: int) -> str | None:
    for parts, key in _ru_phrases():
        if i + len(parts) <= len(ws) and all(_ru_norm(w).startswith(p) for p, w in zip(parts, ws[i:], strict=False)):
            return key
    return None


# ---------------------------------------------------------------------------
# English names
# ---------------------------------------------------------------------------

# Short all-caps abbreviations that are also ordinary words ("US" = us) match case-sensitively.
_CASE_SENSITIVE = frozenset({"US", "UK", "PRC", "UAE", "USA", "DPRK", "EU"})


@lru_cache(maxsize=1)
def _en_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, bool]]]:
    """(case-insensitive regex, case-sensitive regex, surface -> (key, is_demonym))."""
    surface: dict[str, tuple[str, bool]] = {}
    ci: list[str] = []
    cs: list[str] = []
    for c in COUNTRIES.values():
        for n in c.en_names:
            surface[n if n in _CASE_SENSITIVE else n.lower()] = (c.key, False)
            (cs if n in _CASE_SENSITIVE else ci).append(n)
    for c in COUNTRIES.values():
        for d in c.demonyms:
            surface.setdefault(d.lower(), (c.key, True))
            ci.append(d)

    def alt(names: list[str]) -> str:
        names = sorted(set(names), key=len, reverse=True)  # longest first: "South Korea" before "Korea"
        return "|".join(re.escape(n) for n in names)

    # (?!\w) rather than \b so that "U.S." (ending in a dot) still matches.
    ci_re = re.compile(r"(?<!\w)(?:" + _trie(n.lower() for n in ci) + r")(?!\w)", re.IGNORECASE)
    cs_re = re.compile(r"(?<!\w)(?:" + alt(cs) + r")(?!\w)")
    return ci_re, cs_re, surface


def _trie(names: Iterable[str]) -> str:
    """One alternation of `names` as a prefix tree: "(?:south\\ (?:korea|sudan)|...)".

    The same matches as the names listed longest first, which is what the regex engine would
    otherwise try, one name after the other, at every position of every document. Branches start
    with distinct letters, so at most one can go on; a name that is a prefix of others is tried
    after them (greedy `?`), so the longest name that fits still wins. The names must be in one
    case: the pattern is compiled case-insensitively.
    """
    root: dict[str, Any] = {}
    for name in names:
        node = root
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def find_countries_en(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, country key, is_demonym) for every English country name or demonym."""
    ci_re, cs_re, surface = _en_patterns()
    hits: list[tuple[int, int, str, bool]] = []
    taken: list[tuple[int, int]] = []
    for rx in (ci_re, cs_re):
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            key = surface.get(m.group(0) if m.group(0) in _CASE_SENSITIVE else m.group(0).lower())
            if key is None:
                continue
            hits.append((m.start(), m.end(), key[0], key[1]))
            taken.append((m.start(), m.end()))
    return sorted(hits)


def country_key(name: str) -> str | None:
    """Country key for any single name string (English or Russian), or None."""
    name = name.strip()
    if not name:
        return None
    hits = find_countries_en(name)
    if hits:
        return hits[0][2]
    for word in re.findall(r"[а-яё-]+", name.lower()):
        key = country_of_ru(word)
        if key:
            return key
    return None


# ---------------------------------------------------------------------------
# The first country a phrase names (entity names: "Tajik Foreign Ministry", "МИД Ирана")
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _en_words() -> tuple[dict[str, str], int]:
    """Lowercased name or demonym -> key (names win over another country's demonym), and the
    longest name in words."""
    table: dict[str, str] = {}
    for c in COUNTRIES.values():
        for n in (*c.en_names, *c.demonyms):
            table.setdefault(n.lower(), c.key)
    return table, max(len(n.split()) for n in table)


def is_country_word(word: str) -> bool:
    """Whether a lowercased word (as `name_words` gives it) is a country name or demonym on its own."""
    return word in _en_words()[0]


def find_country(text: str) -> str | None:
    """The country a name refers to (first found), from names, demonyms or Russian stems."""
    table, longest = _en_words()
    ws = name_words(text)
    for i in range(len(ws)):
        for n in range(min(longest, len(ws) - i), 0, -1):
            phrase = " ".join(ws[i : i + n])
            if phrase in table:
                # "US" is also the pronoun "us": only accept it when written in capitals.
                if phrase == "us" and not re.search(r"\bU\.?S\b", text):
                    continue
                return table[phrase]
        key = _ru_phrase_at(ws, i) or country_of_ru(ws[i])
        if key:
            return key
    return None
