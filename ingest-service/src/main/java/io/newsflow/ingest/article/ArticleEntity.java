package io.newsflow.ingest.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The ledger row of one article (one identity): which version of its content was last accepted. */
@Entity
@Table(name = "article")
public class ArticleEntity {

    @Id
    public UUID id;

    /** The canonical URL, or the non-web URI the newsroom identifies the article by. */
    @Column(name = "identity", nullable = false, unique = true)
    public String identity;

    /** The web address of an article whose identity is not one; null otherwise. */
    @Column(name = "url")
    public String url;

    @Column(name = "source_id")
    public String sourceId;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(name = "first_received_at", nullable = false)
    public Instant firstReceivedAt;

    @Column(name = "last_received_at", nullable = false)
    public Instant lastReceivedAt;
}
