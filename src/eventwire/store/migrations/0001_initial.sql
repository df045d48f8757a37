-- eventwire store, schema version 1. Documented in docs/store.md; change it only by adding a migration.

CREATE TABLE meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- One row an article, syndicated copies included (marked dup_of their first copy).
CREATE TABLE articles (
    article_id VARCHAR PRIMARY KEY,   -- 16 hex of sha1: the normalised URL, or without one the normalised text
    seq BIGINT NOT NULL,              -- order of arrival; "first copy" means lowest seq
    url VARCHAR,
    title VARCHAR,
    source VARCHAR,                   -- outlet or site (feed title, site name, host of the URL)
    author VARCHAR,
    published DATE,
    text VARCHAR NOT NULL,
    path VARCHAR,                     -- the file it was read from
    record INTEGER,                   -- its line or record number there
    dup_of VARCHAR,                   -- article_id of the first copy, or NULL
    similarity DOUBLE,                -- estimated Jaccard similarity to that copy
    minhash BLOB,                     -- MinHash signature (uint32 little-endian), for finding later copies
    n_mentions INTEGER NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);

-- One row a sentence-level coding (what `eventwire code` prints).
CREATE TABLE mentions (
    mention_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    event_id BIGINT,                  -- the event it counts towards; NULL if a syndicated copy's mention matched none
    date DATE,
    source_code VARCHAR, source_country VARCHAR, source_org VARCHAR, source_role VARCHAR, source_name VARCHAR,
    source_text VARCHAR,
    target_code VARCHAR, target_country VARCHAR, target_org VARCHAR, target_role VARCHAR, target_name VARCHAR,
    target_text VARCHAR,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    quad_class TINYINT NOT NULL,
    goldstein DOUBLE NOT NULL,
    plover VARCHAR,
    mode VARCHAR NOT NULL,
    speaker_code VARCHAR,
    sentence_index INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    trigger VARCHAR NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    confidence DOUBLE NOT NULL,
    in_duplicate BOOLEAN NOT NULL,
    outlet VARCHAR NOT NULL           -- the article's source, or its id without one: what num_sources counts
);

-- Mentions counted once: same date (+-1 day), source, target, CAMEO base code and kind of mode.
CREATE TABLE events (
    event_id BIGINT PRIMARY KEY,
    date DATE,
    source_code VARCHAR, source_country VARCHAR, source_org VARCHAR, source_role VARCHAR, source_name VARCHAR,
    target_code VARCHAR, target_country VARCHAR, target_org VARCHAR, target_role VARCHAR, target_name VARCHAR,
    cameo VARCHAR NOT NULL,
    base_code VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    quad_class TINYINT NOT NULL,
    goldstein DOUBLE NOT NULL,
    plover VARCHAR,
    mode VARCHAR NOT NULL,
    mode_group VARCHAR NOT NULL,      -- 'fact' (asserted or claimed) or the mode itself
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    confidence DOUBLE NOT NULL,         -- mean over its mentions
    first_seen TIMESTAMP NOT NULL,
    first_mention_id VARCHAR NOT NULL,-- the evidence shown by default
    is_root_event BOOLEAN NOT NULL,   -- first mention in an article's opening sentences
    source_url VARCHAR
);

-- Files fully ingested: a rerun skips a file whose size and modification time are unchanged.
CREATE TABLE files (
    path VARCHAR PRIMARY KEY,
    size BIGINT NOT NULL,
    mtime_ns BIGINT NOT NULL,
    articles INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    completed_at TIMESTAMP NOT NULL
);
