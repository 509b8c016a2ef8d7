package io.newsflow.enrich.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Canonical names, stable ids and countries of places, well-known people and organisations, from the files in
 * {@code src/main/resources/gazetteer/} (sources, licences and how to rebuild them: the {@code NOTICE} there).
 *
 * <p>Names match whatever their case, accents ("Reykjavik" is Reykjavík), punctuation ("U.S." is "US") and a
 * leading "the". Short names written in capitals in the data ("US", "UK", "UN", "WHO", "AP") match only when the
 * text writes them in capitals too: "who" is no organisation and "us" no country.
 *
 * <p>A place name that several places share goes to the most prominent: a country, then a prominent city (a
 * hand-written list, in order), then a region (state, province), then a national capital, then any other city. Two
 * places of the same rank in different countries make the name ambiguous: no answer rather than a guess. The data
 * has no populations, hence the hand-written lists of prominent cities and regions. A small town never wins over a
 * well-known organisation or area of the same name ("Congress", "Middle East"). "Georgia" is the country; with
 * {@code US} as context it is the state; a town never wins over a country, whatever the context ("Venezuela" in an
 * article about Cuba is the country, not the Cuban town).
 *
 * <p>People and organisations: US presidents, vice-presidents and members of Congress, about 10,000 members of
 * legislatures worldwide (EveryPolitician, with their Wikidata ids; never by surname alone), S&P 500 companies, and a
 * hand-written list of international organisations, news media, US institutions, a few world leaders and
 * continents. A surname alone names a person only for presidents and vice-presidents since 1977 whose surname no
 * other known person has ("Biden", "Obama"; not "Bush", not "Harris"), and for the hand-written leaders ("Putin").
 * A company's short name that is also a common word, name or place ("Apple", "Target") matches only when the
 * tagger says it is an organisation ({@link #known(String, String)}) or in its longer form ("Apple Inc.").
 *
 * <p>Immutable and thread-safe. {@link #load()} costs about 0.6 s of CPU and keeps about 40 MB of heap (measured by
 * {@code ./newsflow bench linking}), most of it for the 169,000 cities; the politicians take 3.7 MB.
 */
public final class Gazetteer {

    private static final String FOLDER = "gazetteer/";

    private static final int COUNTRY_RANK = 0;
    private static final int PROMINENT_CITY_RANK = 1;
    private static final int REGION_RANK = 2;
    private static final int CAPITAL_RANK = 3;
    private static final int CITY_RANK = 4;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern POSSESSIVE = Pattern.compile("\\s*['\u2019]s?$");
    /** Titles before a person's name, which a tagger sometimes keeps in the span. */
    private static final Pattern TITLE = Pattern.compile(
            "^(President|Vice President|Former President|Senator|Sen\\.|Representative|Rep\\.|Congressman"
                    + "|Congresswoman|Speaker|Governor|Gov\\.|Prime Minister|Chancellor|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?)\\s+");

    private static final Pattern LEGAL_SUFFIX =
            Pattern.compile(" (inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|group|holdings)$");

    /**
     * One name of a place. The {@link Place} is made on lookup, so the 169,000 cities cost a small object each.
     *
     * @param order the place's position among places of the same rank (the prominent cities' list order)
     * @param capitalsOnly the name is an abbreviation that matches only text in capitals ("US")
     */
    private record PlaceName(
            String name,
            String sourceName,
            String kind,
            String country,
            String admin1,
            int rank,
            int order,
            boolean capitalsOnly) {

        Place place() {
            String id = switch (kind) {
                case Place.COUNTRY -> "iso:" + country;
                case Place.REGION -> "admin1:" + country + "." + admin1;
                default -> "city:" + country + "." + admin1 + "." + slug(sourceName);
            };
            return new Place(id, name, kind, country, null);
        }

        PlaceName withName(String canonical, int rank, int order) {
            return new PlaceName(canonical, sourceName, kind, country, admin1, rank, order, false);
        }

        PlaceName alias(String alias) {
            return new PlaceName(name, sourceName, kind, country, admin1, rank, order, isAbbreviation(alias));
        }
    }

    /** One name of a known person or organisation. */
    private record KnownName(KnownEntity entity, boolean capitalsOnly) {}

    private final Map<String, List<PlaceName>> places;
    private final Map<String, PlaceName> countries;
    private final Map<String, List<PlaceName>> demonyms;
    private final Map<String, List<KnownName>> known;
    private final Set<String> generic;

    private Gazetteer(
            Map<String, List<PlaceName>> places,
            Map<String, PlaceName> countries,
            Map<String, List<PlaceName>> demonyms,
            Map<String, List<KnownName>> known,
            Set<String> generic) {
        this.places = places;
        this.countries = countries;
        this.demonyms = demonyms;
        this.known = known;
        this.generic = generic;
    }

    /** Reads the gazetteer from the classpath. */
    public static Gazetteer load() {
        return new Loader().load();
    }

    /** The most prominent place of that name ("Paris": France), if any. */
    public Optional<Place> place(String name) {
        return place(name, Set.of());
    }

    /**
     * The most prominent place of that name in one of {@code contextCountries} (ISO codes, for instance the
     * countries already found in the article), or anywhere when there is none there. "Paris, Texas" and "Georgia,
     * US" are understood as the place in that region or country.
     */
    public Optional<Place> place(String name, Set<String> contextCountries) {
        List<PlaceName> candidates = candidates(places, placeKey(name), name);
        int comma = name.lastIndexOf(',');
        if (candidates.isEmpty() && POSSESSIVE.matcher(name).find()) {
            return place(POSSESSIVE.matcher(name).replaceFirst(""), contextCountries); // "Britain's"
        } else if (candidates.isEmpty() && comma > 0) {
            return qualified(name.substring(0, comma), name.substring(comma + 1));
        }
        List<PlaceName> inContext = candidates.stream()
                .filter(c -> contextCountries.contains(c.country()))
                .toList();
        Optional<PlaceName> place = mostProminent(inContext.isEmpty() ? candidates : inContext);
        Optional<PlaceName> anywhere = mostProminent(candidates);
        if (place.isPresent()
                && anywhere.isPresent()
                && anywhere.get().rank() == COUNTRY_RANK
                && place.get().rank() >= CAPITAL_RANK) {
            // the context picks a region ("Georgia" in the US), never a town over a country ("Venezuela" in Cuba)
            place = anywhere;
        }
        if (place.isPresent() && place.get().rank() == CITY_RANK && known(name).isPresent()) {
            return Optional.empty(); // "Congress", "Middle East": the organisation or area, not a small town
        }
        return place.map(PlaceName::place);
    }

    /** "Russian" and "Russians": Russia; "American": United States; "Dominican": nothing (two countries). */
    public Optional<Place> countryOfAdjective(String word) {
        String key = key(word);
        List<PlaceName> candidates = candidates(demonyms, key, word);
        if (candidates.isEmpty() && key.endsWith("s")) {
            candidates = candidates(demonyms, key.substring(0, key.length() - 1), word);
        }
        return mostProminent(candidates).map(PlaceName::place);
    }

    /** The country with that ISO 3166-1 alpha-2 code. */
    public Optional<Place> country(String code) {
        return Optional.ofNullable(countries.get(code.toUpperCase(Locale.ROOT))).map(PlaceName::place);
    }

    /**
     * The well-known person or organisation of that name, when there is exactly one. Names that are also common
     * words ("Apple", "Target") match nothing here: see {@link #known(String, String)}.
     */
    public Optional<KnownEntity> known(String name) {
        return known(name, null);
    }

    /**
     * The well-known person or organisation of that name and of the type the tagger gave it ({@link Mention#PERSON},
     * {@link Mention#ORGANIZATION}), when there is exactly one. With the type, a short company name that is also a
     * common word is accepted ("Apple" tagged as an organisation is Apple Inc.); {@code null} means no type.
     */
    public Optional<KnownEntity> known(String name, String taggedType) {
        String key = key(name);
        String type = taggedType;
        List<KnownName> names = candidates(known, key, name);
        if (names.isEmpty() && key.startsWith("the ")) {
            key = key.substring(4);
            names = candidates(known, key, name);
        }
        if (names.isEmpty() && LEGAL_SUFFIX.matcher(key).find()) {
            key = LEGAL_SUFFIX.matcher(key).replaceFirst(""); // "Microsoft Corp.", "Target Corp.": a company
            names = candidates(known, key, name);
            type = Mention.ORGANIZATION;
        }
        if (names.isEmpty() && POSSESSIVE.matcher(name).find()) {
            return known(POSSESSIVE.matcher(name).replaceFirst(""), taggedType); // "Microsoft's"
        } else if (names.isEmpty() && TITLE.matcher(name).find()) {
            return known(TITLE.matcher(name).replaceFirst(""), Mention.PERSON); // "President Biden"
        } else if (type == null && generic.contains(key)) {
            return Optional.empty();
        }
        String wanted = type;
        List<KnownEntity> entities = names.stream()
                .map(KnownName::entity)
                .filter(e -> wanted == null || wanted.equals(e.type()))
                .distinct()
                .toList();
        return entities.size() == 1 ? Optional.of(entities.getFirst()) : Optional.empty();
    }

    /**
     * The type the gazetteer gives the name: {@link Mention#LOCATION} for a country, region, capital or prominent
     * city ("Texas", even if a tagger said organisation), else the known entity's type, else nothing (small towns
     * do not count: too many share their name with a word or a person).
     */
    public Optional<String> typeOf(String name) {
        Optional<PlaceName> place = mostProminent(candidates(places, placeKey(name), name));
        if (place.isPresent() && place.get().rank() <= CAPITAL_RANK) {
            return Optional.of(Mention.LOCATION);
        }
        return known(name).map(KnownEntity::type);
    }

    /**
     * "Paris, Texas": the most prominent Paris in the first country or region called Texas that has one;
     * "Evansville, Indiana, United States" too.
     */
    private Optional<Place> qualified(String name, String qualifier) {
        List<PlaceName> named = candidates(places, placeKey(name), name);
        for (PlaceName area : candidates(places, placeKey(qualifier), qualifier.strip())) {
            if (area.kind().equals(Place.CITY)) {
                continue;
            } else if (named.isEmpty() && name.indexOf(',') > 0) {
                Optional<Place> inner = place(name, Set.of(area.country()));
                if (inner.isPresent() && inner.get().country().equals(area.country())) {
                    return inner;
                }
                continue;
            }
            List<PlaceName> within = named.stream()
                    .filter(p -> p.country().equals(area.country()))
                    .filter(p ->
                            area.kind().equals(Place.COUNTRY) || area.admin1().equals(p.admin1()))
                    .toList();
            if (!within.isEmpty()) {
                return mostProminent(within).map(PlaceName::place);
            }
        }
        return Optional.empty();
    }

    /**
     * The best-ranked candidate; nothing when the best rank holds places in different countries (two equally
     * prominent "Springfield"s in one country give that country at least, and the first of them).
     */
    private static Optional<PlaceName> mostProminent(List<PlaceName> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        PlaceName best = candidates.getFirst(); // candidates are sorted by rank and order
        boolean ambiguous = candidates.stream()
                .anyMatch(c -> c.rank() == best.rank()
                        && c.order() == best.order()
                        && !c.country().equals(best.country()));
        return ambiguous ? Optional.empty() : Optional.of(best);
    }

    /** The entries for that key, less the capitals-only ones when the text is not in capitals. */
    private static <T> List<T> candidates(Map<String, List<T>> index, String key, String text) {
        List<T> all = index.getOrDefault(key, List.of());
        if (all.isEmpty() || !hasLowerCase(text)) {
            return all;
        }
        return all.stream().filter(entry -> !isCapitalsOnly(entry)).toList();
    }

    private static boolean isCapitalsOnly(Object entry) {
        return switch (entry) {
            case PlaceName p -> p.capitalsOnly();
            case KnownName k -> k.capitalsOnly();
            default -> false;
        };
    }

    private static boolean hasLowerCase(String text) {
        return text.chars().anyMatch(Character::isLowerCase);
    }

    /** "US", "U.S.", "WHO", "P&G": at most three letters, all capitals. */
    private static boolean isAbbreviation(String alias) {
        long letters = alias.chars().filter(Character::isLetter).count();
        return letters > 0 && letters <= 3 && !hasLowerCase(alias);
    }

    /** The key a place name is looked up by: {@link #key(String)} without a leading "the". */
    private static String placeKey(String name) {
        String key = key(name);
        return key.startsWith("the ") ? key.substring(4) : key;
    }

    /**
     * Lower case, no accents, punctuation as spaces, and initials joined: "U.S." and "US" are "us", "J.D. Vance"
     * and "JD Vance" are "jd vance", "Coca-Cola" is "coca cola".
     */
    static String key(String name) {
        String text = fold(name);
        StringBuilder key = new StringBuilder(text.length());
        boolean previousInitial = false;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && !isSeparator(text.charAt(i))) {
                start = start < 0 ? i : start;
                continue;
            } else if (start < 0) {
                continue;
            }
            boolean initial = i - start == 1 && Character.isLetter(text.charAt(start));
            if (!key.isEmpty() && !(initial && previousInitial)) {
                key.append(' ');
            }
            key.append(text, start, i);
            previousInitial = initial;
            start = -1;
        }
        return key.toString();
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || ".,;:()[]/\"_-".indexOf(c) >= 0 || (c >= '\u2010' && c <= '\u2015');
    }

    private static String fold(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 128;
        }
        if (ascii) {
            return lower;
        }
        String folded =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return folded.replace("ß", "ss")
                .replace("æ", "ae")
                .replace("œ", "oe")
                .replace("ø", "o")
                .replace("ł", "l")
                .replace("đ", "d")
                .replace("ı", "i");
    }

    private static String slug(String name) {
        return key(name).replace("'", "").replace(' ', '-');
    }

    /** Reads the resource files once; not thread-safe, and thrown away after {@link #load()}. */
    private static final class Loader {

        private final Map<String, List<PlaceName>> places = new HashMap<>();
        private final Map<String, PlaceName> countries = new HashMap<>();
        private final Map<String, List<PlaceName>> demonyms = new HashMap<>();
        private final Map<String, List<KnownName>> known = new HashMap<>();
        private final Set<String> generic = new HashSet<>();
        private final Map<String, KnownEntity> entitiesById = new HashMap<>();
        /** One copy of each country and admin1 code: 169,000 cities share a few thousand. */
        private final Map<String, String> codes = new HashMap<>();

        private String code(String code) {
            return codes.computeIfAbsent(code, c -> c);
        }

        Gazetteer load() {
            loadCountries();
            Set<String> prominentRegions = new HashSet<>();
            read("prominent-regions.tsv", f -> prominentRegions.add(f[0]));
            read("regions.tsv", f -> {
                String[] parts = f[0].split("\\.", 2);
                int order = prominentRegions.contains(f[0]) ? 0 : 1;
                add(
                        places,
                        f[1],
                        new PlaceName(
                                f[1], f[1], Place.REGION, code(parts[0]), code(parts[1]), REGION_RANK, order, false));
            });
            loadCities();
            loadKnown();
            Comparator<PlaceName> prominence =
                    Comparator.comparingInt(PlaceName::rank).thenComparingInt(PlaceName::order);
            places.replaceAll((key, list) -> {
                list.sort(prominence);
                return List.copyOf(list);
            });
            demonyms.replaceAll((key, list) -> List.copyOf(list));
            known.replaceAll((key, list) -> List.copyOf(list));
            return new Gazetteer(
                    Map.copyOf(places),
                    Map.copyOf(countries),
                    Map.copyOf(demonyms),
                    Map.copyOf(known),
                    Set.copyOf(generic));
        }

        private void loadCountries() {
            read("countries.tsv", f -> {
                PlaceName country = new PlaceName(f[1], f[1], Place.COUNTRY, code(f[0]), "", COUNTRY_RANK, 0, false);
                countries.put(f[0], country);
                add(places, f[1], country);
                for (String alias : aliases(f, 3)) {
                    add(places, alias, country.alias(alias));
                }
            });
            Consumer<String[]> otherName = f -> {
                PlaceName country = countries.get(f[0]);
                if (country == null) {
                    return; // a territory countries-list does not list as a country
                }
                add(f[1].equals("demonym") ? demonyms : places, f[2], country.alias(f[2]));
            };
            read("country-names-odbl.tsv", otherName);
            read("country-aliases.tsv", otherName);
        }

        private void loadCities() {
            Map<String, String[]> prominent = new HashMap<>();
            List<String[]> order = new ArrayList<>();
            read("prominent-cities.tsv", f -> {
                prominent.put(f[0] + "\t" + f[2], f);
                order.add(f);
            });
            read("cities.tsv", f -> {
                int rank = f.length > 3 ? CAPITAL_RANK : CITY_RANK;
                PlaceName city = new PlaceName(f[2], f[2], Place.CITY, code(f[0]), code(f[1]), rank, 0, false);
                String[] listed = prominent.get(f[0] + "\t" + f[2]);
                if (listed != null && (listed[1].isEmpty() || listed[1].equals(f[1]))) {
                    prominent.remove(f[0] + "\t" + f[2]); // the first city of that name in the country
                    String canonical = listed.length > 3 && !listed[3].isEmpty() ? listed[3] : f[2];
                    city = city.withName(canonical, PROMINENT_CITY_RANK, order.indexOf(listed));
                    add(places, canonical, city);
                    for (String alias : aliases(listed, 4)) {
                        add(places, alias, city.alias(alias));
                    }
                }
                add(places, f[2], city);
            });
            if (!prominent.isEmpty()) {
                throw new IllegalStateException("prominent cities not in cities.tsv: " + prominent.keySet());
            }
        }

        private void loadKnown() {
            for (String people : List.of("people.tsv", "politicians.tsv")) {
                read(people, f -> {
                    KnownEntity person = new KnownEntity(Mention.PERSON, f[1], f[0], f[2].isEmpty() ? null : f[2]);
                    addKnown(person, f[1]);
                    aliases(f, 5).forEach(alias -> addKnown(person, alias));
                    if (f.length > 4 && !f[4].isEmpty()) {
                        addKnown(person, f[4]);
                    }
                });
            }
            read("companies.tsv", f -> {
                KnownEntity company = new KnownEntity(Mention.ORGANIZATION, f[1], f[0], f[2].isEmpty() ? null : f[2]);
                addKnown(company, f[1]);
                aliases(f, 3).forEach(alias -> addKnown(company, alias));
            });
            read("known-entities.tsv", f -> {
                KnownEntity entity = entitiesById.getOrDefault(
                        f[0], new KnownEntity(f[1], f[2], f[0], f.length > 3 && !f[3].isEmpty() ? f[3] : null));
                addKnown(entity, f[2]);
                aliases(f, 4).forEach(alias -> addKnown(entity, alias));
            });
            read("generic-names.txt", f -> generic.add(key(f[0])));
        }

        private void addKnown(KnownEntity entity, String name) {
            entitiesById.putIfAbsent(entity.id(), entity);
            List<KnownName> names = known.computeIfAbsent(key(name), k -> new ArrayList<>(1));
            boolean capitalsOnly = isAbbreviation(name);
            if (names.stream().noneMatch(n -> n.entity().equals(entity) && n.capitalsOnly() == capitalsOnly)) {
                names.add(new KnownName(entity, capitalsOnly));
            }
        }

        private static void add(Map<String, List<PlaceName>> index, String name, PlaceName place) {
            String key = placeKey(name);
            if (key.isEmpty()) {
                return;
            }
            List<PlaceName> list = index.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (!list.contains(place)) {
                list.add(place);
            }
        }

        private static List<String> aliases(String[] fields, int column) {
            return fields.length > column && !fields[column].isEmpty()
                    ? List.of(fields[column].split("\\|"))
                    : List.of();
        }

        /** Calls {@code row} with the tab-separated fields of each line after the header and the # comments. */
        private static void read(String file, Consumer<String[]> row) {
            InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(FOLDER + file);
            if (in == null) {
                throw new IllegalStateException("missing resource " + FOLDER + file);
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                boolean header = !file.endsWith(".txt");
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("#") || line.isBlank()) {
                        continue;
                    } else if (header) {
                        header = false;
                        continue;
                    }
                    row.accept(line.split("\t"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + FOLDER + file, e);
            }
        }
    }
}
