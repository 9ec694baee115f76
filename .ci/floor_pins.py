"""Prints `name==version` for each runtime dependency's declared minimum (pyproject.toml `>=`)."""
import re
import sys
import tomllib
from pathlib import Path

project = tomllib.loads(Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml").read_text())["project"]
for requirement in project["dependencies"]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-\[\]]+)\s*>=\s*([^,;\s]+)\s*", requirement)
    if not match:
        sys.exit(f"{requirement!r} has no plain '>=' floor to pin")
    print(f"{match.group(1)}=={match.group(2)}")
