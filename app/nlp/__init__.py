"""The annotation pipeline: text in, annotation records out.

Nothing here imports FastAPI or the database; ``app.services.record_store`` is the one seam
that turns these records into rows.
"""
