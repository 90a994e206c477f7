"""The benchmark's catalogue generator (`bench/generate.py`): valid, deterministic catalogues."""
import subprocess
import sys

from conftest import ROOT, onedoor

GENERATOR = ROOT / "bench" / "generate.py"


def generate(count, folder):
    subprocess.run([sys.executable, str(GENERATOR), str(count), str(folder)], check=True, capture_output=True)


def test_a_generated_catalogue_passes_the_strict_check(tmp_path):
    generate(400, tmp_path / "catalogue")
    result = onedoor("check", str(tmp_path / "catalogue"), "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("0 errors, 0 warnings in 404 files")


def test_the_generator_uses_every_optional_field_and_sub_categories(tmp_path):
    generate(400, tmp_path / "catalogue")
    text = "\n".join(path.read_text() for path in (tmp_path / "catalogue" / "services").rglob("*.md"))
    for field in ("keywords:", "audience:", "request_url:", "contacts:", "depends_on:", "targets:", "availability:",
                  "continuity:", "cost:", "replaced_by:", "status: retired", "status: pipeline", "](service:"):
        assert field in text, field
    assert "parent:" in (tmp_path / "catalogue" / "categories.yaml").read_text()


def files(folder):
    return {path.relative_to(folder): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_the_same_count_gives_the_same_files(tmp_path):
    generate(120, tmp_path / "one")
    generate(120, tmp_path / "two")
    assert files(tmp_path / "one") == files(tmp_path / "two")
