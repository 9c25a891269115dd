"""Speakers are found with any reporting verb, before or after the quote, in either order."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only

VERBS = [
    "said", "says", "added", "noted", "stressed", "warned", "asked", "concluded", "outlined",
    "rejected", "commented", "explained", "insisted", "argued", "declared", "announced",
    "remarked", "emphasised", "emphasized", "underlined", "replied", "acknowledged", "admitted",
    "conceded", "confirmed", "observed", "recalled", "cautioned", "wrote", "tweeted", "posted",
    "told reporters", "told a briefing", "continued", "pointed out", "quipped", "vowed",
]  # fmt: skip


@pytest.mark.parametrize("verb", VERBS)
def test_name_then_verb_after_the_quote(verb: str) -> None:
    quote = only(TITLE + f"“We will not give up,” Anna Berg {verb}.")
    assert quote.speaker == "Anna Berg"
    assert quote.cue == "after"


@pytest.mark.parametrize("verb", ["said", "added", "noted", "stressed", "warned", "concluded"])
def test_verb_then_name_after_the_quote(verb: str) -> None:
    assert only(TITLE + f"“We will not give up,” {verb} Anna Berg.").speaker == "Anna Berg"


@pytest.mark.parametrize(
    "sentence",
    [
        "Anna Berg said the talks would “drag out for months.”",
        "Anna Berg also said the talks would “drag out for months.”",
        "Anna Berg has repeatedly warned that the talks would “drag out for months.”",
        "Anna Berg went on to threaten “catastrophic consequences.”",
        "Anna Berg claims that the risk of a “military response” is real.",
        "If talks fail, Anna Berg threatened, Moscow could resort to “other options.”",
        "Anna Berg made it clear that she would “not accept any return to business as usual.”",
        "Anna Berg rejected what she called “absurd claims.”",
        "Anna Berg, who chairs the committee, said the vote would come “as soon as possible.”",
        "According to Anna Berg, the partners have “turned their backs” on the deal.",
        "The partners have “turned their backs” on the deal, according to Anna Berg.",
        "The talks were “a waste of time,” as Anna Berg put it.",
        "Anna Berg outlined: “We are ready to talk.”",
    ],
)
def test_speaker_in_the_reporting_sentence(sentence: str) -> None:
    assert only(TITLE + sentence).speaker == "Anna Berg"


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia’s demands for “security guarantees” were rejected.",
        "The claims of “foul play” were rejected.",
        "Anna Berg was told the deal was “dead”.",
    ],
)
def test_nouns_and_passives_are_not_reporting_verbs(sentence: str) -> None:
    assert only(TITLE + sentence).speaker is None


def test_unnamed_sources_give_no_speaker_but_count_as_speech() -> None:
    quote = only(TITLE + "“We will see,” an official said.")
    assert quote.kind == "direct"
    assert quote.speaker is None
    assert only(TITLE + "Officials said the deal was “dead”.").speaker is None


def test_standalone_quote_takes_the_speaker_of_the_sentence_before() -> None:
    text = TITLE + "According to Anna Berg, the bloc is united. “No state supports the war.”"
    quote = only(text)
    assert quote.speaker == "Anna Berg"
    assert quote.cue == "inherited"


def test_verbs_that_only_attribute_right_after_a_quote() -> None:
    assert only(TITLE + "Anna Berg spoke. “And we go on,” she continued.").speaker == "Anna Berg"
    text = (
        TITLE + "Anna Berg added that Norway would continue to send aid “for as long as it takes”."
    )
    assert only(text).speaker == "Anna Berg"


def test_a_verb_after_a_modal_reports_nothing_yet() -> None:
    text = TITLE + "Anna Berg said Norway would respond “in a way that suits us.”"
    assert only(text).speaker == "Anna Berg"


def test_participle_takes_the_name_right_before_it() -> None:
    text = (
        TITLE + "Leaders agreed, with Commission President Anna Berg calling it “the toughest yet.”"
    )
    assert only(text).speaker == "Anna Berg"


def test_a_quote_that_ends_its_sentence_does_not_take_the_next_subject() -> None:
    text = TITLE + (
        "According to Anna Berg, the bloc has become “an instrument of others.” "
        "Pavel Novak stressed that he disagreed."
    )
    assert only(text).speaker == "Anna Berg"
