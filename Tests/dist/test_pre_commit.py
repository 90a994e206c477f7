"""The pre-commit hook, as pre-commit reads and runs it."""
import os
import pathlib
import shutil
import subprocess

import pre_commit.clientlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
ONEDOOR = os.environ.get("ONEDOOR", str(ROOT / ".build" / "debug" / "onedoor"))


def test_the_hook_checks_the_whole_catalogue():
    (hook,) = pre_commit.clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "onedoor-check"
    assert hook["entry"] == "onedoor check"
    assert hook["pass_filenames"] is False  # the whole catalogue, not the files of the commit


def test_a_commit_that_breaks_the_catalogue_is_refused(tmp_path):
    """The local hook docs/ci.md gives, run by pre-commit on a catalogue repository."""
    repository = tmp_path / "repo"
    shutil.copytree(ROOT / "catalogue", repository / "catalogue")
    hook = next(hook for hook in pre_commit.clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml")))
    (repository / ".pre-commit-config.yaml").write_text(f"""repos:
  - repo: local
    hooks:
      - id: {hook["id"]}
        name: {hook["name"]}
        entry: {ONEDOOR} check
        language: system
        pass_filenames: false
        files: '{hook["files"]}'
""")
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1795392000"}

    def git(*arguments):
        return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.test", *arguments],
                              cwd=repository, env=environment, capture_output=True, text=True)

    git("init", "-q")
    git("add", ".")
    passed = subprocess.run(["pre-commit", "run", "--all-files"], cwd=repository, env=environment, capture_output=True, text=True)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    # A service that names a category that does not exist, in a file the hook sees.
    email = repository / "catalogue/services/communications-and-collaboration/email.md"
    email.write_text(email.read_text().replace("category: communications-and-collaboration", "category: comms", 1))
    git("add", ".")
    refused = subprocess.run(["pre-commit", "run", "--all-files"], cwd=repository, env=environment, capture_output=True, text=True)
    assert refused.returncode == 1
    assert "email.md:4:11: error: unknown category 'comms'" in refused.stdout
