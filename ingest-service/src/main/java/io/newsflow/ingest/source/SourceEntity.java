package io.newsflow.ingest.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A newsroom that sends news, with the hash of its API key. */
@Entity
@Table(name = "source")
public class SourceEntity {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "api_key_hash", nullable = false, unique = true, length = 64)
    public String apiKeyHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
