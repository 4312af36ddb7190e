"""How deep a YAML text nests, found before parsing it (deep enough input crashes libyaml):
a cheap bound on the text first, the parser's events counted only when the bound is passed."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from generator.load.limits import _UNCHECKED_DEPTH, MAX_DEPTH


class _PythonEvents(Reader, Scanner, Parser):
    """PyYAML's pure-Python event parser, where PyYAML was built without libyaml."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


try:  # libyaml's parser (yaml._yaml, not yaml, which does not export it): ~6x faster
    from yaml._yaml import CParser

    _EventParser: Any = CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _EventParser = _PythonEvents


_BRACKETS_AND_NEWLINES = b"[]{}\n"
_NOT_BRACKETS_OR_NEWLINES = bytes(b for b in range(256) if b not in _BRACKETS_AND_NEWLINES)
_LEAD_CHARACTERS = " \t?:-"
_LEAD = "[ \t?:-]"
"""Characters that can open a nesting level at the start of a line (indentation, '- ', '? ')."""
_LINE_STARTING_WITH_FLOW = re.compile(rf"\n{_LEAD}*[\[{{][^\n]*")
_FLAT_FLOW = re.compile(r"\[[^\[\]{}\n]*\]|\{[^\[\]{}\n]*\}")


def _may_nest_deeper_than(text: str, limit: int) -> bool:
    """False when ``text`` surely nests at most ``limit`` levels: every level needs a bracket
    or a character of indentation, so openers plus the widest line lead bound the depth.

    Flow lists closed on their own line without nesting ('topics: [a, b]') add no depth and
    are not counted. Large files are scanned as bytes (a UTF-8 sequence holds no ASCII byte):
    ~3x faster than substituting the flat flows away and measuring every line's lead.

    Why not let libyaml's event parser count the levels of every file (it is what decides
    when this cannot): the data files of 5,000 synthetic papers cost 0.23 s that way and
    0.05 s this way (CPU, best of 5; bench/SHORTCUTS.md).
    """
    skeleton = text.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS_OR_NEWLINES)
    # A flat flow is an opener whose next bracket or newline closes it: '[]' or '{}' here.
    flat = skeleton.count(b"[]") + skeleton.count(b"{}")
    brackets = skeleton.count(b"[") + skeleton.count(b"{") - flat
    widest = limit - brackets  # the bound passes the limit iff a line's lead is this wide
    if widest < 0:
        return True
    # A flat flow is never inside a line's lead, so removing them only widens leads it
    # starts: lines opening with a flow are measured after removing them, the others as is.
    lines = "\n" + text  # every line after a newline: patterns starting with one scan fast
    if re.search(rf"\n{_LEAD}{{{widest}}}", lines):
        return True
    return any(
        _lead_width(_FLAT_FLOW.sub("", line)[1:]) >= widest
        for line in _LINE_STARTING_WITH_FLOW.findall(lines)
    )


def _lead_width(line: str) -> int:
    """How many characters of ``_LEAD`` the line starts with."""
    return len(line) - len(line.lstrip(_LEAD_CHARACTERS))


def _too_deep(text: str) -> int | None:
    """The line where nesting passes MAX_DEPTH, or None; counts parser events, no recursion.

    libyaml's composer recurses in C and crashes the interpreter on a few thousand levels, so
    text that might nest deeply is checked with the (iterative) event parser first.
    """
    if not _may_nest_deeper_than(text, _UNCHECKED_DEPTH):
        return None
    return _nesting_past_limit(text)


def _nesting_past_limit(text: str) -> int | None:
    """The line of the first list or mapping nested more than MAX_DEPTH levels deep (the
    top level is level 1), counted from the parser's events; None when there is none."""
    parser = _EventParser(text)
    depth = 0
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1 if event.start_mark else 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        # PyYAML >= 6.0.4 stops deep flow nesting in its scanner: the same problem, same place.
        if exc.problem and "nesting depth" in exc.problem and exc.problem_mark:
            return exc.problem_mark.line + 1
        return None  # a syntax error: the real parse reports it
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()
    return None
