"""Running the annotation pipeline off the request path, in worker processes.

``pool.AnnotatorPool`` owns a fixed number of processes, each with the language
model loaded once (``worker``); the HTTP layer awaits it, the command line maps
batches over it. Nothing here imports FastAPI or the database.
"""
