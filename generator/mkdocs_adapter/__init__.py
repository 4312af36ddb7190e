"""The MkDocs adapter: the only package that imports MkDocs.

- ``plugin``: the ``conference`` plugin's hooks (what mkdocs.yml names);
- ``framed``: the pages MkDocs does not build itself, written through frames;
- ``internals``: the one function that calls MkDocs' private API;
- ``build``: ``confsite build``, a build published atomically (generator/publish.py);
- ``serve``: ``confsite serve``, the live preview.

What does not depend on the engine (options, publishing, front matter, assets, the facts on
the home page, the rule against replacing a hand-written page) lives outside this package
(generator/options.py, publish.py, site_common.py), for any other site builder to use.
"""
