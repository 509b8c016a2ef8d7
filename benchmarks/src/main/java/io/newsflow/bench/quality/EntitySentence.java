package io.newsflow.bench.quality;

import java.util.List;

/** One gold sentence: its tokens and its person, organisation and place spans (other types are left out). */
record EntitySentence(List<String> tokens, List<EntitySpan> gold) {}
