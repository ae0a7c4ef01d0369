-- Topic tags, full-text search, and views for people who prefer psql.

ALTER TABLE articles
    ADD COLUMN topic_bilateral boolean,
    ADD COLUMN topic_pairs     text[] NOT NULL DEFAULT '{}',   -- 'JP-KR', sorted codes
    ADD COLUMN topic_score     real,
    ADD COLUMN topic_evidence  jsonb,
    ADD COLUMN search_vector   tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(subtitle, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(body, '')), 'C')) STORED;

CREATE INDEX articles_search_idx ON articles USING gin (search_vector);
CREATE INDEX articles_topic_pairs_idx ON articles USING gin (topic_pairs);

-- One row per article with its story and copy links, times in UTC and KST.
CREATE VIEW v_articles AS
SELECT a.id, a.source, a.published_at,
       a.published_at AT TIME ZONE 'Asia/Seoul' AS published_kst,
       a.title, a.subtitle, a.authors, a.section, a.topic_bilateral AS bilateral,
       a.topic_pairs AS pairs, a.story_id, a.version_rank, a.duplicate_of, a.duplicate_kind,
       (s.latest_article_id = a.id) AS is_latest_version,
       (SELECT count(*) FROM article_versions v WHERE v.article_id = a.id) AS version_count,
       a.canonical_url, a.first_seen_at, a.last_seen_at
FROM articles a LEFT JOIN stories s ON s.id = a.story_id;

-- One row per story: its latest headline, when it ran, which sources carried it.
CREATE VIEW v_stories AS
SELECT s.id AS story_id, s.story_key, latest.title AS headline,
       s.first_published_at, s.last_published_at,
       count(a.id) AS articles,
       array_agg(DISTINCT a.source ORDER BY a.source) AS sources,
       bool_or(a.topic_bilateral) AS bilateral,
       (SELECT array_agg(DISTINCT p ORDER BY p) FROM articles a2, unnest(a2.topic_pairs) p
        WHERE a2.story_id = s.id) AS pairs
FROM stories s
JOIN articles a ON a.story_id = s.id
LEFT JOIN articles latest ON latest.id = s.latest_article_id
GROUP BY s.id, latest.title;

-- Articles per source and KST day.
CREATE VIEW v_daily_counts AS
SELECT (published_at AT TIME ZONE 'Asia/Seoul')::date AS day, source,
       count(*) AS articles,
       count(*) FILTER (WHERE topic_bilateral) AS bilateral,
       count(*) FILTER (WHERE duplicate_of IS NOT NULL) AS copies
FROM articles
WHERE published_at IS NOT NULL
GROUP BY 1, 2;
