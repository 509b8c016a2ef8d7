-- Feeds the service polls for a source, with the health of each.
create table feed_subscription (
    id                   uuid primary key,
    source_id            uuid        not null references source (id) on delete cascade,
    url                  text        not null,
    enabled              boolean     not null,
    etag                 text,
    last_modified        text,
    interval_seconds     integer     not null,
    next_poll_at         timestamptz not null,
    last_polled_at       timestamptz,
    last_success_at      timestamptz,
    last_error_at        timestamptz,
    last_error           text,
    consecutive_failures integer     not null,
    items_seen           bigint      not null,
    last_new_items       integer     not null,
    created_at           timestamptz not null,
    unique (source_id, url)
);

create index feed_subscription_due_idx on feed_subscription (next_poll_at) where enabled;
