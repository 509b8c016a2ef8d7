package io.newsflow.enrich.entity;

/** The tagger and the gazetteer the entity tests share: each is loaded once per test run, when first used. */
final class EntityFixtures {

    private EntityFixtures() {}

    static EntityTagger tagger() {
        return Holder.TAGGER;
    }

    static Gazetteer gazetteer() {
        return Holder.GAZETTEER;
    }

    private static final class Holder {
        static final EntityTagger TAGGER = new EntityTagger();
        static final Gazetteer GAZETTEER = Gazetteer.load();
    }
}
