"""generator/offline.py and exporters/manifest.py: the build version, what the worker keeps,
the manifest and its icons."""

from __future__ import annotations

import json
import math
import re
import shutil
import struct
import zlib
from pathlib import Path

from conftest import EXAMPLE_DATA, ROOT, TOY_DATA

from generator import offline
from generator.build import build_outputs
from generator.exporters import manifest
from generator.outputs import SiteFacts


def pixels(png: bytes) -> tuple[int, list[bytes]]:
    """(size, rows of RGB bytes) of an 8-bit RGB PNG without filters, as icon_png writes."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert (width, depth, colour) == (height, 8, 2)
    data, at = b"", 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, body = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        assert struct.unpack(">I", png[at + 8 + length : at + 12 + length])[0] == zlib.crc32(
            kind + body
        )
        if kind == b"IDAT":
            data += body
        at += 12 + length
    raw = zlib.decompress(data)
    stride = 1 + 3 * width
    rows = [raw[y * stride : (y + 1) * stride] for y in range(height)]
    assert all(row[0] == 0 for row in rows)
    return width, [row[1:] for row in rows]


def test_icon_is_the_theme_colour_with_its_picture_inside_the_maskable_safe_zone() -> None:
    for size in manifest.ICON_SIZES:
        width, rows = pixels(manifest.icon_png(size, "#4051b5"))
        assert width == size
        ink = bytes((0x40, 0x51, 0xB5))
        white = [
            (x, y)
            for y, row in enumerate(rows)
            for x in range(size)
            if row[3 * x : 3 * x + 3] != ink
        ]
        assert white, "the picture is drawn"
        assert {rows[y][3 * x : 3 * x + 3] for x, y in white} == {b"\xff\xff\xff"}
        centre = size / 2
        # A maskable icon may be cut to a circle of 40% of its size around the centre.
        assert max(math.dist((x + 0.5, y + 0.5), (centre, centre)) for x, y in white) < 0.4 * size


def test_same_colour_same_bytes_other_colour_other_bytes() -> None:
    assert manifest.icon_png(192, "#4051b5") == manifest.icon_png(192, "4051B5")
    assert manifest.icon_png(192, "#4051b5") != manifest.icon_png(192, "#e92063")


def test_build_version_follows_every_input_and_nothing_else(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(TOY_DATA, data)
    first = offline.build_version([data], ["mkdocs==1.6.1"])
    (data / "__pycache__").mkdir()
    (data / "__pycache__" / "x.pyc").write_bytes(b"\0")
    (data / ".releases.yaml.new").write_text("half written", encoding="utf-8")

    assert offline.build_version([data], ["mkdocs==1.6.1"]) == first
    assert offline.build_version([data], ["mkdocs==1.6.2"]) != first
    papers = data / "papers.yaml"
    papers.write_text(papers.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert offline.build_version([data], ["mkdocs==1.6.1"]) != first
    assert re.fullmatch(r"[0-9a-f]{16}", first)


def test_worker_keeps_the_program_and_the_agenda_from_the_page_plan() -> None:
    result = build_outputs(EXAMPLE_DATA)
    assert result.offline is not None

    text = offline.service_worker(result.offline, "0123456789abcdef", ["b.css", "a.js", "b.css"])
    site = json.loads(re.search(r"^var SITE = (.*);$", text, re.M).group(1))  # type: ignore[union-attr]

    assert site == {
        "version": "0123456789abcdef",
        "program": "program/",
        "agenda": "program/my-agenda/",
        "pages": ["", "program/", "program/my-agenda/", "program/agenda.json"],
        "assets": ["a.js", "b.css"],
    }
    paths = {page.uri.removesuffix("index.md") for page in result.pages} | {""}
    assert {"", "program/"} <= paths
    assert "@SITE@" not in text


def test_page_assets_are_the_sites_own_files_from_the_root() -> None:
    html = (
        '<link rel="stylesheet" href="../../assets/a.css"><link rel="icon" href="../../f.png">'
        '<link rel="alternate" href="../../changes.xml"><script src="../../assets/b.js"></script>'
        '<script src="https://cdn.example/x.js"></script><link rel="manifest" '
        'href="../../manifest.webmanifest"><script>inline()</script>'
    )

    assert offline.page_assets(html, "papers/p1/") == [
        "assets/a.css",
        "assets/b.js",
        "f.png",
        "manifest.webmanifest",
    ]


def test_manifest_is_relative_to_itself_and_names_the_edition() -> None:
    result = build_outputs(TOY_DATA)
    assert result.offline is not None and result.site is not None
    files = offline.app_files(result.site, result.offline, "#4051b5", "de")

    assert [f.uri for f in files] == [
        "manifest.webmanifest",
        "assets/confsite/icon-192.png",
        "assets/confsite/icon-512.png",
    ]
    document = json.loads(str(files[0].content))
    assert (document["name"], document["short_name"]) == ("ToyConf 2030", "ToyConf 2030")
    assert (document["start_url"], document["scope"], document["id"]) == ("program/", "./", "./")
    assert (document["lang"], document["theme_color"], document["display"]) == (
        "de",
        "#4051b5",
        "standalone",
    )
    assert [i["src"] for i in document["icons"]] == [
        "assets/confsite/icon-192.png",
        "assets/confsite/icon-512.png",
        "assets/confsite/icon-512.png",
    ]


def test_site_facts_reach_the_manifest_escaped_by_json() -> None:
    site = SiteFacts(name='A "quoted" </script> name', url="https://x.org/", description="d")
    text = manifest.manifest(site.name, site.name, "d", "program/", "#000000", "en")
    assert json.loads(text)["name"] == 'A "quoted" </script> name'


def test_theme_colour_is_the_palettes_primary_in_materials_stylesheet() -> None:
    from mkdocs.config import load_config

    from generator import plugin_offline

    theme = load_config(str(ROOT / "mkdocs.yml")).theme
    assert plugin_offline.theme_colour(theme) == "#4051b5"  # indigo, as mkdocs.yml says
    theme["palette"] = {"primary": "deep orange"}
    assert plugin_offline.theme_colour(theme) == "#ff6e42"
    theme["palette"] = {"primary": "black"}
    assert plugin_offline.theme_colour(theme) == "#000000"
    theme["palette"] = {"primary": "custom"}  # set by the site's own CSS: Material's default
    assert plugin_offline.theme_colour(theme) == plugin_offline.FALLBACK_COLOUR
