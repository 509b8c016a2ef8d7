-- The ledger of accepted articles: one row per canonical URL, one per version of its content.
create table article (
    id                uuid primary key,
    canonical_url     text        not null unique,
    source_id         text,
    current_version   integer     not null,
    content_hash      char(64)    not null,
    first_received_at timestamptz not null,
    last_received_at  timestamptz not null
);

-- "different URL, same content": copies are found by their hash
create index article_content_hash_idx on article (content_hash);

create table article_version (
    id           bigserial primary key,
    article_id   uuid        not null references article (id),
    version      integer     not null,
    content_hash char(64)    not null,
    status       varchar(16) not null,
    received_at  timestamptz not null,
    unique (article_id, version)
);
