"""Reader view: page furniture in web text is found by general rules; the article is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotebook.reader_view.rules import furniture_lines, furniture_ranges, visible_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

ARTICLE = (
    "Envoy says talks will go on\n\n"
    "The envoy said on Thursday that the talks in Vienna would go on next week, although "
    "neither side had moved from its position.\n\n"
    "“We will keep the channels open,” he told reporters. “There is no other way.”\n\n"
    "Delegates are expected to return on Monday."
)


def seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def hidden_lines(text: str) -> set[str]:
    return {b.text for b in furniture_lines(text)}


@pytest.mark.parametrize(
    ("name", "furniture"),
    [
        ("000", {"No time to read?", "Get a summary", "Previous Article", "Next Article",
                 "Zucchero’s 68th Birthday Celebration on Formentera"}),
        ("001", {"Moscow: 13:15", "London: 11:15", "Consular queries:", "+44 (0) 203 668 7474",
                 "info@rusemb.org.uk", "SPEECHES, INTERVIEWS, ARTICLES", "LATEST EVENTS",
                 "all messages"}),
        ("002", {"Video of day", "Follow us on Twitter, Facebook and Google News",
                 "Дайджест главных новостей", "Show more news", "Daily at 9am EST"}),
        ("003", {"Accessibility links", "Breaking News", "XS", "SM", "MD", "LG",
                 "• 16x9 Image"}),
        ("004", {"Leave a review", "In World", "Follow us on social networks", "News Line"}),
    ],
)  # fmt: skip
def test_chrome_of_the_seed_pages_is_found(name: str, furniture: set[str]):
    assert furniture <= hidden_lines(seed(name))


@pytest.mark.parametrize(
    ("name", "first_line", "article_ends"),
    [
        ("000", "Russian Diplomats Uphold Dialogue Amid OSCE Tensions", None),
        ("001", "25 September 2020", "LATEST EVENTS"),
        ("002", "Russia expresses ‘disappointment’ with lack of breakthroughs", None),
        ("003", "No Breakthrough as OSCE-Russia Talks on Ukraine Conclude", None),
        ("004", "'No Planned Interactions With Russia'", None),
    ],
)
def test_the_articles_of_the_seed_pages_stay(name: str, first_line: str, article_ends: str | None):
    text = seed(name)
    shown = visible_text(text)
    assert shown.startswith(first_line)
    article = text.split(article_ends)[0] if article_ends else text
    paragraphs = [line for line in article.split("\n") if len(line.split()) > 40]
    kept = [line for line in paragraphs if line in shown]
    assert len(kept) >= len(paragraphs) - 1  # at most a ticker or a caption goes
    assert shown.strip().count("\n\n\n") <= text.count("\n\n\n")  # hiding adds no gaps


def test_seed_001_keeps_the_interview_and_drops_the_list_of_other_articles():
    shown = visible_text(seed("001"))
    assert "Can the OSCE be regarded as the European UN?" in shown
    assert "To be continued..." in shown
    assert "01.11.2019" in shown  # the article's own date is not a phone number
    assert "Vladimir Putin's video address" not in shown


def test_a_plain_article_is_left_alone():
    assert furniture_ranges(ARTICLE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Present at the meeting:\nJane Doe\nJohn Smith\nAnna Ivanova\n\n" + ARTICLE,
        ARTICLE + "\n\nQUESTION:\nYes.\n\nQUESTION:\nYes.\n\nANSWER: We will see.",
        "Short note\n\nCall me later\n",
        ARTICLE + "\n\nHe said “subscribe to our newsletter” was a slogan of the campaign.",
    ],
    ids=["list of names", "transcript labels", "short text", "quoted blurb words"],
)
def test_things_that_look_a_little_like_chrome_are_kept(text: str):
    assert visible_text(text) == text


def test_a_chrome_run_between_paragraphs_leaves_one_blank_line():
    text = "First paragraph.\n\nShare\nTweet\nPrint\n\nSecond paragraph."
    assert visible_text(text) == "First paragraph.\n\nSecond paragraph."
    at_start = "Accessibility links\n\nSkip to content\n\nTitle of it\n\nBody text here."
    assert visible_text(at_start) == "Title of it\n\nBody text here."


def test_cookie_and_newsletter_blurbs():
    text = (
        ARTICLE + "\n\nWe use cookies to improve your experience. By continuing you accept our "
        "privacy policy.\n\nSign up for our daily newsletter and never miss a story\n"
    )
    assert visible_text(text).rstrip() == ARTICLE


def test_ranges_point_at_the_hidden_lines_in_code_points():
    text = "Заголовок 😀\n\nAccessibility links\n\nТекст статьи. " * 1 + ARTICLE
    ranges = furniture_ranges(text)
    assert len(ranges) == 1
    start, end = ranges[0]
    assert "Accessibility links" in text[start:end]
    assert text[start:end].strip() == "Accessibility links"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["", "Share", "Next Article", "A real sentence of the article goes here.", "XS",
             "Follow us on social networks", "Title Line", "+44 20 7946 0000", "   ", "🙂",
             "He said “we will subscribe” today."]
        ),
        max_size=30,
    )
)  # fmt: skip
def test_ranges_are_sorted_disjoint_and_inside_the_text(lines: list[str]):
    text = "\n".join(lines)
    ranges = furniture_ranges(text)
    previous_end = -1
    for start, end in ranges:
        assert 0 <= start < end <= len(text)
        assert start > previous_end
        previous_end = end
    assert visible_text(text, ranges) == visible_text(text)
