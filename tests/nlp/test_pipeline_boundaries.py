"""The pipeline is its own layer: text in, records out, nothing of the web or the database."""

from __future__ import annotations

import ast
from pathlib import Path

import app.nlp
from app.nlp.model import load_model
from app.nlp.pipeline import annotate_text, annotate_texts

FORBIDDEN = ("fastapi", "starlette", "sqlmodel", "sqlalchemy", "alembic", "app.core", "app.api")


def test_nlp_package_imports_no_web_or_database_code() -> None:
    for path in Path(app.nlp.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"


def test_model_is_loaded_once_per_process() -> None:
    assert load_model() is load_model()
    assert load_model().meta["version"] == "3.8.0"


def test_batched_annotation_equals_one_at_a_time() -> None:
    texts = [
        "“We are ready,” Ali Zeidan said in Tripoli.",
        "The UN-backed government, led by Fayez al-Serraj, met on Monday.",
    ]
    assert list(annotate_texts(texts, batch_size=2)) == [annotate_text(t) for t in texts]
