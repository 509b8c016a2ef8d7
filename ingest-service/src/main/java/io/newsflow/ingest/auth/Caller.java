package io.newsflow.ingest.auth;

import jakarta.enterprise.context.RequestScoped;

/** Who is calling, as {@link ApiKeyFilter} established it for this request. */
@RequestScoped
public class Caller {

    private boolean admin;
    private String sourceId;

    void admin() {
        this.admin = true;
    }

    void source(String sourceId) {
        this.sourceId = sourceId;
    }

    public boolean isAdmin() {
        return admin;
    }

    /** The calling source's id, or null for the admin. */
    public String sourceId() {
        return sourceId;
    }

    /** Whether the caller may see or change what belongs to {@code ownerSourceId}. */
    public boolean mayAccess(String ownerSourceId) {
        return admin || (sourceId != null && sourceId.equals(ownerSourceId));
    }
}
