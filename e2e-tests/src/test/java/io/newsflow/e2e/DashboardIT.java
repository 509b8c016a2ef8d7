package io.newsflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operators' dashboard in a real browser (Debian's chromium through chromedriver, headless) against the
 * packaged services on the real engines: articles posted through ingest show in the charts, the drill-down, the
 * live feed and the pipeline health, and a hostile headline stays text.
 */
@ExtendWith(RunningSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final String INGEST = RunningSystem.INGEST;
    private static final String SEARCH = RunningSystem.SEARCH;
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final String HOSTILE_TITLE = "<img src=x onerror=alert(1)>";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static final List<Map<String, String>> STORIES = List.of(
            Map.of(
                    "title",
                    "Striker scores twice as United win the cup final",
                    "body",
                    "The striker scored twice in the second half as United beat City 3-1 in the football cup"
                            + " final at Wembley Stadium on Saturday. The coach praised the team, the goalkeeper"
                            + " saved a penalty and the fans celebrated the championship trophy."),
            Map.of(
                    "title",
                    "Central bank raises interest rates to fight inflation",
                    "body",
                    "The European Central Bank raised its main interest rate by a quarter point on Thursday,"
                            + " saying inflation remained too high. Christine Lagarde told reporters in Frankfurt"
                            + " that markets, banks and the economy would adjust; shares fell and the euro rose."),
            Map.of(
                    "title",
                    "Parliament passes the election reform bill",
                    "body",
                    "The parliament in Berlin passed the election reform bill on Friday after a long debate."
                            + " The government said the law would reduce the number of seats; the opposition parties"
                            + " voted against it and promised to challenge it in the constitutional court."),
            Map.of(
                    "title",
                    "Football club signs a new coach for the league season",
                    "body",
                    "The football club signed a new coach on Monday ahead of the league season. The players"
                            + " met him at the training ground in Madrid, and the club said the aim was to win the"
                            + " league and the cup in the coming season."));

    private static String sourceKey;
    private static String token;
    /** A day decades back for this run's stories: the chart's window, which the day's search facets count too. */
    private static LocalDate day;

    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Path profile;

    @BeforeAll
    static void postStoriesAndOpenTheBrowser() throws IOException {
        for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertThat(Path.of(binary))
                    .as("%s: install Debian's chromium and chromium-driver (.ci/run does)", binary)
                    .isExecutable();
        }
        sourceKey = RunningSystem.newSource("Dashboard newsroom");
        token = "dash" + UUID.randomUUID().toString().replace("-", "");
        day = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 40));
        for (int i = 0; i < STORIES.size(); i++) {
            Map<String, String> story = STORIES.get(i);
            post(article(
                    "https://dashboard.example.org/" + token + "/" + i,
                    story.get("title"),
                    story.get("body") + " " + token,
                    day.atTime(8 + i, 0) + ":00Z"));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> total(token) == STORIES.size());

        profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                // without these Chromium keeps calling home, which a closed network only answers with errors
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1440,2400");
        // the Debian driver, named explicitly: Selenium Manager never downloads anything
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // counts alert() calls of every page this browser opens, before any of the page's scripts runs
        browser.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.__alerts = []; window.alert = (message) => window.__alerts.push(String(message));"));
        browser.get(SEARCH + "/");
        System.out.println("[dashboard] page loaded in "
                + browser.executeScript("return Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd)")
                + " ms");
        showWindowOf(day);
    }

    @AfterAll
    static void closeTheBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    @Order(1)
    void theTopicsChartPlotsTheTopicsOfThePostedArticles() {
        Map<String, Integer> ours = topicCounts("q=" + token);
        assertThat(ours).as("the enrichment gave the stories topics").isNotEmpty();
        Map<String, Integer> expected = topicCounts(window());
        assertThat(expected).containsKeys(ours.keySet().toArray(String[]::new));

        wait.until(b -> !b.findElements(By.cssSelector("#topics-chart canvas")).isEmpty()
                && !b.findElements(By.cssSelector("#topic-list button[data-code]"))
                        .isEmpty());
        Map<String, Object> plotted = plottedSeries();
        for (Map.Entry<String, Integer> topic : expected.entrySet()) {
            assertThat(plotted).as("plotted series").containsKey(topic.getKey());
            @SuppressWarnings("unchecked")
            List<Number> counts = (List<Number>) plotted.get(topic.getKey());
            assertThat(counts.stream().mapToLong(Number::longValue).sum())
                    .as("articles of %s on %s", topic.getKey(), day)
                    .isEqualTo(topic.getValue().longValue());
        }
        WebElement button = topicButton(expected.keySet().iterator().next());
        assertThat(button.getAttribute("data-total"))
                .isEqualTo(String.valueOf(expected.values().iterator().next()));
    }

    @Test
    @Order(2)
    void clickingATopicListsItsLatestArticles() {
        String code = topicCounts("q=" + token).keySet().iterator().next();
        // the drill-down lists the newest articles of the topic in the chart's window
        List<String> titles = given().queryParam("topic", code)
                .queryParam("sort", "newest")
                .get(SEARCH + "/api/v1/search?" + window())
                .then()
                .statusCode(200)
                .extract()
                .path("items.title");

        topicButton(code).click();

        wait.until(b -> code.equals(b.findElement(By.id("drilldown-list")).getAttribute("data-value"))
                && "false".equals(b.findElement(By.id("drilldown-list")).getAttribute("aria-busy")));
        List<String> listed = texts("#drilldown-list li .title");
        assertThat(listed).isNotEmpty().isEqualTo(titles);
        assertThat(browser.findElement(By.id("drilldown-title")).getText()).startsWith("Latest articles: topic");
    }

    @Test
    @Order(3)
    void theEntityListsShowTheirSparklinesAndLeadToTheArticles() {
        JsonPath facets = given().get(SEARCH + "/api/v1/search?" + window())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("person", facets.getList("facets.people.value"));
        expected.put("organization", facets.getList("facets.organizations.value"));
        expected.put("location", facets.getList("facets.locations.value"));
        assertThat(expected.values().stream().mapToInt(List::size).sum())
                .as("the enrichment found entities in the stories")
                .isPositive();

        wait.until(b -> !b.findElements(By.cssSelector(".entity-list button[data-name]"))
                .isEmpty());
        String clicked = null;
        for (Map.Entry<String, List<String>> type : expected.entrySet()) {
            List<WebElement> rows = browser.findElements(By.cssSelector("#entities-" + type.getKey() + " li")).stream()
                    .filter(row -> !row.findElements(By.cssSelector("button[data-name]"))
                            .isEmpty())
                    .toList();
            List<String> names = rows.stream()
                    .flatMap(row -> row.findElements(By.cssSelector("button[data-name]")).stream())
                    .map(b -> b.getAttribute("data-name"))
                    .toList();
            // the lists show the top 8 of the window; the window holds only these stories
            assertThat(names).containsAll(type.getValue().stream().limit(8).toList());
            for (WebElement row : rows) {
                String points = row.findElement(By.cssSelector("svg.spark")).getAttribute("data-points");
                assertThat(Arrays.stream(points.split(","))
                                .mapToLong(Long::parseLong)
                                .sum())
                        .isEqualTo(Long.parseLong(
                                row.findElement(By.cssSelector("button")).getAttribute("data-total")));
            }
            if (clicked == null && !type.getValue().isEmpty()) {
                WebElement first = rows.getFirst().findElement(By.cssSelector("button"));
                clicked = first.getAttribute("data-name");
                first.click();
            }
        }
        String name = clicked;
        wait.until(b -> name.equals(b.findElement(By.id("drilldown-list")).getAttribute("data-value"))
                && "false".equals(b.findElement(By.id("drilldown-list")).getAttribute("aria-busy")));
        assertThat(texts("#drilldown-list li .title")).isNotEmpty();
    }

    @Test
    @Order(4)
    void theLiveFeedShowsANewArticleWithinSeconds() {
        wait.until(b -> "live".equals(b.findElement(By.id("live-state")).getText()));
        String title = "Live from the dashboard test " + token;
        long posted = System.nanoTime();
        post(article(
                "https://dashboard.example.org/" + token + "/live",
                title,
                "A story posted while the dashboard is open, to see it arrive in the live feed. " + token,
                null));

        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> texts("#live-list li .title").contains(title));
        long millis = Duration.ofNanos(System.nanoTime() - posted).toMillis();
        System.out.println("[dashboard] posted article in the live feed after " + millis + " ms");
        assertThat(millis).isLessThan(30_000);
    }

    @Test
    @Order(5)
    void aHostileHeadlineIsShownAsText() {
        String url = "https://dashboard.example.org/" + token + "/hostile";
        // by its id: earlier runs' articles of the same title may be in the feed too
        String id = post(article(url, HOSTILE_TITLE, "An article whose headline is markup. " + token, null));
        String item = "li[data-id='" + id + "'] .title";

        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> texts("#live-list " + item).contains(HOSTILE_TITLE));

        // and through the search box, whose snippets carry <mark> tags
        WebElement words = browser.findElement(By.cssSelector("#search-form input[name=q]"));
        words.clear();
        // the token alone: a body this short may be taken for another language, whose analysis a word like
        // "headline" would then depend on
        words.sendKeys(token);
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        wait.until(b -> texts("#search-results " + item).contains(HOSTILE_TITLE));
        assertThat(browser.findElements(By.cssSelector("#search-results mark"))).isNotEmpty();

        assertThat(browser.findElements(By.tagName("img")))
                .as("img elements on the page")
                .isEmpty();
        assertThat((List<?>) browser.executeScript("return window.__alerts")).isEmpty();
        assertThat(alertShown()).isFalse();
    }

    @Test
    @Order(6)
    void pipelineHealthShowsTheServicesOwnNumbers() throws IOException {
        wait.until(b ->
                b.findElements(By.cssSelector("#services .card[data-service]")).size() == 3);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> b.findElements(By.cssSelector("#services .card[data-available=true]"))
                                .size()
                        == 3);
        for (String service : List.of("ingest", "enrich", "search")) {
            WebElement card = browser.findElement(By.cssSelector("#services .card[data-service=" + service + "]"));
            assertThat(Long.parseLong(card.getAttribute("data-articles-out")))
                    .as("%s articles out", service)
                    .isPositive();
            assertThat(card.getAttribute("data-rate-out"))
                    .as("%s rate", service)
                    .isNotEmpty();
            if (!service.equals("ingest")) {
                assertThat(Long.parseLong(card.getAttribute("data-lag")))
                        .as("%s lag", service)
                        .isNotNegative();
            }
        }
        long asked = System.nanoTime();
        given().get(SEARCH + "/api/v1/dashboard/pipeline").then().statusCode(200);
        System.out.println("[dashboard] GET /api/v1/dashboard/pipeline took "
                + Duration.ofNanos(System.nanoTime() - asked).toMillis() + " ms");
        // the page refreshes every 5 s: it shows the count the endpoint reads from the topic
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(b -> b.findElement(By.id("dead-letters"))
                        .getAttribute("data-count")
                        .equals(String.valueOf(given().get(SEARCH + "/api/v1/dashboard/pipeline")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<Object>path("deadLetters.count"))));
        assertThat(browser.findElement(By.id("delay-p50")).getText()).matches("[0-9.,]+ m?s");
        assertThat(browser.findElement(By.id("feeds-summary")).getText()).doesNotContain("unavailable");

        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
        System.out.println("[dashboard] screenshot: " + SCREENSHOT.toAbsolutePath());
    }

    private static void showWindowOf(LocalDate day) {
        browser.executeScript(
                "document.getElementById('window-interval').value = 'day';"
                        + "document.getElementById('window-from').value = arguments[0];"
                        + "document.getElementById('window-to').value = arguments[1];",
                day.toString(),
                day.toString());
        browser.findElement(By.cssSelector("#window button[type=submit]")).click();
        wait.until(b -> !b.findElements(By.cssSelector("#topic-list button[data-code]"))
                        .isEmpty()
                && ((String) ((JavascriptExecutor) b)
                                .executeScript("return document.getElementById('topics-chart').dataset.intervals"))
                        .contains(day.toString()));
    }

    /** The chart's window as search filters: the whole day. */
    private static String window() {
        return "from=" + day + "&to=" + day;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plottedSeries() {
        return (Map<String, Object>)
                browser.executeScript("return JSON.parse(document.getElementById('topics-chart').dataset.series)");
    }

    private static WebElement topicButton(String code) {
        return browser.findElements(By.cssSelector("#topic-list button[data-code]")).stream()
                .filter(b -> code.equals(b.getAttribute("data-code")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button for topic " + code));
    }

    private static List<String> texts(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static boolean alertShown() {
        try {
            browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Articles per topic code among the matches, from the search API's facets. */
    private static Map<String, Integer> topicCounts(String query) {
        JsonPath result = given().get(SEARCH + "/api/v1/search?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> codes = result.getList("facets.topics.code");
        List<Integer> numbers = result.getList("facets.topics.count");
        for (int i = 0; i < codes.size(); i++) {
            counts.put(codes.get(i), numbers.get(i));
        }
        return counts;
    }

    private static Map<String, String> article(String url, String title, String body, String publishedAt) {
        Map<String, String> article = new LinkedHashMap<>();
        article.put("url", url);
        article.put("title", title);
        article.put("body", body);
        if (publishedAt != null) {
            article.put("publishedAt", publishedAt);
        }
        return article;
    }

    /** Posts an article through ingest and returns its id. */
    private static String post(Map<String, String> article) {
        return given().header("X-Api-Key", sourceKey)
                .contentType(ContentType.JSON)
                .body(article)
                .post(INGEST + "/api/v1/articles")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static int total(String q) {
        return given().queryParam("q", q)
                .get(SEARCH + "/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }
}
