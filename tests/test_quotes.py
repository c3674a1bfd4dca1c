"""Direct and indirect quotes with speakers, cues and offsets (invented text, fictional people)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsprism.extract.nlp import load
from newsprism.extract.quotes import find_quotes, quoted_parts
from newsprism.model import Article, Mention, Quote, Rendering


def _quotes(text: str, mentions: Sequence[Mention] = ()) -> tuple[Quote, ...]:
    article = Article(id="a1", source="test", text=text)
    found = find_quotes(article, mentions=mentions)
    for q in found:
        assert len(q.renderings) == 1
        r = q.renderings[0]
        assert r.article_id == "a1"
        assert text[r.start : r.end] == r.text == q.text
        if r.speaker_mention is not None:
            assert text[r.speaker_start : r.speaker_end] == r.speaker_mention
        else:
            assert r.speaker_start == r.speaker_end == -1
        if r.cue is not None:
            assert text[r.cue_start : r.cue_end] == r.cue
        assert r.speaker_kind in {"named", "pronoun", "description", "anonymous", "collective", "unknown"}
    return found


def _find(quotes: Sequence[Quote], fragment: str) -> tuple[Quote, Rendering]:
    hits = [q for q in quotes if fragment in q.text]
    assert len(hits) == 1, [q.text for q in quotes]
    return hits[0], hits[0].renderings[0]


def _none(quotes: Sequence[Quote], fragment: str) -> None:
    assert not [q for q in quotes if fragment in q.text], [q.text for q in quotes]


# --------------------------------------------------------------------------- direct quotes


def test_direct_quote_with_trailing_attribution() -> None:
    text = "“We will rebuild the pier before the summer,” Mayor Ilse Varga said on Tuesday."
    q, r = _find(_quotes(text), "rebuild the pier")
    assert r.direct
    assert r.text == "“We will rebuild the pier before the summer,”"  # marks included
    assert q.speaker == "Ilse Varga" and r.speaker_kind == "named"
    assert r.speaker_mention == "Mayor Ilse Varga" and r.cue == "said"


def test_inverted_attribution_drops_the_relative_clause() -> None:
    text = "“The nets were empty all week,” said Tomas Quillon, who runs the harbour cooperative."
    q, r = _find(_quotes(text), "nets were empty")
    assert q.speaker == "Tomas Quillon" and r.speaker_mention == "Tomas Quillon"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Varga told reporters: “The pier is closed until further notice.”",
            "“The pier is closed until further notice.”",
        ),
        (
            "Varga said, “The pier is closed until further notice.”",
            "“The pier is closed until further notice.”",
        ),
        (
            "Varga said “the pier is closed until further notice.”",
            "“the pier is closed until further notice.”",
        ),
        ("Varga: “The pier is closed until further notice.”", "“The pier is closed until further notice.”"),
        ("Varga — “The pier is closed until further notice.”", "“The pier is closed until further notice.”"),
        (
            "Ilse Varga said: «The pier is closed until further notice.»",
            "«The pier is closed until further notice.»",
        ),
        (
            "Ilse Varga said: „The pier is closed until further notice.“",
            "„The pier is closed until further notice.“",
        ),
        (
            "Ilse Varga said: 'The pier is closed until further notice.'",
            "'The pier is closed until further notice.'",
        ),
        (
            "Ilse Varga said: ''The pier is closed until further notice.''",
            "''The pier is closed until further notice.''",
        ),
        (
            'Ilse Varga said: "The pier is closed until further notice."',
            '"The pier is closed until further notice."',
        ),
    ],
)
def test_colon_dash_and_every_mark_style(text: str, quote: str) -> None:
    q, r = _find(_quotes(text), "pier is closed")
    assert r.direct and r.text == quote
    assert q.speaker is not None and q.speaker.endswith("Varga")


def test_multi_sentence_quote_then_attribution() -> None:
    text = "“The water rose fast. We lost two boats. Nobody was hurt,” the harbour master Tomas Quillon said."
    q, r = _find(_quotes(text), "water rose")
    assert r.direct and r.text.endswith("hurt,”") and q.speaker == "Tomas Quillon"


def test_interrupted_quote_shares_cue_and_speaker() -> None:
    text = "“The pier is safe,” Varga said. “We checked it twice.”"
    quotes = _quotes(text)
    _, first = _find(quotes, "pier is safe")
    q2, second = _find(quotes, "checked it twice")
    assert first.direct and second.direct
    assert (first.cue_start, first.cue_end) == (second.cue_start, second.cue_end)
    assert (first.speaker_start, first.speaker_end) == (second.speaker_start, second.speaker_end)
    assert q2.speaker == "Varga"


@pytest.mark.parametrize(
    "text",
    [
        "“The pier is safe,” Varga said, but “the ferry must wait for the inspectors.”",
        "“The pier is safe,” Varga said, waving at the crowd. “Harbour Days. Come Back.”",
    ],
)
def test_quote_resumed_after_its_attribution_shares_the_cue(text: str) -> None:
    quotes = [q for q in _quotes(text) if q.renderings[0].direct]
    assert len(quotes) == 2, [q.text for q in quotes]
    first, second = (q.renderings[0] for q in quotes)
    assert (first.cue_start, first.cue_end) == (second.cue_start, second.cue_end)
    assert quotes[1].speaker == "Varga"


def test_a_verb_introducing_the_next_quotation_is_not_the_cue_of_the_one_before() -> None:
    text = "“Keep the lights on,” Varga sings to the crowd before asking them, “Where is the ferry?”"
    quotes = _quotes(text)
    _, first = _find(quotes, "lights on")
    _, second = _find(quotes, "Where is the ferry")
    assert first.cue == "sings" and second.cue == "asking"


def test_a_quotation_attacked_by_name_is_a_weak_cue_object() -> None:
    text = "In a radio interview, Ilse Varga attacked “the lazy habits of a council that never sails.”"
    q, r = _find(_quotes(text), "lazy habits")
    assert r.direct and r.cue == "attacked" and q.speaker == "Ilse Varga"


def test_colon_introduced_quote_with_a_closing_attribution() -> None:
    text = (
        "The statement said the vote would change how the harbour is run: "
        "“Our members chose the pier over the marina,” the fishermen's union wrote."
    )
    _, r = _find(_quotes(text), "members chose")  # once: the reported clause stops at the quote
    assert r.direct and r.cue == "wrote" and r.speaker_mention == "the fishermen's union"


def test_quote_continued_in_next_paragraph() -> None:
    text = (
        "The harbour master Tomas Quillon said: “We lost two boats in the storm.\n\n"
        "“The cooperative will pay for the repairs.”\n\nThe council meets on Friday."
    )
    q, r = _find(_quotes(text), "lost two boats")
    assert r.direct and "cooperative will pay" in r.text and r.text.endswith("repairs.”")
    assert q.speaker == "Tomas Quillon"


def test_missing_closing_mark_ends_at_paragraph_end() -> None:
    text = (
        "Varga told reporters on Tuesday, “We had a long meeting, we talked about the pier.\n\n"
        "“No, we did not decide anything,” Varga said when asked about the budget.\n"
    )
    quotes = _quotes(text)
    _, first = _find(quotes, "long meeting")
    _, second = _find(quotes, "did not decide")
    assert first.text == "“We had a long meeting, we talked about the pier."
    assert second.text == "“No, we did not decide anything,”"
    assert first.direct and second.direct


def test_epigraph_signed_on_the_next_line() -> None:
    text = "The town remembers the storm.\n\n“We will never forget that night.”\n\n— Ilse Varga, mayor\n"
    q, r = _find(_quotes(text), "never forget")
    assert r.direct and q.speaker == "Ilse Varga"


def test_reader_voices_signed_after_a_dash_on_the_same_line() -> None:
    text = (
        "Readers told us what they think of the pier plan.\n\n"
        "“The pier is the heart of this town. We cannot lose it.” ― Marta Oyelaran\n"
        "”Rebuild it before the summer, or the season is gone.” — Piet Dunmore.\n"
    )
    quotes = _quotes(text)
    q1, r1 = _find(quotes, "heart of this town")
    assert r1.direct and q1.speaker == "Marta Oyelaran" and r1.cue == "―"
    q2, r2 = _find(quotes, "before the summer")
    assert r2.direct and q2.speaker == "Piet Dunmore"
    assert r2.text.startswith("”Rebuild")  # a paragraph that opens with a mark opens a quotation


def test_paragraph_opening_with_a_closing_style_mark_and_ellipsis() -> None:
    text = (
        "Varga spoke for an hour.\n\n"
        "” … and the pier will stand for another hundred years,” Ilse Varga said.\n"
    )
    q, r = _find(_quotes(text), "another hundred years")
    assert r.direct and q.speaker == "Ilse Varga"


def test_unmarked_dash_dialogue_and_dash_after_a_cue() -> None:
    text = (
        "The harbour board met on Monday.\n\n"
        "– We will not give up on the pier, the harbour master Tomas Quillon said.\n\n"
        "The mayor Ilse Varga said – We start rebuilding in May.\n"
    )
    quotes = _quotes(text)
    q1, r1 = _find(quotes, "give up on the pier")
    assert r1.direct and r1.text == "We will not give up on the pier" and q1.speaker == "Tomas Quillon"
    q2, r2 = _find(quotes, "rebuilding in May")
    assert r2.direct and r2.text == "We start rebuilding in May" and q2.speaker == "Ilse Varga"


# --------------------------------------------------------------------------- partial, scare and nested quotes


def test_partial_quote_is_indirect_speech_keeping_the_marks() -> None:
    text = "Varga said the council “will pursue its stated plans” for the pier."
    q, r = _find(_quotes(text), "stated plans")
    assert not r.direct
    assert r.text == "the council “will pursue its stated plans” for the pier"
    assert q.speaker == "Varga"
    assert [text[s:e] for s, e in quoted_parts(text, r.start, r.end)] == ["“will pursue its stated plans”"]


def test_fragment_finishing_a_fronted_clause_is_mixed_speech() -> None:
    text = "When the ferry returns in May, the harbour master Tomas Quillon said, “the pier will be ready.”"
    q, r = _find(_quotes(text), "pier will be ready")
    assert not r.direct
    assert r.text.startswith("When the ferry returns in May")  # the clause began before the cue
    assert q.speaker == "Tomas Quillon"


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Varga said the ferry had kept its winter timetable -- “a small mercy for the islanders.”",
        "Tomas Quillon said the museum would tell the harbour story -- “the net menders and the captains.”",
        "The crowd cheered when Tomas Quillon told them Varga “has already spent the harbour fund twice.”",
    ],
)
def test_lower_case_quotation_closing_a_reported_clause_is_mixed_speech(text: str) -> None:
    found = _quotes(text)
    assert not [q for q in found if q.renderings[0].direct], [q.text for q in found]
    assert any("“" in q.text and not q.renderings[0].direct for q in found)


def test_quotation_after_a_complementizer_is_reported_speech() -> None:
    text = (
        "Ilse Varga, the chief of the Harbour League, told a skipper who suggested that some crews may not "
        'sail because of the cold that "this winter is not the coldest one and staying ashore is no answer."'
    )
    assert not [q.text for q in _quotes(text) if q.renderings[0].direct]


def test_full_sentence_quotation_after_a_reported_clause_stays_direct() -> None:
    text = "Ilse Varga said the ferry had kept its winter timetable, adding: “It is a small mercy.”"
    assert [q.text for q in _quotes(text) if q.renderings[0].direct] == ["“It is a small mercy.”"]


def test_quotation_as_the_object_of_a_preposition_is_not_a_direct_quote() -> None:
    text = "Ilse Varga described the new pier as, “a gift to the next three generations of fishermen.”"
    assert not [q for q in _quotes(text) if q.renderings[0].direct]


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    text = (
        "The so-called “reform” was dropped. Her book “The Quiet Harbour” sold well. "
        "The ferry, nicknamed “Old Grey,” sailed at dawn."
    )
    assert _quotes(text) == ()


def test_quote_inside_a_quote_is_not_a_quote_of_its_own() -> None:
    text = "“He told me ‘the pier is finished’ and walked away,” Varga said."
    quotes = _quotes(text)
    assert len(quotes) == 1
    assert quotes[0].renderings[0].text.startswith("“He told me")


def test_reported_speech_inside_a_quote_is_not_extracted() -> None:
    text = "“The engineer said the pier was safe, and we believed him,” Varga said."
    quotes = _quotes(text)
    assert [q.renderings[0].direct for q in quotes] == [True]


def test_apostrophes_do_not_make_quotes() -> None:
    text = "The mayor's plan didn't pass, and the fishermen' nets stayed in the '90s sheds."
    assert _quotes(text) == ()


# --------------------------------------------------------------------------- indirect speech


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Varga said that the pier would reopen in May.", "that the pier would reopen in May", "said"),
        ("Varga said the pier would reopen in May.", "the pier would reopen in May", "said"),
        ("Varga told reporters the pier would reopen in May.", "the pier would reopen in May", "told"),
        ("The pier will reopen in May, Varga said.", "The pier will reopen in May", "said"),
        (
            "Varga stressed that the pier would reopen in May.",
            "that the pier would reopen in May",
            "stressed",
        ),
        ("Varga added that the pier would reopen in May.", "that the pier would reopen in May", "added"),
        ("Varga warned that the pier would stay closed.", "that the pier would stay closed", "warned"),
        ("Varga insisted the pier was safe.", "the pier was safe", "insisted"),
        ("Varga denied that the pier was unsafe.", "that the pier was unsafe", "denied"),
        ("Varga claimed the pier was safe.", "the pier was safe", "claimed"),
        ("Varga declared that the pier was open.", "that the pier was open", "declared"),
        ("According to Varga, the pier will reopen in May.", "the pier will reopen in May", "According to"),
        ("The pier will reopen in May, according to Varga.", "The pier will reopen in May", "according to"),
    ],
)
def test_indirect_forms(text: str, content: str, cue: str) -> None:
    text = "Mayor Ilse Varga visited the harbour on Monday. " + text
    q, r = _find(_quotes(text), content)
    assert not r.direct and r.text == content and r.cue == cue
    assert q.speaker == "Ilse Varga"


def test_passive_reporting_has_no_speaker() -> None:
    text = "At the meeting it was stressed that the pier must reopen before the summer."
    q, r = _find(_quotes(text), "pier must reopen")
    assert not r.direct and r.cue == "stressed"
    assert q.speaker is None and r.speaker_kind == "unknown" and r.speaker_mention is None


def test_plain_object_of_a_reporting_verb() -> None:
    text = "Mayor Ilse Varga stressed the need for a new pier."
    q, r = _find(_quotes(text), "need for a new pier")
    assert not r.direct and q.speaker == "Ilse Varga"


# --------------------------------------------------------------------------- attribution and resolution


def test_pronoun_resolves_to_the_nearest_person() -> None:
    text = (
        "Harbour master Tomas Quillon inspected the pier on Monday.\n\n"
        "“The damage is worse than we thought,” he said."
    )
    q, r = _find(_quotes(text), "damage is worse")
    assert q.speaker == "Tomas Quillon" and r.speaker_kind == "pronoun" and r.speaker_mention == "he"


def test_pronoun_gender_uses_honorifics() -> None:
    text = (
        "Ms. Varga met Mr. Quillon at the harbour on Monday. Mr. Quillon showed her the broken pier.\n\n"
        "“We need a new one,” she said."
    )
    q, _ = _find(_quotes(text), "need a new one")
    assert q.speaker == "Varga"


def test_description_resolves_through_a_role_next_to_a_name() -> None:
    text = (
        "Harbour aide Lina Maro said the pier was closed. The storm hit on Sunday.\n\n"
        "“We will reopen it in May,” the aide said."
    )
    q, r = _find(_quotes(text), "reopen it in May")
    assert q.speaker == "Lina Maro" and r.speaker_kind == "description" and r.speaker_mention == "the aide"


def test_description_prefers_matching_modifiers() -> None:
    text = (
        "Northland President Arvid Sell called Southland President Mira Oddo on Thursday.\n\n"
        "The Southland president said the border would stay open.\n"
    )
    q, r = _find(_quotes(text), "border would stay open")
    assert q.speaker == "Mira Oddo" and r.speaker_kind == "description"


def test_description_of_an_unnamed_source_stays_unnamed() -> None:
    text = (
        "The storm damaged the pier, according to a ministry official.\n\n"
        "“The repairs will take a year,” the official said."
    )
    q, r = _find(_quotes(text), "repairs will take")
    assert q.speaker is None and r.speaker_kind == "description" and r.speaker_mention == "the official"


@pytest.mark.parametrize(
    ("frame", "kind", "mention"),
    [
        ("a port official said", "anonymous", "a port official"),
        ("sources told the Harbour Courier", "anonymous", "sources"),
        ("people familiar with the plans said", "anonymous", "people familiar with the plans"),
        ("officials said", "collective", "officials"),
        ("residents said", "collective", "residents"),
    ],
)
def test_anonymous_and_collective_sources_keep_the_mention(frame: str, kind: str, mention: str) -> None:
    text = f"The pier will stay closed until May, {frame}."
    q, r = _find(_quotes(text), "pier will stay closed")
    assert q.speaker is None and r.speaker_kind == kind and r.speaker_mention == mention


def test_organisation_speaker_and_it() -> None:
    text = "The Harbour Authority said on Monday that the pier was unsafe. It added that repairs would start."
    quotes = _quotes(text)
    q1, r1 = _find(quotes, "pier was unsafe")
    assert q1.speaker == "Harbour Authority" and r1.speaker_kind == "named"
    q2, r2 = _find(quotes, "repairs would start")
    assert q2.speaker == "Harbour Authority" and r2.speaker_kind == "pronoun"


def test_mentions_from_the_entities_stage_name_the_speaker() -> None:
    text = "“The nets are full again,” Quillon said."
    mentions = [Mention("a1", 30, 37, "Quillon", "person")]
    q, r = _find(_quotes(text, mentions), "nets are full")
    assert q.speaker == "Quillon" and r.speaker_kind == "named"


def test_full_name_is_given_for_a_surname() -> None:
    text = "Mayor Ilse Varga opened the meeting.\n\n“The pier comes first,” Varga said."
    q, r = _find(_quotes(text), "pier comes first")
    assert q.speaker == "Ilse Varga" and r.speaker_mention == "Varga"


# --------------------------------------------------------------------------- API


def test_a_shared_parse_is_used_and_checked() -> None:
    text = "“The pier is safe,” Varga said."
    doc = load()(text)
    article = Article(id="a1", source="test", text=text)
    assert find_quotes(article, doc) == find_quotes(article)
    with pytest.raises(ValueError, match="not a parse"):
        find_quotes(article, load()("Something else entirely."))


def test_no_text_no_quotes() -> None:
    assert _quotes("") == ()
    assert _quotes("The pier reopened on Monday.") == ()


def test_quote_ids_are_stable_and_unique() -> None:
    text = "“The pier is safe,” Varga said. “We checked it twice,” she added."
    quotes = _quotes(text)
    assert len({q.id for q in quotes}) == len(quotes) == 2
    assert [q.id for q in quotes] == [q.id for q in _quotes(text)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("“You never listen,” Quillon shot back with a laugh.", "shot back"),
        ("“It happens, right?” Quillon went on, as if nobody had spoken.", "went on"),
        ("As Quillon put it, “The sea decides, not the council.”", "put"),
        ("Quillon agreed. “The sea decides, not the council.”", "agreed"),
        ("Quillon added:\n\n“The sea decides, not the council.”", "added"),
    ],
)
def test_phrasal_and_neighbouring_cues(text: str, cue: str) -> None:
    text = "The harbour master Tomas Quillon spoke last. " + text
    quotes = [q for q in _quotes(text) if q.renderings[0].direct]
    assert len(quotes) == 1
    assert quotes[0].speaker == "Tomas Quillon" and quotes[0].renderings[0].cue == cue


def test_quote_after_reported_speech_continues_its_speaker() -> None:
    text = "Mayor Ilse Varga said the pier would not reopen this year. “It is simply not safe.”"
    quotes = _quotes(text)
    q, r = _find(quotes, "simply not safe")
    assert r.direct and q.speaker == "Ilse Varga"
    _, reported = _find(quotes, "would not reopen")
    assert (r.cue_start, r.speaker_start) == (reported.cue_start, reported.speaker_start)


def test_quote_after_reported_speech_follows_the_nearest_attribution() -> None:
    text = (
        "“We will not sign,” Mayor Ilse Varga said after the vote. The board achieved “too little,” "
        "harbour master Tomas Quillon added. “Without money the pier will fall.”"
    )
    q, r = _find(_quotes(text), "Without money")
    assert r.direct and q.speaker == "Tomas Quillon" and r.cue == "added"


def test_quotation_nobody_said_is_not_returned() -> None:
    text = "The banner read nothing.\n\n“Save our pier!”\n\nThe council met on Friday."
    assert [q for q in _quotes(text) if q.renderings[0].direct] == []


# --------------------------------------------------------------------------- attribution placements


def test_parenthetical_attribution_reports_the_clause_around_it() -> None:
    text = (
        "Mayor Ilse Varga toured the docks. The bigger risk, she said, is a storm that could flood the pier."
    )
    q, r = _find(_quotes(text), "bigger risk")
    assert not r.direct and r.cue == "said" and q.speaker == "Ilse Varga"
    assert r.text == "The bigger risk, she said, is a storm that could flood the pier"


def test_relative_clause_attribution_reports_what_follows_the_verb() -> None:
    text = "Tomas Quillon opposed a harbour fee that he said would drive the fishing boats away."
    q, r = _find(_quotes(text), "fishing boats")
    assert not r.direct and r.cue == "said" and q.speaker == "Tomas Quillon"
    assert r.text == "would drive the fishing boats away"


def test_clause_after_the_verb_when_the_parse_gives_one_on_each_side() -> None:
    text = (
        "In a statement released shortly after the mayor suspended her campaign, Tomas Quillon said "
        "he’s certain Ilse Varga will return to politics."
    )
    q, r = _find(_quotes(text), "return to politics")
    assert not r.direct and r.cue == "said" and q.speaker == "Tomas Quillon"
    assert r.text == "he’s certain Ilse Varga will return to politics"


def test_clause_taken_for_the_object_of_say_is_what_was_said() -> None:
    text = (
        "Asked about the flooding, the harbour master said families of people hurt by the storm file claims."
    )
    _, r = _find(_quotes(text), "file claims")
    assert not r.direct and r.cue == "said"
    assert r.text == "families of people hurt by the storm file claims"


def test_quotation_as_the_object_of_a_weak_cue() -> None:
    text = "Outside the town hall, the harbour workers chanted “Save our pier!”"
    _, r = _find(_quotes(text), "Save our pier")
    assert r.direct and r.cue == "chanted" and r.speaker_mention == "the harbour workers"


def test_quotation_after_an_abbreviation_ending_the_sentence() -> None:
    text = "“We will stay,” Tomas Quillon said in an interview in Portland, Ore. “The boats are our life.”"
    quotes = _quotes(text)
    _, r = _find(quotes, "boats are our life")
    assert r.direct and r.cue == "said" and r.text == "“The boats are our life.”"
