"""Turning what the quote finder found into highlights: tags, colours, duplicates, whole scans.

The Quotes panel, the "Find quotes in all documents" dialog and `quotebook quotes --accept` all
make the same decisions, so they live here, without Qt:

- an accepted quote is tagged `quote` and `speaker/<Name>` (no speaker tag when nobody is
  named); its kind is not a tag but a colour, so that the tag list stays one entry per speaker
  and a filter on `quote` still finds every accepted quotation;
- a quote counts as already highlighted when any highlight overlaps it, even by one character:
  the finder never lays a second highlight over words the user highlighted. A highlight that is
  the same quote (90 % of the longer span in common: one that took the marks or a trailing comma
  along) may gain the tags it lacks, `quote` and, when it names no speaker yet, the speaker;
- a speaker turn of a transcript is long and meant to sit under the highlights inside it, so it
  counts as highlighted only when a highlight is the same turn (90 % in common);
- speaker names are made one across the library, including the `speaker/…` tags that already
  exist, so a quote accepted today lands on the tag a user corrected yesterday.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from quotebook.domain import Annotation, Document
from quotebook.quotes import DIRECT, PARTIAL, FoundQuote, QuoteScan, SpeakerIndex, Turn, find_quotes
from quotebook.store import Library

QUOTE_TAG = "quote"
SPEAKER_PREFIX = "speaker/"
# Kinds are told apart by colour; turns of a transcript get their own.
KIND_COLORS: dict[str, str] = {"direct": "yellow", "partial": "orange", "scare": "pink"}
TURN_COLOR = "green"
SAME_SPAN = 0.9  # overlap, as a share of the longer span, that makes two spans one quote
ACCEPTED_KINDS: tuple[str, ...] = (DIRECT, PARTIAL)  # what bulk acceptance takes by default

Found = FoundQuote | Turn
# Called before each document with (documents done, documents in all); False stops the scan.
Progress = Callable[[int, int], bool | None]


@dataclass(frozen=True)
class TagAddition:
    """Tags to give a highlight that already marks a found quote: its own plus those it lacks."""

    document_id: int
    annotation_id: int
    tags: tuple[str, ...]
    added: tuple[str, ...]


@dataclass(frozen=True)
class Acceptance:
    """One highlight to create: where, in which colour, with which tags."""

    document_id: int
    start: int
    end: int
    color: str
    tags: tuple[str, ...]


def speaker_tag(name: str) -> str:
    """`speaker/<Name>`; a slash in a name would start a sub-tag, so it becomes a dash."""
    leaf = " ".join(name.replace("/", "-").split())
    return f"{SPEAKER_PREFIX}{leaf}"


def tags_for(item: Found, speaker: str | None = None) -> list[str]:
    """The tags of an accepted quote or turn; `speaker` (when given) overrides the found one.

    An empty `speaker` means the user cleared it: the quote is kept without a speaker tag.
    """
    name = item.speaker if speaker is None else speaker
    tags = [QUOTE_TAG]
    if name and name.strip():
        tags.append(speaker_tag(name))
    return tags


def color_for(item: Found) -> str:
    """The highlight colour: one per kind of quote, another for a transcript turn."""
    if isinstance(item, Turn):
        return TURN_COLOR
    return KIND_COLORS.get(item.kind, "yellow")


def overlap_share(start: int, end: int, other_start: int, other_end: int) -> float:
    """How much two spans overlap, as a share of the longer one (1.0 for the same span)."""
    longest = max(end - start, other_end - other_start)
    if longest <= 0:
        return 1.0 if (start, end) == (other_start, other_end) else 0.0
    return max(0, min(end, other_end) - max(start, other_start)) / longest


def is_annotated(item: Found, annotations: Iterable[Annotation]) -> bool:
    """Whether a highlight already marks this quote: any overlap for a quote, the same span for
    a transcript's turn. Orphaned highlights have no reliable place and do not count."""
    live = [a for a in annotations if not a.orphaned]
    if isinstance(item, Turn):
        return any(overlap_share(item.start, item.end, a.start, a.end) >= SAME_SPAN for a in live)
    return any(min(item.end, a.end) > max(item.start, a.start) for a in live)


def same_quote(item: Found, annotations: Iterable[Annotation]) -> Annotation | None:
    """The highlight that is this quote (the one overlapping it most, by 90 % or more)."""
    best: Annotation | None = None
    best_share = SAME_SPAN
    for a in annotations:
        if a.orphaned:
            continue
        share = overlap_share(item.start, item.end, a.start, a.end)
        if share >= best_share:
            best, best_share = a, share
    return best


def missing_tags(annotation: Annotation, item: Found) -> list[str]:
    """The acceptance tags a highlight of this quote lacks; a speaker only if it names none."""
    have = {tag.casefold() for tag in annotation.tags}
    names_speaker = any(tag.startswith(SPEAKER_PREFIX) for tag in have)
    return [
        tag
        for tag in tags_for(item)
        if tag.casefold() not in have and not (tag.startswith(SPEAKER_PREFIX) and names_speaker)
    ]


def known_speakers(library: Library) -> list[str]:
    """The names behind the library's `speaker/…` tags, for completion and normalising."""
    return [
        tag.name[len(SPEAKER_PREFIX) :]
        for tag in library.tags.all()
        if tag.name.lower().startswith(SPEAKER_PREFIX)
        and "/" not in tag.name[len(SPEAKER_PREFIX) :]
    ]


def speaker_index(library: Library, scans: Iterable[QuoteScan] = ()) -> SpeakerIndex:
    """Speakers of these scans together with those the library's tags already name."""
    index = SpeakerIndex(known_speakers(library))
    for scan in scans:
        index.add_scan(scan)
    return index


def scan_text(document: Document) -> QuoteScan:
    """The finder's scan of one document, in the document's language (English when unset)."""
    return find_quotes(document.text, document.meta.language or "en")


def scan_document(library: Library, document_id: int) -> QuoteScan:
    """One document's scan with speaker names matched to the library's speaker tags."""
    scan = scan_text(library.documents.get(document_id))
    return scan.renamed(speaker_index(library, [scan]).canonical)


def scan_library(
    library: Library,
    document_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> dict[int, QuoteScan]:
    """Scan documents (all when None), speakers named alike across them and the speaker tags.

    `progress(done, total)` is called before each document and once at the end; returning
    False stops the scan, and only the documents scanned so far are returned (still with
    their names made one among themselves).
    """
    ids = [s.id for s in library.documents.summaries()] if document_ids is None else document_ids
    total = len(ids)
    scans: dict[int, QuoteScan] = {}
    for done, document_id in enumerate(ids):
        if progress is not None and progress(done, total) is False:
            break
        scans[document_id] = scan_text(library.documents.get(document_id))
    else:
        if progress is not None:
            progress(total, total)
    index = speaker_index(library, scans.values())
    return {doc_id: scan.renamed(index.canonical) for doc_id, scan in scans.items()}


def pending(
    items: Iterable[Found], annotations: Sequence[Annotation], kinds: Sequence[str] = ACCEPTED_KINDS
) -> list[Found]:
    """The quotes of these kinds (turns always) that no highlight covers yet."""
    return [
        item
        for item in items
        if (isinstance(item, Turn) or item.kind in kinds) and not is_annotated(item, annotations)
    ]


def plan_acceptance(
    library: Library,
    scans: dict[int, QuoteScan],
    *,
    kinds: Sequence[str] = ACCEPTED_KINDS,
    turns: bool = False,
) -> list[Acceptance]:
    """Highlights to create for every not yet highlighted quote of `kinds` (and turns)."""
    plan: list[Acceptance] = []
    for document_id, scan in scans.items():
        annotations = library.annotations.for_document(document_id)
        items: list[Found] = [*scan.quotes, *(scan.turns if turns else ())]
        for item in pending(items, annotations, kinds):
            tags = tuple(tags_for(item))
            plan.append(Acceptance(document_id, item.start, item.end, color_for(item), tags))
    return plan


def plan_tag_additions(
    library: Library, scans: dict[int, QuoteScan], *, kinds: Sequence[str] = ACCEPTED_KINDS
) -> list[TagAddition]:
    """Tags to add to highlights that already mark found quotes of `kinds` (see module)."""
    plan: list[TagAddition] = []
    for document_id, scan in scans.items():
        annotations = library.annotations.for_document(document_id)
        wanted: dict[int, list[str]] = {}
        for item in scan.quotes:
            if item.kind not in kinds:
                continue
            annotation = same_quote(item, annotations)
            if annotation is None:
                continue
            extra = wanted.setdefault(annotation.id, [])
            for tag in missing_tags(annotation, item):
                if tag.casefold() not in {t.casefold() for t in extra}:
                    extra.append(tag)
        by_id = {a.id: a for a in annotations}
        for annotation_id, extra in wanted.items():
            if extra:
                own = by_id[annotation_id].tags
                plan.append(TagAddition(document_id, annotation_id, (*own, *extra), tuple(extra)))
    return plan


def speaker_counts(plan: Iterable[Acceptance]) -> dict[str, int]:
    """How many planned highlights each speaker gets, most first (for a summary)."""
    counts: dict[str, int] = {}
    for acceptance in plan:
        for tag in acceptance.tags:
            if tag.startswith(SPEAKER_PREFIX):
                name = tag[len(SPEAKER_PREFIX) :]
                counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower())))
