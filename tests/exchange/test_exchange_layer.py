"""The exchange formats are pure: importing them loads no web framework, database or model."""

from __future__ import annotations

from tests.test_layers import DATABASE, LANGUAGE, WEB, _loaded_by, _modules


def test_the_exchange_package_loads_no_http_database_or_language_model() -> None:
    modules = _modules("app.exchange")
    assert {"app.exchange.w3c", "app.exchange.w3c_import", "app.exchange.jsonl"} <= set(modules)
    loaded = _loaded_by(modules)
    forbidden = (*WEB, *DATABASE, *LANGUAGE, "app.api", "app.services", "app.nlp", "app.core")
    found = sorted(n for n in loaded for b in forbidden if n == b or n.startswith(b + "."))
    assert found == []
