"""generator/diagnostics.py: problems as data, printed GNU style."""

from __future__ import annotations

from generator.diagnostics import Diagnostic, Diagnostics, Location, Severity, did_you_mean, known


def test_diagnostic_str_is_gnu_style() -> None:
    diagnostic = Diagnostic(Location("data/papers.yaml", 42), Severity.ERROR, "bad")

    assert str(diagnostic) == "data/papers.yaml:42: error: bad"


def test_diagnostic_str_without_line_omits_it() -> None:
    diagnostic = Diagnostic(Location("data", 0), Severity.WARNING, "odd")

    assert str(diagnostic) == "data: warning: odd"


def test_diagnostics_sorted_by_path_line_message_and_deduplicated() -> None:
    diagnostics = Diagnostics()
    diagnostics.error_at("b.yaml", 1, "x")
    diagnostics.error_at("a.yaml", 10, "y")
    diagnostics.warning(Location("a.yaml", 2), "z")
    diagnostics.error_at("a.yaml", 10, "y")

    lines = [str(d) for d in diagnostics.sorted()]

    assert lines == ["a.yaml:2: warning: z", "a.yaml:10: error: y", "b.yaml:1: error: x"]


def test_diagnostics_errors_and_warnings_are_split() -> None:
    diagnostics = Diagnostics()
    diagnostics.warning(Location("a.yaml", 1), "w")

    assert (diagnostics.has_errors(), len(diagnostics.warnings), diagnostics.errors) == (
        False,
        1,
        [],
    )


def test_did_you_mean_close_match() -> None:
    assert did_you_mean("afiliation", ["name", "affiliation"]) == " (did you mean 'affiliation'?)"


def test_did_you_mean_ignores_case() -> None:
    assert did_you_mean("ML", ["systems", "ml"]) == " (did you mean 'ml'?)"


def test_did_you_mean_nothing_close_is_empty() -> None:
    assert did_you_mean("zzz", ["systems", "ml"]) == ""


def test_known_lists_sorted_and_truncates() -> None:
    assert known(["b", "a"]) == "known: a, b"
    assert known([str(i) for i in range(10)], limit=3) == "known: 0, 1, 2, ... (7 more)"


def test_known_empty_says_none_defined() -> None:
    assert known([]) == "none are defined"
