"""The archive `make dist` writes, as a CI job downloads and uses it."""
import os
import pathlib
import re
import subprocess
import tarfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SUBCOMMANDS = [["check"], ["build"], ["serve"], ["diff"], ["review"], ["report"], ["impact"], ["new", "service"], ["new", "notice"], ["init"],
               ["schema"]]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory):
    archives = sorted(ROOT.glob("onedoor-*-linux-*.tar.gz"), key=os.path.getmtime)
    assert archives, "run make dist first"
    folder = tmp_path_factory.mktemp("dist")
    with tarfile.open(archives[-1]) as archive:
        archive.extractall(folder, filter="data")
    (stage,) = folder.iterdir()
    return stage


def run(stage, *arguments, cwd=None):
    """Runs the unpacked binary with an empty environment, as on a machine that has no Swift."""
    return subprocess.run([str(stage / "bin" / "onedoor"), *arguments], env={}, cwd=cwd, capture_output=True, text=True)


def test_the_name_says_the_version_and_the_binary_runs_with_nothing_around_it(unpacked):
    version = run(unpacked, "--version")
    assert version.returncode == 0
    assert unpacked.name == f"onedoor-{version.stdout.strip()}-linux-{os.uname().machine}"
    check = run(unpacked, "check", str(ROOT / "catalogue"))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 errors" in check.stdout


def test_it_needs_no_swift_library_nor_cmark(unpacked):
    libraries = subprocess.run(["ldd", str(unpacked / "bin" / "onedoor")], capture_output=True, text=True).stdout
    names = re.findall(r"^\s*(\S+)", libraries, re.MULTILINE)
    assert "not found" not in libraries
    assert not [name for name in names if re.search(r"swift|Foundation|dispatch|BlocksRuntime|icu|cmark|curl", name)], libraries
    # What it may ask for: the C and C++ runtimes every Debian and Ubuntu with apt has.
    allowed = {"linux-vdso.so.1", "libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1"}
    assert {name for name in names if not name.startswith("/")} <= allowed, libraries


def help_options(stage, command):
    """Each long option of a command, with its description, as --help shows them."""
    text = run(stage, *command, "--help").stdout
    options = {}
    current = None
    for line in text.split("OPTIONS:")[-1].splitlines():
        match = re.match(r"\s+(?:-\w, )?--([\w-]+)(?: <[^>]+>)?\s*(.*)", line)
        if match:
            current = match.group(1)
            options[current] = match.group(2)
        elif current and line.startswith(" " * 10):
            options[current] += " " + line.strip()
    # --help adds the values and default it knows of; the man page and completions do not.
    added = r"( \(values: [^)]*\))?( \(default: [^)]*\))?$"
    return {name: re.sub(added, "", " ".join(text.split())) for name, text in options.items()}


def man_options(stage, command):
    """Each long option of a command in the man page, with its description."""
    page = (stage / "share/man/man1/onedoor.1").read_text()
    section = page.split(f".It Em {command[-1]}\n", 1)[1].split("\n.El", 1)[0]
    options = {}
    for name, text in re.findall(r"^\.It Fl (?:\w , )?-([\w-]+)[^\n]*\n(?!\.It)([^\n]*)", section, re.MULTILINE):
        options[name] = text
    return options


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=" ".join)
def test_the_man_page_and_completions_say_what_help_says(unpacked, command):
    expected = help_options(unpacked, command)
    assert "help" in expected and len(expected) >= 2
    assert man_options(unpacked, command) == expected
    share = unpacked / "share"
    function = "_onedoor_" + "_".join(command)
    bash = (share / "bash-completion/completions/onedoor").read_text()
    body = bash.split(function + "() {", 1)[1].split("\n}", 1)[0]
    assert set(re.findall(r"--([\w-]+)", body)) == set(expected)
    zsh = (share / "zsh/site-functions/_onedoor").read_text().split(function + "() {", 1)[1].split("\n}", 1)[0]
    zsh_options = dict(re.findall(r"--([\w-]+)(?:,-\w)?[}']*\[((?:[^\]\\]|\\.)*)\]", zsh))
    assert set(zsh_options) == set(expected)
    assert {name: text.replace("\\", "") for name, text in zsh_options.items()} == expected
    fish = (share / "fish/vendor_completions.d/onedoor.fish").read_text()
    spoken = f'"onedoor {" ".join(command)}"'
    fish_options = dict(re.findall(r"^complete .*" + re.escape(spoken) + r".* -l '([\w-]+)'(?: -s '\w')? -d '((?:[^'\\]|\\.)*)'", fish, re.MULTILINE))
    assert fish_options == expected
