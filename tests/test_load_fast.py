"""The loader's fast paths give what the generic ones give, errors included.

Large data files are read through shortcuts (a string-only resolver shortcut, values built
straight from libyaml's nodes, a byte scan bounding the nesting). Each is compared here with
the generic code it stands in for: on the repository's data files, on hand-picked corner
cases (aliases, merges, tags, limits) and on generated YAML.
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
from yaml.constructor import BaseConstructor
from yaml.resolver import BaseResolver

from generator.load.yaml_source import (
    MAX_DEPTH,
    LineDict,
    LineList,
    _FastLoader,
    _may_nest_deeper_than,
    _Resolver,
)

pytestmark = pytest.mark.skipif(_FastLoader is None, reason="PyYAML built without libyaml")


def shape(value: Any) -> Any:
    """Everything a validator can see of a loaded value: types, values and every line."""
    if isinstance(value, LineDict):
        pairs = [(shape(k), value.key_lines.get(k), shape(v)) for k, v in value.items()]
        return ("map", value.line, pairs, [(shape(k), line) for k, line in value.duplicate_keys])
    if isinstance(value, LineList):
        return ("seq", value.line, value.item_lines, [shape(item) for item in value])
    return (type(value).__name__, repr(value))


def construct(text: str, generic: bool) -> Any:
    """The document as the fast constructor or the generic one builds it, or its error."""
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        return ("syntax", str(exc))
    try:
        if node is None:
            return ("empty",)
        build = BaseConstructor.construct_document if generic else loader.construct_document
        return ("ok", shape(build(loader, node) if generic else build(node)))
    except Exception as exc:  # the error itself is what is compared
        return ("error", type(exc).__name__, str(exc))
    finally:
        loader.dispose()


def assert_same(text: str) -> None:
    assert construct(text, generic=False) == construct(text, generic=True), text


def data_files() -> list[Path]:
    return sorted((ROOT / "data").glob("*.yaml")) + sorted(TOY_DATA.glob("*.yaml"))


@pytest.mark.parametrize("path", data_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fast_constructor_data_files_equal_generic(path: Path) -> None:
    text = path.read_text(encoding="utf-8")

    loader = _FastLoader(text)
    plain = loader._plain_value(loader.get_single_node(), 1, set())  # no fallback needed

    assert ("ok", shape(plain)) == construct(text, generic=True)
    assert_same(text)


CORNER_CASES = [
    "a: 1\nb: [x, 2, 2.5, true, ~, null, '', \"q\"]\nc: {d: e}\n",
    "a: &x {b: 1}\nc: *x\n",  # an alias of a mapping: shared, counted
    "a: &x [1, 2]\nb: [*x, *x]\n",
    "a: &s text\nb: *s\n",  # an alias of a scalar
    "&r [*r]\n",  # a list that contains itself
    "base: &b {x: 1, y: 2}\nmine:\n  <<: *b\n  y: 3\n",  # merge keys
    "mine:\n  <<: [{x: 1}, {y: 2}]\n",
    "mine:\n  <<: 3\n",  # a bad merge
    "a: !!str 12\nb: !!int '7'\nc: !!float 1\nd: !!timestamp 2027-01-01\ne: !!binary aGk=\n",
    "a: !custom x\n",  # an unknown tag
    "a: !!map {b: 1}\nc: !!seq [1]\nd: !!set {x}\ne: !!omap [{a: 1}]\n",
    "a: !!str {b: 1}\n",
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
    "a: " + "x" * 200_001 + "\n",  # a value over the length limit
    "a: '" + "x" * 200_001 + "'\n",
    "x" * 200_001 + ": 1\n",  # a key over the length limit
    "- " * 63 + "x\n",
    "- " * 64 + "x\n",  # one level past the depth limit
    "- " * 63 + "7\n",
    "- " * 63 + "{a: 1}\n",
    "[" * 64 + "]" * 64 + "\n",
    "[" * 65 + "]" * 65 + "\n",
    "".join("  " * i + f"k{i}:\n" for i in range(66)) + "  " * 66 + "v\n",
]


@pytest.mark.parametrize("text", CORNER_CASES, ids=range(len(CORNER_CASES)))
def test_fast_constructor_corner_case_equals_generic(text: str) -> None:
    assert_same(text)


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
def test_fast_constructor_generated_documents_equal_generic(lines: list[str]) -> None:
    assert_same("\n".join(lines) + "\n")


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
