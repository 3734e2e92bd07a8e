"""What the operating system said, in Swedish, about the file the person chose.

An ``OSError`` carries the C library's English text ("No space left on device") and the
name of the file the call was made on, which for an atomic write is a hidden temporary
file (``.rapport.pdf.k3j2.tmp``, see files.py) the person never chose. Messages use
:func:`describe` instead: the file the person gave, and the reason in Swedish. No Qt here:
the command line and the window both use it.
"""

from __future__ import annotations

import errno
from pathlib import Path

from promises_app.domain.validation import shown_path

_REASONS: dict[int, str] = {
    errno.ENOENT: "filen eller mappen finns inte",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.EROFS: "enheten är skrivskyddad",
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EFBIG: "filen blir för stor för filsystemet",
    errno.EISDIR: "det är en mapp, inte en fil",
    errno.ENOTDIR: "en del av sökvägen är ingen mapp",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.EEXIST: "filen finns redan",
    errno.ENOTEMPTY: "mappen är inte tom",
    errno.EIO: "läs- eller skrivfel på disken",
    errno.EBUSY: "filen används av ett annat program",
    errno.ETXTBSY: "filen används av ett annat program",
    errno.EMFILE: "för många öppna filer",
    errno.ENFILE: "för många öppna filer",
    errno.ELOOP: "för många symboliska länkar i sökvägen",
    errno.EXDEV: "filen ligger på en annan enhet",
    errno.EINVAL: "ogiltigt filnamn eller ogiltig åtgärd",
    errno.ENXIO: "enheten finns inte",
    errno.ENODEV: "enheten finns inte",
    errno.ETIMEDOUT: "nätverksenheten svarar inte",
    errno.ESTALE: "nätverksenheten har tappat filen",
}


def reason(error: OSError) -> str:
    """Why ``error`` happened, in Swedish (the errno's name when it is an unusual one)."""
    known = _REASONS.get(error.errno or -1)
    if known is not None:
        return known
    name = errno.errorcode.get(error.errno or -1)
    return f"fel från operativsystemet ({name or error.errno or type(error).__name__})"


def describe(error: OSError, path: Path | str, *, doing: str = "skrivas") -> str:
    """``"<path> kunde inte <doing>: <reason>."``, naming the file the person gave."""
    return f"{shown_path(path)} kunde inte {doing}: {reason(error)}."
