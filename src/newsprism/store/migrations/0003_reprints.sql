-- 0003_reprints: near-duplicate links found by the stream clusterer (newsprism.cluster.stream).
-- A reprint is stored in its original's story; this table says which member it copies, so that it
-- counts toward coverage but not as an independent source. Links are between articles and survive
-- a regrouping (`newsprism rebuild`).
CREATE TABLE article_reprints (
    article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    original_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    score       REAL NOT NULL
) WITHOUT ROWID;
