-- 0001_initial: articles, stored once per content hash, with every source that produced them;
-- rejected inputs; stories with their members and their analysis results.
--
-- Every table has an integer `seq` (or a position) so that listings come back in a deterministic
-- order: insertion order for articles, sources and rejections, grouping order for stories.
-- JSON columns hold newsprism.model.to_plain() of the field; timestamps are ISO-8601 UTC.

CREATE TABLE articles (
    seq          INTEGER PRIMARY KEY,                     -- insertion order
    id           TEXT    NOT NULL UNIQUE CHECK (id <> ''), -- Article.id, the content hash
    source       TEXT    NOT NULL,                        -- the first source; all are in article_sources
    text         TEXT    NOT NULL,
    outlet       TEXT,
    title        TEXT,
    byline       TEXT,
    published    TEXT,
    language     TEXT,
    url          TEXT,
    wire         TEXT    NOT NULL DEFAULT '[]',           -- JSON list of str
    removed      TEXT    NOT NULL DEFAULT '[]',           -- JSON list of Removal
    headings     TEXT    NOT NULL DEFAULT '[]',           -- JSON list of Span
    paragraphs   TEXT    NOT NULL DEFAULT '[]',           -- JSON list of Span
    input_format TEXT    NOT NULL,
    metadata     TEXT    NOT NULL DEFAULT '{}',           -- JSON object
    added_at     TEXT    NOT NULL
);

-- Every path or URL that produced an article: the same article read from two files is stored once
-- in `articles` and twice here.
CREATE TABLE article_sources (
    seq        INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source     TEXT NOT NULL,
    added_at   TEXT NOT NULL,
    UNIQUE (article_id, source)
);

-- Inputs that could not be read, for the record; the same source may be rejected in several runs.
CREATE TABLE rejections (
    seq    INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
);

CREATE TABLE stories (
    seq        INTEGER PRIMARY KEY,                       -- grouping order
    id         TEXT NOT NULL UNIQUE CHECK (id <> ''),
    title      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE story_articles (
    story_id   TEXT    NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id TEXT    NOT NULL REFERENCES articles (id),
    position   INTEGER NOT NULL,                          -- order within Story.article_ids
    PRIMARY KEY (story_id, article_id)
) WITHOUT ROWID;

CREATE INDEX story_articles_by_article ON story_articles (article_id);

-- The analysis of a story (the whole Story as JSON, schema `newsprism.report/1`). Derived data:
-- it can be deleted and rebuilt from the articles and the membership at any time.
CREATE TABLE story_results (
    story_id    TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    schema      TEXT NOT NULL,
    report_json TEXT NOT NULL,
    analyzed_at TEXT NOT NULL
);
