"""The domain: the vocabulary and records every layer shares, and the errors it raises.

Nothing here imports FastAPI, the database or spaCy, so the pipeline (``app.nlp``),
storage (``app.services``) and the HTTP layer (``app.api``) all depend on it and on
nothing of each other's.
"""
