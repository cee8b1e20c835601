"""One module per sub-command of build.py; each has `HELP` and `run(argv) -> exit code`.

To add a command, add a module here and its name to `COMMANDS` in briefing/cli.py.
"""
