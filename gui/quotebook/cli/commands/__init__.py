"""One module per command, each with `configure(parser)` and `run(library, args)`.

`quotebook.cli.main.COMMANDS` names them, with the help line each shows.
"""
