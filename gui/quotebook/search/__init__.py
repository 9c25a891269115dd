"""Library search without SQL: what a user types (`query`) and where it matched (`marks`).

The store runs the query (`quotebook.store.search`); the CLI and the Search panel show hits.
"""
