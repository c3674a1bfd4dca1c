"""The PolNeAR quote evaluation: matching, grouping, the direct-quote flag and gold speaker names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.eval.quotes import (
    Prf,
    SystemScore,
    Unit,
    evaluate_quotes,
    format_report,
    gold_name_key,
    is_direct,
    main,
    match,
    predicted_units,
)
from newsprism.extract.nlp import load
from newsprism.model import Quote, Rendering


def test_direct_inside_a_gold_attribution_counts_half_of_the_prediction() -> None:
    from newsprism.eval.quotes import _inside_gold

    gold = [Unit(((0, 100),)), Unit(((200, 240),))]
    pred = [Unit(((60, 110),)), Unit(((90, 130),)), Unit(((300, 320),)), Unit(((195, 205), (230, 239)))]
    assert _inside_gold(pred, gold) == 2  # (60, 110) and the two-part one; not (90, 130) nor (300, 320)
    score = SystemScore("x", direct=Prf(n_pred=4), inside_gold=2)
    assert score.inside_share() == "0.500 (2/4)"


def test_match_is_one_to_one_at_half_the_longer_span() -> None:
    gold = [Unit(((0, 100),)), Unit(((200, 240),))]
    pred = [Unit(((0, 60),)), Unit(((10, 100),)), Unit(((200, 219),))]
    pairs = match(pred, gold)
    assert [(p.ranges, g.ranges) for p, g in pairs] == [(((10, 100),), ((0, 100),))]


def test_discontinuous_gold_counts_characters() -> None:
    gold = [Unit(((0, 50), (70, 120)))]
    assert match([Unit(((0, 50), (70, 120)))], gold)
    assert match([Unit(((0, 50),))], gold)  # 50 of 100 characters: exactly half matches
    assert match([Unit(((0, 49),))], gold) == []


def _quote(start: int, end: int, cue: tuple[int, int] | None, direct: bool = True) -> Quote:
    r = Rendering(
        "d",
        start,
        end,
        "x" * (end - start),
        direct,
        cue_start=cue[0] if cue else -1,
        cue_end=cue[1] if cue else -1,
    )
    return Quote(f"d:{start}", None, r.text, (r,))


def test_renderings_sharing_a_cue_form_one_unit() -> None:
    quotes = [
        _quote(0, 20, (22, 26)),
        _quote(32, 60, (22, 26)),
        _quote(70, 90, (92, 96)),
        _quote(100, 120, None),
    ]
    units = predicted_units(quotes, direct_only=True)
    assert sorted(u.ranges for u in units) == [((0, 20), (32, 60)), ((70, 90),), ((100, 120),)]
    mixed = [_quote(0, 20, (22, 26)), _quote(30, 40, (22, 26), direct=False)]
    assert len(predicted_units(mixed, direct_only=False)) == 2


def test_is_direct_reads_double_marks_and_two_apostrophes() -> None:
    text = "“Yes,” she said. ''No,'' he said. ‘Maybe,’ they said. He said “so” then."
    assert is_direct(text, [[0, 6]])
    assert is_direct(text, [[17, 24]])
    assert not is_direct(text, [[34, 42]])  # single marks: PolNeAR's heuristic does not count them
    assert not is_direct(text, [[54, 66]])


def test_is_direct_widens_a_boundary_that_cuts_a_mark() -> None:
    text = "He said ''We will rebuild,'' and \"the pier stands.\" Then ''no more''."
    first = text.index("''We")
    assert is_direct(text, [[first + 1, text.index(",''") + 3]])  # starts on the second apostrophe
    assert is_direct(text, [[first, text.index(",''") + 2]])  # ends on the first closing apostrophe
    second = text.index('"the')
    assert is_direct(text, [[second + 1, text.index('." ') + 2]])  # starts just after the mark
    assert not is_direct(text, [[second + 1, second + 10]])


def test_gold_name_key_takes_the_head_name() -> None:
    text = "Harbour aide Lina Maro said it. The aide said it. Tomas Quillon, a fisherman, said it."
    doc = load()(text)
    assert gold_name_key(doc, [[0, 22]]) == "maro"
    assert gold_name_key(doc, [[32, 40]]) is None
    assert gold_name_key(doc, [[50, 76]]) == "quillon"
    assert gold_name_key(doc, []) is None


def test_prf() -> None:
    score = Prf(tp=8, n_pred=10, n_gold=16)
    assert score.precision == 0.8 and score.recall == 0.5 and round(score.f1, 4) == 0.6154
    assert Prf().f1 == 0.0


@pytest.fixture()
def tiny_polnear(tmp_path: Path) -> Path:
    text = "“The pier is safe,” Mayor Ilse Varga said. Officials said repairs would start in May."
    record = {
        "doc_id": "tiny-1",
        "text": text,
        "quotes": [
            {
                "quote": text[0:19],
                "quote_spans": [[0, 19]],
                "speaker": "Mayor Ilse Varga",
                "speaker_spans": [[20, 36]],
                "is_direct": True,
            },
            {
                "quote": text[57:85],
                "quote_spans": [[57, 85]],
                "speaker": "Officials",
                "speaker_spans": [[43, 52]],
                "is_direct": False,
            },
        ],
    }
    (tmp_path / "polnear").mkdir()
    (tmp_path / "polnear" / "dev.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return tmp_path


def test_evaluate_on_a_tiny_split(tiny_polnear: Path) -> None:
    result = evaluate_quotes(tiny_polnear, "dev", baseline=False)
    assert result.n_docs == 1 and result.n_gold == 2 and result.n_gold_direct == 1
    assert result.newsprism.direct.f1 == 1.0
    assert result.newsprism.attributions.recall == 1.0
    assert result.newsprism.speaker_direct.value == 1.0 and result.newsprism.speaker_direct.total == 1
    report = format_report(result)
    assert "direct-quote content" in report and "textacy baseline not run" in report


def test_command_line(tiny_polnear: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--corpus", str(tiny_polnear), "--split", "dev", "--no-baseline"]) == 0
    assert "named-speaker accuracy" in capsys.readouterr().out
    assert main(["--corpus", str(tiny_polnear), "--split", "train", "--no-baseline"]) == 2
