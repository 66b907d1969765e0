"""Each layer stands on its own: what importing it loads, checked in a fresh interpreter.

    domain (vocabulary, records, errors)  <-  nlp (text -> records)
        ^                                     ^
        storage (records -> rows -> public models)   annotator (runs nlp in processes)
        ^                                     ^
        api (HTTP)  ------------------------------'

The check is transitive: a layer that imported FastAPI through a helper module
would load it too, and fail here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import app

APP = Path(app.__file__).parent

WEB = ("fastapi", "starlette", "uvicorn")
DATABASE = ("sqlalchemy", "sqlmodel", "alembic", "psycopg")
LANGUAGE = ("spacy", "thinc")


def _modules(package: str) -> list[str]:
    folder = APP / package.removeprefix("app.").replace(".", "/")
    return sorted(
        f"{package}.{path.stem}" if path.stem != "__init__" else package
        for path in folder.glob("*.py")
    )


def _loaded_by(modules: list[str]) -> set[str]:
    """Top-level packages and app modules that importing ``modules`` loads."""
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(result.stdout)
    return {name.split(".")[0] for name in loaded} | {n for n in loaded if n.startswith("app.")}


LAYERS = {
    "domain": (
        _modules("app.domain"),
        (*WEB, *DATABASE, *LANGUAGE, "pydantic", "app.api", "app.services", "app.nlp"),
    ),
    "nlp": (_modules("app.nlp"), (*WEB, *DATABASE, "app.api", "app.services", "app.core")),
    "storage": (
        [*_modules("app.services"), "app.models", "app.core.db", "app.core.migrate"],
        (*WEB, *LANGUAGE, "app.api", "app.annotator", "app.nlp.pipeline"),
    ),
    "annotator": (
        _modules("app.annotator"),
        (*WEB, *DATABASE, *LANGUAGE, "app.api", "app.services"),
    ),
}


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_a_layer_loads_nothing_of_the_layers_it_must_not_know(layer: str) -> None:
    modules, forbidden = LAYERS[layer]
    assert modules
    loaded = _loaded_by(modules)
    found = sorted(
        name
        for name in loaded
        for banned in forbidden
        if name == banned or name.startswith(banned + ".")
    )
    assert found == [], f"{layer} loads {found}"


def test_the_server_process_never_loads_the_language_model() -> None:
    """spaCy lives in the annotator processes; the server only schedules work for them."""
    loaded = _loaded_by(["app.main", "app.cli"])
    assert "spacy" not in loaded
    assert "fastapi" in loaded  # the check can see what is loaded
