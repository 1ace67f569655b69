"""Benchmarks ([B]): our print and page paths against WeasyPrint and a static-file ceiling.

`python -m bench [--quick] [--json FILE]`; docs/performance.md explains the figures.
"""
