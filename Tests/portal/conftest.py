"""Shared fixtures: the example portal, built once per test run by the `onedoor` binary."""
import os
import pathlib
import subprocess
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))

ROOT = pathlib.Path(__file__).resolve().parents[2]
ONEDOOR = os.environ.get("ONEDOOR", str(ROOT / ".build" / "debug" / "onedoor"))
# 2026-11-23, so that review dates are judged the same way every year.
FIXED_DAY = {"SOURCE_DATE_EPOCH": "1795392000"}


def onedoor(*arguments, cwd=ROOT):
    return subprocess.run([ONEDOOR, *arguments], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **FIXED_DAY})


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("portal") / "site"
    result = onedoor("build", "catalogue", "--output", str(output))
    assert result.returncode == 0, result.stderr + result.stdout
    return output
