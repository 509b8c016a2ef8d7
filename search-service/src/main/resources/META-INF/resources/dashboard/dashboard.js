// newsflow operators' dashboard. Plain JavaScript, no build step.
// Every piece of article text reaches the page through textContent or createElement, never through innerHTML:
// a headline is data, whatever it contains.
"use strict";

(() => {
  const PIPELINE_EVERY_MS = 5000;
  const TRENDS_EVERY_MS = 60000;
  const LIVE_MAX = 30;
  const COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8c564b", "#6b6b6b",
    "#a6a600", "#17a2b8"];

  const $ = (id) => document.getElementById(id);

  /** An element with attributes (on*, innerHTML and the like are never passed) and children (strings are text). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "className") node.className = value;
      else if (name === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    node.replaceChildren();
    return node;
  }

  function showError(id, message) {
    const node = $(id);
    node.textContent = message || "";
    node.hidden = !message;
  }

  /** A link only for http(s) URLs: an article's URL comes from a newsroom and could be javascript:. */
  function safeUrl(url) {
    try {
      const parsed = new URL(url, window.location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  const ENTITIES = { lt: "<", gt: ">", amp: "&", quot: "\"", apos: "'" };

  /** The text of the HTML-escaped snippet the search API returns (decoded here only to become a text node). */
  function decodeEntities(text) {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  }

  /** A snippet whose only markup is <mark>: split on the tags and build text nodes and mark elements. */
  function snippetNode(snippet) {
    const node = el("p", { className: "snippet" });
    let marked = false;
    for (const part of String(snippet || "").split(/(<mark>|<\/mark>)/)) {
      if (part === "<mark>") marked = true;
      else if (part === "</mark>") marked = false;
      else if (part) node.append(marked ? el("mark", {}, decodeEntities(part)) : document.createTextNode(decodeEntities(part)));
    }
    return node;
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const detail = body && (body.detail || body.title);
      throw new Error(detail ? `${detail} (HTTP ${response.status})` : `HTTP ${response.status} from ${path}`);
    }
    return body;
  }

  const number = (value, digits = 0) =>
    value === null || value === undefined || Number.isNaN(value)
      ? "–"
      : Number(value).toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });

  function duration(millis) {
    if (millis === null || millis === undefined) return "–";
    return millis < 1000 ? `${Math.round(millis)} ms` : `${number(millis / 1000, 1)} s`;
  }

  function when(instant) {
    if (!instant) return "";
    const date = new Date(instant);
    return Number.isNaN(date.getTime()) ? "" : date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  }

  // ---- time window of the charts -------------------------------------------------------------------------

  /** The interval and range parameters of the trends, from the window form. */
  function windowParameters() {
    const choice = $("window-interval").value;
    const params = new URLSearchParams();
    params.set("interval", choice === "day30" ? "day" : choice);
    const from = $("window-from").value;
    const to = $("window-to").value;
    if (from) params.set("from", from);
    else if (choice === "day30") params.set("from", new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10));
    if (to) params.set("to", to);
    return params;
  }

  const WINDOW_DAYS = { hour: 1, day: 7, day30: 30, week: 56 };

  /** The window as search filters, so that a chart's drill-down lists the articles the chart counted. */
  function windowFilters() {
    const choice = $("window-interval").value;
    const filters = {};
    filters.from = $("window-from").value || new Date(Date.now() - WINDOW_DAYS[choice] * 86400000).toISOString();
    if ($("window-to").value) filters.to = $("window-to").value;
    return filters;
  }

  // ---- articles (drill-down, search results) -------------------------------------------------------------

  function chips(article, onChoose) {
    const list = el("ul", { className: "chips" });
    for (const topic of article.topics || []) {
      list.append(el("li", {}, chipButton("topic", topic.label || topic.code, () => onChoose("topic", topic.code,
        topic.label || topic.code, null))));
    }
    for (const entity of (article.entities || []).slice(0, 8)) {
      list.append(el("li", {}, chipButton(entity.type, entity.name, () => onChoose(entity.type, entity.name, entity.name, null))));
    }
    return list;
  }

  function chipButton(kind, text, onClick) {
    const button = el("button", { type: "button", className: `chip ${kind}`, title: `Latest articles: ${text}` }, text);
    button.addEventListener("click", onClick);
    return button;
  }

  /** One article: headline (a link when its URL is http(s)), source and date, snippet, topics and entities. */
  function articleItem(article, withSnippet) {
    const url = safeUrl(article.url);
    const title = article.title || "(no title)";
    const headline = url
      ? el("a", { className: "title", href: url, rel: "noopener noreferrer", target: "_blank" }, title)
      : el("span", { className: "title" }, title);
    const item = el("li", { dataset: { id: article.id || "" } },
      headline,
      el("div", { className: "meta" }, [article.source ? `source ${article.source}` : null,
        article.publishedAt ? `published ${when(article.publishedAt)}` : null,
        article.indexedAt ? `indexed ${when(article.indexedAt)}` : null].filter(Boolean).join(" · ")));
    if (withSnippet && article.snippet) item.append(snippetNode(article.snippet));
    item.append(chips(article, drillDown));
    return item;
  }

  const FILTER_OF_KIND = { topic: "topic", person: "person", organization: "organization", location: "location" };
  const KIND_NAMES = { topic: "topic", person: "person", organization: "organisation", location: "place" };

  /**
   * Lists the newest articles of a topic or an entity in the drill-down panel: from a chart, those of the chart's
   * window (the filters); from an article's chips, any.
   */
  async function drillDown(kind, value, label, filters) {
    const filter = FILTER_OF_KIND[kind] || "entity";
    const params = new URLSearchParams({ sort: "newest", size: "10", ...(filters || {}) });
    params.set(filter, value);
    $("drilldown-title").textContent =
      `Latest articles: ${KIND_NAMES[kind] || kind} ${label}${filters ? " (in the chart's window)" : ""}`;
    $("drilldown-hint").hidden = true;
    const list = clear($("drilldown-list"));
    list.dataset.filter = filter;
    list.dataset.value = value;
    list.setAttribute("aria-busy", "true");
    try {
      const result = await getJson(`/api/v1/search?${params}`);
      showError("drilldown-error", null);
      for (const article of result.items) list.append(articleItem(article, false));
      if (!result.items.length) list.append(el("li", { className: "muted" }, "No articles."));
      list.dataset.total = result.total;
    } catch (e) {
      showError("drilldown-error", `Could not list the articles: ${e.message}`);
    } finally {
      list.setAttribute("aria-busy", "false");
    }
    if (window.matchMedia("(max-width: 960px)").matches) $("drilldown").scrollIntoView({ block: "start" });
  }

  // ---- topics over time ----------------------------------------------------------------------------------

  let topicsChart = null;
  // each change of window starts a new generation; answers of an older one are dropped
  let trendsGeneration = 0;

  async function loadTopics(generation) {
    const params = windowParameters();
    params.set("size", "10");
    let trends;
    try {
      trends = await getJson(`/api/v1/trends/topics?${params}`);
      if (generation !== trendsGeneration) return;
      showError("topics-error", null);
    } catch (e) {
      if (generation === trendsGeneration) showError("topics-error", `Topics: ${e.message}`);
      return;
    }
    const rising = new Map(trends.rising.map((item) => [item.key, item]));
    const xs = trends.intervals.map((instant) => Date.parse(instant) / 1000);
    const chartBox = $("topics-chart");
    // the plotted data, for whoever reads the page without seeing the chart (and for the browser test)
    chartBox.dataset.intervals = JSON.stringify(trends.intervals);
    chartBox.dataset.series = JSON.stringify(Object.fromEntries(trends.top.map((item) => [item.key, item.counts])));

    const list = clear($("topic-list"));
    trends.top.forEach((item, i) => {
      const label = item.label || item.key;
      const isRising = rising.has(item.key);
      const button = el("button", {
        type: "button",
        className: isRising ? "rising" : null,
        dataset: { code: item.key, total: item.total, points: item.counts.join(","), rising: isRising },
        "aria-label": `${label}: ${item.total} articles${isRising ? `, rising ×${item.rise}` : ""}. Show the latest.`,
      },
      el("span", { className: "swatch", style: `background:${COLORS[i % COLORS.length]}`, "aria-hidden": "true" }),
      label,
      el("span", { className: "count" }, number(item.total)),
      isRising ? el("span", { className: "rise", "aria-hidden": "true" }, `▲ ×${number(item.rise, 1)}`) : null);
      button.addEventListener("click", () => drillDown("topic", item.key, label, windowFilters()));
      button.addEventListener("mouseenter", () => focusSeries(i + 1));
      button.addEventListener("focus", () => focusSeries(i + 1));
      button.addEventListener("mouseleave", () => focusSeries(null));
      button.addEventListener("blur", () => focusSeries(null));
      list.append(el("li", {}, button));
    });
    if (!trends.top.length) list.append(el("li", { className: "muted" }, "No articles in this window."));

    drawTopics(xs, trends.top, rising, INTERVAL_SECONDS[trends.interval] || 86400);
  }

  function focusSeries(index) {
    if (topicsChart) topicsChart.setSeries(index, { focus: true });
  }

  const INTERVAL_SECONDS = { hour: 3600, day: 86400, week: 604800 };

  function drawTopics(xs, items, rising, intervalSeconds) {
    const box = $("topics-chart");
    if (topicsChart) {
      topicsChart.destroy();
      topicsChart = null;
    }
    clear(box);
    if (typeof uPlot === "undefined") {
      box.append(el("p", { className: "error" }, "The chart library did not load."));
      return;
    }
    if (!items.length) return;
    const options = {
      width: Math.max(280, box.clientWidth),
      height: 260,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      focus: { alpha: 0.25 },
      cursor: { focus: { prox: 16 } },
      legend: { show: false },
      scales: {
        y: { range: (u, min, max) => [0, Math.max(1, max)] },
      },
      axes: [{}, { label: "articles", size: 50, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 100000] }],
      series: [{}].concat(items.map((item, i) => ({
        label: item.label || item.key,
        stroke: COLORS[i % COLORS.length],
        width: rising.has(item.key) ? 3.5 : 1.5,
        points: { show: xs.length <= 48 },
      }))),
    };
    topicsChart = new uPlot(options, [xs].concat(items.map((item) => item.counts)), box);
    if (xs.length === 1) {
      // one interval alone: centred, an interval wide (uPlot would stretch it over years)
      topicsChart.setScale("x", { min: xs[0] - intervalSeconds / 2, max: xs[0] + intervalSeconds / 2 });
    }
  }

  // ---- entities over time --------------------------------------------------------------------------------

  function sparkline(counts, isRising) {
    const width = 64;
    const height = 22;
    const max = Math.max(1, ...counts);
    const step = counts.length > 1 ? width / (counts.length - 1) : 0;
    const points = counts.map((count, i) =>
      `${(counts.length > 1 ? i * step : width / 2).toFixed(1)},${(height - 1 - (count / max) * (height - 2)).toFixed(1)}`);
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("class", isRising ? "spark rising" : "spark");
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("aria-hidden", "true");
    svg.dataset.points = counts.join(",");
    if (counts.length === 1) {
      const [x, y] = points[0].split(",");
      const dot = document.createElementNS("http://www.w3.org/2000/svg", "circle");
      dot.setAttribute("cx", x);
      dot.setAttribute("cy", y);
      dot.setAttribute("r", "2.5");
      svg.append(dot);
      return svg;
    }
    const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
    line.setAttribute("points", points.join(" "));
    svg.append(line);
    return svg;
  }

  async function loadEntities(generation) {
    const errors = [];
    await Promise.all(["person", "organization", "location"].map(async (type) => {
      const params = windowParameters();
      params.set("type", type);
      params.set("size", "8");
      try {
        const trends = await getJson(`/api/v1/trends/entities?${params}`);
        if (generation !== trendsGeneration) return;
        const list = clear($(`entities-${type}`));
        const rising = new Set(trends.rising.map((item) => item.key));
        for (const item of trends.top) {
          const isRising = rising.has(item.key);
          const button = el("button", {
            type: "button",
            className: isRising ? "rising" : null,
            title: item.key,
            dataset: { name: item.key, total: item.total, points: item.counts.join(",") },
            "aria-label": `${item.key}: ${item.total} articles${isRising ? ", rising" : ""}. Show the latest.`,
          }, isRising ? "▲ " : "", item.key);
          button.addEventListener("click", () => drillDown(type, item.key, item.key, windowFilters()));
          list.append(el("li", {}, button, sparkline(item.counts, isRising), el("span", { className: "count" }, number(item.total))));
        }
        if (!trends.top.length) list.append(el("li", { className: "muted" }, "None in this window."));
      } catch (e) {
        errors.push(e.message);
      }
    }));
    if (generation === trendsGeneration) showError("entities-error", errors.length ? `Entities: ${errors[0]}` : null);
  }

  // ---- live feed -----------------------------------------------------------------------------------------

  function startLiveFeed() {
    const state = $("live-state");
    const list = $("live-list");
    const source = new EventSource("/api/v1/dashboard/live");
    source.onopen = () => {
      state.textContent = "live";
      state.className = "badge on";
    };
    source.onerror = () => {
      // EventSource reconnects by itself; the feed then starts again from the latest articles
      state.textContent = "reconnecting…";
      state.className = "badge";
    };
    source.onmessage = (event) => {
      let article;
      try {
        article = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      for (const old of list.querySelectorAll("li")) {
        if (old.dataset.id === article.id) old.remove();
      }
      const item = articleItem(article, false);
      item.classList.add("new");
      list.prepend(item);
      while (list.children.length > LIVE_MAX) list.lastElementChild.remove();
    };
  }

  // ---- pipeline health -----------------------------------------------------------------------------------

  const STAGE = { ingest: "ingested", enrich: "enriched", search: "indexed" };

  function serviceCard(part) {
    const status = part.status || {};
    const rate = status.ratePerSecond || {};
    const articles = status.articles || {};
    const card = el("div", {
      className: part.available ? "card" : "card down",
      dataset: {
        service: part.service,
        available: part.available,
        rateIn: rate.in ?? "",
        rateOut: rate.out ?? "",
        articlesOut: articles.out ?? "",
        lag: status.consumerLag ?? "",
      },
    },
    el("h3", {}, `${part.service} `, el("span", { className: part.available ? "state up" : "state down" },
      part.available ? "answering" : "unavailable")));
    if (!part.available) {
      card.append(el("p", { className: "muted" }, part.problem || "no answer"));
      return card;
    }
    card.append(
      el("p", {}, el("span", { className: "figure" }, number(rate.out, 1)), ` articles/s ${STAGE[part.service] || "out"}`),
      el("p", { className: "muted" }, `in ${number(rate.in, 1)}/s · since start: ${number(articles.in)} in, ${number(articles.out)} out, ${number(articles.failed)} failed`));
    if (part.service !== "ingest") {
      card.append(el("p", {}, "consumer lag ", el("strong", {}, status.consumerLag === null || status.consumerLag === undefined ? "–" : number(status.consumerLag))));
    }
    const checks = el("ul", { className: "checks", "aria-label": "checks" });
    for (const [name, value] of Object.entries(status.checks || {})) {
      checks.append(el("li", { className: value === "UP" ? "up" : "down" }, `${name} ${value}`));
    }
    card.append(checks);
    return card;
  }

  function renderPipeline(health) {
    const services = clear($("services"));
    for (const part of health.services || []) services.append(serviceCard(part));

    const delay = health.delay || {};
    $("delay").dataset.p50 = delay.p50Millis ?? "";
    $("delay").dataset.p99 = delay.p99Millis ?? "";
    $("delay-p50").textContent = delay.available ? duration(delay.p50Millis) : "–";
    $("delay-p99").textContent = delay.available ? duration(delay.p99Millis) : "–";
    $("delay-note").textContent = delay.available
      ? `over ${number(delay.articles)} articles indexed in the last hour`
      : `unavailable: ${delay.problem || "no answer"}`;

    const letters = health.deadLetters || {};
    $("dead-letters").dataset.count = letters.count ?? "";
    $("dead-letters").classList.toggle("down", !letters.available);
    $("dead-letters-count").textContent = letters.available ? number(letters.count) : "–";
    const reasons = clear($("dead-letters-latest"));
    if (!letters.available) reasons.append(el("li", { className: "muted" }, `unavailable: ${letters.problem || "no answer"}`));
    for (const letter of letters.latest || []) {
      reasons.append(el("li", { title: letter.reason || "" },
        el("span", { className: "muted" }, `${when(letter.at)} · from ${letter.topic || "?"}: `),
        letter.reason || "(no reason given)"));
    }

    const feeds = health.feeds || {};
    const rows = clear($("feeds-rows"));
    $("feeds").dataset.failing = feeds.failing ?? "";
    $("feeds-table").hidden = !(feeds.available && feeds.items && feeds.items.length);
    $("feeds-summary").textContent = !feeds.available
      ? `unavailable: ${feeds.problem || "no answer"}`
      : feeds.total === 0 ? "No feed subscriptions." : `${number(feeds.total)} subscriptions, ${number(feeds.failing)} failing`;
    for (const feed of feeds.items || []) {
      const failing = feed.consecutiveFailures > 0 || feed.enabled === false;
      rows.append(el("tr", { className: failing ? "failing" : null },
        el("td", {}, feed.url || feed.id, feed.enabled === false ? el("span", { className: "muted" }, " (disabled)") : null),
        el("td", {}, number(feed.consecutiveFailures)),
        el("td", {}, feed.lastError || ""),
        el("td", {}, when(feed.lastSuccessAt))));
    }
  }

  async function loadPipeline() {
    try {
      const health = await getJson("/api/v1/dashboard/pipeline");
      showError("pipeline-error", null);
      renderPipeline(health);
      $("updated").textContent = `Pipeline updated ${new Date(health.at).toLocaleTimeString("en-GB")}`;
    } catch (e) {
      showError("pipeline-error", `Pipeline health: ${e.message}`);
    }
  }

  // ---- search --------------------------------------------------------------------------------------------

  const SEARCH_FIELDS = ["q", "topic", "person", "organization", "location", "entity", "source", "language", "from", "to", "sort"];
  let nextCursor = null;

  function searchParameters() {
    const form = $("search-form");
    const params = new URLSearchParams();
    for (const name of SEARCH_FIELDS) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    if (form.elements.noduplicates.checked) params.set("duplicates", "false");
    params.set("size", "10");
    return params;
  }

  const FACETS = [["topics", "Topics", "topic"], ["people", "People", "person"], ["organizations", "Organisations", "organization"],
    ["locations", "Places", "location"], ["sources", "Sources", "source"], ["languages", "Languages", "language"]];

  function renderFacets(facets) {
    const box = clear($("search-facets"));
    for (const [key, title, field] of FACETS) {
      const values = (facets && facets[key]) || [];
      if (!values.length) continue;
      const list = el("ul");
      for (const facet of values) {
        const value = facet.code || facet.value;
        const label = facet.label || facet.value || facet.code;
        const button = el("button", { type: "button", dataset: { field, value } }, label, " ", el("span", { className: "count" }, number(facet.count)));
        button.addEventListener("click", () => {
          $("search-form").elements[field].value = value;
          runSearch(false);
        });
        list.append(el("li", {}, button));
      }
      box.append(el("h3", {}, title), list);
    }
  }

  async function runSearch(more) {
    const params = searchParameters();
    if (more && nextCursor) params.set("cursor", nextCursor);
    const results = $("search-results");
    if (!more) clear(results);
    try {
      const result = await getJson(`/api/v1/search?${params}`);
      showError("search-error", null);
      $("search-total").textContent = `${number(result.total)} articles`;
      for (const article of result.items) results.append(articleItem(article, true));
      if (!more) renderFacets(result.facets);
      nextCursor = result.nextCursor;
      $("search-more").hidden = !nextCursor;
    } catch (e) {
      showError("search-error", `Search: ${e.message}`);
      $("search-more").hidden = true;
    }
  }

  // ---- start ---------------------------------------------------------------------------------------------

  function loadTrends() {
    trendsGeneration += 1;
    return Promise.all([loadTopics(trendsGeneration), loadEntities(trendsGeneration)]);
  }

  function start() {
    $("window").addEventListener("submit", (event) => {
      event.preventDefault();
      loadTrends();
    });
    $("window-interval").addEventListener("change", loadTrends);
    $("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      runSearch(false);
    });
    $("search-form").addEventListener("reset", () => {
      clear($("search-results"));
      clear($("search-facets"));
      $("search-total").textContent = "";
      $("search-more").hidden = true;
    });
    $("search-more").addEventListener("click", () => runSearch(true));
    new ResizeObserver(() => {
      const width = Math.max(280, $("topics-chart").clientWidth);
      if (topicsChart && topicsChart.width !== width) topicsChart.setSize({ width, height: 260 });
    }).observe($("topics-chart"));

    loadPipeline();
    loadTrends();
    startLiveFeed();
    setInterval(loadPipeline, PIPELINE_EVERY_MS);
    setInterval(loadTrends, TRENDS_EVERY_MS);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
