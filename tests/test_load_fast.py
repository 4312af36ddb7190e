"""The loader against PyYAML: the values its one constructor builds are the ones PyYAML's own
``SafeConstructor`` builds with the same resolver, and each carries the line of its node.

Large data files are read through shortcuts (a constructor that builds strings, lists and
mappings straight from libyaml's nodes, a keyword shortcut in the resolver, a byte scan bounding
the nesting). Each is held here to the library code it stands in for: on the repository's data
files, on hand-picked corner cases (aliases, merges, tags, limits) and on generated YAML.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, TOY_DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml._yaml import CParser
from yaml.constructor import SafeConstructor
from yaml.resolver import BaseResolver

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import (
    MAX_DEPTH,
    MAX_VALUE_CHARS,
    DataLimitError,
    LineDict,
    LineList,
    _FastLoader,
    _may_nest_deeper_than,
    _nesting_past_limit,
    _Resolver,
    parse_yaml,
)


class _ReferenceConstructor(SafeConstructor):
    pass


_ReferenceConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str
)


class ReferenceLoader(CParser, _ReferenceConstructor, _Resolver):
    """PyYAML's own constructor, with the loader's resolver (dates and 10:30 stay text)."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        _ReferenceConstructor.__init__(self)
        _Resolver.__init__(self)


def shape(value: Any) -> Any:
    """Everything a validator can see of a loaded value: types, values and every line."""
    if isinstance(value, LineDict):
        pairs = [(shape(k), value.key_lines.get(k), shape(v)) for k, v in value.items()]
        return ("map", value.line, pairs, [(shape(k), line) for k, line in value.duplicate_keys])
    if isinstance(value, LineList):
        return ("seq", value.line, value.item_lines, [shape(item) for item in value])
    return (type(value).__name__, repr(value))


def plain(value: Any) -> Any:
    """A loaded value with its types but without lines: what PyYAML's constructor gives."""
    if isinstance(value, dict):
        assert type(value) in (dict, LineDict)
        return ("map", [(plain(k), plain(v)) for k, v in value.items()])
    if isinstance(value, list):
        assert type(value) in (list, LineList)
        return ("seq", [plain(item) for item in value])
    return (type(value).__name__, repr(value))


def construct(loader_class: Any, text: str) -> Any:
    loader = loader_class(text)
    try:
        return ("ok", loader.get_single_data())
    except DataLimitError as exc:
        return ("limit", exc.problem)
    except yaml.constructor.ConstructorError as exc:
        if exc.problem == "a key must be a plain value, not a list or mapping":
            return ("key", exc.problem)
        return ("error", type(exc).__name__)
    except yaml.YAMLError as exc:
        return ("error", type(exc).__name__)
    finally:
        loader.dispose()


def has_a_key_that_is_not_plain(value: Any) -> bool:
    if isinstance(value, dict):
        return any(
            not isinstance(key, str | int | float | bool | None) or has_a_key_that_is_not_plain(v)
            for key, v in value.items()
        )
    if isinstance(value, list):
        return any(has_a_key_that_is_not_plain(item) for item in value)
    return False


def assert_values_are_pyyamls(text: str) -> None:
    ours, reference = construct(_FastLoader, text), construct(ReferenceLoader, text)
    if ours[0] == "limit":
        return  # past a limit of the loader's own, checked in test_reliability_limits
    if ours[0] == "key":  # the loader's own rule: PyYAML takes any hashable key
        assert reference[0] == "error" or has_a_key_that_is_not_plain(reference[1]), text
        return
    assert ours[0] == reference[0], text
    if ours[0] == "ok":
        assert plain(ours[1]) == plain(reference[1]), text
    else:
        assert ours == reference, text


MAP, SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def expected_lines(node: Any, key_of: Any, seen: set[int] | None = None) -> Any:
    """The lines a value must carry, read from its node (for documents without merges): a
    mapping's and a list's own start, each item's start, each key's value's start when the
    value is a scalar and the key's own line when it is a list or mapping. A key given twice
    keeps its first place and its last line, as in a dict."""
    seen = set() if seen is None else seen
    if node.tag not in (MAP, SEQ) or id(node) in seen:
        return None
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        items = [expected_lines(item, key_of, seen) for item in node.value]
        return ("seq", node.start_mark.line + 1, [i.start_mark.line + 1 for i in node.value], items)
    pairs: dict[Any, Any] = {}
    for key, value in node.value:
        line = value if isinstance(value, yaml.ScalarNode) else key
        pairs[key_of(key)] = (line.start_mark.line + 1, expected_lines(value, key_of, seen))
    return ("map", node.start_mark.line + 1, list(pairs.values()))


def carried_lines(value: Any, seen: set[int] | None = None) -> Any:
    seen = set() if seen is None else seen
    if not isinstance(value, LineDict | LineList) or id(value) in seen:
        return None
    seen.add(id(value))
    if isinstance(value, LineList):
        return ("seq", value.line, value.item_lines, [carried_lines(item, seen) for item in value])
    pairs = [(value.key_lines[key], carried_lines(item, seen)) for key, item in value.items()]
    return ("map", value.line, pairs)


def assert_lines_are_the_nodes(text: str) -> None:
    loader = _FastLoader(text)
    reference = ReferenceLoader(text)
    try:
        node = loader.get_single_node()
        value = loader.construct_document(node)
        expected = expected_lines(node, lambda key: reference.construct_object(key, deep=True))
    finally:
        loader.dispose()
        reference.dispose()
    assert carried_lines(value) == expected, text


def data_files() -> list[Path]:
    return sorted((ROOT / "data").rglob("*.yaml")) + sorted(TOY_DATA.glob("*.yaml"))


@pytest.mark.parametrize("path", data_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_constructor_data_files_values_are_pyyamls_with_lines(path: Path) -> None:
    text = path.read_text(encoding="utf-8")

    assert construct(_FastLoader, text)[0] == "ok"
    assert_values_are_pyyamls(text)
    assert_lines_are_the_nodes(text)


CORNER_CASES = [
    "a: 1\nb: [x, 2, 2.5, true, ~, null, '', \"q\"]\nc: {d: e}\n",
    "a: &x {b: 1}\nc: *x\n",  # an alias of a mapping: shared, counted
    "a: &x [1, 2]\nb: [*x, *x]\n",
    "a: &s text\nb: *s\n",  # an alias of a scalar
    "a: &n 5\nb: *n\n",
    "&r [*r]\n",  # a list that contains itself
    "a: &x {b: [*x]}\n",
    "base: &b {x: 1, y: 2}\nmine:\n  <<: *b\n  y: 3\n",  # merge keys
    "mine:\n  <<: [{x: 1}, {y: 2}]\n",
    "mine:\n  <<: 3\n",  # a bad merge
    "a: !!str 12\nb: !!int '7'\nc: !!float 1\nd: !!timestamp 2027-01-01\ne: !!binary aGk=\n",
    "a: !custom x\n",  # an unknown tag
    "a: !!map {b: 1}\nc: !!seq [1]\nd: !!set {x}\ne: !!omap [{a: 1}]\n",
    "a: !!str {b: 1}\n",
    "a: !!map x\n",  # a tag that does not fit its node
    "a: !!seq x\n",
    "a: !!map [1]\n",
    "a: !!seq {b: 1}\n",
    "[a, b]: 1\n",  # a key that is a list
    "{a: 1}: 2\n",
    "? - a\n: x\n",
    "1: one\n2.5: two\ntrue: three\n~: four\n",
    "!!binary aGk=: x\n",
    "!!value v: x\n",
    "a: 1\nb: 2\na: 3\n",  # a duplicate key
    "a:\n  - b\n  -\n    c: d\n  - [e,\n     f]\n",
    "a: |\n  block\n  text\nb: >\n  folded\n",
    "just a string\n",
    "42\n",
    "- 1\n- !!int 2\n",
    "a: " + "x" * (MAX_VALUE_CHARS + 1) + "\n",  # a value over the length limit
    "a: '" + "x" * (MAX_VALUE_CHARS + 1) + "'\n",
    "x" * (MAX_VALUE_CHARS + 1) + ": 1\n",  # a key over the length limit
    "- " * (MAX_DEPTH - 1) + "x\n",
    "- " * MAX_DEPTH + "x\n",
    "- " * MAX_DEPTH + "7\n",
    "- " * (MAX_DEPTH - 1) + "{a: 1}\n",
    "- " * MAX_DEPTH + "{a: 1}\n",  # one level past the depth limit
    "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n",
    "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
    "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 2)) + "  " * (MAX_DEPTH + 2) + "v\n",
]


@pytest.mark.parametrize("text", CORNER_CASES, ids=range(len(CORNER_CASES)))
def test_constructor_corner_case_values_are_pyyamls(text: str) -> None:
    assert_values_are_pyyamls(text)
    if "<<" not in text and construct(_FastLoader, text)[0] == "ok":
        assert_lines_are_the_nodes(text)


@pytest.mark.parametrize("text", CORNER_CASES, ids=range(len(CORNER_CASES)))
def test_constructor_corner_case_is_a_diagnostic_never_a_crash(text: str) -> None:
    diagnostics = Diagnostics()

    root = parse_yaml(text, "f.yaml", diagnostics)

    assert (root is None) == bool(diagnostics.errors)


def test_constructor_merged_keys_carry_the_lines_of_their_values() -> None:
    text = "base: &b\n  x: 1\n  y: 2\nmine:\n  <<: *b\n  y: 3\n"

    root = parse_yaml(text, "f.yaml", Diagnostics())

    mine = root["mine"]
    assert (dict(mine), mine.line, mine.key_lines) == ({"x": 1, "y": 3}, 5, {"x": 2, "y": 6})
    assert mine.duplicate_keys == [("y", 6)]  # a merged key given again, as before


def test_constructor_tag_that_does_not_fit_its_node_is_reported() -> None:
    diagnostics = Diagnostics()

    root = parse_yaml("sponsors:\n  - !!map x\n", "f.yaml", diagnostics)

    assert root is None
    assert [str(d) for d in diagnostics.items] == [
        "f.yaml:2: error: YAML syntax: expected a mapping node, but found scalar; check "
        "indentation, and quote values that contain ':' or start with a special character"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "- " * MAX_DEPTH + "x\n",
        "- " * MAX_DEPTH + "[x]\n",
        "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
        "a:\n" + "".join("  " * i + f"- k{i}:\n" for i in range(1, 40)) + "  " * 40 + "- v\n",
        "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH)) + "  " * MAX_DEPTH + "v\n",
        "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 3)) + "  " * 70 + "v\n",
    ],
)
def test_constructor_depth_limit_is_the_event_count(text: str) -> None:
    """The constructor and the event parser (which guards libyaml's recursion on deeper
    files) agree on how deep is too deep, and where."""
    diagnostics = Diagnostics()

    parse_yaml(text, "f.yaml", diagnostics)

    line = _nesting_past_limit(text)
    assert [d.location.line for d in diagnostics.items] == ([] if line is None else [line])


SCALARS = [
    "abc",
    "Ana María",
    '"quoted: text"',
    "'single'",
    '""',
    "1",
    "-2",
    "+3",
    "0",
    "007",
    "1.5",
    "1e3",
    "1.0e3",
    ".5",
    "1_000",
    "true",
    "False",
    "yes",
    "No",
    "~",
    "null",
    "Null",
    "NULL",
    "nil",
    "10:30",
    "2027-04-12",
    "0x1F",
    "<<",
    "=",
    ".nan",
    "-.inf",
    "t",
    "n",
    "Tom",
    "nothing",
    "~x",
    "!!str 12",
    "!!int '7'",
    "!!float 1",
    "!!bool yes",
    "!!null ''",
    "!!timestamp 2027-01-01",
    "!!binary aGk=",
    "!local x",
    "*a",
    "*b",
]


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> list[str]:
    """Lines of a YAML node: scalars, flow and block collections, anchors, merges, tags."""
    anchor = draw(st.sampled_from(["", "", "", "&a ", "&b "]))
    kind = draw(st.sampled_from(["scalar", "flow", "map", "seq"] if depth < 4 else ["scalar"]))
    if kind == "scalar":
        return [anchor + draw(st.sampled_from(SCALARS))]
    if kind == "flow":
        items = draw(st.lists(st.sampled_from([*SCALARS[:20], "*a", "[x]", "{k: v}"]), max_size=3))
        if draw(st.booleans()):
            return [anchor + "[" + ", ".join(items) + "]"]
        keys = draw(st.lists(st.sampled_from([*SCALARS[:24], "<<"]), min_size=len(items)))
        return [
            anchor
            + "{"
            + ", ".join(f"{k}: {v}" for k, v in zip(keys[: len(items)], items, strict=True))
            + "}"
        ]
    lines = [anchor.strip()] if anchor else []
    for _ in range(draw(st.integers(1, 3))):
        child = draw(documents(depth + 1))
        if kind == "map":
            key = draw(st.sampled_from([*SCALARS[:30], "<<", "<<", "[k]"]))
            head = f"{key}:"
        else:
            head = "-"
        if len(child) == 1 or child[0].startswith("&"):  # a scalar, or an anchored block
            lines.append(f"{head} {child[0]}")
            child = child[1:]
        else:
            lines.append(head)
        lines.extend("  " + line for line in child)
    return lines


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_constructor_generated_documents_values_are_pyyamls(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"

    assert_values_are_pyyamls(text)
    if "<<" not in text and construct(_FastLoader, text)[0] == "ok":
        assert_lines_are_the_nodes(text)


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from([yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode]),
    st.one_of(
        st.sampled_from(SCALARS),
        st.sampled_from(SCALARS).map(lambda value: value + "\n"),  # '$' matches before it
        st.text(max_size=8),
    ),
    st.tuples(st.booleans(), st.booleans()),
)
def test_resolver_shortcut_equals_generic_resolve(kind: Any, value: str, implicit: Any) -> None:
    resolver = _Resolver()

    assert resolver.resolve(kind, value, implicit) == BaseResolver.resolve(
        resolver, kind, value, implicit
    )


def nesting_bound(text: str) -> int:
    """The loader's former bound on nesting, kept as the specification of the fast one."""
    if "[" in text or "{" in text:
        text = re.sub(r"\[[^\[\]{}\n]*\]|\{[^\[\]{}\n]*\}", "", text)
    brackets = text.count("[") + text.count("{")
    indent = max((len(lead) for lead in re.findall(r"^[ \t?:-]+", text, re.M)), default=0)
    return brackets + indent + 1


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="[]{} \t\n?:-ab\r\xe9", max_size=60), st.integers(0, 40))
def test_nesting_check_agrees_with_the_bound(text: str, limit: int) -> None:
    assert _may_nest_deeper_than(text, limit) == (nesting_bound(text) > limit)


@pytest.mark.parametrize("path", data_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_nesting_check_data_files_agree_with_the_bound(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    bound = nesting_bound(text)

    for limit in (bound - 1, bound, MAX_DEPTH, 1_000):
        assert _may_nest_deeper_than(text, limit) == (bound > limit)


class _GenericResolving(_FastLoader):  # type: ignore[misc,valid-type]
    """The loader with PyYAML's own resolver methods instead of the shortcuts."""

    resolve = BaseResolver.resolve
    descend_resolver = BaseResolver.descend_resolver
    ascend_resolver = BaseResolver.ascend_resolver


def composed(loader_class: Any, text: str) -> Any:
    seen: dict[int, int] = {}

    def tree(node: Any) -> Any:
        if id(node) in seen:  # an alias: named by the order it was first met in
            return ("alias", seen[id(node)])
        seen[id(node)] = len(seen)
        if isinstance(node, yaml.ScalarNode):
            return (node.tag, node.value, node.start_mark.line)
        if isinstance(node, yaml.SequenceNode):
            return (node.tag, [tree(item) for item in node.value])
        return (node.tag, [(tree(k), tree(v)) for k, v in node.value])

    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return None if node is None else tree(node)
    except yaml.YAMLError as exc:
        return str(exc)
    finally:
        loader.dispose()


@pytest.mark.parametrize(
    "text",
    [path.read_text(encoding="utf-8") for path in data_files()] + CORNER_CASES[:24],
    ids=[p.name for p in data_files()] + [f"corner{i}" for i in range(24)],
)
def test_resolver_shortcuts_compose_the_same_nodes(text: str) -> None:
    assert composed(_FastLoader, text) == composed(_GenericResolving, text)
