"""Common given names, with the gender they usually go with.

News names a person in full once ("Gail Pruitt, now retired, remembers…") and then by surname or
pronoun. Nothing but the first word tells such a run of capitalised words from a street or a
building ("Harbour Lane", "Central Square"), so a modest list of given names is how the finder
recognises a person no title or reporting verb vouches for, and how it keeps "she said" from
going to the nearest man. The list is deliberately broad rather than long: frequent names of
the English-speaking world, continental Europe, the Slavic countries, the Arab world, Africa,
South and East Asia. A name missing from it only means the finder falls back on the other cues.
"""

from __future__ import annotations

from quotebook.quotes.languages import words

FEMALE = words(
    # English-speaking
    "abigail alice alison amanda amelia amy andrea angela ann anna anne annie audrey barbara "
    "beatrice beatrix betty beverly brenda bridget caroline carol catherine charlotte chloe "
    "christina christine claire clara colleen cynthia dana daphne deborah debra denise diana "
    "diane donna dorothy eileen elaine eleanor elizabeth ella ellen emily emma erin esther "
    "evelyn fiona frances gail georgia gillian gloria grace hannah harriet heather helen "
    "holly irene jacqueline jane janet janice jean jennifer jessica jill joan joanne josephine "
    "joyce judith judy julia julie karen kate katherine kathleen kathryn kelly kerry kim "
    "kimberly laura lauren linda lisa lorraine louise lucy lydia lynn madeleine margaret "
    "maria marian marie marilyn martha mary megan melanie melissa michelle miriam molly "
    "nancy natalie nicola nicole nora olivia pamela patricia paula pauline penelope rachel "
    "rebecca rita rosalind rose ruth sally samantha sandra sarah sharon shirley sophie stephanie "
    "susan suzanne tamsin teresa theresa tracy valerie vanessa victoria virginia wendy "
    "agnes loretta dolores gladys mildred edith ethel florence marjorie priscilla "
    "maribel arlene celeste renata michaela kristen kristin courtney brittany ashley "
    "tiffany heidi jasmine jade leah lily maya naomi ruby sadie tessa zoe "
    "nikki kamala hillary kirsten liz elise marsha tammy jeanne katie kristi debbie cathy "
    "kathy peggy maxine ilhan tulsi mazie lisa nita kyrsten jody marcy becky cindy "
    "stacey kristen kayleigh dana jen jenny meghan kellyanne sheila bonnie"
    # continental Europe
    "agnieszka anke birgit brigitte carla chiara cristina dagmar elena elisa elke eva francesca "
    "giulia greta gudrun hanna helga henrike ilse ines ingrid irena isabel isabelle jana "
    "johanna karin katarzyna katja krisztina lena liesel lucia magdalena malgorzata marta "
    "martina monika nathalie paola petra renate sabine silvia simone sofia sonja stefania "
    "ursula valentina veronika yvonne zofia ieva inga liis kadri astrid sigrid solveig "
    "oona siobhan aoife niamh mairead carmen dolores pilar rocio mercedes lourdes beatriz "
    "ana rosa lucia luisa paula adriana alejandra gabriela mariana leonor joana raquel "
    " ewa beata dorota iwona justyna jelena vesna mirjana "
    "danica milena ivana dragana snezana"
    # Slavic (Latin and Cyrillic)
    " alla alina alyona anastasia daria darya ekaterina galina irina kseniya ksenia lyudmila "
    "larisa marina nadezhda natalia natalya nina oksana olga polina svetlana tatiana tatyana "
    "valentina vera veronika yelena yulia zhanna "
    "алла алина алёна анастасия анна валентина вера вероника галина дарья екатерина елена "
    "жанна ирина ксения лариса людмила марина мария надежда наталья нина оксана ольга "
    "полина светлана софья татьяна юлия хельга ангела камала хиллари урсула кая евгения "
    "александра валерия виктория маргарита"
    # Arab world, Africa, South and East Asia
    " aisha amina fatima fatma layla leila mariam maryam nadia noor rania salma samira "
    "yasmin zainab zahra amara chidinma chioma folake ngozi nkechi wanjiru abena adaeze "
    "ama efua kemi yetunde priya anjali aarti deepa divya kavita lakshmi meera neha pooja "
    "radhika sunita shreya aiko akiko hana keiko mei mina naoko sakura yoko yuki jiwon "
    "minji soo-jin xiaoling lian"
)

MALE = words(
    # English-speaking
    "aaron adam alan albert alexander alfred andrew anthony antony arthur barry benjamin bernard "
    "bill bob brad bradley brian bruce carl charles christopher colin craig dale daniel danny "
    "darnell darren david dean dennis derek donald douglas duncan edmund edward eric ernest "
    "eugene frank franklin fred frederick gary gavin george gerald glen glenn gordon graham "
    "gregory harold harry harvey henry howard hugh ian jack jacob james jason jeffrey jeremy "
    "jerome jerry jim joe john jonah jonathan joseph joshua keith kenneth kevin larry lawrence "
    "leon leonard lewis lionel louis luke malcolm mark martin matthew michael mitch mitchell "
    "nathan neil nicholas noah norman oliver owen patrick paul peter philip phillip ralph "
    "randall ray raymond richard robert roger ronald roy russell ryan samuel scott sean "
    "simon stanley stephen steve steven stuart terence terry thomas timothy todd tom tony "
    "trevor victor vincent walter warren wayne william harlan harrison hollis marcus nigel "
    "rupert toby clive graeme alistair angus hamish callum declan liam ciaran seamus "
    "tyler brandon kyle justin dylan ethan logan mason caleb gabriel isaac elijah "
    "mike chuck chris dan dave don ed greg jeff jon josh ken matt nick pat phil rick rob ron "
    "sam ted tim will zach derrick marco mitt rand kirk jared hunter beto cory tim "
    "jim jimmy bobby johnny tommy billy randy rodney troy marty vince dusty buddy chad "
    "brett brent kurt kent clint curtis dwight earl floyd herb hank jesse lloyd mack "
    "rudy rex rusty stan ben andy alex "
    # continental Europe
    "anders andreas antonio arne bernd bjorn carlos christian dieter dirk emil enrico "
    "erik fabio federico felix florian francesco francois franz frederik fredrik gerhard "
    "giovanni giuseppe gunnar hans heinrich helmut henrik jan jens jorge jose juan jurgen "
    "karl klaus lars lorenzo luca luigi luis manuel marco mario matteo mats miguel nils "
    "olaf pablo pedro piet pieter pierre rafael reinhard stefan sven thomas tomas tomasz "
    "ulrich uwe wolfgang zbigniew krzysztof piotr pawel marek jacek wojciech andrzej "
    "janusz gabrielius vytautas linas karlis juris toomas tarmo ilkka matti jukka "
    "goran dragan milan zoran nikola ivan marko luka dmytro taras bohdan "
    "gino paolo pietro stefano alessandro massimo roberto sergio diego javier"
    # Slavic (Latin and Cyrillic)
    " aleksandr aleksei alexei alexey anatoly andrei andrey arkady boris dmitry dmitri "
    "evgeny fyodor grigory igor ilya konstantin leonid maxim mikhail nikolai oleg pavel "
    "pyotr roman sergei sergey stanislav valentin valery viktor vladimir vladislav vyacheslav "
    "yevgeny yuri"
    " александр алексей анатолий андрей аркадий борис вадим валентин валерий василий "
    "виктор виталий владимир владислав вячеслав геннадий георгий григорий дмитрий евгений "
    "иван игорь илья кирилл константин леонид максим михаил николай олег павел пётр петр "
    "роман сергей станислав степан фёдор федор юрий ярослав томаш дональд джо джозеф барак "
    "эммануэль олаф энтони антониу жозеп йенс марк рустам рамзан"
    # Arab world, Africa, South and East Asia
    " abdullah ahmad ahmed ali hassan hussein ibrahim khalid mahmoud mohamed mohammed "
    "mohammad mustafa omar osama salim tariq youssef yusuf adebayo chinedu emeka "
    "kwame kofi oluwaseun tunde uche olusegun ray amit anil arjun deepak rahul rajesh "
    "ravi sanjay suresh vikram hiroshi kenji takeshi haruki min-jun ji-hoon wei jun hao"
)


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """ "ова:ов ову:ов" → (("ова", "ов"), ("ову", "ов")): a case ending and what replaces it."""
    return tuple((a, b) for a, _, b in (pair.partition(":") for pair in text.split()))


# Russian given names change with case ("Дмитрия Пескова", "Марии Захаровой"): the case
# ending and what the nominative ends with instead.
_CYRILLIC_ENDINGS = _pairs(
    "ия:ий ию:ий ием:ий ии:ия ию:ия ией:ия ея:ей ею:ей еем:ей ья:ья ьи:ья ью:ья ьей:ья "
    "ы:а е:а у:а ой:а и:а и:я ю:я ей:я а: у: ом: е: я:ь ю:ь ем:ь"
)


def nominative_given(low: str) -> str:
    """A Russian given name in a case form (lower case) → its nominative, if the lists know
    it; any other word as it is."""
    if low in FEMALE or low in MALE or not low[:1] or not "а" <= low[:1] <= "я":
        return low
    for ending, nominative in _CYRILLIC_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            base = low[: -len(ending)] + nominative
            if base in FEMALE or base in MALE:
                return base
    return low


def male_reading(low: str) -> str | None:
    """The man's name that the female name `low` is also a case form of ("евгения" → "евгений",
    "александра" → "александр"), or None."""
    for ending, nominative in _CYRILLIC_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            base = low[: -len(ending)] + nominative
            if base in MALE:
                return base
    return None


def gender_of(given: str) -> str | None:
    """ "f", "m" or None for a given name."""
    low = nominative_given(given.lower())
    if low in FEMALE and low not in MALE:
        return "f"
    if low in MALE and low not in FEMALE:
        return "m"
    return None


def is_given_name(word: str) -> bool:
    low = nominative_given(word.lower())
    return low in FEMALE or low in MALE
