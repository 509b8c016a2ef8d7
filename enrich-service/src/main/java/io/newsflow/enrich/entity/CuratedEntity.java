package io.newsflow.enrich.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An entity an operator put in the knowledge base: its canonical name, type and ids. Aliases: {@link CuratedAlias}. */
@Entity
@Table(name = "kb_entity")
public class CuratedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 16)
    public String type;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "external_id", length = 100)
    public String externalId;

    @Column(length = 2)
    public String country;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
