"""YAML files into plain Python values whose mappings and lists remember their lines.

Why not ``yaml.safe_load``: it forgets positions, and YAML 1.1 reads ``10:30`` as the integer
630 (sexagesimal) and ``2027-04-12`` as a date object. Organizers write times and dates, so this
loader resolves only null, booleans, integers and floats, leaves every other scalar a string,
and lets the validator parse dates and times with messages that point at the line.

Data comes from many hands, so the loader also bounds what a file can cost (size, nesting,
alias expansion, merged keys, one value's length): a hostile or broken file gets a clear error
at its line instead of a hang, a memory blow-up or a crash in the C parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml
from yaml.composer import Composer
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.parser import Parser
from yaml.reader import Reader, ReaderError
from yaml.scanner import Scanner

from generator.diagnostics import Diagnostics, Location
from generator.load.encoding import decode_utf8 as decode_utf8
from generator.load.encoding import read_data_file
from generator.load.limits import (
    _UNCHECKED_DEPTH as _UNCHECKED_DEPTH,
)
from generator.load.limits import (
    MAX_DEPTH,
    MAX_EXPANDED_VALUES,
    MAX_MERGED_KEYS,
    MAX_VALUE_CHARS,
)
from generator.load.limits import (
    MAX_FILE_BYTES as MAX_FILE_BYTES,
)
from generator.load.yaml_depth import _may_nest_deeper_than as _may_nest_deeper_than
from generator.load.yaml_depth import _nesting_past_limit as _nesting_past_limit
from generator.load.yaml_depth import _too_deep
from generator.load.yaml_resolve import _MAP_TAG, _SEQ_TAG, _STR_TAG
from generator.load.yaml_resolve import _Resolver as _Resolver


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


class DataLimitError(ConstructorError):
    """A file exceeds one of the loader's limits; ``problem`` says which and what to do."""


def _limit(message: str, mark: Any) -> DataLimitError:
    return DataLimitError(None, None, message, mark)


def _too_long(node: yaml.Node) -> DataLimitError:
    return _limit(
        f"this value is {len(node.value):,} characters long; the limit is "
        f"{MAX_VALUE_CHARS:,} (is it the right text, or several pasted together?)",
        node.start_mark,
    )


class _Constructor(SafeConstructor):
    """Builds a document's values: LineDict, LineList, strings and the few scalar types the
    resolver gives, within the limits above. The one constructor of the loader.

    Strings, mappings and sequences (nearly all a data file holds) are built here in one pass
    over the nodes; anything else (numbers, booleans, null, other tags) goes to PyYAML's
    constructors, whose children come back through ``construct_object``. Why not PyYAML's
    ``construct_object`` for every node, with line-recording constructors registered for
    ``map`` and ``seq`` (its documented extension point): it costs a tag lookup, bookkeeping
    and a generator per value. papers.yaml of 5,000 synthetic papers, composed nodes to
    values: 0.41 s that way, 0.19 s here (CPU, best of 5; bench/SHORTCUTS.md).
    """

    yaml_constructors: ClassVar[dict[str | None, Any]] = {
        **SafeConstructor.yaml_constructors,
        # An explicit '!!timestamp 2027-01-01' stays text, as every date does.
        "tag:yaml.org,2002:timestamp": SafeConstructor.construct_yaml_str,
    }

    def __init__(self) -> None:
        super().__init__()
        self._depth = 0
        self._expanded = 0
        self._sizes: dict[int, int] = {}

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        tag = node.tag
        if node.__class__ is yaml.ScalarNode:
            if tag != _STR_TAG:  # a number, boolean, null or tagged scalar
                return super().construct_object(node, deep)
            if len(node.value) > MAX_VALUE_CHARS:
                raise _too_long(node)
            return node.value
        if node in self.constructed_objects:
            # An alias of a list or mapping: shared here, but every consumer walks it again.
            self._expanded += self._size(node)
            if self._expanded > MAX_EXPANDED_VALUES:
                raise _limit(
                    f"aliases (*name) of the anchor on this line expand the data to more than "
                    f"{MAX_EXPANDED_VALUES:,} values; write the values out instead",
                    node.start_mark,
                )
            return self.constructed_objects[node]
        if node in self.recursive_objects:
            raise _limit("this list or mapping contains itself through an alias", node.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _limit(
                    f"lists and mappings nest more than {MAX_DEPTH} levels deep here; "
                    "data files need a handful",
                    node.start_mark,
                )
            if tag == _MAP_TAG:
                if node.__class__ is not yaml.MappingNode:
                    raise _misfit(node, "mapping")
                self.recursive_objects[node] = None  # until built: an alias inside is a cycle
                data: Any = self._mapping(node)
            elif tag == _SEQ_TAG:
                if node.__class__ is not yaml.SequenceNode:
                    raise _misfit(node, "sequence")
                self.recursive_objects[node] = None
                data = self._sequence(node)
            else:
                return super().construct_object(node, deep)
            del self.recursive_objects[node]
        finally:
            self._depth -= 1
        self.constructed_objects[node] = data
        return data

    def _mapping(self, node: yaml.MappingNode) -> LineDict:
        data = LineDict()
        data.line = node.start_mark.line + 1
        for key_node, _ in node.value:
            if key_node.tag in _FLATTENED_KEY_TAGS:
                self.flatten_mapping(node)  # '<<: *base' merges
                break
        scalar, text_tag, longest = yaml.ScalarNode, _STR_TAG, MAX_VALUE_CHARS  # locals: faster
        key_lines = data.key_lines
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.__class__ is not scalar or key_node.tag != text_tag or len(key) > longest:
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
            if value_node.__class__ is scalar:
                value = value_node.value
                if value_node.tag != text_tag or len(value) > longest:
                    value = self.construct_object(value_node, deep=True)
                data[key] = value
                key_lines[key] = value_node.start_mark.line + 1
            else:
                data[key] = self.construct_object(value_node, deep=True)
                # A nested block starts on the line after its key; the key is what people look for.
                key_lines[key] = key_node.start_mark.line + 1
        return data

    def _sequence(self, node: yaml.SequenceNode) -> LineList:
        data = LineList()
        data.line = node.start_mark.line + 1
        items = node.value
        data.extend([self.construct_object(item, deep=True) for item in items])
        data.item_lines = [item.start_mark.line + 1 for item in items]
        return data

    def _size(self, root: yaml.Node) -> int:
        """How many values ``root`` stands for with every alias expanded (memoised, iterative)."""
        stack: list[tuple[yaml.Node, bool]] = [(root, False)]
        open_nodes: set[int] = set()  # on the current path: meeting one again is a cycle
        while stack:
            node, children_done = stack.pop()
            children = _children(node)
            if children_done:
                open_nodes.discard(id(node))
                total = 1 + sum(self._sizes[id(child)] for child in children)
                self._sizes[id(node)] = min(total, MAX_EXPANDED_VALUES + 1)
            elif id(node) in open_nodes:
                raise _limit(
                    "this list or mapping contains itself through an alias", node.start_mark
                )
            elif id(node) not in self._sizes:
                open_nodes.add(id(node))
                stack.append((node, True))
                stack.extend((child, False) for child in children if id(child) not in self._sizes)
        return self._sizes[id(root)]

    def construct_scalar(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode) and len(node.value) > MAX_VALUE_CHARS:
            raise _too_long(node)
        return super().construct_scalar(node)  # type: ignore[arg-type]

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        super().flatten_mapping(node)  # calls this method again for each merged mapping
        if len(node.value) > MAX_MERGED_KEYS:
            raise _limit(
                f"'<<:' merges give this mapping more than {MAX_MERGED_KEYS:,} keys",
                node.start_mark,
            )


def _misfit(node: yaml.Node, expected: str) -> ConstructorError:
    """A '!!map' or '!!seq' tag on a node of another kind, worded as PyYAML words it."""
    found = getattr(node, "id", "node")  # 'scalar', 'sequence' or 'mapping'
    message = f"expected a {expected} node, but found {found}"
    return ConstructorError(None, None, message, node.start_mark)


_FLATTENED_KEY_TAGS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")
"""Keys that PyYAML's ``flatten_mapping`` rewrites: a merge ('<<') and a '=' value key."""


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


class _PythonLoader(Reader, Scanner, Parser, Composer, _Constructor, _Resolver):
    """PyYAML's pure-Python parser with this constructor and resolver: several times slower
    than libyaml, used to word a syntax error (its messages are the clearer ones)."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


try:  # libyaml's parser (yaml._yaml, not yaml, which does not export it): ~6x faster
    from yaml._yaml import CParser

    class _FastLoader(CParser, _Constructor, _Resolver):
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
    except DataLimitError:
        raise  # the pure-Python parser would find the same, only slower
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


def parse_yaml(text: str, path: str, diagnostics: Diagnostics) -> Any:
    """Parse YAML text; a syntax error becomes one diagnostic at its line and None is returned."""
    deep_line = _too_deep(text)
    if deep_line is not None:
        diagnostics.error(
            Location(path, deep_line),
            f"lists and mappings nest more than {MAX_DEPTH} levels deep here; data files need "
            "a handful",
        )
        return None
    try:
        parsed, root = _load_fast(text)
        if parsed:
            return root
        return _load_slow(text)
    except DataLimitError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        diagnostics.error(Location(path, line), str(exc.problem))
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
    except ReaderError as exc:
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        diagnostics.error(
            Location(path, text.count("\n", 0, exc.position) + 1),
            f"the character U+{ord(character):04X} is not allowed in YAML (an invisible control "
            "character, often pasted from a PDF or a word processor); delete it",
        )
    except yaml.YAMLError as exc:
        diagnostics.error(Location(path, 1), f"YAML: {exc}")
    except RecursionError:  # a backstop: _too_deep should have caught it
        diagnostics.error(Location(path, 1), "lists and mappings nest too deeply")
    return None


def _load_slow(text: str) -> Any:
    loader = _PythonLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def load_yaml_file(path: Path, display_path: str, diagnostics: Diagnostics) -> Any:
    """Read and parse one YAML data file, reporting every problem into ``diagnostics``."""
    text = read_data_file(path, display_path, diagnostics)
    if text is None:
        return None
    return parse_yaml(text, display_path, diagnostics)
