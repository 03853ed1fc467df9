"""Bytes to text: byte-order marks first, then UTF-8, then the Windows/Latin-1 family.

No detection library: a BOM settles UTF-8/16/32, UTF-8 is strict enough that
text which decodes as UTF-8 almost surely is, and what is left is nearly
always Windows-1252 (Excel on Windows) or Latin-1, which agree on every
letter a food name uses. Binary files are refused rather than decoded into
nonsense.
"""

from __future__ import annotations

import codecs
import io
import zipfile
import zlib

from twitchcheck.diary._bounds import cap, clipped, too_big
from twitchcheck.errors import DiaryError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that mark a binary file; ESC is left out, as text copied from a
# terminal carries colour codes (they reach the food search as any other character).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_ZIP_MAGIC = b"PK\x03\x04"
# What a damaged or unusual zip raises while being read.
_ZIP_ERRORS = (
    zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
    RuntimeError,
)  # fmt: skip


def decode(data: bytes, name: str = "the diary") -> str:
    """The text in `data`; raises DiaryError for an empty or binary file."""
    if not data.strip():
        raise DiaryError(
            f"{name} is empty; write one food per line under a date such as 2026-11-20"
        )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name)
    utf16 = _bomless_utf16(data)
    if utf16:
        return _strict(data, utf16, name)
    if b"\x00" in data:
        raise _binary(name, f" (a zero byte at byte {data.index(0):,})")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _refuse_control(text, name)
        return text
    raise _binary(name)  # unreachable: latin-1 decodes every byte


def is_zip(data: bytes) -> bool:
    return data.startswith(_ZIP_MAGIC)


def zip_member(data: bytes, wanted: tuple[str, ...], name: str) -> tuple[str, bytes]:
    """The first member whose file name starts with one of `wanted`, in that order.

    A member is read only up to input.file_bytes, whatever its header claims, so a zip
    bomb costs no more than a large diary.
    """
    most = cap("input.file_bytes")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as error:
        raise DiaryError(f"{name} looks like a zip file but cannot be opened ({error})") from None
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        for prefix in wanted:
            for member in members:
                base = member.filename.rsplit("/", 1)[-1]
                if base.startswith(prefix):
                    shown = clipped(member.filename, 80)
                    if member.file_size > most:
                        raise too_big(f"{shown} in {name}", member.file_size)
                    try:
                        with archive.open(member) as handle:
                            content = handle.read(most + 1)
                    except _ZIP_ERRORS as error:
                        raise DiaryError(
                            f"{shown} in {name} cannot be unpacked ({error}); export it again"
                        ) from None
                    if len(content) > most:
                        raise too_big(f"{shown} in {name}", None)
                    return shown, content
    listed = ", ".join(clipped(m.filename, 60) for m in members[:8]) or "nothing"
    raise DiaryError(
        f"{name} holds {listed}; expected an OpenNutriTracker export (user_intake.json) or a "
        "MyFitnessPal export (Nutrition-Summary*.csv)"
    )


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DiaryError(
            f"{name} starts like {encoding.upper()} text but byte {error.start} is not valid "
            f"{encoding.upper()}; save it again as UTF-8"
        ) from None
    if not text.strip():
        raise DiaryError(
            f"{name} is empty; write one food per line under a date such as 2026-11-20"
        )
    _refuse_control(text, name)
    return text


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as a zero byte in every other position of ASCII text."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def _refuse_control(text: str, name: str) -> None:
    """Text full of control characters is a binary file that happened to decode."""
    sample = text[:8192]
    control = sum(1 for ch in sample if ord(ch) in _CONTROL)
    if control > max(2, len(sample) // 100):
        raise _binary(name)


def _binary(name: str, where: str = "") -> DiaryError:
    return DiaryError(
        f"{name} is not a text file (it holds binary data{where}); export the diary as CSV or "
        "write it as plain text (UTF-8)"
    )
