"""confsite: the SysML conference website generator.

The pipeline is one straight road: load -> validate -> model -> views -> pages and exporters,
and an MkDocs adapter (``generator.mkdocs_adapter``) at the very end. Only the adapter imports
MkDocs.
"""

__version__ = "0.1.0"
