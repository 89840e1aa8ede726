# SecureBase: slim Python image, runs as a non-root user, data in /data.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SECUREBASE_DATA_DIR=/data

RUN useradd --create-home --uid 10001 securebase && mkdir -p /data && chown securebase /data
WORKDIR /app
COPY pyproject.toml README.md ./
COPY server ./server
COPY moderation ./moderation
COPY frontend ./frontend
RUN pip install .

USER securebase
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/readyz').status == 200 else 1)"
CMD ["securebase", "serve", "--host", "0.0.0.0", "--port", "8000"]
