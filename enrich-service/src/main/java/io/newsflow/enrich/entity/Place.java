package io.newsflow.enrich.entity;

/**
 * A place the gazetteer knows.
 *
 * @param id {@code iso:FR} for a country, {@code admin1:US.GA} for a region (its GeoNames admin1 code),
 *     {@code city:US.NY.new-york-city} for a city (country, admin1 code and GeoNames name: the data the gazetteer
 *     is built from carries no GeoNames numeric ids)
 * @param name the usual news name ("New York", "Reykjavík", "United States")
 * @param kind {@link #COUNTRY}, {@link #REGION} or {@link #CITY}
 * @param country ISO 3166-1 alpha-2 code of the place's country
 * @param population the population when the data gives one, else {@code null} (the current data never does)
 */
public record Place(String id, String name, String kind, String country, Long population) {

    public static final String COUNTRY = "country";
    public static final String REGION = "region";
    public static final String CITY = "city";
}
