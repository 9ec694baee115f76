"""Looking at a file before openpyxl opens it: is it an .xlsx at all, and is it safe to unpack?

An .xlsx is a zip of XML. A hostile one can unpack to gigabytes (a zip bomb) or hold XML entity tricks;
the zip is checked here, and openpyxl parses the XML with defusedxml (installed with the app).
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import UserError

MAX_FILE_BYTES = 50 * 1024 * 1024          # an owner's workbook is well under 1 MB
MAX_UNPACKED_BYTES = 200 * 1024 * 1024     # everything inside, unpacked
MAX_MEMBERS = 2000
MAX_RATIO = 100                            # XML packs 5-20 times; a bomb packs thousands of times
RATIO_CHECKED_FROM = 1024 * 1024           # small members may pack well without harm
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class NotAWorkbook(UserError):
    """The file is not an .xlsx this app can safely open; `reason` says why without naming the file."""

    def __init__(self, name: str, reason: str):
        self.reason = reason
        super().__init__(f"{name} {reason}.")


def check_xlsx(path: Path, max_bytes: int = MAX_FILE_BYTES, **limits) -> list[zipfile.ZipInfo]:
    """Raise NotAWorkbook with one sentence unless `path` looks like a safe .xlsx."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise NotAWorkbook(name, f"could not be read ({exc.strerror or exc})") from exc
    if size > max_bytes:
        raise NotAWorkbook(name, f"is {size // (1024 * 1024)} MB, more than a workbook here may be")
    if head == OLE_MAGIC:
        raise NotAWorkbook(name, "is an old-style .xls or a password-protected workbook; "
                           "open it and save it as an ordinary .xlsx")
    if not zipfile.is_zipfile(path):
        raise NotAWorkbook(name, "is not a spreadsheet (.xlsx)")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except NotImplementedError as exc:  # zipfile refuses a newer format on opening: "zip file version 8.0"
        raise NotAWorkbook(name, f"is packed in a way this app cannot unpack ({exc}); open it in Excel or "
                           "LibreOffice and save it again as .xlsx") from exc
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise NotAWorkbook(name, "is a damaged zip file, not a readable spreadsheet") from exc
    if limits:
        check_limits(name, members, **limits)
    _check_members(name, members)
    return members


def check_limits(name: str, members: list[zipfile.ZipInfo], *, max_unpacked: int, max_sheets: int) -> None:
    """Refuse, from the zip's directory alone, a workbook too large to read in a moment."""
    sheets = [m for m in members if m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml")]
    if len(sheets) > max_sheets:
        raise NotAWorkbook(name, f"holds {len(sheets)} sheets, more than the {max_sheets} an import reads; "
                           "it was not opened")
    total = sum(m.file_size for m in members)
    if total > max_unpacked:
        bomb = " (it may be a zip bomb)" if total > MAX_RATIO * max(sum(m.compress_size for m in members), 1) else ""
        raise NotAWorkbook(name, f"would unpack to {total / (1024 * 1024):.0f} MB, more than the "
                           f"{max_unpacked // (1024 * 1024)} MB an import reads; it was not opened{bomb}")


def _supported(member: zipfile.ZipInfo) -> bool:
    """What Python's zipfile can unpack: its version of the format, and stored or deflated parts."""
    return member.extract_version <= zipfile.MAX_EXTRACT_VERSION and \
        member.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def _check_members(name: str, members: list[zipfile.ZipInfo]) -> None:
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise NotAWorkbook(name, "is a zip file but not an Excel workbook (.xlsx)")
    if len(members) > MAX_MEMBERS:
        raise NotAWorkbook(name, f"holds {len(members)} parts, far more than a workbook has; it was not opened")
    odd = next((m for m in members if not _supported(m)), None)
    if odd is not None:
        raise NotAWorkbook(name, f"is packed in a way this app cannot unpack (its part {odd.filename[:60]!r} needs "
                           f"zip version {odd.extract_version / 10:.1f}, method {odd.compress_type}); open it in "
                           "Excel or LibreOffice and save it again as .xlsx")
    # Python's zipfile never unpacks a member past its declared size, so the declared sizes bound the work.
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        raise NotAWorkbook(name, f"would unpack to {total // (1024 * 1024)} MB; it was not opened "
                           "(it may be a zip bomb)")
    packed = sum(m.compress_size for m in members)
    if total >= RATIO_CHECKED_FROM and total > MAX_RATIO * max(packed, 1):
        raise NotAWorkbook(name, f"unpacks {total // max(packed, 1)} times larger than it is packed; it was not "
                           "opened (it may be a zip bomb)")
    for member in members:
        if member.file_size >= RATIO_CHECKED_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise NotAWorkbook(name, f"has a part that unpacks {member.file_size // max(member.compress_size, 1)} "
                               "times larger than it is packed; it was not opened (it may be a zip bomb)")
