# The crawler image: slim Python, the project installed with pip (what pyproject.toml
# declares: the newscrawl, spiders and pipelines packages and their pinned dependencies,
# without the `embedded` extra: in compose, DATABASE_URL always names the postgres service),
# run as a non-root user. docker-compose.yml builds it once (`crawler` service) and runs it
# as `crawler` and `scheduler`; see docs/operations.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 SCRAPY_SETTINGS_MODULE=newscrawl.settings
WORKDIR /app
COPY pyproject.toml README.md scrapy.cfg ./
COPY newscrawl ./newscrawl
COPY spiders ./spiders
COPY pipelines ./pipelines
COPY deploy/scheduler.sh /usr/local/bin/newscrawl-scheduler
RUN pip install . \
    && chmod 0755 /usr/local/bin/newscrawl-scheduler \
    && useradd --create-home --uid 10001 crawler
USER crawler
CMD ["newscrawl", "--help"]
