-- eventwire store, schema version 1. One row per article; child tables keyed by (article_id, id).
-- Lists are DuckDB VARCHAR[]; the article's full analysis JSON is kept for lossless export.
CREATE TABLE IF NOT EXISTS schema_info (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, source_id VARCHAR, url VARCHAR, title VARCHAR, published VARCHAR,
    language VARCHAR, outlet_name VARCHAR, outlet_domain VARCHAR, outlet_country VARCHAR,
    outlet_ownership VARCHAR, text VARCHAR, n_chars INTEGER, removed VARCHAR[],
    analysis JSON, ingested_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS entities (
    article_id VARCHAR, id VARCHAR, name VARCHAR, type VARCHAR, actor_code VARCHAR,
    actor_country VARCHAR, actor_sector VARCHAR, actor_label VARCHAR, titles VARCHAR[],
    evidence VARCHAR[], PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR, entity_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, kind VARCHAR,
    PRIMARY KEY (article_id, entity_id, start, "end"));
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, id VARCHAR, name VARCHAR, geonameid BIGINT, country VARCHAR, admin1 VARCHAR,
    lat DOUBLE, lon DOUBLE, precision VARCHAR, mentions JSON, PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS times (
    article_id VARCHAR, id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, value VARCHAR,
    precision VARCHAR, modifier VARCHAR, PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, kind VARCHAR,
    speaker VARCHAR, cue_text VARCHAR, cue_start INTEGER, cue_end INTEGER, stance VARCHAR,
    PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR, id VARCHAR, trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    sentence_start INTEGER, sentence_end INTEGER, cameo VARCHAR, plover VARCHAR,
    acled_event_type VARCHAR, acled_sub_event_type VARCHAR, source VARCHAR[], target VARCHAR[],
    place VARCHAR, time VARCHAR, fatalities_text VARCHAR, fatalities_min INTEGER, fatalities_max INTEGER,
    status VARCHAR, attributed_to VARCHAR[], denied_by VARCHAR[], goldstein DOUBLE, confidence DOUBLE,
    evidence VARCHAR[], PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS event_clusters (
    cluster_id VARCHAR, article_id VARCHAR, event_id VARCHAR, PRIMARY KEY (cluster_id, article_id, event_id));
CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR PRIMARY KEY, code VARCHAR, reason VARCHAR, failed_at TIMESTAMP DEFAULT current_timestamp);
