package io.newsflow.bench.quality;

import java.util.List;

/**
 * One gold sentence: its tokens and its person, organisation and place spans (other types are left out).
 *
 * @param document the number of the document it belongs to, within its set
 */
record EntitySentence(int document, List<String> tokens, List<EntitySpan> gold) {}
