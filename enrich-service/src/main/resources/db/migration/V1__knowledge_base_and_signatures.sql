-- The enrich service keeps its tables in its own schema (Flyway creates it): the ingest service's migrations
-- and these never meet.

-- The operators' knowledge base: an entity under its canonical name, with the aliases that name it.
create table kb_entity (
    id          uuid primary key,
    type        varchar(16)  not null check (type in ('person', 'organization', 'location')),
    name        varchar(200) not null,
    external_id varchar(100),
    country     char(2),
    updated_at  timestamptz  not null
);

-- One alias names one entity: alias_key is the alias lower-cased with accents folded.
create table kb_alias (
    alias_key varchar(200) primary key,
    alias     varchar(200) not null,
    entity_id uuid         not null references kb_entity (id) on delete cascade
);
create index kb_alias_entity on kb_alias (entity_id);

-- The MinHash signature of each article's main text (64 minima of word 3-shingles) and the story it belongs to.
create table article_signature (
    article_id uuid        primary key,
    story_id   uuid        not null,
    -- the earlier article this one nearly copies, decided once: a replay or a new version keeps it
    duplicate_of uuid,
    minhash    bytea       not null,
    created_at timestamptz not null
);

-- Locality-sensitive hashing: the signature cut in 16 bands of 4 minima, each band hashed. Texts that share a
-- band are candidates; their signatures then estimate how similar they really are.
create table article_band (
    band       smallint not null,
    band_hash  integer  not null,
    article_id uuid     not null references article_signature (article_id) on delete cascade,
    primary key (band, band_hash, article_id)
);
create index article_band_article on article_band (article_id);
