"""Organisation logos: size-limited and re-encoded before they are stored (docs/reliability.md, P15).

A logo is a file someone picked from disk or got by e-mail, so it is untrusted input that
ends up in every printed header. ``prepare_logo`` therefore:

* refuses it before decoding when the file or the picture is too large: ``Image.open`` only
  reads the header, and a 20 000 × 20 000 PNG is a few kilobytes on disk but 1.6 GB in
  memory once decoded (a decompression bomb);
* only lets Pillow try the five ordinary raster formats, so no other decoder (EPS through
  Ghostscript, for instance) ever sees the bytes;
* decodes, turns the picture upright (EXIF orientation), scales it down and writes a fresh
  PNG from the pixels alone. Nothing of the original file survives: no EXIF (camera, GPS
  position, dates), no text chunks or comments, no colour profile, no trailing bytes.

Pillow's own bomb check (``Image.MAX_IMAGE_PIXELS``) is a process-wide setting shared with
ReportLab, so it is left as it is; its warning and error are turned into our refusal, and
our own, stricter limits are checked on the header first in any case.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from promises_app.domain.validation import FieldError, ValidationError
from promises_app.services import convert
from promises_app.services.base import Service, check_version, get_row
from promises_app.services.records import OrganisationRecord
from promises_app.storage import models as m

FIELD = "logo"
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 10_000
#: The longest side of the stored logo: plenty for a printed header at 300 dpi.
STORED_SIDE = 1200
ACCEPTED_FORMATS = ("PNG", "JPEG", "GIF", "BMP", "WEBP")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_TOO_LARGE_PICTURE = (
    "Logotyp: bilden är för stor ({size}). Den får ha högst 40 megapixlar och högst "
    "10 000 bildpunkter per sida; spara en mindre version och försök igen."
)


def _refuse(message: str) -> ValidationError:
    return ValidationError([FieldError(FIELD, message)])


def prepare_logo(data: bytes) -> bytes:
    """Check an uploaded logo and return it re-encoded as a clean PNG (never the input bytes).

    Raises ``ValidationError`` on field "logo" (Swedish message) for an empty or too large
    file, something that is not a PNG, JPEG, GIF, BMP or WebP picture, a picture too large
    to decode safely, or a damaged or truncated one.
    """
    data = bytes(data)
    if not data:
        raise _refuse("Logotyp: filen är tom.")
    if len(data) > MAX_FILE_BYTES:
        megabytes = f"{len(data) / (1024 * 1024):.1f}".replace(".", ",")
        raise _refuse(f"Logotyp: filen är för stor ({megabytes} MB). Den får vara högst 10 MB.")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = _open_header(data)
        with image:
            _check_size(image.size)
            return _reencode(image)


def _open_header(data: bytes) -> Image.Image:
    """Identify the picture from its header only (``Image.open`` decodes nothing yet)."""
    try:
        return Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(_TOO_LARGE_PICTURE.format(size="för många bildpunkter")) from None
    except UnidentifiedImageError:
        raise _refuse(
            "Logotyp: filen är inte en bild som kan användas. Välj en PNG-, JPEG-, GIF-, "
            "BMP- eller WebP-bild."
        ) from None
    except Exception:  # noqa: BLE001 - a header that starts right and then breaks: Pillow raises many kinds
        raise _refuse("Logotyp: bilden är skadad och kan inte läsas.") from None


def _check_size(size: tuple[int, int]) -> None:
    width, height = size
    if width < 1 or height < 1:
        raise _refuse("Logotyp: bilden är skadad och kan inte läsas.")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        shown = f"{width:,} × {height:,}".replace(",", " ")  # Swedish: 20 000 × 20 000
        raise _refuse(_TOO_LARGE_PICTURE.format(size=f"{shown} bildpunkter"))


def _reencode(image: Image.Image) -> bytes:
    """Decode, turn upright, scale down, and write a PNG from the pixels alone."""
    try:
        if image.format == "JPEG":
            image.draft("RGB", (STORED_SIDE, STORED_SIDE))  # decode at a reduced scale: less memory
        image.load()
        upright = _upright(image)
        rgba = upright.convert("RGBA")  # keeps transparency (palette, LA, RGBA alike)
        rgba.thumbnail((STORED_SIDE, STORED_SIDE), Image.Resampling.LANCZOS)
        # A new image from the bytes of the pixels carries no info dict: nothing to leak.
        clean = Image.frombytes("RGBA", rgba.size, rgba.tobytes())
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(_TOO_LARGE_PICTURE.format(size="för många bildpunkter")) from None
    except Exception:  # noqa: BLE001 - truncated data, a broken stream, an impossible mode …
        raise _refuse(
            "Logotyp: bilden är ofullständig eller skadad och kan inte läsas. "
            "Spara om den i ett bildprogram och försök igen."
        ) from None
    out = io.BytesIO()
    clean.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _upright(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation; a damaged EXIF block leaves the picture as stored."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # noqa: BLE001 - EXIF parsing fails in many ways; the pixels are still good
        return image


class LogoService(Service):
    """Set, remove and read an organisation's logo (stored as ``Organisation.logo_png``)."""

    def set_logo(
        self, organisation_id: int, data: bytes, *, expected_version: int | None = None
    ) -> OrganisationRecord:
        """Store ``data`` re-encoded by ``prepare_logo``; a refused file stores nothing.

        The picture is checked and re-encoded before the write transaction begins, so the
        database lock is never held while an image is decoded.
        """
        png = prepare_logo(data)
        with self.db.write() as s:
            row = get_row(s, m.Organisation, organisation_id, "Organisationen")
            check_version(row, expected_version, "Organisationen")
            row.logo_png = png
            s.flush()
            return convert.organisation(row)

    def remove_logo(
        self, organisation_id: int, *, expected_version: int | None = None
    ) -> OrganisationRecord:
        with self.db.write() as s:
            row = get_row(s, m.Organisation, organisation_id, "Organisationen")
            check_version(row, expected_version, "Organisationen")
            row.logo_png = None
            s.flush()
            return convert.organisation(row)

    def get_logo(self, organisation_id: int) -> bytes | None:
        """The stored PNG, or None when the organisation has no logo."""
        with self.db.read() as s:
            return get_row(s, m.Organisation, organisation_id, "Organisationen").logo_png
