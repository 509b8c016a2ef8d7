package io.newsflow.enrich.entity;

/**
 * A well-known person or organisation.
 *
 * @param type {@link Mention#PERSON}, {@link Mention#ORGANIZATION} or {@link Mention#LOCATION}
 * @param name the canonical name ("Joe Biden", "Apple Inc.", "United Nations")
 * @param id a stable id: {@code wikidata:Q6279}, {@code bioguide:C000127} (US Congress) or {@code cik:320193}
 *     (the company's SEC number)
 * @param country ISO 3166-1 alpha-2 code of the person's or organisation's country, {@code null} when it has none
 *     (the United Nations) or is not known
 */
public record KnownEntity(String type, String name, String id, String country) {}
