"""The throw-away nbgrader course builds its gradebook as nbgrader itself would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from nbgrader.dbutil import _temp_alembic_ini

from lld_helpers.grading import sandbox


def test_gradebook_schema_revision_is_the_one_alembic_reports():
    """nbgrader asks the `alembic heads` command; the sandbox asks alembic in-process."""
    alembic = Path(sys.executable).parent / "alembic"
    with _temp_alembic_ini("sqlite:////nonexistent/gradebook.db") as ini:
        heads = subprocess.check_output([alembic, "-c", ini, "heads"], text=True)
    assert sandbox._alembic_head() == heads.split()[0]
