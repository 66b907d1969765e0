# syntax=docker/dockerfile:1
# The Annotated Articles API, served by uvicorn on port 8000.
# Data lives in /app/var (a SQLite file) unless DATABASE_URL says otherwise.

# Build stage: the project's wheel, which carries the migrations and the seed data.
FROM python:3.11-slim-bookworm AS wheel

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md ./
COPY migrations ./migrations
COPY app ./app
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /dist .

# Runtime stage: the pinned dependencies and the wheel; no source checkout.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The working directory is where an installed wheel keeps its default database (./var).
WORKDIR /app

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app

# Dependencies first, in their own layer: it is rebuilt only when the lock changes.
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

RUN --mount=type=bind,from=wheel,source=/dist,target=/dist \
    pip install --no-cache-dir --no-deps /dist/annotated_articles-*.whl \
    && pip check \
    && mkdir -p /app/var \
    && chown 10001:10001 /app/var

USER 10001:10001
VOLUME ["/app/var"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]

CMD ["annotated-articles", "serve", "--host", "0.0.0.0"]
