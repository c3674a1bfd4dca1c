"""Measure cleaning on whole-page text dumps of real news pages.

A careless scraper that keeps "every visible text node, one line per block" hands newsprism the
article *plus* menus, footers, cookie notices, share buttons and lists of related links, with no HTML
left to tell them apart. This module rebuilds such dumps from the HTML of two shared corpora, runs
:func:`newsprism.clean.clean_text` on them and scores what is left against the expected article text.

Systems compared on every page:

``keep``
    the dump itself ("keep everything"): the baseline that cleaning must beat.
``clean``
    ``clean_text(dump).text``. Only ``.text`` is scored: a title the cleaner lifts out is not counted
    (fundus' expected text has no title, and trafilatura's gold snippets were written against an
    extraction whose text has no title either).
``trafilatura``
    ``trafilatura.extract`` on the HTML (comments excluded, minimum sizes set to 0 as upstream's
    benchmark does). It sees the markup, which newsprism never does: a ceiling, for reference.

Corpora and metrics:

fundus_parser_tests
    ``expected_plaintext`` is the full article body (summary, section headlines, paragraphs; no title).
    Metric ``token``: bag-of-tokens precision/recall/F1 (:mod:`newsprism.eval.tokens`).
trafilatura_eval
    Only snippets are annotated. Metric ``snippet`` is upstream's method: a ``must_contain`` snippet
    found in the output is a true positive, one missing a false negative; a ``must_not_contain``
    snippet found is a false positive. Whitespace runs are collapsed to one space on both sides before
    the substring test (the dump breaks lines where blocks end; upstream compares raw strings), both
    are NFC-normalised (some pages and snippets differ only in Unicode composition) and invisible
    characters are deleted; case and punctuation must match exactly.
    Metric ``snippet_tokens`` is a softer token-level variant: the tokens of all ``must_contain``
    snippets form the positive bag, those of all ``must_not_contain`` snippets the negative bag. Output
    tokens that recall positive tokens are true positives (missing positive tokens are false negatives);
    the *remaining* output tokens that match negative tokens are false positives (an output token is
    credited once, never both recalled and blamed). It gives partial credit where a snippet is nearly
    there (cut at a line, rejoined, re-punctuated), which the all-or-nothing substring test cannot; but
    a bag ignores order, so common words of a negative snippet are "kept" by any long text. Hence the
    gate uses ``snippet``; ``snippet_tokens`` is shown beside it to tell "slightly off" from "gone".

Averages: micro (sum the counts over pages) and macro (mean of per-page scores), both reported.

Robustness: a page whose file cannot be read or decoded, or on which the cleaner or trafilatura
raises, counts as empty output for the systems affected, with a note on the row. Nothing is cached.

Run it: ``python -m newsprism.eval.pagedump --corpus ../shared/corpus [--limit N]
[--set fundus|trafilatura|both] [--no-reference]``.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from newsprism.eval.cli import eval_parser
from newsprism.eval.tokens import INVISIBLE, PRF, Scores, bag_prf, macro, micro, token_bag
from newsprism.model import CleanedText

__all__ = [
    "Aggregate",
    "Cleaner",
    "DumpError",
    "PageDumpResult",
    "PageRow",
    "Score",
    "decode_html",
    "dump_lines",
    "evaluate_fundus",
    "evaluate_trafilatura",
    "main",
    "naive_dump",
    "snippet_prf",
    "snippet_token_prf",
    "trafilatura_extract",
]

Cleaner = Callable[[str], CleanedText]

FUNDUS = "fundus_parser_tests"
TRAFILATURA = "trafilatura_eval"
SYSTEMS = ("keep", "clean", "trafilatura")


class DumpError(ValueError):
    """The page could not be decoded or parsed into a text dump."""


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# Labels that browsers (WHATWG Encoding Standard) read as a superset encoding.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "x-sjis": "shift_jis",
}


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED.search(data[:65536])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").strip().lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A UTF-16/32 label inside ASCII-compatible bytes is a lie (browsers read it as UTF-8).
    return None if name.startswith(("utf-16", "utf-32")) else name


def decode_html(data: bytes | str) -> str:
    """Decode page bytes: a BOM wins; then bytes that are valid UTF-8 are UTF-8; then the declared
    ``<meta charset>`` / ``http-equiv`` / XML encoding (decoded as browsers do, bad bytes replaced);
    then charset-normalizer's guess. Raises :class:`DumpError` when nothing fits.

    Valid UTF-8 beats the declaration on purpose: re-saved pages often keep a stale declaration (three
    fundus pages declare gb2312 / iso-8859-1 / iso-8859-15 but are UTF-8), while text in a legacy
    encoding that happens to be valid UTF-8 (beyond plain ASCII, which both read alike) is very rare.
    """
    if isinstance(data, str):
        return data
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared is not None:
        return data.decode(declared, errors="replace")
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DumpError("cannot detect the character encoding")
    return str(best)


# --------------------------------------------------------------------------- the naive dump

# Subtrees that are never visible text. The <title> goes with <head>: it is metadata shown in the
# browser tab, not in the page; article headlines are repeated in the body anyway.
# fmt: off
_SKIP = frozenset({
    "head", "title", "meta", "link", "base", "script", "style", "noscript", "template", "svg", "math",
    "iframe", "frame", "frameset", "noframes", "object", "embed", "applet", "canvas", "audio", "video",
    "source", "track", "map", "datalist",
})
# Elements that start (and end) a line.
_BLOCK = frozenset({
    "html", "body", "address", "article", "aside", "blockquote", "br", "button", "caption", "center",
    "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "label", "legend", "li",
    "main", "menu", "nav", "ol", "optgroup", "option", "p", "pre", "section", "select", "summary",
    "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul",
})
# fmt: on
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _hidden(element: Any) -> bool:
    attrib = element.attrib
    if "hidden" in attrib:
        return True
    if attrib.get("aria-hidden", "").strip().lower() == "true":
        return True
    style = attrib.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _parse(text: str) -> Any:
    # lxml refuses str input that carries an XML encoding declaration, and stops at NUL characters.
    text = _XML_DECLARATION.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        return None
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except etree.ParserError as exc:  # "Document is empty": nothing to show
        if "empty" in str(exc).lower():
            return None
        raise DumpError(f"cannot parse the HTML: {exc}") from exc
    except (etree.LxmlError, ValueError) as exc:
        raise DumpError(f"cannot parse the HTML: {exc}") from exc


def dump_lines(html: bytes | str) -> list[str]:
    """The lines of :func:`naive_dump`."""
    root = _parse(decode_html(html))
    if root is None:
        return []
    lines: list[str] = []
    buffer: list[str] = []
    in_pre = 0

    def flush() -> None:
        if buffer:
            line = " ".join("".join(buffer).translate(INVISIBLE).split())
            buffer.clear()
            if line:
                lines.append(line)

    def add(text: str | None) -> None:
        if not text:
            return
        if in_pre:  # preformatted text keeps its line breaks
            for i, part in enumerate(text.splitlines()):
                if i:
                    flush()
                buffer.append(part)
        else:
            buffer.append(text)

    # Iterative walk (pages nest deeply): (element, leaving?) pairs.
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        element, leaving = stack.pop()
        tag = element.tag
        if leaving:
            if tag in _BLOCK:
                flush()
            if tag == "pre":
                in_pre -= 1
            add(element.tail)
            continue
        if not isinstance(tag, str):  # comment, processing instruction, entity
            add(element.tail)
            continue
        tag = tag.lower()
        if tag in _SKIP or _hidden(element) or (tag == "dialog" and "open" not in element.attrib):
            add(element.tail)  # the tail is the parent's text, still shown
            continue
        if tag in _BLOCK:
            flush()
        if tag == "pre":
            in_pre += 1
        add(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    flush()
    return lines


def naive_dump(html: bytes | str) -> str:
    """Every visible text node of a page, one line per block, as a careless scraper would keep it.

    Decodes bytes (:func:`decode_html`), parses with ``lxml.html`` and drops ``<head>`` (with
    ``<title>``: metadata, not page body), scripts, styles, ``noscript``, ``template``, SVG/MathML,
    embedded frames and media, comments, and elements hidden by the ``hidden`` attribute,
    ``aria-hidden="true"`` or an inline ``display:none`` / ``visibility:hidden`` style. Block-level
    elements (paragraphs, divs, list items, headings, sections, table cells and rows, ``<br>``, form
    controls, ...) start a new line; inline text joins within its block; whitespace runs collapse to
    one space, invisible characters go, empty lines are dropped; ``<pre>`` keeps its line breaks.
    Image ``alt`` text and attribute values are not text nodes and are not kept.

    Raises :class:`DumpError` when the page cannot be decoded or parsed.
    """
    return "\n".join(dump_lines(html))


# --------------------------------------------------------------------------- scoring


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text.translate(INVISIBLE)).split())


def snippet_prf(output: str, must_contain: Sequence[str], must_not_contain: Sequence[str]) -> PRF:
    """Upstream trafilatura snippet counts: TP = ``must_contain`` snippets found in ``output``, FN =
    those missing, FP = ``must_not_contain`` snippets found (whitespace-collapsed substring test)."""
    text = _normalise(output)
    found = sum(1 for snippet in must_contain if _normalise(snippet) in text)
    kept = sum(1 for snippet in must_not_contain if _normalise(snippet) in text)
    return PRF(tp=found, fp=kept, fn=len(must_contain) - found)


def snippet_token_prf(output: str, must_contain: Sequence[str], must_not_contain: Sequence[str]) -> PRF:
    """Token-level snippet counts: positive-snippet tokens recalled (TP) or missing (FN), and output
    tokens left after recall that match negative-snippet tokens (FP). See the module docstring."""
    out = token_bag(output)
    positive = token_bag("\n".join(must_contain))
    negative = token_bag("\n".join(must_not_contain))
    recalled = out & positive
    tp = sum(recalled.values())
    fp = sum(((out - recalled) & negative).values())
    return PRF(tp=tp, fp=fp, fn=sum(positive.values()) - tp)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Score:
    """The counts of one system under one metric on one page."""

    system: str
    metric: str
    counts: PRF


@dataclass(frozen=True)
class PageRow:
    """One page: its case path, the scores of every system, output sizes and a note on trouble."""

    case: str
    scores: tuple[Score, ...]
    dump_chars: int = 0
    clean_chars: int = 0
    note: str = ""

    def counts(self, system: str, metric: str) -> PRF:
        for score in self.scores:
            if score.system == system and score.metric == metric:
                return score.counts
        raise KeyError((system, metric))


@dataclass(frozen=True)
class Aggregate:
    """Micro and macro scores of one system under one metric; ``seconds`` is the time spent making
    that system's output (the dump for ``keep``, cleaning for ``clean``, extraction for
    ``trafilatura``)."""

    system: str
    metric: str
    micro: Scores
    macro: Scores
    pages: int
    seconds: float


@dataclass(frozen=True)
class PageDumpResult:
    """Per-page rows and aggregates of one corpus run."""

    corpus: str
    metrics: tuple[str, ...]
    rows: tuple[PageRow, ...]
    aggregates: tuple[Aggregate, ...]
    seconds: float

    def aggregate(self, system: str, metric: str) -> Aggregate:
        for agg in self.aggregates:
            if agg.system == system and agg.metric == metric:
                return agg
        raise KeyError((system, metric))

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(f"{row.case}: {row.note}" for row in self.rows if row.note)

    def format_table(self) -> str:
        head = (
            f"{'system':<12} {'metric':<15} {'microP':>7} {'microR':>7} {'microF1':>8}"
            f"   {'macroP':>7} {'macroR':>7} {'macroF1':>8} {'seconds':>9}"
        )
        out = [
            f"{self.corpus}: {len(self.rows)} pages, {len(self.notes)} note(s), {self.seconds:.1f} s",
            head,
            "-" * len(head),
        ]
        for metric in self.metrics:
            for agg in self.aggregates:
                if agg.metric != metric:
                    continue
                mi, ma = agg.micro, agg.macro
                out.append(
                    f"{agg.system:<12} {agg.metric:<15} {mi.precision:7.3f} {mi.recall:7.3f} {mi.f1:8.3f}"
                    f"   {ma.precision:7.3f} {ma.recall:7.3f} {ma.f1:8.3f} {agg.seconds:9.1f}"
                )
        if self.notes:
            out.append("notes:")
            out.extend(f"  {note}" for note in self.notes)
        return "\n".join(out)


# --------------------------------------------------------------------------- running

_TRAFILATURA_CONFIG: Any = None


def trafilatura_extract(html: str) -> str:
    """trafilatura's main text of a page (comments excluded, minimum sizes 0 as in upstream's
    benchmark); empty when it finds none."""
    global _TRAFILATURA_CONFIG
    import trafilatura
    from trafilatura.settings import use_config

    if _TRAFILATURA_CONFIG is None:
        config = use_config()
        config.set("DEFAULT", "MIN_OUTPUT_SIZE", "0")
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "0")
        _TRAFILATURA_CONFIG = config
    result = trafilatura.extract(html, config=_TRAFILATURA_CONFIG, include_comments=False)
    return result or ""


def _default_cleaner() -> Cleaner:
    from newsprism.clean import clean_text  # late: the cleaner and its data load only when used

    return clean_text


def _set_dir(corpus_dir: str | Path, name: str) -> Path:
    base = Path(corpus_dir)
    return base if (base / "cases.jsonl").is_file() and base.name == name else base / name


def _cases(directory: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    with (directory / "cases.jsonl").open(encoding="utf-8") as handle:
        count = 0
        for line in handle:
            if not line.strip():
                continue
            if limit is not None and count >= limit:
                return
            count += 1
            yield json.loads(line)


def _error(exc: BaseException) -> str:
    message = str(exc).splitlines()[0][:160] if str(exc) else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _outputs(
    directory: Path, case: dict[str, Any], cleaner: Cleaner, reference: bool, timer: dict[str, float]
) -> tuple[dict[str, str], list[str]]:
    """The text of every system on one page, and notes on what went wrong."""
    outputs = dict.fromkeys(SYSTEMS if reference else SYSTEMS[:2], "")
    notes: list[str] = []
    try:
        raw = gzip.decompress((directory / case["html_path"]).read_bytes())
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        return outputs, [f"unreadable file ({_error(exc)})"]

    start = time.perf_counter()
    try:
        html = decode_html(raw)
        outputs["keep"] = naive_dump(html)
    except DumpError as exc:
        return outputs, [f"no dump ({_error(exc)})"]
    finally:
        timer["keep"] += time.perf_counter() - start

    start = time.perf_counter()
    try:
        outputs["clean"] = cleaner(outputs["keep"]).text
    except Exception as exc:  # a crash counts as empty output, noted
        notes.append(f"cleaner raised {_error(exc)}")
    timer["clean"] += time.perf_counter() - start

    if reference:
        start = time.perf_counter()
        try:
            outputs["trafilatura"] = trafilatura_extract(html)
        except Exception as exc:
            notes.append(f"trafilatura raised {_error(exc)}")
        timer["trafilatura"] += time.perf_counter() - start
    return outputs, notes


def _evaluate(
    corpus: str,
    metrics: tuple[str, ...],
    scorer: Callable[[dict[str, Any], str], tuple[PRF, ...]],
    corpus_dir: str | Path,
    cleaner: Cleaner | None,
    limit: int | None,
    reference: bool,
) -> PageDumpResult:
    directory = _set_dir(corpus_dir, corpus)
    clean = cleaner if cleaner is not None else _default_cleaner()
    systems = SYSTEMS if reference else SYSTEMS[:2]
    timer = dict.fromkeys(systems, 0.0)
    rows: list[PageRow] = []
    began = time.perf_counter()
    for case in _cases(directory, limit):
        outputs, notes = _outputs(directory, case, clean, reference, timer)
        scores = tuple(
            Score(system, metric, counts)
            for system in systems
            for metric, counts in zip(metrics, scorer(case, outputs[system]), strict=True)
        )
        rows.append(
            PageRow(
                case=case["html_path"],
                scores=scores,
                dump_chars=len(outputs["keep"]),
                clean_chars=len(outputs["clean"]),
                note="; ".join(notes),
            )
        )
    aggregates = tuple(
        Aggregate(
            system=system,
            metric=metric,
            micro=micro(row.counts(system, metric) for row in rows),
            macro=macro(row.counts(system, metric) for row in rows),
            pages=len(rows),
            seconds=timer[system],
        )
        for metric in metrics
        for system in systems
    )
    return PageDumpResult(corpus, metrics, tuple(rows), aggregates, time.perf_counter() - began)


def _fundus_scores(case: dict[str, Any], output: str) -> tuple[PRF, ...]:
    return (bag_prf(output, case["expected_plaintext"]),)


def _trafilatura_scores(case: dict[str, Any], output: str) -> tuple[PRF, ...]:
    must, must_not = case["must_contain"], case["must_not_contain"]
    return snippet_prf(output, must, must_not), snippet_token_prf(output, must, must_not)


def evaluate_fundus(
    corpus_dir: str | Path,
    cleaner: Cleaner | None = None,
    limit: int | None = None,
    *,
    reference: bool = True,
) -> PageDumpResult:
    """Token F1 of ``keep``, ``clean`` (and ``trafilatura`` unless ``reference=False``) against
    fundus' ``expected_plaintext``, on the first ``limit`` pages (all by default).

    ``corpus_dir`` is the shared corpus folder (or ``fundus_parser_tests`` itself); ``cleaner``
    defaults to :func:`newsprism.clean.clean_text`.
    """
    return _evaluate(FUNDUS, ("token",), _fundus_scores, corpus_dir, cleaner, limit, reference)


def evaluate_trafilatura(
    corpus_dir: str | Path,
    cleaner: Cleaner | None = None,
    limit: int | None = None,
    *,
    reference: bool = True,
) -> PageDumpResult:
    """Snippet and token-snippet scores on trafilatura's evaluation set (see the module docstring)."""
    return _evaluate(
        TRAFILATURA, ("snippet", "snippet_tokens"), _trafilatura_scores, corpus_dir, cleaner, limit, reference
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = eval_parser(
        "pages",
        "Score newsprism cleaning on naive whole-page text dumps of real news pages.",
        ["newsprism eval pages --set fundus --limit 50"],
    )
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    parser.add_argument("--set", dest="which", choices=("fundus", "trafilatura", "both"), default="both")
    parser.add_argument(
        "--no-reference", action="store_true", help="skip trafilatura's own extraction from the HTML"
    )
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 0:
        parser.error("--limit must be >= 0")
    sets = {"fundus": (FUNDUS, evaluate_fundus), "trafilatura": (TRAFILATURA, evaluate_trafilatura)}
    chosen = list(sets) if args.which == "both" else [args.which]
    for i, key in enumerate(chosen):
        name, run = sets[key]
        if not (_set_dir(args.corpus, name) / "cases.jsonl").is_file():
            print(f"error: no {name}/cases.jsonl under {args.corpus}", file=sys.stderr)
            return 2
        result = run(args.corpus, limit=args.limit, reference=not args.no_reference)
        if i:
            print()
        print(result.format_table(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
