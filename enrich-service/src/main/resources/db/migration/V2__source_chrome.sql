-- Per-source chrome memory (SourceChrome): the lines each source's pages carry. A line found on many pages of one
-- source (its menus, its standing boilerplate paragraph) is that source's chrome, whatever it says.

-- The pages learnt from, so a replayed or re-versioned article is never counted twice; the latest pages per source.
create table source_page (
    source_id  varchar(200) not null,
    article_id uuid         not null,
    seen_at    timestamptz  not null,
    primary key (source_id, article_id)
);
create index source_page_age on source_page (source_id, seen_at);

-- A line of a source's pages by its key (PageLines.key: normalised, hashed to 64 bits) and on how many distinct
-- pages of the source it was seen.
create table source_line (
    source_id varchar(200) not null,
    line_key  bigint       not null,
    pages     integer      not null,
    last_seen timestamptz  not null,
    primary key (source_id, line_key)
);
create index source_line_rank on source_line (source_id, pages desc, last_seen desc);
