-- Newsrooms that push news, each with its API key (only its SHA-256 is stored; the key is shown once).
create table source (
    id           uuid primary key,
    name         text        not null unique,
    api_key_hash char(64)    not null unique,
    created_at   timestamptz not null
);
