#!/usr/bin/env python3
"""Build the briefings in content/ into output/ (DOCX + PDF); `--help` lists the options."""

import sys

from briefing.cli import main

if __name__ == "__main__":
    sys.exit(main())
