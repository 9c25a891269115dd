"""The command line: `main` reads the whole command line, `commands` holds one module a command."""
