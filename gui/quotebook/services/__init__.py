"""Use cases without Qt that the command line and the window share.

Importing files, seeding a new library, turning found quotes into highlights, checking
document properties: each takes a `Library` and plain values, so the CLI calls it directly and
the window calls it from its dialogs and undo commands.
"""
