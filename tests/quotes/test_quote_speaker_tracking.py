"""Who speaks, followed through a document as a reader follows it, with made-up people.

Transcripts: a speaker labelled in full once and by given name after (`NINA PARK:` …
`NINA:`), a broadcaster's lower-case job after a name in capitals (`RUTH PARR, host:`), two
affiliations (`ANN REED, ACME CORP., U.S. DIVISION:`), a label wrapped over two lines and a
role label (`PREMIER:`) whose holder the transcript introduced in apposition."""

from __future__ import annotations

from quotebook.quotes import find_quotes


def _turns(text: str) -> list[tuple[str, str | None]]:
    return [(t.label, t.speaker) for t in find_quotes(text).turns]


def test_a_given_name_label_is_the_speaker_an_earlier_label_named_in_full() -> None:
    text = (
        "NINA PARK: Welcome back to the show. Today we talk about ferries.\n\n"
        "TOM REED: Thanks for having me. Ferries matter.\n\n"
        "NINA: Why do they matter so much?\n\n"
        "TOM: Because people ride them.\n\n"
        "PARK: Fair enough."
    )
    assert _turns(text) == [
        ("NINA PARK", "Nina Park"),
        ("TOM REED", "Tom Reed"),
        ("NINA", "Nina Park"),
        ("TOM", "Tom Reed"),
        ("PARK", "Nina Park"),
    ]


def test_a_given_name_label_in_title_case_too() -> None:
    text = (
        "Nina Park: Good evening. I'm Nina Park.\n\n"
        "Announcer: Brought to you by our listeners.\n\n"
        "Nina: Tom Reed joins us tonight. Tom, welcome.\n\n"
        "Tom Reed: Great to be here, Nina.\n\n"
        "Nina: Let me start with the book."
    )
    assert [s for _, s in _turns(text)] == [
        "Nina Park",
        None,
        "Nina Park",
        "Tom Reed",
        "Nina Park",
    ]


def test_a_given_name_two_labels_share_names_nobody() -> None:
    text = (
        "TOM REED: Good evening.\n\n"
        "TOM ROE: Good evening to you.\n\n"
        "TOM: Which of us is speaking?\n\n"
        "REED: You are."
    )
    assert ("TOM", "Tom Reed") not in _turns(text)
    assert ("TOM", "Tom Roe") not in _turns(text)


def test_a_given_name_before_any_full_label_is_no_label() -> None:
    text = "NINA: Hello there.\n\nNINA PARK: Welcome.\n\nTOM REED: Thanks."
    assert [label for label, _ in _turns(text)] == ["NINA PARK", "TOM REED"]


def test_a_lower_case_job_after_a_name_in_capitals_on_a_line_of_its_own() -> None:
    text = (
        "RUTH PARR, host:\n\n"
        "This is the evening program. I'm Ruth Parr.\n\n"
        "Our guest is Tom Reed. Welcome.\n\n"
        "Mr. TOM REED (Writer, Poet): Thank you. Glad to be here.\n\n"
        "PARR: Tell us about the book.\n\n"
        "Mr. REED: It is long."
    )
    assert _turns(text) == [
        ("RUTH PARR, host", "Ruth Parr"),
        ("Mr. TOM REED", "Tom Reed"),
        ("PARR", "Ruth Parr"),
        ("Mr. REED", "Tom Reed"),
    ]


def test_a_lower_case_word_after_a_comma_is_no_label_in_prose() -> None:
    text = "Later, host: the word came up.\n\nANN ROE: Hello.\n\nTOM REED: Hi."
    assert [label for label, _ in _turns(text)] == ["ANN ROE", "TOM REED"]


def test_a_label_with_two_affiliations() -> None:
    text = (
        "JANE ROE, ANCHOR: Good evening.\n\n"
        "TOM REED, ACME CORP., U.S. DIVISION: Good evening to you.\n\n"
        "ROE: Let us begin.\n\n"
        "REED: Gladly."
    )
    assert _turns(text)[1] == ("TOM REED, ACME CORP., U.S. DIVISION", "Tom Reed")


def test_a_label_wrapped_over_two_lines() -> None:
    text = (
        "JANE ROE: Good evening. Our next guest joins us from the coast.\n\n"
        "TOM REED, Head of Ferry Planning,\n"
        "North Coast Ferries: It is a pleasure to be here.\n\n"
        "JANE ROE: What changed this year?"
    )
    scan = find_quotes(text)
    turn = scan.turns[1]
    assert (turn.label, turn.speaker) == (
        "TOM REED, Head of Ferry Planning, North Coast Ferries",
        "Tom Reed",
    )
    assert text[turn.start :].startswith("It is a pleasure")


def test_a_prose_line_ending_in_a_comma_does_not_wrap_into_a_label() -> None:
    text = (
        "THE BOARD MET ANN REED AND TOM ROE ON THE QUAY,\n"
        "Acme Shipping: a company that owns the quay.\n\n"
        "ANN REED: Hello.\n\nTOM ROE: Hi."
    )
    assert not any("board" in label or "quay" in label for label, _ in _turns(text))


def test_a_role_label_is_the_person_the_transcript_introduced_in_apposition() -> None:
    text = (
        "ANN HOLT: Joining me now is the Premier of the state, Tom Reed. "
        "Good to see you, Premier.\n\n"
        "PREMIER: Thank you, Ann.\n\n"
        "HOLT: How long will you stay?\n\n"
        "PREMIER: As long as they let me."
    )
    assert [s for _, s in _turns(text)] == ["Ann Holt", "Tom Reed", "Ann Holt", "Tom Reed"]


# ---- roles -------------------------------------------------------------------------------


def _speakers(text: str, language: str = "en") -> list[str | None]:
    return [q.speaker for q in find_quotes(text, language).quotes]


def test_an_unnamed_sources_role_is_nobody_named_before() -> None:
    text = (
        "Ben Hart met reporters on Friday about the harbour.\n\n"
        "“We have no word on it,” said the official, who asked not to be named."
    )
    assert _speakers(text) == [None]


def test_an_official_brought_in_with_a_dotted_country_is_unnamed_too() -> None:
    text = (
        "The port has no word on a story that Ben Hart left the city, a U.S. trade official "
        "said on Saturday.\n\n"
        "“We have heard nothing,” said the official. “It may be so, but I cannot tell.”"
    )
    assert _speakers(text) == [None, None]


def test_an_unnamed_sources_role_stands_for_the_one_introduced_with_it() -> None:
    text = (
        "Nadia Fenn, a spokeswoman for the port, said the cranes were old. Ben Hart, a docker, "
        "disagreed.\n\n"
        "“They will last another year,” the spokeswoman said."
    )
    assert _speakers(text) == ["Nadia Fenn"]


# ---- a quote paragraph after a paragraph about someone who has spoken ---------------------


def test_a_quote_paragraph_after_a_paragraph_about_someone_who_spoke_is_theirs() -> None:
    text = (
        "Councillor Ann Holt asked Mr Reed where the harbour money went.\n\n"
        "“It went on the cranes,” Mr Reed responded.\n\n"
        "Ms Holt did not accept the reply.\n\n"
        "“Then I will put it another way. Where is the money now?”"
    )
    assert _speakers(text) == ["Reed", "Ann Holt"]


def test_a_quote_paragraph_after_a_paragraph_about_someone_who_never_spoke_is_nobodys() -> None:
    text = (
        "Councillor Ann Holt runs the harbour board.\n\n"
        "Tom Reed did not like the plan.\n\n"
        "“The planning office is gone.”"
    )
    assert _speakers(text) == [None]


def test_a_surname_that_is_also_a_title_after_an_honorific_without_a_stop() -> None:
    text = "Tom Reed met the major of the fort.\n\n“It went well,” Mr Major said afterwards."
    assert _speakers(text) == ["Major"]


def test_a_party_epithet_is_the_nearest_office_holder_when_no_tag_said_the_party() -> None:
    text = (
        "Sen. Ben Hart spoke on Sunday about the ferry bill. Tom Reed, a teacher, listened.\n\n"
        "“We must act before winter,” the Ohio Republican said."
    )
    assert _speakers(text) == ["Ben Hart"]


def test_a_party_epithet_skips_people_who_hold_no_office() -> None:
    text = (
        "Tom Reed, a teacher, wrote to the paper. Gov. Ann Holt answered him on Sunday, and "
        "Reed read the answer.\n\n"
        "“We must act before winter,” the Democrat said."
    )
    assert _speakers(text) == ["Ann Holt"]


def test_a_russian_surname_in_the_instrumental_after_a_given_name_is_a_person() -> None:
    text = "Ольга Петрова встретилась с Иваном Сидоровым. «Мы договорились», — сказал он."
    assert _speakers(text, "ru") == ["Иван Сидоров"]
    text = "Ольга Петрова встретилась с Иваном Сидоровым. «Мы договорились», — сказала она."
    assert _speakers(text, "ru") == ["Ольга Петрова"]


def test_a_party_and_state_in_apposition_make_the_epithet() -> None:
    text = (
        "Ann Holt, a Democrat from Ohio, met Tom Reed on Monday.\n\n"
        "“It went well,” the Ohio Democrat said."
    )
    assert _speakers(text) == ["Ann Holt"]


def test_words_in_someone_elses_apposition_do_not_describe_the_next_name() -> None:
    text = (
        "Ann Holt, a Democrat from Ohio, met Tom Reed on Monday.\n\n"
        "“It went well,” the Democrat said."
    )
    assert _speakers(text) == ["Ann Holt"]


def test_a_russian_verbs_ending_picks_the_role_holder_of_that_gender() -> None:
    both = "Министр Анна Белова и министр Олег Орлов открыли мост. «Это важный день», — "
    assert _speakers(both + "сказала министр.", "ru") == ["Анна Белова"]
    assert _speakers(both + "сказал министр.", "ru") == ["Олег Орлов"]


def test_a_role_given_by_a_copula_describes_its_subject() -> None:
    text = (
        "Ann Holt is a lawyer. She met Tom Reed, the city's mayor, on Monday.\n\n"
        "“It went well,” the lawyer said."
    )
    assert _speakers(text) == ["Ann Holt"]


def test_a_continue_verb_before_a_comma_attributes_the_quote_right_after() -> None:
    text = (
        "Tom Reed spoke to reporters about the storm on Monday.\n\n"
        "He continued, “Ann Holt knew everything.”"
    )
    assert _speakers(text) == ["Tom Reed"]


def test_according_to_with_a_possessive_is_the_one_the_possessive_stands_for() -> None:
    text = (
        "Анна Белова встретилась с Олегом Орловым. По ее словам, мост нужен давно: "
        "«Мы думали об этом годами»."
    )
    assert _speakers(text, "ru") == ["Анна Белова"]
    text = (
        "Tom Reed has worked at the port for years. In his words, the idea is old: "
        "“We thought about it for years.”"
    )
    assert _speakers(text) == ["Tom Reed"]


def test_a_lone_surname_with_a_role_in_apposition_holds_that_role() -> None:
    text = (
        "Roe, the mayor, said the port would reopen. Tom Reed, a docker, doubted it.\n\n"
        "“We expect delays,” the mayor said."
    )
    assert _speakers(text) == ["Roe"]


def test_an_adverb_before_a_role_in_apposition_is_no_surname() -> None:
    text = (
        "Later, the mayor, said to be tired, left. Tom Reed, a docker, stayed.\n\n"
        "“We expect delays,” the mayor said."
    )
    assert "Later" not in _speakers(text)


def test_a_russian_name_written_surname_first_is_a_person() -> None:
    text = (
        "Министр транспорта области Белова Анна открыла мост. Вокруг собрались жители. "
        "Позже министр ответила журналистам: «Мост простоит сто лет»."
    )
    assert _speakers(text, "ru") == ["Анна Белова"]


def test_a_lone_surname_that_speaks_is_who_a_later_pronoun_stands_for() -> None:
    text = "«Это важный день», — сказал Орлов, губернатор области. «Мы ждали долго», — добавил он."
    assert _speakers(text, "ru") == ["Орлов", "Орлов"]
    text = "“It is a big day,” said Varga, the county's governor. “We waited long,” he added."
    assert _speakers(text) == ["Varga", "Varga"]


def test_former_before_a_title_in_lower_case_makes_the_former_holder() -> None:
    both = "Former mayor Ann Holt and Mayor Lisa Park opened the bridge.\n\n“It took years,” "
    assert _speakers(both + "the former mayor said.") == ["Ann Holt"]
    assert _speakers(both + "the mayor said.") == ["Lisa Park"]


def test_a_given_name_label_takes_the_full_name_the_introduction_wrote() -> None:
    text = (
        "Our guest today is Zuri Amadi.\n\n"
        "MAYA TRENT: Welcome, Zuri.\n\n"
        "ZURI: Thanks, Maya.\n\n"
        "MAYA: Where were you last week?\n\n"
        "ZURI: On the coast."
    )
    assert [s for _, s in _turns(text)] == [
        "Maya Trent",
        "Zuri Amadi",
        "Maya Trent",
        "Zuri Amadi",
    ]


def test_a_given_name_label_does_not_take_an_ordinary_word_for_a_surname() -> None:
    text = (
        "Zuri And friends met at noon.\n\n"
        "MAYA TRENT: Welcome.\n\nZURI: Thanks.\n\nMAYA: Where were you?\n\nZURI: Home."
    )
    assert "Zuri And" not in [s for _, s in _turns(text)]


def test_a_role_someone_owns_brought_in_without_a_name_stays_unnamed() -> None:
    text = (
        "Police said Tom Reed, 34, was arrested on Friday. His lawyer did not comment then.\n\n"
        "“We will fight,” the lawyer said on Monday."
    )
    assert _speakers(text) == [None]


def test_a_possessive_role_as_the_subject_is_the_person_named_before() -> None:
    text = (
        "Ann Holt's son lost his new bicycle at the station on Sunday.\n\n"
        'His upset mother told the paper: "Who takes a child\'s bike?"'
    )
    assert _speakers(text) == ["Ann Holt"]


def test_a_clause_a_subordinator_opens_is_no_subject_even_with_capitals() -> None:
    text = (
        "Councillor Ann Holt asked Mr Reed where the harbour money went.\n\n"
        "After the council meeting had closed, Ms Holt issued another note about it.\n\n"
        "“The money is gone.”"
    )
    assert _speakers(text) == ["Ann Holt"]


def test_a_capitalised_title_word_with_no_article_is_a_surname() -> None:
    text = (
        "Sen. Ben Hart quoted an old sermon on Sunday.\n\n"
        "Major, whose regiment held the pass, famously said in 1950: "
        "“The sea gives and the sea takes.”"
    )
    assert _speakers(text) == ["Major"]


def test_a_title_word_after_an_article_is_still_a_role() -> None:
    text = (
        "Sen. Ben Hart met the major of the fort on Sunday.\n\n"
        "“The sea gives and the sea takes,” the Major said."
    )
    assert _speakers(text) != ["Major"]


def test_the_person_who_hosted_the_interview_asks_rather_than_the_outlet() -> None:
    text = (
        "Tom Reed interview with the Harbour Gazette (full Q&A)\n\n"
        "Gazette Editor Ann Holt hosted shipping owner Tom Reed at the port forum, where he "
        "talked about ferries.\n\n"
        "Q. What is the state of the ferries?\n\n"
        "A. They are old, and we will replace them.\n\n"
        "Q. When?\n\n"
        "A. Next year."
    )
    turns = find_quotes(text).turns
    assert [t.speaker for t in turns] == ["Ann Holt", "Tom Reed", "Ann Holt", "Tom Reed"]
