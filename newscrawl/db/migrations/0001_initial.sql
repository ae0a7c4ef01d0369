-- The first tables: one row per article (unique canonical URL), the fetched page of each
-- article, and the history of crawl runs. All times are timestamptz (stored UTC).

CREATE TABLE articles (
    id              bigserial PRIMARY KEY,
    source          text NOT NULL CHECK (source IN ('yonhap', 'koreaherald')),
    canonical_url   text NOT NULL,
    site_article_id text,
    url             text NOT NULL,                  -- the URL it was first fetched from
    title           text,
    subtitle        text,
    authors         text[] NOT NULL DEFAULT '{}',
    editor_note     text,
    dateline        text,
    section         text,
    tags            text[] NOT NULL DEFAULT '{}',
    published_at    timestamptz,
    modified_at     timestamptz,
    body            text,
    captions        text[] NOT NULL DEFAULT '{}',
    language        text,
    layout          text,                           -- the layout era that parsed it; NULL: none
    field_sources   jsonb NOT NULL DEFAULT '{}',    -- which fields came from trafilatura
    problems        text[] NOT NULL DEFAULT '{}',   -- why it is incomplete, if it is
    content_hash    bytea,                          -- sha256 of the normalised title and body
    first_seen_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT articles_canonical_url_key UNIQUE (canonical_url)
);

CREATE INDEX articles_source_published_idx ON articles (source, published_at DESC);
CREATE INDEX articles_published_idx ON articles (published_at DESC);

-- The last page fetched for each article, so cleaning can be re-run without refetching.
-- PostgreSQL compresses large text values itself (TOAST).
CREATE TABLE raw_pages (
    article_id  bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    url         text NOT NULL,
    http_status integer,
    fetched_at  timestamptz NOT NULL DEFAULT now(),
    html        text NOT NULL
);

CREATE TABLE crawl_runs (
    id          bigserial PRIMARY KEY,
    site        text NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    status      text NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'finished', 'failed', 'interrupted')),
    stats       jsonb NOT NULL DEFAULT '{}',
    errors      jsonb NOT NULL DEFAULT '[]',
    hostname    text,
    pid         integer
);

CREATE INDEX crawl_runs_started_idx ON crawl_runs (started_at DESC);
