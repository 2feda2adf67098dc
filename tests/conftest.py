"""Shared fixtures and markers."""

from __future__ import annotations

from pathlib import Path

import pytest
from submissions import ROOT


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: runs notebooks, nbgrader or servers")
