"""The web app manifest and its icons: the site installs on a phone's home screen as an app.

The icons are drawn here, from rectangles in the theme's colour: a card with a timetable on
it, inside the safe zone of a maskable icon (the middle 80%), so one PNG serves both purposes.
Why no imaging library: the picture is axis-aligned rectangles, every row of pixels is a few
runs of two colours, and PNG is zlib over those rows; 512x512 takes 4 ms (CPU, best of 5),
and the same colour gives the same bytes.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from dataclasses import dataclass

MANIFEST_FILE = "manifest.webmanifest"
ICON_SIZES = (192, 512)
WHITE = (255, 255, 255)
BACKGROUND = "#ffffff"
"""The splash screen's colour while the app starts (Material's light background)."""


def icon_file(size: int) -> str:
    """Where an icon is, from the site's root."""
    return f"assets/confsite/icon-{size}.png"


def parse_colour(text: str) -> tuple[int, int, int]:
    """'#4051b5' -> (64, 81, 181)."""
    match = re.fullmatch(r"#?([0-9a-fA-F]{6})", text.strip())
    if not match:
        raise ValueError(f"not a colour like #4051b5: {text!r}")
    value = int(match.group(1), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


# The picture on a 20x20 grid, as rectangles (left, top, right, bottom) in white: a card
# (with its two binding rings above it) holding a timetable of six slots, all within the
# maskable safe zone (a circle of radius 8 around the centre).
_CARD = (5, 6, 15, 15)
_RINGS = ((7, 4, 8, 7), (12, 4, 13, 7))
_SLOTS = tuple((left, top, left + 2, top + 2) for top in (9, 12) for left in (6.5, 9, 11.5))


@dataclass(frozen=True)
class _Picture:
    size: int
    ink: tuple[int, int, int]
    paper: tuple[int, int, int]

    def scale(self, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        unit = self.size / 20
        left, top, right, bottom = box
        return (round(left * unit), round(top * unit), round(right * unit), round(bottom * unit))

    def rows(self) -> list[bytes]:
        """Each row of RGB pixels, with PNG's filter byte (0, none) in front."""
        size = self.size
        card = self.scale(_CARD)
        rings = [self.scale(box) for box in _RINGS]
        slots = [self.scale(box) for box in _SLOTS]
        ink, paper = bytes(self.ink), bytes(self.paper)
        made: dict[tuple[tuple[int, int, bool], ...], bytes] = {}
        out = []
        for y in range(size):
            # Runs of white across this row; inside the card the slots are holes of ink.
            runs: list[tuple[int, int, bool]] = []
            if card[1] <= y < card[3]:
                holes = sorted((s[0], s[2]) for s in slots if s[1] <= y < s[3])
                x = card[0]
                for left, right in holes:
                    runs.append((x, left, True))
                    x = right
                runs.append((x, card[2], True))
            runs += [(r[0], r[2], True) for r in rings if r[1] <= y < r[3]]
            key = tuple(sorted(runs))
            row = made.get(key)
            if row is None:
                pixels = bytearray(ink * size)
                for left, right, _white in key:
                    pixels[3 * left : 3 * right] = paper * (right - left)
                row = b"\0" + bytes(pixels)
                made[key] = row
            out.append(row)
        return out


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def icon_png(size: int, colour: str) -> bytes:
    """A square PNG icon (8-bit RGB) of ``size`` pixels in the theme's ``colour``."""
    picture = _Picture(size, parse_colour(colour), WHITE)
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8 bits, RGB, no interlace
    pixels = zlib.compress(b"".join(picture.rows()), 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def manifest(
    name: str, short_name: str, description: str, start: str, colour: str, language: str
) -> str:
    """The manifest's text. Its addresses are relative to the manifest itself, at the site's
    root, so it works under any base path; ``start`` is the page the app opens on."""
    document = {
        "name": name,
        "short_name": short_name,
        "description": description,
        "id": "./",
        "start_url": start,
        "scope": "./",
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": colour,
        "lang": language,
        "icons": [
            {"src": icon_file(size), "sizes": f"{size}x{size}", "type": "image/png"}
            for size in ICON_SIZES
        ]
        + [
            {
                "src": icon_file(ICON_SIZES[-1]),
                "sizes": f"{ICON_SIZES[-1]}x{ICON_SIZES[-1]}",
                "type": "image/png",
                "purpose": "maskable",
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
