"""`confsite synth`: a deterministic synthetic conference that passes check and builds."""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from pathlib import Path

from conftest import build_site, run_confsite

from generator import synth
from generator.progress import Progress
from generator.validate import load_and_validate


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_synth_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        result = run_confsite(
            "synth", "--papers", "40", "--out", str(tmp_path / name), "--seed", str(seed)
        )
        assert result.returncode == 0, result.stderr
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a")["papers.yaml"] != _digest(tmp_path / "c")["papers.yaml"]


def test_synth_not_a_tty_prints_one_summary_line(tmp_path: Path) -> None:
    result = run_confsite("synth", "--papers", "30", "--out", str(tmp_path / "d"))
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1
    assert "synthetic conference of 30 papers (seed 0)" in result.stderr
    assert "\r" not in result.stderr


def test_synth_output_passes_check_strict(tmp_path: Path) -> None:
    synth.write(tmp_path, 50, seed=3)
    result = run_confsite("check", "--strict", "--data", str(tmp_path))
    assert result.returncode == 0, result.stderr


def test_synth_shape_matches_a_large_conference(tmp_path: Path) -> None:
    synth.write(tmp_path, 400, seed=1)
    data, diagnostics = load_and_validate(tmp_path)
    assert data is not None and not diagnostics.errors and not diagnostics.warnings
    assert len(data.papers) == 400
    assert len(data.program_committee) == 40
    assert {m.area.value for m in data.program_committee} == {"systems", "ml"}
    assert len(data.days) == 5
    sessions = [s for s in data.sessions if s.kind.value == "papers"]
    sizes = Counter(p.session_id for p in data.papers)
    assert max(sizes.values()) == 8 and len(sessions) == 50
    for day in data.days:
        starts = Counter(s.start for s in day.sessions if s.kind.value == "papers")
        assert max(starts.values()) <= 10
    assert sum(1 for s in data.sessions if s.kind.value == "keynote") == 5
    # Authors are reused with a skew: someone is on many papers, most people on one or two.
    per_author = Counter(a.name.slug for p in data.papers for a in p.authors)
    assert per_author.most_common(1)[0][1] >= 10
    assert sorted(per_author.values())[len(per_author) // 2] <= 2
    assert all(a.affiliation for p in data.papers for a in p.authors)
    words = [len(p.abstract.source.split()) for p in data.papers]
    assert 130 <= sum(words) / len(words) <= 190
    abstracts = " ".join(p.abstract.source for p in data.papers)
    assert "$" in abstracts and "naïve" in abstracts
    assert any(not a.name.full.isascii() for p in data.papers for a in p.authors)
    assert len(data.bib_entries) == 400
    assert "{\\" in (tmp_path / "proceedings.bib").read_text(encoding="utf-8")


def test_synth_output_builds_with_mkdocs_strict(tmp_path: Path) -> None:
    synth.write(tmp_path / "data", 30, seed=2)
    result = build_site(tmp_path / "data", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "papers" / "p00030" / "index.html").is_file()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_counts_on_a_terminal_and_nothing_elsewhere() -> None:
    terminal, log = _Terminal(), io.StringIO()
    for stream in (terminal, log):
        bar = Progress("pages", 3, stream=stream)
        for _ in range(3):
            bar.advance()
        bar.close()
    assert terminal.getvalue().endswith("\rpages [" + "#" * 30 + "] 3/3\n")
    assert log.getvalue() == ""
