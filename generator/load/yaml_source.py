"""YAML files into plain Python values whose mappings and lists remember their lines.

Why not ``yaml.safe_load``: it forgets positions, and YAML 1.1 reads ``10:30`` as the integer
630 (sexagesimal) and ``2027-04-12`` as a date object. Organizers write times and dates, so this
loader resolves only null, booleans, integers and floats, leaves every other scalar a string,
and lets the validator parse dates and times with messages that point at the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import BaseResolver

from generator.diagnostics import Diagnostics, Location

try:  # libyaml is about 6x faster; fall back to the pure-Python parser where it is missing
    from yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer as _Composer
    from yaml.parser import Parser as _Parser  # type: ignore[assignment]
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _Parser, _Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            _Composer.__init__(self)


class LineDict(dict):
    """A YAML mapping that knows its own line and the line of each key's value."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[Any, int] = {}
        self.duplicate_keys: list[tuple[Any, int]] = []

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A YAML sequence that knows its own line and the line of each item."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Resolver(BaseResolver):
    """Only the scalar types organizers mean: null, true/false, numbers; no dates, no 1:30."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"),
    list("-+0123456789"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])


class _Constructor(SafeConstructor):
    def construct_line_mapping(self, node: yaml.MappingNode):  # type: ignore[no-untyped-def]
        data = LineDict()
        data.line = node.start_mark.line + 1
        yield data
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise ConstructorError(
                    None,
                    None,
                    "a key must be a plain value, not a list or mapping",
                    key_node.start_mark,
                )
            if key in data:
                data.duplicate_keys.append((key, key_node.start_mark.line + 1))
            data[key] = self.construct_object(value_node, deep=True)
            data.key_lines[key] = value_node.start_mark.line + 1
            if value_node.start_mark.line != key_node.start_mark.line and not isinstance(
                value_node, yaml.ScalarNode
            ):
                # A nested block starts on the line after its key; the key is what people look for.
                data.key_lines[key] = key_node.start_mark.line + 1

    def construct_line_sequence(self, node: yaml.SequenceNode):  # type: ignore[no-untyped-def]
        data = LineList()
        data.line = node.start_mark.line + 1
        yield data
        for item in node.value:
            data.append(self.construct_object(item, deep=True))
            data.item_lines.append(item.start_mark.line + 1)


_Constructor.add_constructor("tag:yaml.org,2002:map", _Constructor.construct_line_mapping)
_Constructor.add_constructor("tag:yaml.org,2002:seq", _Constructor.construct_line_sequence)
_Constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


class _Loader(_Parser, _Constructor, _Resolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


try:  # libyaml's parser (yaml.cyaml, not yaml): ~6x faster on thousands of papers
    from yaml.cyaml import CParser

    class _FastLoader(CParser, _Constructor, _Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver.__init__(self)

except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _FastLoader = None  # type: ignore[assignment,misc]


def _load_fast(text: str) -> tuple[bool, Any]:
    """(True, root) when libyaml parses the text; (False, None) to fall back.

    On a syntax error we re-parse with the pure-Python parser: its messages are the clearer
    ones ("expected ',' or ']', but got ':'") and the diagnostics stay the same either way.
    """
    if _FastLoader is None:
        return False, None
    loader = _FastLoader(text)
    try:
        return True, loader.get_single_data()
    except yaml.YAMLError:
        return False, None
    finally:
        loader.dispose()


@dataclass
class YamlDocument:
    """One data file as loaded: its root value (None when unusable) and its path for messages."""

    path: str
    root: Any = None
    problems: Diagnostics = field(default_factory=Diagnostics)


def decode_utf8(data: bytes, path: str, diagnostics: Diagnostics) -> str | None:
    """Bytes to text: UTF-8 with or without a BOM; anything else is reported with its line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        diagnostics.error(
            Location(path, line),
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8; save the file as UTF-8 "
            "(in most editors: 'Save with encoding' -> UTF-8)",
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_yaml(text: str, path: str, diagnostics: Diagnostics) -> Any:
    """Parse YAML text; a syntax error becomes one diagnostic at its line and None is returned."""
    parsed, root = _load_fast(text)
    if parsed:
        return root
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or "invalid YAML"
        context = f" ({exc.context})" if exc.context else ""
        diagnostics.error(
            Location(path, line),
            f"YAML syntax: {what}{context}; check indentation, and quote values that contain "
            "':' or start with a special character",
        )
    except yaml.YAMLError as exc:
        diagnostics.error(Location(path, 0), f"YAML: {exc}")
    finally:
        loader.dispose()
    return None


def load_yaml_file(path: Path, display_path: str, diagnostics: Diagnostics) -> Any:
    """Read and parse one YAML data file, reporting every problem into ``diagnostics``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        diagnostics.error(Location(display_path, 0), f"cannot read the file: {exc.strerror}")
        return None
    text = decode_utf8(data, display_path, diagnostics)
    if text is None:
        return None
    return parse_yaml(text, display_path, diagnostics)
