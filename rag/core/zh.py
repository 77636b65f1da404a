"""Chinese text handling in one place: normalisation, sentence splitting, jieba words and char n-grams."""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property, lru_cache
from pathlib import Path

from rag.core.data import data_path

_SENT_END = re.compile(r"(?<=[。！？；!?;])")
_CLAUSE_END = re.compile(r"(?<=[，、：,:])")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORDLIKE = re.compile(r"[\u4e00-\u9fff]|[A-Za-z]+|\d+(?:\.\d+)?%?")
_SPACE_BETWEEN = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

STOPWORDS = frozenset(
    """的 了 和 与 及 或 等 是 在 对 为 把 被 就 都 也 还 又 要 会 能 可以 有 没有 吗 呢 吧 啊 呀 嘛 么 我 我们 你 你们
    他们 它 这 那 这个 那个 哪 哪些 哪个 哪里 什么 怎么 怎样 如何 多少 几 几个 谁 请问 一下 一些 有没有 是否 是不是 请
    里 上 中 下 个 项 些 啥 咋 想 问 问下 知道 告诉 说 讲 提到 提出 关于 方面 其中 以及 并 从 到 给 让 需要 主要 重点
    规划 我市 全市 市里 里面 ， 。 ？ ！ 、 ： ； “ ” （ ） ( ) ? ! , . : ;""".split()
)


_FULLWIDTH_ALNUM = {c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}


def normalize(text: str) -> str:
    """Fold full-width letters and digits, drop control characters and spaces next to CJK text.

    Chinese punctuation is kept as it is: it is what sentence splitting and citations rely on.
    """
    text = unicodedata.normalize("NFC", text).translate(_FULLWIDTH_ALNUM)
    text = _CONTROL.sub("", text)
    text = text.replace("\u3000", " ")
    return _SPACE_BETWEEN.sub("", text).strip()


@lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """`normalize(text).lower()`, cached: every candidate's and chunk's text is compared with each question
    word several times a request, and the chunks' texts recur across requests."""
    return normalize(text).lower()


def squeeze(text: str) -> str:
    """Text with all white space removed, for substring comparisons."""
    return re.sub(r"\s+", "", text)


def split_sentences(text: str) -> list[str]:
    """Split on 。！？； keeping the mark with its sentence."""
    return [s.strip() for s in _SENT_END.split(text) if s.strip()]


def split_clauses(text: str) -> list[str]:
    """Split a sentence further on ，、： for list items and short quotes."""
    return [s.strip() for s in _CLAUSE_END.split(text) if s.strip()]


def char_ngrams(text: str, n: int = 2) -> list[str]:
    """CJK character n-grams plus whole Latin words and numbers."""
    units = _WORDLIKE.findall(normalize(text))
    grams = [u for u in units if not _CJK.fullmatch(u)]
    cjk = [u for u in units if _CJK.fullmatch(u)]
    grams += ["".join(cjk[i : i + n]) for i in range(len(cjk) - n + 1)]
    return grams


def cjk_len(text: str) -> int:
    """Number of CJK characters, the length users perceive in Chinese text."""
    return len(_CJK.findall(text))


class Tokenizer:
    """jieba with the project's user dictionary; loads lazily on first use."""

    def __init__(self, userdict: Path | None = None, extra_words: list[str] | None = None) -> None:
        self._userdict = userdict
        self._extra_words = extra_words or []
        self._learned: set[str] = set()

    @cached_property
    def _jieba(self):  # type: ignore[no-untyped-def]
        import jieba

        jieba.setLogLevel(60)
        tok = jieba.Tokenizer()
        path = self._userdict or data_path("userdict.txt")
        tok.load_userdict(str(path))
        for word in self._extra_words:
            tok.add_word(word, freq=2000)
        return tok

    @cached_property
    def _tagger(self):  # type: ignore[no-untyped-def]
        import jieba.posseg

        return jieba.posseg.POSTokenizer(self._jieba)  # reads the tag table once (~0.2 s)

    def warm_up(self) -> None:
        self._jieba.initialize()

    @property
    def learned(self) -> frozenset[str]:
        """The words learned from the documents so far (they decide how texts are cut)."""
        return frozenset(self._learned)

    def learn(self, words: list[str]) -> None:
        """Keep these words whole from now on (the knowledge base's own vocabulary, read at index time)."""
        for word in words:
            if word not in self._learned:
                self._jieba.add_word(word, freq=2000)
                self._learned.add(word)

    def words(self, text: str, *, fine: bool = True) -> list[str]:
        """Content words of `text`, stopwords and punctuation removed.

        `fine` adds jieba's search-mode sub-words (高新技术企业 → 高新, 技术, 企业, …), which helps
        recall in BM25; coarse mode keeps whole words, which is what coverage checks need.
        """
        text = folded(text)
        cut = self._jieba.lcut_for_search(text) if fine else self._jieba.lcut(text)
        return [w for w in cut if w.strip() and w not in STOPWORDS and _is_content(w)]

    def function_word(self, word: str) -> bool:
        """Whether jieba's dictionary tags a word as a function word: an adverb, pronoun, time word, numeral,
        measure word, conjunction, preposition or particle (read from its dictionary file, without loading
        the part-of-speech tagger's models)."""
        return _closed_class().get(word, "")[:1] in _FUNCTION_TAGS and word not in self._learned

    def tags(self, text: str) -> list[tuple[str, str]]:
        """`text` cut into words, each with jieba's dictionary tag when it is a closed-class word (d, r, t, m, q,
        c, p, u, y, e, o, f) or a place name (ns), "x" for punctuation and "n" otherwise: what telling a name
        from the words around it needs, without loading the part-of-speech tagger's models."""
        tagged = []
        for word in self._jieba.lcut(normalize(text)):
            if not re.search(r"[\w\u4e00-\u9fff]", word):
                tagged.append((word, "x"))
            elif re.fullmatch(r"[\d.%％]+", word):
                tagged.append((word, "m"))
            elif word in self._learned:
                tagged.append((word, "n"))
            else:
                tagged.append((word, _closed_class().get(word, "n")))
        return tagged

    def proper_names(self, text: str) -> list[str]:
        """Place and organisation names in `text` (jieba's ns/nt tags, and words with an organisation's or
        place's suffix), for checking that generated text names only what its sources name."""
        tagged = self._tagger.lcut(normalize(text))
        return list(dict.fromkeys(
            p.word for p in tagged
            if len(p.word) >= 2 and (p.flag in ("ns", "nt") or (len(p.word) >= 3 and p.word.endswith(NAME_SUFFIXES)))
        ))


# jieba's tags (their first letter) of words that carry no topic and whose thesaurus groups mix senses:
# adverbs, pronouns, time words, numerals, measure words, conjunctions, prepositions, particles, interjections.
# Locality words (以后 ↔ 之后, 之内 ↔ 以内) keep their synonyms: those are the same sense.
_FUNCTION_TAGS = frozenset("drtmqcpuyeo")
_CLOSED_TAGS = ("d", "r", "t", "m", "q", "c", "p", "u", "y", "e", "o", "f", "ns")


@lru_cache(maxsize=1)
def _closed_class() -> dict[str, str]:
    """jieba's dictionary words of the closed classes and place names, with their tags (the file, not the
    tagger: its models take ~90 MiB)."""
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    with path.open(encoding="utf-8") as lines:
        rows = (line.split() for line in lines if line.count(" ") == 2)
        return {w: tag for w, _, tag in rows if tag == "ns" or (tag[:1] in _CLOSED_TAGS and tag != "n")}


NAME_SUFFIXES = ("省", "市", "县", "区", "州", "镇", "乡", "局", "委", "厅", "办", "院", "所", "中心", "集团", "公司", "大学", "学院", "银行")


def _is_content(word: str) -> bool:
    return bool(_WORDLIKE.search(word))


def zh_date(iso: str) -> str:
    """2025-05-16 as the documents write it: 2025年5月16日 ("" for anything else)."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", iso)
    return f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日" if m else ""


_ZH_DIGIT = {c: str(n) for n, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0", "O": "0"}
_ZH_DATE = re.compile(r"([〇○零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")


def _zh_small(text: str) -> int:
    """一 … 三十一 as a number (the month and day of a date written in Chinese numerals)."""
    if "十" not in text:
        return int(_ZH_DIGIT[text])
    tens, _, ones = text.partition("十")
    return (int(_ZH_DIGIT[tens]) if tens else 1) * 10 + (int(_ZH_DIGIT[ones]) if ones else 0)


def digit_dates(text: str) -> str:
    """Dates written in Chinese numerals, as a signature line often is (二〇二五年五月二十日), in digits:
    2025年5月20日; everything else unchanged."""
    def digits(m: re.Match[str]) -> str:
        year = "".join(_ZH_DIGIT[c] for c in m.group(1))
        return f"{year}年{_zh_small(m.group(2))}月{_zh_small(m.group(3))}日"
    return _ZH_DATE.sub(digits, text)
