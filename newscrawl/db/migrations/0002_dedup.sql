-- Deduplication in four layers, enforced by the database:
--   1. one row per canonical URL (0001), plus every other URL form that led to it;
--   2. every distinct content seen for a URL, in article_versions;
--   3. stories: Yonhap's original, (LEAD), (2nd LD)... grouped by the ID's story key;
--   4. copies on the other site (near-duplicate fingerprint) and exact copies (content hash),
--      linked by duplicate_of and the same story.

CREATE TABLE stories (
    id                 bigserial PRIMARY KEY,
    story_key          text NOT NULL,
    latest_article_id  bigint,
    first_published_at timestamptz,
    last_published_at  timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stories_story_key_key UNIQUE (story_key)
);

ALTER TABLE articles
    ADD COLUMN story_id      bigint REFERENCES stories (id),
    ADD COLUMN version_rank  integer NOT NULL DEFAULT 0,   -- 0 original, 1 (LEAD), 2 (2nd LD)...
    ADD COLUMN duplicate_of  bigint REFERENCES articles (id) ON DELETE SET NULL,
    ADD COLUMN duplicate_kind text CHECK (duplicate_kind IN ('exact', 'near')),
    ADD COLUMN similarity    real,                         -- estimated Jaccard with duplicate_of
    ADD COLUMN minhash       bigint[];                     -- the near-duplicate signature

ALTER TABLE stories
    ADD CONSTRAINT stories_latest_fk FOREIGN KEY (latest_article_id)
        REFERENCES articles (id) ON DELETE SET NULL;

CREATE INDEX articles_story_idx ON articles (story_id);
CREATE INDEX articles_duplicate_of_idx ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_content_hash_idx ON articles (content_hash);

-- Every URL form an article was reached by (tracking parameters, view.php?ud= before a
-- redirect...), in canonical form, so the spiders' seen-check recognises them all.
CREATE TABLE article_urls (
    url        text PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX article_urls_article_idx ON article_urls (article_id);

-- Every distinct content seen for an article URL.
CREATE TABLE article_versions (
    id           bigserial PRIMARY KEY,
    article_id   bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version      integer NOT NULL,
    seen_at      timestamptz NOT NULL DEFAULT now(),
    modified_at  timestamptz,
    content_hash bytea NOT NULL,
    title        text,
    body         text,
    changed      text[] NOT NULL DEFAULT '{}',   -- the fields that differ from the version before
    CONSTRAINT article_versions_article_version_key UNIQUE (article_id, version)
);

-- Locality-sensitive hashing bands of each article's MinHash signature: candidates for
-- near-duplicate linking are found through this index, never by scanning articles.
CREATE TABLE article_bands (
    band       smallint NOT NULL,
    hash       bigint NOT NULL,
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
);
CREATE INDEX article_bands_article_idx ON article_bands (article_id);
