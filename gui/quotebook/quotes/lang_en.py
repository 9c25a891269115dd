"""English: reporting verbs, pronouns, titles and transcript labels of English-language news."""

from __future__ import annotations

from quotebook.quotes.languages import Language, union, words


def english_forms(lemma: str, *, past: str = "", participle: str = "", ing: str = "") -> set[str]:
    """The forms of an English verb that turn up in reporting: base, -s, past, -ing.

    Regular spelling rules cover most verbs; irregular or doubled forms are passed in.
    """
    if " " in lemma:
        head, rest = lemma.split(" ", 1)
        return {f"{form} {rest}" for form in english_forms(head, past=past, ing=ing)}
    third = (
        lemma + "es"
        if lemma.endswith(("s", "sh", "ch", "x", "z", "o"))
        else lemma[:-1] + "ies"
        if lemma.endswith("y") and lemma[-2] not in "aeiou"
        else lemma + "s"
    )
    if not past:
        past = (
            lemma + "d"
            if lemma.endswith("e")
            else lemma[:-1] + "ied"
            if lemma.endswith("y") and lemma[-2] not in "aeiou"
            else lemma + "ed"
        )
    if not ing:
        ing = (
            lemma[:-1] + "ing"
            if lemma.endswith("e") and not lemma.endswith("ee")
            else lemma + "ing"
        )
    return {lemma, third, past, participle or past, ing}


# US states as party tags abbreviate them (AP style and postal codes) → the state's name.
_STATES = {
    "Ala AL": "alabama",
    "Alaska AK": "alaska",
    "Ariz AZ": "arizona",
    "Ark AR": "arkansas",
    "Calif CA": "california",
    "Colo CO": "colorado",
    "Conn CT": "connecticut",
    "Del DE": "delaware",
    "Fla FL": "florida",
    "Ga GA": "georgia",
    "Hawaii HI": "hawaii",
    "Idaho ID": "idaho",
    "Ill IL": "illinois",
    "Ind IN": "indiana",
    "Iowa IA": "iowa",
    "Kan Kans KS": "kansas",
    "Ky KY": "kentucky",
    "La LA": "louisiana",
    "Maine ME": "maine",
    "Md MD": "maryland",
    "Mass MA": "massachusetts",
    "Mich MI": "michigan",
    "Minn MN": "minnesota",
    "Miss MS": "mississippi",
    "Mo MO": "missouri",
    "Mont MT": "montana",
    "Neb Nebr NE": "nebraska",
    "Nev NV": "nevada",
    "N.H NH": "new hampshire",
    "N.J NJ": "new jersey",
    "N.M NM": "new mexico",
    "N.Y NY": "new york",
    "N.C NC": "north carolina",
    "N.D ND": "north dakota",
    "Ohio OH": "ohio",
    "Okla OK": "oklahoma",
    "Ore Oreg OR": "oregon",
    "Pa PA": "pennsylvania",
    "R.I RI": "rhode island",
    "S.C SC": "south carolina",
    "S.D SD": "south dakota",
    "Tenn TN": "tennessee",
    "Texas Tex TX": "texas",
    "Utah UT": "utah",
    "Vt VT": "vermont",
    "Va VA": "virginia",
    "Wash WA": "washington",
    "W.Va WV": "west virginia",
    "Wis Wisc WI": "wisconsin",
    "Wyo WY": "wyoming",
}


def _english() -> Language:
    regular_text = (
        "add note stress warn ask conclude outline reject comment explain state claim argue insist "
        "declare announce remark emphasise emphasize underline underscore reply respond answer "
        "acknowledge concede confirm deny observe recall remind suggest predict complain urge "
        "threaten vow promise pledge assert maintain contend believe describe call characterise "
        "characterize charge accuse allege report mention indicate reiterate repeat inform joke "
        "exclaim muse wonder lament boast counter retort testify caution advise estimate demand "
        "propose recommend hint voice express criticise criticize condemn praise welcome "
        "highlight recount elaborate clarify specify summarise summarize agree disagree "
        "object protest proclaim affirm reaffirm assure brief signal tweet post shout whisper "
        "plead insist dismiss blast slam scoff query question brand dub label hail lash term "
        "attest"
    )
    regular = sorted(words(regular_text))
    forms = [english_forms(v) for v in regular]
    forms += [
        english_forms("say", past="said"),
        english_forms("tell", past="told"),
        english_forms("write", past="wrote", participle="written"),
        english_forms("speak", past="spoke", participle="spoken"),
        english_forms("admit", past="admitted", ing="admitting"),
        english_forms("quip", past="quipped", ing="quipping"),
        english_forms("point out"),
        english_forms("spell out", past="spelled", ing="spelling"),
        {"spelt out", "made it clear", "made clear", "makes it clear", "makes clear"},
        {"went on to say", "goes on to say", "was quoted as saying", "is quoted as saying"},
        {"put it", "puts it", "quoted", "quotes"},
    ]
    verbs = union(forms)
    bare = frozenset(v for v in regular if " " not in v) | words("say tell write speak admit quip")
    bare |= frozenset(f for f in verbs if f.endswith("s") and " " not in f and f != "says")
    participles = frozenset(f for f in verbs if f.endswith("ing") and " " not in f)
    naming = union(english_forms(v) for v in words("call dub term label brand describe"))
    return Language(
        code="en",
        name="English",
        speech_verbs=verbs,
        naming_verbs=frozenset(naming) | words("nicknamed christened"),
        bare_verbs=bare,
        after_only_verbs=frozenset(english_forms("continue") | english_forms("go on", past="went"))
        | frozenset({"began", "begins"}),
        modals=words("will would could can may might must should shall"),
        complementisers=words("that whether"),
        participles=participles,
        person_pronouns=words("he she him her"),
        group_pronouns=words("they them it"),
        first_person=words("i we me us you"),
        speaker_self=words("i"),
        roles=words(
            "diplomat minister ambassador envoy official spokesman spokeswoman spokesperson "
            "representative president premier chancellor secretary senator governor mayor "
            "general commander chief head director chairman chairwoman chair leader lawmaker "
            "negotiator analyst expert professor researcher economist author lawyer attorney "
            "prosecutor judge officer politician deputy candidate activist founder executive "
            "ceo manager adviser advisor aide correspondent journalist reporter editor "
            "foreign-minister counterpart colleague delegate sheriff superintendent councillor "
            "councilor councilman councilwoman alderman commissioner trustee inspector constable "
            "detective marshal warden pastor reverend principal dean provost coach skipper "
            "captain boss referee ref pundit chef strategist pollster consultant campaigner "
            "historian scientist teacher doctor nurse owner resident witness clerk treasurer "
            "auditor registrar assessor administrator nominee congressman congresswoman "
            "legislator incumbent challenger actress actor singer star rapper model player "
            "athlete striker goalkeeper quarterback musician comedian businessman "
            "businesswoman billionaire tycoon entrepreneur heiress duke duchess royal father "
            "mother wife husband son daughter brother sister victim suspect defendant plaintiff "
            "trooper firefighter paramedic student farmer driver pilot soldier veteran survivor "
            "neighbor neighbour year-old"
        ),
        titles=words(
            "mr mr. mrs mrs. ms ms. mx mx. dr dr. prof prof. cllr cllr. sir dame lord lady "
            "president premier "
            "minister ambassador envoy secretary general secretary-general chancellor senator "
            "sen. rep. representative governor gov. adm. supt. det. insp. rev. fr. hon. atty. "
            "mayor king queen prince princess pope "
            "cardinal archbishop bishop rabbi imam ayatollah mufti patriarch sheikh gen. col. "
            "lt. capt. sgt. maj. admiral "
            "commander chairman chairwoman chair spokesman spokeswoman spokesperson fm pm mp mep "
            "ceo director head leader judge justice commissioner chairman-in-office "
            "chairperson diplomat official officer attorney counsel coordinator rapporteur "
            "negotiator ambassador-at-large colonel major lieutenant captain sergeant sheriff "
            "superintendent councillor councilor councilman councilwoman alderman trustee "
            "inspector constable detective marshal warden pastor reverend principal dean "
            "coach skipper boss referee ref clerk treasurer auditor registrar assessor"
        ),
        title_modifiers=words(
            "foreign defence defense finance interior deputy vice prime permanent special high "
            "chief acting former first senior top assistant under-secretary undersecretary "
            "democrat democratic republican independent labour conservative liberal co-star"
        ),
        source_nouns=words(
            "statement report communique communiqué declaration letter post tweet message note "
            "release announcement memo document readout transcript address speech interview "
            "op-ed column article editorial resolution"
        ),
        source_links=words("by from of"),
        org_words=words(
            "ministry ministers ministries office council union organisation organization "
            "federation republic kingdom "
            "committee department agency government kremlin parliament assembly party "
            "commission embassy mission service administration cabinet court bureau "
            "secretariat presidency delegation coalition alliance bank fund authority "
            "authorities police army forces navy command group institute university "
            "foundation company corporation inc. ltd. news press media hub network times "
            "post journal gazette gazeta agency board directorate spokespeople leaders "
            "officials diplomats lawmakers countries states nations members presidents "
            "governments ministers"
        ),
        determiners=words(
            "the a an this that these those his her its their our my your such another own "
            "some any each every no one two three several many both"
        ),
        definite_articles=words("the"),
        auxiliaries=words(
            "to will would could can may might must should shall did does do has have had "
            "was were is are be been being not n't went on also used"
        ),
        adverbs=words(
            "also then later again once further still previously earlier recently reportedly "
            "publicly repeatedly separately subsequently additionally however meanwhile "
            "already often even just now today yesterday tonight immediately quickly simply "
            "firmly clearly bluntly angrily flatly"
        ),
        passive_markers=words("was were is are be been being"),
        # "-ic" and "-i" also end surnames (Kovacic, Rossi): those demonyms are listed instead.
        demonym_suffixes=("ian", "ean", "ish", "ese"),
        demonyms=words(
            "baltic arabic slavic nordic celtic hellenic iraqi israeli pakistani saudi yemeni "
            "kuwaiti omani qatari emirati bangladeshi somali afghani thai nepali azerbaijani "
            "uzbek kazakh tajik turkmen kyrgyz czech slovak greek french dutch swiss danish swede "
            "finn pole turk serb croat"
        ),
        according_to=("according to", "in the words of", "quoting", "in his words", "in her words"),
        according_possessives={"his": "he", "her": "she"},
        as_put_it=("put it", "puts it", "said", "says", "noted", "notes", "wrote", "writes"),
        scare_cues=(
            "so-called",
            "known as",
            "titled",
            "entitled",
            "the term",
            "the word",
            "the words",
            "the phrase",
            "the slogan",
            "the hashtag",
            "the label",
            "the name",
            "nicknamed",
            "code-named",
            "codenamed",
            "headlined",
            "the motto",
        ),
        title_nouns=words(
            "newspaper magazine journal film movie book novel song album show series programme "
            "program operation movement campaign initiative hashtag slogan motto festival "
            "exhibition documentary play poem podcast newsletter app website ship vessel "
            "codename code-name brand doctrine"
        ),
        named_by_noun_after=words(
            "headline kicker banner sign chant nickname moniker meme ad policy plan act law "
            "bill strategy agenda tour era letter statement speech"
        ),
        name_particles=words("de da di du del della der den van von la le al el bin ibn ben"),
        abbreviations=words(
            "mr mrs ms dr st jr sr prof gen col lt sgt capt maj sen rep gov no vs etc inc ltd "
            "co corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u i.e e.g "
            "approx est dept fig vol adm supt det insp rev fr hon atty mx cllr"
        ),
        interviewer_labels=words(
            "question q interviewer moderator host presenter journalist correspondent reporter"
        ),
        interviewee_labels=words("answer a"),
        credit_labels=words(
            "photos photo photography pictures video graphics illustration illustrations text "
            "words editor editing reporting produced source sources credit credits"
        ),
        interview_cues=(
            "interview with",
            "interview to",
            "interview for",
            "interview given to",
            "interview granted to",
            "interviewed by",
            "conversation with",
            "questions from",
            "questions by",
        ),
        media_nouns=words(
            "channel tv television radio newspaper programme program magazine agency show "
            "podcast daily weekly website portal outlet broadcaster network station"
        ),
        closing_lines=("to be continued", "end of transcript", "more to come"),
        max_name_tokens=4,
        small_words=words("of and the in on for to a an with at by or"),
        function_words=words(
            "but and or so yet if when while as after before since because although though "
            "however meanwhile speaking asked earlier later but then there here this that "
            "what why how where who which in on at for with from by of to the a an"
        ),
        calendar_words=words(
            "monday tuesday wednesday thursday friday saturday sunday january february march "
            "april may june july august september october november december jan feb mar apr "
            "jun jul aug sep sept oct nov dec"
        ),
        inversion_verbs=words(
            "said says added adds asked asks noted notes wrote writes continued concluded "
            "explained stressed insisted argued recalled replied answered commented remarked "
            "observed declared announced"
        ),
        title_links=words("of for"),
        as_words=words("as"),
        relative_pronouns=words("who"),
        fragment_openers=words("to"),
        indefinite_articles=words("a an"),
        indefinite_pronouns=words("somebody someone anybody anyone everybody everyone nobody"),
        conjunctions=words("and but"),
        subordinators=words(
            "after before when while since because although though if once until unless"
        ),
        possessives=words("his her their your our my its"),
        quoting_verbs=words("quoted quotes"),
        rank_modifiers=words("vice deputy former acting"),
        source_roles=words(
            "official spokesman spokeswoman spokesperson aide source insider representative"
        ),
        party_nouns={"D": "democrat", "R": "republican", "I": "independent"},
        party_offices=words(
            "senator lawmaker representative congressman congresswoman legislator governor "
            "mayor president candidate nominee"
        ),
        region_names={short: full for shorts, full in _STATES.items() for short in shorts.split()},
        title_expansions={
            key: words(value)
            for key, value in {
                "gov": "governor",
                "justice": "judge",  # "Mr Justice Harrow" is "the judge"
                "cllr": "councillor councilor",
                "sen": "senator lawmaker",
                "senator": "lawmaker",
                "rep": "representative congressman congresswoman lawmaker",
                "representative": "congressman congresswoman lawmaker",
                "congressman": "representative lawmaker",
                "congresswoman": "representative lawmaker",
                "gen": "general",
                "col": "colonel",
                "lt": "lieutenant",
                "capt": "captain",
                "sgt": "sergeant",
                "maj": "major",
                "adm": "admiral",
                "supt": "superintendent",
                "det": "detective",
                "insp": "inspector",
                "atty": "attorney",
                "pres": "president",
                "sec": "secretary",
                "amb": "ambassador",
                "dr": "doctor",
                "prof": "professor",
                "rev": "reverend",
                "spokeswoman": "spokesperson spokesman",
                "spokesman": "spokesperson spokeswoman",
                "spokesperson": "spokesman spokeswoman",
                "chairman": "chair chairwoman",
                "chairwoman": "chair chairman",
            }.items()
        },
        honorific_genders={
            **dict.fromkeys(("mr", "mr.", "sir", "lord", "mister"), "m"),
            **dict.fromkeys(("ms", "ms.", "mrs", "mrs.", "miss", "dame", "lady", "madam"), "f"),
        },
        female_pronouns=words("she her"),
        male_pronouns=words("he him"),
        stop_after_name=words(
            "in on at during after before when while who which that as from with for about "
            "to into over under since because adding saying noting told according"
        ),
    )


ENGLISH = _english()
