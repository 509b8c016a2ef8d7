package io.newsflow.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On a cluster the indices get the configured replicas ({@code SEARCH_REPLICAS}), so a node lost loses no
 * article; on its own indices, deleted afterwards, since a replica on the one-node test stack stays unassigned.
 */
@QuarkusTest
@TestProfile(IndexReplicasTest.OneReplica.class)
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class IndexReplicasTest {

    public static class OneReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "search.replicas", "1",
                    "search.alias", "articles-replicas-test",
                    "search.versions-index", "article-versions-replicas-test",
                    "mp.messaging.incoming.enriched-articles.enabled", "false");
        }
    }

    @Inject
    ArticleIndex index;

    @Inject
    ElasticsearchClient client;

    @Test
    void theIndicesGetTheConfiguredReplicas() throws IOException {
        index.ensureIndex();
        for (String name : new String[] {index.alias(), index.versionsIndex()}) {
            var settings = client.indices().getSettings(s -> s.index(name)).settings();
            assertThat(settings).as(name).isNotEmpty();
            settings.values()
                    .forEach(state -> assertThat(state.settings().index().numberOfReplicas())
                            .as(name)
                            .isEqualTo("1"));
        }
    }

    @AfterEach
    void deleteTheTestIndices() throws IOException {
        // by name: the test stack refuses wildcard deletes
        List<String> indices = new ArrayList<>(List.of(index.versionsIndex()));
        index.currentIndex().ifPresent(indices::add);
        client.indices().delete(d -> d.index(indices).ignoreUnavailable(true));
    }
}
