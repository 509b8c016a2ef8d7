package io.newsflow.enrich.entity;

import io.newsflow.commons.auth.AdminOnly;
import io.newsflow.commons.problem.Parameters;
import io.newsflow.commons.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operators' knowledge base: fix an entity's name, type, id or country once, and every article enriched from
 * then on uses it. Reading is open; changes need the admin key.
 */
@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge base")
public class EntityResource {

    private static final String NAME = "(?s).*\\p{L}.*";
    private static final String MUST_HAVE_A_LETTER = "must contain a letter";

    private final KnowledgeBaseRepository repository;
    private final KnowledgeBase knowledgeBase;

    EntityResource(KnowledgeBaseRepository repository, KnowledgeBase knowledgeBase) {
        this.repository = repository;
        this.knowledgeBase = knowledgeBase;
    }

    /** What an operator sends: the canonical name and type, the other names it goes by, optional ids. */
    public record EntityRequest(
            @NotNull
            @Pattern(regexp = "person|organization|location", message = "must be person, organization or location")
            String type,

            @NotBlank @Size(max = 200) @Pattern(regexp = NAME, message = MUST_HAVE_A_LETTER)
            String name,

            @Size(max = 100)
            List<@NotBlank @Size(max = 200) @Pattern(regexp = NAME, message = MUST_HAVE_A_LETTER) String> aliases,

            @Size(max = 100) @Pattern(regexp = "\\S+", message = "must be an id without spaces, e.g. wikidata:Q30")
            String externalId,

            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US")
            String country) {}

    public record EntityView(
            UUID id,
            String type,
            String name,
            List<String> aliases,
            String externalId,
            String country,
            Instant updatedAt) {}

    @GET
    @Operation(summary = "List the knowledge base, optionally filtered by type or by a name or alias")
    public Uni<List<EntityView>> list(@QueryParam("type") String type, @QueryParam("q") String query) {
        String key = query == null || query.isBlank() ? null : EntityNames.key(query);
        return repository.all().map(contents -> {
            Map<UUID, List<String>> aliases = aliasesByEntity(contents.aliases());
            List<EntityView> views = new ArrayList<>();
            for (CuratedEntity entity : contents.entities()) {
                List<String> names = aliases.getOrDefault(entity.id, List.of());
                boolean typeMatches = type == null || type.isBlank() || type.equals(entity.type);
                boolean nameMatches = key == null
                        || EntityNames.key(entity.name).contains(key)
                        || names.stream().anyMatch(n -> EntityNames.key(n).contains(key));
                if (typeMatches && nameMatches) {
                    views.add(view(entity, names));
                }
            }
            return views;
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One knowledge-base entity")
    public Uni<EntityView> get(@PathParam("id") String id) {
        UUID entityId = Parameters.uuid(id, "id");
        return repository
                .find(entityId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No knowledge-base entity " + entityId))
                .chain(entity -> repository.aliases(entityId).map(aliases -> view(entity, names(aliases))));
    }

    @POST
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an entity (admin key)")
    public Uni<Response> create(@Valid @NotNull EntityRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        CuratedEntity entity = new CuratedEntity();
        entity.id = UUID.randomUUID();
        return save(entity, request)
                .map(view -> Response.created(uri.getAbsolutePathBuilder()
                                .path(view.id().toString())
                                .build())
                        .entity(view)
                        .build());
    }

    @PUT
    @Path("/{id}")
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an entity and its aliases (admin key)")
    public Uni<EntityView> replace(@PathParam("id") String id, @Valid @NotNull EntityRequest request) {
        UUID entityId = Parameters.uuid(id, "id");
        return repository
                .find(entityId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No knowledge-base entity " + entityId))
                .chain(entity -> save(entity, request));
    }

    @DELETE
    @Path("/{id}")
    @AdminOnly
    @Operation(summary = "Remove an entity (admin key)")
    public Uni<Response> delete(@PathParam("id") String id) {
        UUID entityId = Parameters.uuid(id, "id");
        return repository.delete(entityId).chain(deleted -> {
            if (!deleted) {
                throw new NotFoundException("No knowledge-base entity " + entityId);
            }
            return knowledgeBase.refresh().replaceWith(Response.noContent().build());
        });
    }

    private Uni<EntityView> save(CuratedEntity entity, EntityRequest request) {
        Map<String, String> aliasesByKey = new LinkedHashMap<>();
        for (String alias : request.aliases() == null ? List.<String>of() : request.aliases()) {
            String key = EntityNames.key(alias);
            if (!key.equals(EntityNames.key(request.name()))) {
                aliasesByKey.putIfAbsent(key, alias.strip());
            }
        }
        aliasesByKey.put(EntityNames.key(request.name()), request.name().strip());
        return repository.all().chain(contents -> {
            for (CuratedAlias existing : contents.aliases()) {
                if (aliasesByKey.containsKey(existing.aliasKey) && !existing.entityId.equals(entity.id)) {
                    throw new AliasTakenException(existing.alias, existing.entityId);
                }
            }
            entity.type = request.type();
            entity.name = request.name().strip();
            entity.externalId = request.externalId();
            entity.country = request.country();
            entity.updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<CuratedAlias> aliases = new ArrayList<>();
            aliasesByKey.forEach((key, alias) -> {
                CuratedAlias row = new CuratedAlias();
                row.aliasKey = key;
                row.alias = alias;
                row.entityId = entity.id;
                aliases.add(row);
            });
            return repository
                    .save(entity, aliases)
                    .chain(saved -> knowledgeBase.refresh())
                    .map(ignored -> view(entity, names(aliases)));
        });
    }

    private static boolean uniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static Map<UUID, List<String>> aliasesByEntity(List<CuratedAlias> aliases) {
        Map<UUID, List<String>> byEntity = new LinkedHashMap<>();
        for (CuratedAlias alias : aliases) {
            byEntity.computeIfAbsent(alias.entityId, id -> new ArrayList<>()).add(alias.alias);
        }
        return byEntity;
    }

    private static List<String> names(List<CuratedAlias> aliases) {
        return aliases.stream().map(a -> a.alias).sorted().toList();
    }

    private static EntityView view(CuratedEntity entity, List<String> aliases) {
        List<String> others = aliases.stream()
                .filter(alias -> !EntityNames.key(alias).equals(EntityNames.key(entity.name)))
                .sorted()
                .toList();
        return new EntityView(
                entity.id, entity.type, entity.name, others, entity.externalId, entity.country, entity.updatedAt);
    }

    /** An alias already names another entity: 409, naming both. */
    static class AliasTakenException extends jakarta.ws.rs.WebApplicationException {
        AliasTakenException(String alias, UUID owner) {
            super(Problem.of(
                            Response.Status.CONFLICT,
                            "The name \"" + alias + "\" already names "
                                    + (owner == null ? "another entity" : "entity " + owner) + ".",
                            null,
                            List.of(new Problem.FieldError("aliases", "\"" + alias + "\" is taken")))
                    .toResponse());
        }
    }
}
