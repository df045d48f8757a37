-- eventwire store, schema version 2: what the store knows about actors beyond the curated data.

-- Persons introduced with an office in an article ("Kenya's foreign minister Musalia Mudavadi"): learned
-- knowledge, with its evidence. Later ingests resolve the name (and surname) near these dates.
CREATE TABLE person_observations (
    article_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    country VARCHAR,
    org VARCHAR,
    role VARCHAR,
    date DATE,                        -- the article's date
    sentence_index INTEGER NOT NULL,
    sentence VARCHAR NOT NULL
);

-- Entries of actor dictionaries imported with `eventwire actors import` (PETRARCH/TABARI formats).
CREATE TABLE imported_actors (
    names VARCHAR NOT NULL,           -- '|'-separated, the first the entry's primary phrase
    code VARCHAR NOT NULL,            -- as the dictionary writes it (RUSGOV, IGOUNO, ~MIL ...)
    country VARCHAR,
    org VARCHAR,
    role VARCHAR,
    start_date DATE,                  -- the code holds on start_date <= date < end_date
    end_date DATE,
    kind VARCHAR NOT NULL,            -- person, actor or agent
    source VARCHAR NOT NULL,          -- the dictionary file
    line INTEGER NOT NULL,
    imported_at TIMESTAMP NOT NULL
);
