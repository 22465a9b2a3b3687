"""`pip install keras-playground` from a built wheel gives a working app and command line,
with nothing from the checkout: the wheel is built from a copy of the sources without any
compiled translation (no scripts/setup.sh ran there), installed into a fresh virtual
environment in a temporary folder, and its `keras-playground` is run from there.

No download: the wheel is built without build isolation (the setuptools installed here)
and installed with --no-deps; the fresh environment sees the dependencies through a .pth
line naming this environment's site-packages (not processed further, so this checkout's
own editable install stays out of it)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import playground
from playground.files.lessons import list_presets
from playground.files.project import load_project
from playground.i18n import load_translations
from playground.network.shapes import infer_shapes

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow
SKIP = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.pyc", "*.mo", "*.qm", "build",
                              "dist", "*.egg-info", ".pytest_cache", ".hypothesis", "tests",
                              "benchmarks")


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None,
         timeout: int = 300) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=SKIP, symlinks=False)
    assert not list(source.rglob("*.mo")) and not list(source.rglob("*.qm"))
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
          "--no-index", "-q", "-w", str(tmp / "dist"), str(source)], cwd=tmp)
    [wheel] = (tmp / "dist").glob("keras_playground-*.whl")

    venv = tmp / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    _run([base, "-m", "venv", "--without-pip", str(venv)], cwd=tmp)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                      "['purelib'])"], cwd=tmp).stdout.strip())
    (site / "shared-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n",
                                                  encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
          "--no-index", str(wheel)], cwd=tmp)
    return {"wheel": wheel, "bin": bindir, "site": site, "cwd": tmp}


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PLAYGROUND_"))}
    env.update(HOME=str(home), KERAS_PLAYGROUND_LANG="en")
    return env


def test_the_wheel_carries_lessons_icons_and_compiled_translations(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    lessons = sorted(p.name for p in (ROOT / "presets").glob("*.kpg"))
    assert {f"playground/resources/presets/{n}" for n in lessons} <= names
    assert {f"playground/resources/presets/thumbnails/{Path(n).stem}.png"
            for n in lessons} <= names
    assert "playground/resources/icons/keras-playground-256.png" in names
    assert "playground/locale/zh_CN/LC_MESSAGES/playground.mo" in names
    assert "ui/i18n/keras_playground_zh_CN.qm" in names
    # Compiled only: an install never compiles at its first start.
    assert not any(n.endswith((".po", ".ts")) for n in names)


def test_the_installed_command_runs_from_the_fresh_environment(installed, tmp_path):
    exe = str(installed["bin"] / "keras-playground")
    env = _env(tmp_path)
    cwd = tmp_path  # not the checkout
    done = _run([exe, "--version"], cwd, env)
    assert done.stdout.strip() == f"keras-playground {playground.__version__}"

    where = _run([str(installed["bin"] / "python"), "-c",
                  "import playground, ui; print(playground.__file__); print(ui.__file__)"],
                 cwd, env).stdout.split()
    assert all(Path(p).is_relative_to(installed["site"]) for p in where)

    listing = _run([exe, "presets", "--paths"], cwd, env).stdout
    xor = installed["site"] / "playground" / "resources" / "presets" / "xor.kpg"
    assert f"[{xor}]" in listing
    assert len([line for line in listing.splitlines() if ".kpg]" in line]) \
        == len(list((ROOT / "presets").glob("*.kpg")))

    checked = _run([exe, "check", str(xor)], cwd, env).stdout
    report = infer_shapes(load_project(ROOT / "presets" / "xor.kpg").graph)
    assert f"Total params: {report.total_params:,}" in checked

    # The Chinese texts come from the wheel's compiled catalog (it has no .po).
    chinese = _run([exe, "presets"], cwd, dict(env, KERAS_PLAYGROUND_LANG="zh_CN")).stdout
    [description] = [p.description for p in list_presets() if p.name == "xor"]
    assert load_translations("zh_CN").gettext(description) in chinese
