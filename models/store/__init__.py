"""The storage layer: the SQLite library file and everything that reads or writes it.

Only modules in this package touch SQLite (tests/test_layering.py holds to that). Callers use
:class:`Library`; the backup helpers live in :mod:`models.store.backups`.

Modules inside the package import each other by full submodule path, never through this
``__init__``, so the package has no import cycle.
"""

from models.store.library import Library, ReportSummary, RevisionInfo

__all__ = ["Library", "ReportSummary", "RevisionInfo"]
