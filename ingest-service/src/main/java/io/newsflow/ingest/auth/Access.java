package io.newsflow.ingest.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Who may call a resource: checked by {@link ApiKeyFilter} from the {@code X-Api-Key} header. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {

    Role value();

    enum Role {
        /** The operators' admin key ({@code NEWSFLOW_ADMIN_KEY}). */
        ADMIN,
        /** A source's key: the newsroom that sends the news. */
        SOURCE,
        /** Either; the resource decides what each may see. */
        ADMIN_OR_SOURCE
    }
}
