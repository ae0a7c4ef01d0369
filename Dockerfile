# The crawler image: slim Python, the project installed with pip, a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md scrapy.cfg ./
COPY newscrawl ./newscrawl
COPY spiders ./spiders
COPY pipelines ./pipelines
RUN pip install . && useradd --create-home --uid 10001 crawler
USER crawler
CMD ["newscrawl", "--help"]
