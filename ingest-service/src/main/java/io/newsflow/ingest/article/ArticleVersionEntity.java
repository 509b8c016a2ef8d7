package io.newsflow.ingest.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One accepted version of an article's content. */
@Entity
@Table(name = "article_version")
@IdClass(ArticleVersionEntity.Key.class)
public class ArticleVersionEntity {

    @Id
    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    @Id
    @Column(nullable = false)
    public int version;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public IngestResult.Status status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The primary key: article and version. */
    public record Key(UUID articleId, int version) implements Serializable {}
}
