"""Logos (P15): size-limited before decoding, re-encoded to a clean PNG, stored all-or-nothing."""

from __future__ import annotations

import io
import random
import struct
import zlib
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
from PIL import Image, ImageFile, PngImagePlugin

from promises_app.services import Services
from promises_app.services.errors import NotFoundError, ValidationError
from promises_app.services.logos import MAX_FILE_BYTES, PNG_SIGNATURE, prepare_logo

#: What a re-encoded PNG must not carry (Pillow puts text chunks and EXIF into ``info``).
METADATA_KEYS = {"exif", "comment", "icc_profile", "Author", "Comment", "Description", "GPS", "dpi", "XML:com.adobe.xmp"}


def _encode(image: Image.Image, fmt: str, **options: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def _noise(size: tuple[int, int], mode: str = "RGB", seed: int = 1) -> Image.Image:
    """Incompressible pixels, so a cut-off file is missing real picture data."""
    channels = len(mode)
    return Image.frombytes(mode, size, random.Random(seed).randbytes(size[0] * size[1] * channels))


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


@cache
def _blank_png(width: int, height: int) -> bytes:
    """A valid, all-black 1-bit PNG of any size, written chunk by chunk without Pillow.

    Zeros compress about 1000:1, so even 20 000 × 20 000 is a file of some 50 kB; making it
    with Pillow would need the 400 MB picture in memory first.
    """
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte "none", then the packed bits
    packer = zlib.compressobj(9)
    idat = bytearray()
    rows_per_piece = max(1, 4_000_000 // len(row))
    for start in range(0, height, rows_per_piece):
        idat += packer.compress(row * min(rows_per_piece, height - start))
    idat += packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", bytes(idat)) + _chunk(b"IEND", b"")


@pytest.fixture
def no_decoding(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make decoding pixels fail the test: both load() methods (ImageFile overrides Image's)."""
    calls: list[str] = []

    def forbidden(self: Image.Image, *args: Any, **kwargs: Any) -> Any:
        calls.append(type(self).__name__)
        raise AssertionError("the picture was decoded")

    monkeypatch.setattr(Image.Image, "load", forbidden)
    monkeypatch.setattr(ImageFile.ImageFile, "load", forbidden)
    return calls


def _open(png: bytes) -> Image.Image:
    assert png.startswith(PNG_SIGNATURE)
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG"
    return image


def _assert_clean(image: Image.Image) -> None:
    assert not METADATA_KEYS & set(image.info), image.info
    assert not getattr(image, "text", {})
    assert not image.getexif()


# --- accepted pictures -------------------------------------------------------------------


def test_png_with_text_chunks_comes_back_clean_and_smaller() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Hemlig Person")
    info.add_text("Comment", "intern kommentar")
    info.add_itxt("Description", "beskrivning med å ä ö")
    gradient = Image.linear_gradient("L").resize((3000, 1500)).convert("RGB")
    data = _encode(gradient, "PNG", pnginfo=info)
    assert "Author" in Image.open(io.BytesIO(data)).info

    out = prepare_logo(data)

    assert out != data
    image = _open(out)
    assert image.size == (1200, 600)
    assert image.mode == "RGBA"
    _assert_clean(image)


def test_jpeg_is_turned_upright_and_loses_its_exif() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    exif[0x010F] = "Kameratillverkare"  # Make
    exif[0x013B] = "Fotografens namn"  # Artist
    picture = Image.new("RGB", (300, 200), (200, 30, 30))
    picture.paste((30, 30, 200), (0, 0, 150, 200))  # left half blue
    data = _encode(picture, "JPEG", exif=exif.tobytes(), comment=b"hemlig kommentar", quality=95)
    assert Image.open(io.BytesIO(data)).info.get("comment")

    image = _open(prepare_logo(data))

    assert image.size == (200, 300)  # upright: the stored landscape was a portrait
    _assert_clean(image)
    red, _green, blue, alpha = image.getpixel((100, 10))  # the blue left half is now on top
    assert blue > 150 and red < 100 and alpha == 255


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "WEBP", "PNG"])
def test_other_formats_are_accepted_and_small_pictures_keep_their_size(fmt: str) -> None:
    out = prepare_logo(_encode(Image.new("RGB", (64, 20), (0, 128, 0)), fmt))
    image = _open(out)
    assert image.size == (64, 20)
    _assert_clean(image)


def test_transparency_is_kept() -> None:
    picture = Image.new("RGBA", (40, 40), (255, 0, 0, 255))
    picture.paste((0, 0, 0, 0), (0, 0, 20, 40))
    image = _open(prepare_logo(_encode(picture, "PNG")))
    assert image.getpixel((5, 5))[3] == 0 and image.getpixel((35, 5)) == (255, 0, 0, 255)

    palette = Image.new("P", (40, 40), 1)
    palette.putpalette([255, 255, 255, 0, 0, 255] + [0] * 762)
    palette.paste(0, (0, 0, 20, 40))
    gif = _open(prepare_logo(_encode(palette, "GIF", transparency=0)))
    assert gif.getpixel((5, 5))[3] == 0 and gif.getpixel((35, 5))[3] == 255


# --- refused pictures --------------------------------------------------------------------


def _refused(data: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        prepare_logo(data)
    assert [e.field for e in caught.value.errors] == ["logo"]
    return caught.value.for_field("logo")[0]


@pytest.mark.parametrize(("width", "height"), [(20_000, 20_000), (10_000, 10_000), (12_000, 10), (7_000, 7_000)])
def test_too_many_pixels_refused_from_the_header_without_decoding(
    width: int, height: int, no_decoding: list[str]
) -> None:
    """Beyond Pillow's bomb limits (error, warning) and within them but beyond ours (side, area)."""
    data = _blank_png(width, height)
    assert len(data) < MAX_FILE_BYTES
    assert "för stor" in _refused(data)
    assert no_decoding == []


def test_our_limits_hold_even_without_pillows_bomb_check(
    monkeypatch: pytest.MonkeyPatch, no_decoding: list[str]
) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    assert "20 000 × 20 000 bildpunkter" in _refused(_blank_png(20_000, 20_000))
    assert no_decoding == []


def test_a_big_picture_just_inside_the_limits_is_accepted() -> None:
    image = _open(prepare_logo(_blank_png(10_000, 4_000)))
    assert image.size == (1200, 480)


def _truncated_png() -> bytes:
    data = _encode(_noise((400, 400)), "PNG")
    return data[: len(data) // 2]


def _truncated_jpeg() -> bytes:
    data = _encode(_noise((400, 400)), "JPEG")
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: b"", "tom"),
        (lambda: random.Random(7).randbytes(4096), "inte en bild"),
        (_truncated_png, "skadad"),
        (_truncated_jpeg, "skadad"),
        (lambda: b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "inte en bild"),
        (
            lambda: b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" '
            b'height="10"><rect width="10" height="10"/></svg>\n',
            "inte en bild",
        ),
        (lambda: PNG_SIGNATURE, "inte en bild"),
        (lambda: PNG_SIGNATURE + b"\x00" * (MAX_FILE_BYTES - len(PNG_SIGNATURE) + 1), "för stor"),
        (lambda: _encode(Image.new("RGB", (8, 8)), "TIFF"), "inte en bild"),  # not one of ours
    ],
    ids=["empty", "random", "truncated-png", "truncated-jpeg", "pdf", "svg", "signature-only", "over-10-mb", "tiff"],
)
def test_refused_files_name_the_logo_field(make: Callable[[], bytes], words: str) -> None:
    message = _refused(make())
    assert message.startswith("Logotyp")
    assert words in message


# --- the service -------------------------------------------------------------------------


def _solna(services: Services) -> Any:
    return next(o for o in services.register.list_organisations() if o.name == "Solna stad")


def test_set_get_and_remove_a_logo(demo_services: Services) -> None:
    solna = _solna(demo_services)
    assert demo_services.logos.get_logo(solna.id) is None
    data = _encode(Image.new("RGB", (2400, 600), (0, 80, 160)), "JPEG")

    record = demo_services.logos.set_logo(solna.id, data, expected_version=solna.version)

    assert record.version == solna.version + 1 and record.name == "Solna stad"
    stored = demo_services.logos.get_logo(solna.id)
    assert stored is not None and stored != data
    assert _open(stored).size == (1200, 300)

    removed = demo_services.logos.remove_logo(solna.id)
    assert removed.version == record.version + 1
    assert demo_services.logos.get_logo(solna.id) is None


def test_a_refused_logo_changes_nothing(demo_services: Services, snapshot: Callable[[], Any]) -> None:
    solna = _solna(demo_services)
    demo_services.logos.set_logo(solna.id, _encode(Image.new("RGB", (10, 10)), "PNG"))
    kept = demo_services.logos.get_logo(solna.id)
    before = snapshot()
    for bad in (b"", _truncated_png(), _blank_png(20_000, 20_000), b"%PDF-1.4\n"):
        with pytest.raises(ValidationError):
            demo_services.logos.set_logo(solna.id, bad)
    assert snapshot() == before
    assert demo_services.logos.get_logo(solna.id) == kept


def test_unknown_organisation(services: Services) -> None:
    png = _encode(Image.new("RGB", (10, 10)), "PNG")
    with pytest.raises(NotFoundError):
        services.logos.set_logo(4711, png)
    with pytest.raises(NotFoundError):
        services.logos.get_logo(4711)
    with pytest.raises(NotFoundError):
        services.logos.remove_logo(4711)
