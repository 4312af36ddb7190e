"""The YAML resolver of the data files: which plain scalars are keywords or numbers."""

from __future__ import annotations

import operator
import re
from typing import Any

import yaml
from yaml.resolver import BaseResolver


class _Resolver(BaseResolver):
    """Only the scalar types organizers mean: null, true/false, numbers; no dates, no 1:30.

    Two shortcuts over PyYAML's resolver methods (same tags, held to them by the tests):
    ``resolve`` answers most scalars without its regular expressions, and the path-resolver
    hooks are C no-ops. Parsing the data files of 5,000 synthetic papers with libyaml: 0.45 s
    with PyYAML's methods, 0.36 s with these (CPU, best of 5; bench/SHORTCUTS.md).
    """

    # The parser calls these around every node, for path resolvers, of which this resolver
    # has none: no-ops written in C instead of Python methods.
    # As class attributes, builtins are not bound: is_(parent, index) and tuple() are called.
    descend_resolver = operator.is_  # type: ignore[assignment]
    ascend_resolver = tuple  # type: ignore[assignment]

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # libyaml calls this for every scalar (hundreds of thousands in a large papers.yaml).
        # A quoted scalar is a string; a plain one is a keyword, or a string unless it starts
        # like a number: answered without the generic lookup and its regular expressions.
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return _STR_TAG
            tag = _KEYWORD_TAGS.get(value)
            if tag is not None:
                return tag
            if value[0] not in _NUMBER_FIRST_CHARACTERS and value[-1] != "\n":
                return _STR_TAG  # ('$' in the patterns below also matches before a final \n)
        elif kind is yaml.MappingNode:
            return _MAP_TAG
        elif kind is yaml.SequenceNode:
            return _SEQ_TAG
        return super().resolve(kind, value, implicit)


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
_BOOL, _NULL = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"
_KEYWORD_TAGS = {
    **dict.fromkeys(("true", "True", "TRUE", "false", "False", "FALSE"), _BOOL),
    **dict.fromkeys(("~", "null", "Null", "NULL", ""), _NULL),
    "<<": "tag:yaml.org,2002:merge",
}
"""Every plain scalar the patterns above match that does not start like a number."""
_NUMBER_FIRST_CHARACTERS = frozenset("-+0123456789")


_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
