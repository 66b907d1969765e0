"""The wheel: built from the repository, installed into a fresh virtualenv, served anywhere.

An editable install reads migrations and seed data from the checkout, so only a
real wheel shows that they ship inside the package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import httpx
import pytest

from tests.server import serving

ROOT = Path(__file__).resolve().parents[1]
#: What the wheel is built from; copied so that a stale build/ in the checkout can't leak in.
WHEEL_SOURCES = ("pyproject.toml", "README.md", "app", "migrations")
SEED_LEADERS = {"Abdullah al-Thani", "Khalifa al-Gwhaill", "Fayez al-Serraj"}


def _pip(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet", *args],
        check=True,
    )


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtualenv holding the built wheel and its pinned dependencies, and nothing else."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in WHEEL_SOURCES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, source / name)
    _pip("wheel", "--no-deps", "--wheel-dir", str(work / "dist"), str(source))
    (wheel,) = (work / "dist").glob("annotated_articles-*.whl")
    venv = work / "venv"
    # No pip of its own: this interpreter's pip installs into it (``pip --python``), faster.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    _pip(
        "--python",
        str(venv / "bin" / "python"),
        "install",
        "-c",
        str(ROOT / "constraints.txt"),
        str(wheel),
    )
    return venv


def _outside_env() -> dict[str, str]:
    """The environment without anything that points back at the checkout or its database."""
    drop = {"DATABASE_URL", "PYTHONPATH", "VIRTUAL_ENV"}
    return {key: value for key, value in os.environ.items() if key not in drop}


def test_packaging_lists_every_package_in_the_tree() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "app").rglob("__init__.py")
    } | {"app.migrations", "app.migrations.versions"}
    assert listed == on_disk


@pytest.mark.slow
def test_wheel_serves_with_no_checkout(wheel_venv: Path, tmp_path: Path) -> None:
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    env = _outside_env()
    found = subprocess.run(
        [str(wheel_venv / "bin" / "python"), "-c", "import app; print(app.__file__)"],
        cwd=run_dir,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(found.stdout.strip()).is_relative_to(wheel_venv)
    command = [str(wheel_venv / "bin" / "annotated-articles")]
    log = tmp_path / "serve.log"
    with serving(command, cwd=run_dir, env=env, log=log) as base:
        assert httpx.get(f"{base}/readyz").json() == {"status": "ok"}
        governments = httpx.get(f"{base}/api/v1/governments").json()["items"]
        assert {g["leader"]["name"] for g in governments} == SEED_LEADERS
        assert "swagger-ui-bundle.js" in httpx.get(f"{base}/docs").text
        assert httpx.get(f"{base}/docs-assets/swagger-ui-bundle.js").status_code == 200
    # serve says where to go once it listens, for the port it was given.
    assert f"Reader: {base}/ — API: {base}/api/v1 — docs: {base}/docs" in log.read_text(
        encoding="utf-8"
    )
    # Without DATABASE_URL an installed wheel keeps its data in ./var of the working directory.
    assert (run_dir / "var" / "annotated-articles.sqlite3").is_file()
