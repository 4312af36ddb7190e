"""DOIs as papers.yaml holds them (10.NNNN/suffix), from any way a source writes them."""

from __future__ import annotations

import re
from urllib.parse import unquote

_PREFIX = re.compile(
    r"^(?:doi\s*:\s*|(?:https?://)?(?:dx\.)?doi\.org/|(?:https?://)?doi\.acm\.org/|"
    r"(?:https?://)?(?:www\.)?doi\.org/)",
    re.IGNORECASE,
)
_DOI = re.compile(r"10\.\d{4,9}/\S+\Z")


def normalise_doi(value: str) -> str:
    """'http://doi.acm.org/10.1145/1', 'https://dx.doi.org/10.1/x', 'doi:10.1/x' -> '10.1.../...'.

    Resolver URLs percent-encode some characters of the suffix ('10.1002/(SICI)%2F...'); they
    are decoded, since the DOI itself is the decoded form. A value that is not a DOI in any of
    these spellings is returned stripped, unchanged, for the check to report.
    """
    text = value.strip()
    stripped = _PREFIX.sub("", text, count=1).strip()
    if stripped != text:
        stripped = unquote(stripped)
    return stripped if _DOI.match(stripped) else text
