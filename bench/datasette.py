"""Datasette beside the service: the same SQLite file, the equivalent SQL per endpoint.

Each read endpoint of ``bench.scale`` gets one canned query that returns what the
endpoint returns (the same page of 50 rows, the same counts, nested lists as JSON
arrays), written as one statement over the same tables, indexes and FTS5 tables.
Datasette serves it as ``/corpus/<name>.json?_shape=array&<params>``.
"""
# The SQL is composed from this module's own constants only; values arrive as parameters.
# ruff: noqa: S608

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

ARTICLE = "a.id, a.title, a.source_url, a.publisher, a.published_at, a.language, a.created_at"
COUNTS = """
  (SELECT count(DISTINCT m.entity_id) FROM mention m WHERE m.article_id = a.id) AS entities,
  (SELECT count(*) FROM mention m WHERE m.article_id = a.id) AS mentions,
  (SELECT count(*) FROM quote q WHERE q.article_id = a.id) AS quotes,
  (SELECT count(DISTINCT g.government_id) FROM government_evidence g
    WHERE g.article_id = a.id) AS governments"""
ALIASES = """(SELECT json_group_array(alias) FROM
    (SELECT alias FROM entity_alias WHERE entity_id = e.id ORDER BY id LIMIT 100)) AS aliases"""
QUOTE = """q.id, q.article_id, q.text, q.start, q."end", q.kind, q.speaker_id,
  s.name AS speaker_name, s.type AS speaker_type, q.speaker_mention_start,
  q.speaker_mention_end, q.speaker_mention_text, q.cue_start, q.cue_end, q.cue_text,
  q.fragments, q.source, q.confidence"""
GOVERNMENT = """g.id, g.name, g.short_name, g.country, g.leader_title, g.region, g.source,
  g.confidence, g.evidence_count, g.leader_id, l.name AS leader_name, l.type AS leader_type,
  g.seat_id, st.name AS seat_name, st.type AS seat_type, g.legislature_id,
  lg.name AS legislature_name, lg.type AS legislature_type,
  (SELECT json_group_array(json_object('id', e.id, 'name', e.name, 'type', e.type))
    FROM government_backer b JOIN entity e ON e.id = b.entity_id
    WHERE b.government_id = g.id) AS backed_by,
  (SELECT json_group_array(json_object('article_id', article_id, 'start', start,
    'end', "end", 'text', text))
    FROM (SELECT * FROM government_evidence WHERE government_id = g.id ORDER BY id LIMIT 100)
  ) AS evidence
FROM government g
  LEFT JOIN entity l ON l.id = g.leader_id
  LEFT JOIN entity st ON st.id = g.seat_id
  LEFT JOIN entity lg ON lg.id = g.legislature_id"""
ENTITY_ARTICLES = """SELECT m.article_id AS id,
  (SELECT title FROM article WHERE id = m.article_id) AS title, count(*) AS mentions
FROM mention m WHERE m.entity_id = :id GROUP BY m.article_id ORDER BY m.article_id"""

#: Each endpoint of ``bench.scale.ENDPOINTS``: (canned query name, SQL, parameters).
QUERIES: dict[str, tuple[str, str, dict[str, str]]] = {
    "/api/v1/articles": (
        "articles",
        f"SELECT {ARTICLE}, {COUNTS} FROM article a WHERE a.id > :after ORDER BY a.id LIMIT 51",
        {"after": "0"},
    ),
    "/api/v1/articles?cursor={deep_article}": (
        "articles",
        "",
        {"after": "{deep_article}"},
    ),
    "/api/v1/articles?q=president": (
        "article_search",
        f"""SELECT {ARTICLE}, {COUNTS},
  CASE WHEN a.id IN (SELECT rowid FROM article_fts
    WHERE article_fts MATCH 'title : (' || :q || ')') THEN 0 ELSE 1 END AS rank
FROM article a WHERE a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH :q)
ORDER BY rank, a.id LIMIT 51""",
        {"q": '"president"'},
    ),
    "/api/v1/articles?q=government+libya": (
        "article_search",
        "",
        {"q": '"government" AND "libya"'},
    ),
    "/api/v1/articles?entity_id={rare_entity}": (
        "entity_article_page",
        f"""SELECT {ARTICLE}, {COUNTS} FROM article a WHERE a.id IN
  (SELECT DISTINCT article_id FROM mention WHERE entity_id = :entity AND article_id > 0
   ORDER BY article_id LIMIT 51)
ORDER BY a.id LIMIT 51""",
        {"entity": "{rare_entity}"},
    ),
    "/api/v1/articles?entity_id=1": ("entity_article_page", "", {"entity": "1"}),
    "/api/v1/articles/{article}": (
        "article",
        f"SELECT {ARTICLE}, a.body, {COUNTS} FROM article a WHERE a.id = :id",
        {"id": "{article}"},
    ),
    "/api/v1/articles/{article}/entities": (
        "article_entities",
        f"""SELECT e.id, e.name, e.type, {ALIASES},
  (SELECT json_group_array(json_object('id', id, 'start', start, 'end', "end", 'text', text,
    'source', source, 'confidence', confidence))
   FROM (SELECT * FROM mention WHERE article_id = :id AND entity_id = e.id
         ORDER BY start, id LIMIT 100)) AS mentions,
  (SELECT count(*) FROM mention WHERE article_id = :id AND entity_id = e.id) AS mention_count
FROM entity e WHERE e.id IN (SELECT entity_id FROM mention WHERE article_id = :id)
ORDER BY e.id LIMIT 51""",
        {"id": "{article}"},
    ),
    "/api/v1/articles/{article}/mentions": (
        "article_mentions",
        """SELECT m.id, m.article_id, m.start, m."end", m.text, m.source, m.confidence,
  e.id AS entity_id, e.name AS entity_name, e.type AS entity_type
FROM mention m JOIN entity e ON e.id = m.entity_id
WHERE m.article_id = :id ORDER BY m.start, m.id LIMIT 51""",
        {"id": "{article}"},
    ),
    "/api/v1/articles/{article}/quotes": (
        "article_quotes",
        f"""SELECT {QUOTE} FROM quote q LEFT JOIN entity s ON s.id = q.speaker_id
WHERE q.article_id = :id ORDER BY q.start, q.id LIMIT 51""",
        {"id": "{article}"},
    ),
    "/api/v1/articles/{article}/governments": (
        "article_governments",
        f"""SELECT {GOVERNMENT}
WHERE g.id IN (SELECT government_id FROM government_evidence WHERE article_id = :id)
ORDER BY g.id LIMIT 51""",
        {"id": "{article}"},
    ),
    "/api/v1/entities": (
        "entities",
        f"""SELECT e.id, e.name, e.type, {ALIASES}, e.article_count, e.mention_count
FROM entity e WHERE e.id > :after ORDER BY e.id LIMIT 51""",
        {"after": "0"},
    ),
    "/api/v1/entities?q=haft": (
        "entity_search",
        f"""SELECT e.id, e.name, e.type, {ALIASES}, e.article_count, e.mention_count,
  CASE WHEN e.id IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH :q)
    THEN 0 ELSE 1 END AS rank
FROM entity e
WHERE e.id IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH :q)
   OR e.id IN (SELECT entity_id FROM entity_alias WHERE id IN
       (SELECT rowid FROM entity_alias_fts WHERE entity_alias_fts MATCH :q))
ORDER BY rank, e.id LIMIT 51""",
        {"q": '"haft"*'},
    ),
    "/api/v1/entities/1": (
        "entity",
        f"""SELECT e.id, e.name, e.type, {ALIASES}, e.article_count,
  (SELECT json_group_array(json_object('article_id', id, 'title', title,
    'mentions', mentions)) FROM ({ENTITY_ARTICLES} LIMIT 101)) AS articles
FROM entity e WHERE e.id = :id""",
        {"id": "1"},
    ),
    "/api/v1/entities/1/articles": ("entity_articles", f"{ENTITY_ARTICLES} LIMIT 51", {"id": "1"}),
    "/api/v1/quotes": (
        "quotes",
        f"""SELECT {QUOTE} FROM quote q LEFT JOIN entity s ON s.id = q.speaker_id
WHERE q.id > :after ORDER BY q.id LIMIT 51""",
        {"after": "0"},
    ),
    "/api/v1/quotes?q=support": (
        "quote_search",
        f"""SELECT {QUOTE} FROM quote q LEFT JOIN entity s ON s.id = q.speaker_id
WHERE q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH :q) ORDER BY q.id LIMIT 51""",
        {"q": '"support"'},
    ),
    "/api/v1/governments": (
        "governments",
        f"SELECT {GOVERNMENT} WHERE g.id > :after ORDER BY g.id LIMIT 51",
        {"after": "0"},
    ),
    "/api/v1/governments/1": ("government", f"SELECT {GOVERNMENT} WHERE g.id = :id", {"id": "1"}),
    "/api/v1/governments/1/evidence": (
        "government_evidence",
        """SELECT id, article_id, start, "end", text FROM government_evidence
WHERE government_id = :id ORDER BY id LIMIT 51""",
        {"id": "1"},
    ),
    "/api/v1/history": (
        "history",
        """SELECT id, at, actor, action, resource, resource_id, article_id, "before", "after"
FROM change WHERE id > :after ORDER BY id LIMIT 51""",
        {"after": "0"},
    ),
}


def write_metadata(path: Path) -> None:
    """Datasette's metadata file: one canned query per distinct query name."""
    queries = {name: {"sql": sql} for name, sql, _ in QUERIES.values() if sql}
    path.write_text(json.dumps({"databases": {"corpus": {"queries": queries}}}, indent=1))


def url_for(endpoint: str, values: dict[str, int]) -> str:
    """The Datasette URL answering ``endpoint`` (a ``bench.scale.ENDPOINTS`` template)."""
    name, _, params = QUERIES[endpoint]
    query = urlencode({"_shape": "array", **{k: v.format(**values) for k, v in params.items()}})
    return f"/corpus/{name}.json?{query}"
