package io.newsflow.enrich.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One name of a {@link CuratedEntity}; {@code aliasKey} is the name as {@link EntityNames#key} folds it. */
@Entity
@Table(name = "kb_alias")
public class CuratedAlias {

    @Id
    @Column(name = "alias_key", length = 200)
    public String aliasKey;

    @Column(nullable = false, length = 200)
    public String alias;

    @Column(name = "entity_id", nullable = false)
    public UUID entityId;
}
