"""The Zensical adapter: the same site built by Zensical instead of MkDocs.

Zensical ignores MkDocs plugins (the ``conference`` plugin among them) and has no plugin API
of its own yet, so this builder hands it a finished source folder instead of hooks:

- ``stage``: the core's pages written as ``docs/<uri>`` (front matter plus the core's HTML),
  the hand-written pages with their facts and head tags, downloads and assets as files;
- ``config``: Zensical's configuration, made from the project's mkdocs.yml;
- ``toc``: the Python-Markdown extension that gives Zensical the core's contents lists;
- ``guard``: the warning for a project that Zensical would build without the plugin;
- ``build``: ``confsite build --engine zensical``, published atomically (generator/publish.py).

Only ``build`` imports Zensical; the rest is plain files and the core's output.
"""
