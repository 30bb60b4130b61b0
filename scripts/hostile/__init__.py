"""Hostile input classes for `make reliability`: one module per class of attack.

Each module defines `CLASS` (the row's name) and `run(api) -> (tried, got_through, notes)`,
where `api` is reliability.Api (HTTP through chalice.test.Client, counting 5xx and schema
violations) and `got_through` counts attacks the service accepted that it must refuse.
A row must read 0 in its `got through` column.
"""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from types import ModuleType


def modules() -> list[ModuleType]:
    """Every attack class, in name order."""
    here = Path(__file__).parent
    return [importlib.import_module(f"{__name__}.{info.name}")
            for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda info: info.name)]
