-- Indexes for the read queries (newscrawl/db/queries.py) at a million articles;
-- bench/queries.py measures them. While they are built, writes to the table wait and reads
-- go on; the indexes they replace are dropped last, so reads wait only for that moment.

-- Newest first, exactly the order `list` asks for (published_at DESC NULLS LAST, id DESC), so
-- a list reads 50 entries instead of sorting the table. The included columns are every column
-- `stats` and the `list` count read or filter on, so those scan this index alone (index-only)
-- instead of the wide table rows. It replaces the index on published_at alone.
CREATE INDEX articles_newest_idx ON articles (published_at DESC NULLS LAST, id DESC)
    INCLUDE (source, topic_bilateral, topic_pairs, version_rank, duplicate_of);

-- `list --source S`, newest first; replaces (source, published_at DESC).
CREATE INDEX articles_source_newest_idx
    ON articles (source, published_at DESC NULLS LAST, id DESC);

-- `stats` top pairs and the pairs page: only the articles that have a country pair.
CREATE INDEX articles_pairs_idx ON articles (published_at DESC NULLS LAST, id DESC)
    INCLUDE (source, topic_bilateral, topic_pairs, story_id) WHERE topic_pairs <> '{}';

-- `timeline`: a story's articles with the columns its filters and counts read, so checking
-- whether a story has an article about the pair is one index probe; replaces (story_id).
CREATE INDEX articles_story_members_idx ON articles (story_id)
    INCLUDE (id, source, published_at, topic_bilateral, topic_pairs, duplicate_of);

-- `timeline`: stories newest first, in its order (first_published_at DESC NULLS FIRST, id DESC).
CREATE INDEX stories_newest_idx ON stories (first_published_at DESC, id DESC)
    INCLUDE (latest_article_id);

-- `stats`: the articles seen with more than one text (versions are numbered 1, 2, ...).
CREATE INDEX article_versions_updated_idx ON article_versions (article_id) WHERE version > 1;

DROP INDEX articles_published_idx;
DROP INDEX articles_source_published_idx;
DROP INDEX articles_story_idx;
