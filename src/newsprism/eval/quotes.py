"""Quote and attribution evaluation on PolNeAR, side by side with textacy's direct-quotation baseline.

Run ``python -m newsprism.eval.quotes --corpus ../shared/corpus [--split dev] [--limit N]``.

Each PolNeAR document's ``text`` becomes an :class:`~newsprism.model.Article` (id = ``doc_id``), parsed
once by the verified spaCy pipeline; :func:`newsprism.extract.quotes.find_quotes` and, when installed,
``textacy.extract.triples.direct_quotations`` run on that same parse. Definitions:

* **Units.** A gold unit is one PolNeAR attribution; its content is the union of its ``quote_spans``
  (discontinuous parts included). A predicted unit is one rendering, except that renderings of the same
  kind (direct or indirect) that share one cue occurrence (same ``cue_start``/``cue_end``) form one unit:
  that is how a quotation interrupted by its attribution (``“A,” she said. “B.”``) is reported, and how
  PolNeAR annotates it (one attribution, two content spans). textacy's triples are grouped the same way
  by cue token.
* **Match.** A predicted and a gold unit match when the characters they share are at least half of the
  longer of the two (character sets, so discontinuous spans count exactly); matching is one-to-one,
  greedy by that overlap ratio, highest first.
* **Direct-quote content P/R/F1**: gold = attributions whose content starts and ends with a double
  quotation mark — PolNeAR's ``is_direct`` heuristic, with one correction: its NYT texts write the
  double mark as two apostrophes (``''…''``), which the shipped flag does not recognise, so every NYT
  direct quote is flagged indirect there (:func:`is_direct`; the score against the shipped flag is
  printed too). Predicted = ``direct=True`` renderings (textacy: all its triples).
* **All attributions P/R/F1**: gold = every attribution (direct, indirect, and PolNeAR's beliefs and
  other non-speech attributions); predicted = every rendering.
* **Direct inside a gold attribution** (a diagnostic, not a score): the share of predicted direct quotes
  whose characters lie at least half inside one gold attribution of any kind. A direct-quote false
  positive counted here is a quotation PolNeAR annotates too, as indirect or mixed speech (its content
  starting before the mark: ``that “…”``, ``With thousands of X, “…”``) or with other boundaries.
* **Named-speaker accuracy**: over matched pairs whose gold speaker is a proper name — its syntactic head
  (in the spaCy parse) is a proper noun or inside a PERSON/ORG/GPE/FAC entity, or has a proper-noun
  apposition. The gold key is the last word of that name (possessive off, case-folded); a prediction is
  correct when the last word of the resolved ``speaker`` or of the ``speaker_mention`` equals it.
  Reported for direct quotes (comparable with textacy) and for all attributions.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsprism.eval.cli import eval_parser
from newsprism.eval.prf import Prf
from newsprism.extract import nlp
from newsprism.extract.quotes import find_quotes
from newsprism.model import Article, Quote

__all__ = ["Prf", "QuoteEval", "SystemScore", "evaluate_quotes", "load_polnear", "main"]

Ranges = tuple[tuple[int, int], ...]
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_NAME_ENTS = ("PERSON", "ORG", "GPE", "FAC")


# --------------------------------------------------------------------------- scores


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.correct}/{self.total})"


@dataclass
class SystemScore:
    name: str
    direct: Prf = field(default_factory=Prf)
    direct_shipped: Prf = field(default_factory=Prf)
    attributions: Prf = field(default_factory=Prf)
    speaker_direct: Accuracy = field(default_factory=Accuracy)
    speaker_all: Accuracy = field(default_factory=Accuracy)
    seconds: float = 0.0
    failed_docs: int = 0
    inside_gold: int = 0  # predicted direct units lying at least half inside one gold attribution

    def inside_share(self) -> str:
        n = self.direct.n_pred
        return f"{self.inside_gold / n if n else 0.0:.3f} ({self.inside_gold}/{n})"


@dataclass
class QuoteEval:
    split: str
    n_docs: int
    n_gold: int
    n_gold_direct: int
    parse_seconds: float
    newsprism: SystemScore
    textacy: SystemScore | None
    textacy_missing: str | None = None


# --------------------------------------------------------------------------- units


@dataclass
class Unit:
    ranges: Ranges
    speaker: str | None = None
    mention: str | None = None
    gold_key: str | None = None  # gold units only: the last word of a named speaker
    label: str = ""

    @property
    def size(self) -> int:
        return sum(e - s for s, e in self.ranges)


def _overlap(a: Ranges, b: Ranges) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _merge_ranges(ranges: Iterable[tuple[int, int]]) -> Ranges:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


def match(pred: Sequence[Unit], gold: Sequence[Unit]) -> list[tuple[Unit, Unit]]:
    """One-to-one greedy matching on overlap / longer length (≥ 0.5)."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            shared = _overlap(p.ranges, g.ranges)
            if shared and 2 * shared >= max(p.size, g.size):
                pairs.append((shared / max(p.size, g.size), i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((pred[i], gold[j]))
    return out


def _last_word(text: str | None) -> str:
    if not text:
        return ""
    words = re.findall(r"[^\W_]+(?:[’'.-][^\W_]+)*", _POSSESSIVE.sub("", text.strip()))
    return words[-1].lower() if words else ""


def gold_name_key(doc: Doc, spans: Sequence[Sequence[int]]) -> str | None:
    """The last word of the gold speaker's name when the speaker phrase is headed by a name, else None."""
    if not spans:
        return None
    start, end = spans[0]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    for tok in (root, *(c for c in root.children if c.dep_ == "appos" and c.i < span.end)):
        if tok.ent_type_ in _NAME_ENTS:
            ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                return _last_word(ent.text)
        if tok.pos_ == "PROPN":
            return _last_word(tok.text)
    return None


_DOUBLE_MARKS = ('"', "“", "”", "„", "«", "»", "''")


def is_direct(text: str, spans: Sequence[Sequence[int]]) -> bool:
    """PolNeAR's ``is_direct`` heuristic (content starts and ends with a double quotation mark), with the
    two-apostrophe mark ``''`` of its NYT texts counted as one (the shipped flag misses those) and a
    boundary that cuts a mark widened to the whole mark: a span that starts on the second apostrophe of
    ``''`` or just after an opening mark, or ends on the first apostrophe of a closing ``''``."""
    start, end = spans[0][0], spans[-1][1]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if text[start - 1 : start + 2].startswith("''") and text[start + 1 : start + 2] != "'":
        start -= 1
    if text[end - 1 : end + 1] == "''" and text[end - 2 : end - 1] != "'":
        end += 1
    content = text[start:end]
    if start > 0 and text[start - 1] in '"“' and content.endswith(_DOUBLE_MARKS):
        content = text[start - 1 : end]
    return content.startswith(_DOUBLE_MARKS) and content.endswith(_DOUBLE_MARKS)


def gold_units(record: dict[str, Any], doc: Doc, which: str = "all") -> list[Unit]:
    """Gold units: ``which`` is ``all``, ``direct`` (:func:`is_direct`) or ``shipped`` (the shipped flag)."""
    out = []
    for q in record["quotes"]:
        if not q["quote_spans"]:
            continue
        if which == "shipped" and not q["is_direct"]:
            continue
        if which == "direct" and not is_direct(record["text"], q["quote_spans"]):
            continue
        out.append(
            Unit(
                _merge_ranges(tuple(s) for s in q["quote_spans"]),
                q["speaker"],
                q["speaker"],
                gold_name_key(doc, q["speaker_spans"]),
                q["quote"],
            )
        )
    return out


def predicted_units(quotes: Sequence[Quote], direct_only: bool) -> list[Unit]:
    groups: dict[Any, list[tuple[Quote, Any]]] = defaultdict(list)
    for q in quotes:
        r = q.renderings[0]
        if direct_only and not r.direct:
            continue
        key = (r.direct, r.cue_start, r.cue_end) if r.cue_start >= 0 else ("alone", r.start, r.end)
        groups[key].append((q, r))
    out = []
    for members in groups.values():
        q, r = members[0]
        out.append(
            Unit(
                _merge_ranges((m.start, m.end) for _, m in members),
                q.speaker,
                r.speaker_mention,
                label=r.text,
            )
        )
    return out


def textacy_units(doc: Doc) -> list[Unit] | None:
    """textacy's direct quotations as units (grouped by cue token); None when textacy gives up on a doc."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # an odd number of quotation marks: textacy refuses the whole document
        return None
    groups: dict[int, list[Any]] = defaultdict(list)
    for t in triples:
        groups[t.cue[0].i].append(t)
    out = []
    for members in groups.values():
        speaker = " ".join(tok.text for tok in members[0].speaker)
        ranges = _merge_ranges((t.content.start_char, t.content.end_char) for t in members)
        out.append(Unit(ranges, speaker, speaker, label=members[0].content.text))
    return out


def _speaker_correct(pred: Unit, gold: Unit) -> bool:
    return gold.gold_key in (_last_word(pred.speaker), _last_word(pred.mention))


def _score(prf: Prf, acc: Accuracy, pred: list[Unit], gold: list[Unit]) -> list[tuple[Unit, Unit]]:
    pairs = match(pred, gold)
    prf.tp += len(pairs)
    prf.n_pred += len(pred)
    prf.n_gold += len(gold)
    for p, g in pairs:
        if g.gold_key:
            acc.total += 1
            acc.correct += _speaker_correct(p, g)
    return pairs


# --------------------------------------------------------------------------- run


def load_polnear(corpus_dir: Path, split: str = "dev", limit: int | None = None) -> list[dict[str, Any]]:
    path = corpus_dir / "polnear" / f"{split}.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: PolNeAR {split} split not found")
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


def _textacy_available() -> str | None:
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError as error:
        return f"textacy is not installed ({error}); pip install textacy to run the baseline"
    return None


def evaluate_quotes(
    corpus_dir: Path,
    split: str = "dev",
    limit: int | None = None,
    jobs: int = 1,
    baseline: bool = True,
    errors: int = 0,
    docs: Sequence[Doc] | None = None,
) -> QuoteEval:
    """Score newsprism (and textacy when installed and ``baseline``) on a PolNeAR split.

    ``docs`` may give the spaCy parses of the split's texts (in order) to skip parsing."""
    records = load_polnear(corpus_dir, split, limit)
    t0 = time.perf_counter()
    if docs is None:
        docs = list(nlp.load().pipe((r["text"] for r in records), n_process=jobs, batch_size=8))
    docs = docs[: len(records)]
    parse_seconds = time.perf_counter() - t0
    missing = _textacy_available() if baseline else "baseline not requested"
    ours = SystemScore("newsprism")
    theirs = SystemScore("textacy") if missing is None else None
    shown = 0
    for i, (record, doc) in enumerate(zip(records, docs, strict=True)):
        article = Article(id=record["doc_id"], source=f"polnear/{split}.jsonl#{i + 1}", text=record["text"])
        t = time.perf_counter()
        quotes = find_quotes(article, doc)
        ours.seconds += time.perf_counter() - t
        gold_direct = gold_units(record, doc, "direct")
        gold_shipped = gold_units(record, doc, "shipped")
        gold_all = gold_units(record, doc, "all")
        pred_direct = predicted_units(quotes, True)
        ours.inside_gold += _inside_gold(pred_direct, gold_all)
        pairs = _score(ours.direct, ours.speaker_direct, pred_direct, gold_direct)
        _score(ours.direct_shipped, Accuracy(), pred_direct, gold_shipped)
        _score(ours.attributions, ours.speaker_all, predicted_units(quotes, False), gold_all)
        if errors and shown < errors:
            shown += _show_errors(record["doc_id"], pred_direct, gold_direct, pairs)
        if theirs is not None:
            t = time.perf_counter()
            units = textacy_units(doc)
            theirs.seconds += time.perf_counter() - t
            if units is None:
                theirs.failed_docs += 1
                units = []
            _score(theirs.direct, theirs.speaker_direct, units, gold_direct)
            theirs.inside_gold += _inside_gold(units, gold_all)
            _score(theirs.direct_shipped, Accuracy(), units, gold_shipped)
            _score(theirs.attributions, theirs.speaker_all, units, gold_all)
    return QuoteEval(
        split,
        len(records),
        ours.attributions.n_gold,
        ours.direct.n_gold,
        parse_seconds,
        ours,
        theirs,
        missing,
    )


def _inside_gold(pred: Sequence[Unit], gold: Sequence[Unit]) -> int:
    """How many of ``pred`` lie at least half inside one gold attribution (any kind): a quote that
    PolNeAR annotates too, though maybe as indirect or mixed speech, or with other boundaries."""
    return sum(any(_overlap(p.ranges, g.ranges) * 2 >= p.size for g in gold) for p in pred)


def _show_errors(doc_id: str, pred: list[Unit], gold: list[Unit], pairs: list[tuple[Unit, Unit]]) -> int:
    matched_p = {id(p) for p, _ in pairs}
    matched_g = {id(g) for _, g in pairs}
    lines = [f"FP  {p.label[:150]!r}  [{p.speaker}]" for p in pred if id(p) not in matched_p]
    lines += [f"FN  {g.label[:150]!r}  [{g.speaker}]" for g in gold if id(g) not in matched_g]
    lines += [
        f"SPK {g.label[:80]!r} gold={g.speaker!r} ours={p.speaker!r}/{p.mention!r}"
        for p, g in pairs
        if g.gold_key and not _speaker_correct(p, g)
    ]
    if lines:
        print(f"--- {doc_id}", *lines, sep="\n", file=sys.stderr)
    return len(lines)


def format_report(result: QuoteEval) -> str:
    """The side-by-side table printed by the command."""
    ours, theirs = result.newsprism, result.textacy
    n = result.n_docs

    def row(label: str, ours_value: str, theirs_value: str) -> str:
        return f"{label:34}{ours_value:<36}{theirs_value if theirs is not None else '—':<36}"

    def both(pick: Any) -> tuple[str, str]:
        return str(pick(ours)), str(pick(theirs)) if theirs is not None else ""

    rows = [
        f"PolNeAR {result.split}: {n} docs, {result.n_gold} attributions ({result.n_gold_direct} direct); "
        f"spaCy parse {result.parse_seconds:.1f}s",
        row("", "newsprism", "textacy"),
        row("direct-quote content", *both(lambda x: x.direct)),
        row("  (gold = is_direct as shipped)", *both(lambda x: x.direct_shipped)),
        row("all attributions", *both(lambda x: x.attributions)),
        row("named-speaker accuracy (direct)", *both(lambda x: x.speaker_direct)),
        row("named-speaker accuracy (all)", *both(lambda x: x.speaker_all)),
        row("predicted direct / all units", *both(lambda x: f"{x.direct.n_pred} / {x.attributions.n_pred}")),
        row("  direct inside gold attribution", *both(lambda x: x.inside_share())),
        row(
            "seconds after the parse",
            f"{ours.seconds:.2f} ({n / max(ours.seconds, 1e-9):.0f} docs/s)",
            f"{theirs.seconds:.2f}" if theirs is not None else "",
        ),
    ]
    if theirs is not None and theirs.failed_docs:
        rows.append(f"textacy refused {theirs.failed_docs} of {n} docs (odd number of quotation marks)")
    if result.textacy_missing:
        rows.append(f"textacy baseline not run: {result.textacy_missing}")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = eval_parser(
        "quotes",
        __doc__.split("\n")[0] if __doc__ else "",
        ["newsprism eval quotes --split dev", "newsprism eval quotes --split dev --errors 40 --no-baseline"],
    )
    parser.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--jobs", type=int, default=1, help="spaCy parser processes")
    parser.add_argument("--no-baseline", action="store_true", help="skip textacy")
    parser.add_argument("--errors", type=int, default=0, help="print up to N direct-quote errors to stderr")
    args = parser.parse_args(argv)
    try:
        result = evaluate_quotes(
            args.corpus, args.split, args.limit, args.jobs, not args.no_baseline, args.errors
        )
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
