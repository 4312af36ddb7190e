"""A series of editions in one site: a thin layer around the per-edition pipeline.

``data/series.yaml`` and one folder per edition (``data/2026/`` ...) turn a data folder into a
series; without ``series.yaml`` the folder is one edition, built as before. Each edition is
loaded, validated and rendered by the single-edition pipeline, and its pages are moved under
``/<year>/`` (``pages.py``); the series adds its own home, volumes list, people across editions
(``people.py``) and redirects from addresses that moved (``redirects.py``).
"""
