"""Files that broke earlier readers, made on the spot: odd zip versions, bombs, stated sizes that lie."""
import io
import re
import struct
import zipfile
from pathlib import Path

import openpyxl


def workbook_bytes(rows: list[list], title: str = "Risks") -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_zip_version(data: bytes, version: int) -> bytes:
    """The same zip with every part's "version needed to extract" set to `version` (63 is the highest
    Python unpacks)."""
    edited = bytearray(data)
    for match in re.finditer(rb"PK\x01\x02", bytes(edited)):  # central directory: needed version at +6
        struct.pack_into("<H", edited, match.start() + 6, version)
    for match in re.finditer(rb"PK\x03\x04", bytes(edited)):  # local headers: needed version at +4
        struct.pack_into("<H", edited, match.start() + 4, version)
    return bytes(edited)


def with_stated_size(data: bytes, ref: str) -> bytes:
    """The same workbook whose sheet says it is only `ref` in size (as some programs save it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                body = re.sub(rb'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>'.encode(), body)
                if b"<dimension" not in body:
                    body = body.replace(b"<sheetData", f'<dimension ref="{ref}"/><sheetData'.encode(), 1)
            target.writestr(item, body)
    return out.getvalue()


def sheet_bomb(path: Path, sheets: int = 180, part_bytes: int = 1024 * 1024 - 1) -> Path:
    """A small workbook of many sheets, each part just under 1 MB unpacked (so no one part looks like a bomb)."""
    filler = b"<x/>" * (part_bytes // 4)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        for n in range(1, sheets + 1):
            z.writestr(f"xl/worksheets/sheet{n}.xml", filler)
    return path
