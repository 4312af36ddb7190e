"""Where each kind of page lives, as links relative to the page that links to it.

Relative links keep the site working under any base path (GitHub Pages project sites, a
local folder, a mirror) and are what MkDocs itself writes.
"""

from __future__ import annotations

from dataclasses import dataclass


def page_uri(path: str) -> str:
    """Source uri of a page served at ``path/`` ('papers/p1' -> 'papers/p1/index.md')."""
    return f"{path}/index.md" if path else "index.md"


@dataclass(frozen=True)
class Urls:
    """Links from one page; ``depth`` is how many folders below the site root it is served."""

    depth: int

    @classmethod
    def for_path(cls, path: str) -> Urls:
        return cls(depth=len([p for p in path.split("/") if p]))

    @property
    def root(self) -> str:
        return "../" * self.depth

    def to(self, path: str) -> str:
        """A link to a site path such as 'program/' or 'papers/p1.bib'."""
        return (self.root + path) or "./"

    def paper(self, paper_id: str) -> str:
        return self.to(f"papers/{paper_id}/")

    def session(self, session_id: str) -> str:
        return self.to(f"program/#{session_id}")

    def speaker(self, speaker_id: str) -> str:
        return self.to(f"speakers/{speaker_id}/")

    def author(self, slug: str) -> str:
        return self.to(f"authors/{slug}/")
