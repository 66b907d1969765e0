"""The reader page: a small web application at ``/`` that shows articles with their
annotations, built only on the public JSON API (``/api/v1``).

Plain HTML, CSS and JavaScript modules under ``static/``, served as they are (no
build step) with a Content-Security-Policy that keeps the browser on this server.
"""
