package io.newsflow.ingest.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One accepted version of an article's content. */
@Entity
@Table(name = "article_version")
public class ArticleVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    @Column(nullable = false)
    public int version;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public IngestResult.Status status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
