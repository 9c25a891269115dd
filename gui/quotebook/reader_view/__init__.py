"""Reader view: the article without the page around it.

Text saved from the web carries the site's *page furniture*: menus, teasers, cookie notes,
share lines. `rules.furniture_ranges` finds it by general rules, as code-point ranges, so the
viewer can hide those lines and the PDF export can leave them out while the stored text, and
every annotation's offsets, stay as they are.

The library keeps each document's verdict together with the `RULES_VERSION` it was worked out
under. Raise the version with any change to the rules that can change a verdict: verdicts kept
under another version are worked out again when their document is next opened, with no
migration. (The version lives here, apart from the rules, so that opening a document whose
verdict is kept does not load and compile them: about 12 ms.)
"""

from __future__ import annotations

RULES_VERSION = 1
