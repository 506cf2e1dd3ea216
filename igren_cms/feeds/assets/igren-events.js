/*
 * <igren-events>: this month's and next month's Igren events on any web page.
 *
 *   <script src="https://HOST/embed/events.js" defer></script>
 *   <igren-events salon="kawasaki" months="2" limit="10"></igren-events>
 *
 * Attributes: salon, project, category (slugs), months (1-12, default 2), limit (1-100,
 * default 10), lang (ja or en), endpoint (the GraphQL URL; default: beside this script, so
 * https://HOST/PREFIX/embed/events.js reads https://HOST/PREFIX/graphql/). No dependencies; the list lives in a shadow root, so the host
 * page's styles do not leak in. Theme it with CSS custom properties on the element:
 *   --igren-accent, --igren-text, --igren-muted, --igren-background, --igren-border,
 *   --igren-cancelled, --igren-postponed, --igren-font.
 */
(() => {
  "use strict";
  if (customElements.get("igren-events")) return;

  const SCRIPT = document.currentScript;
  const SCRIPT_URL = SCRIPT && SCRIPT.src ? SCRIPT.src : window.location.href;
  const ORIGIN = new URL(SCRIPT_URL).origin;
  // The plugin serves embed/events.js and graphql/ under the same prefix.
  const DEFAULT_ENDPOINT = new URL("../graphql/", SCRIPT_URL).href;
  const TOKYO = "Asia/Tokyo";
  const HOUR = 3600 * 1000;

  const WORDS = {
    ja: {
      loading: "イベントを読み込んでいます…",
      empty: "この期間のイベントはありません。",
      failed: "イベント情報を読み込めませんでした。時間をおいて、もう一度お試しください。",
      add: "カレンダーに追加",
      label: "今月と来月のイベント",
    },
    en: {
      loading: "Loading events…",
      empty: "No events in this period.",
      failed: "The events could not be loaded. Please try again later.",
      add: "Add to calendar",
      label: "Events this month and next",
    },
  };

  const STYLE = `
    :host { display: block; font-family: var(--igren-font, system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif);
      color: var(--igren-text, #1f2933); background: var(--igren-background, transparent); line-height: 1.6; }
    h2 { font-size: 1em; margin: 1em 0 .25em; padding-bottom: .2em; border-bottom: 2px solid var(--igren-accent, #0b6e4f); }
    ol { list-style: none; margin: 0; padding: 0; }
    li { padding: .5em 0; border-bottom: 1px solid var(--igren-border, #e4e7eb); }
    .when { font-size: .9em; color: var(--igren-muted, #52606d); }
    .title { font-weight: 600; color: var(--igren-accent, #0b6e4f); }
    .where { font-size: .9em; }
    .add { font-size: .85em; color: var(--igren-accent, #0b6e4f); }
    .badge { display: inline-block; margin-left: .4em; padding: 0 .4em; border-radius: .2em; font-size: .8em; font-weight: 700; color: #fff;
      background: var(--igren-cancelled, #b42318); }
    .badge.postponed { background: var(--igren-postponed, #b54708); }
    .badge.rescheduled { background: var(--igren-accent, #175cd3); }
    .cancelled .title { text-decoration: line-through; }
    a:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .message { color: var(--igren-muted, #52606d); }
  `;

  // Status label, place and time in words come from the server (one presenter for every Igren
  // output), in the widget's language.
  const QUERY = `query IgrenEmbed($month: String, $months: Int, $salon: String, $project: String,
    $category: String, $limit: Int, $lang: Language) {
    events(month: $month, months: $months, salon: $salon, project: $project, category: $category,
      perPage: $limit) {
      items { id title url start end status statusLabel(lang: $lang) location(lang: $lang)
        when(lang: $lang) icsUrl }
    }
  }`;

  function tokyoParts(date) {
    const parts = {};
    for (const p of new Intl.DateTimeFormat("en-CA", {
      timeZone: TOKYO, year: "numeric", month: "2-digit", day: "2-digit",
    }).formatToParts(date)) parts[p.type] = Number(p.value);
    return parts;
  }

  function monthStart(year, month) {
    // 00:00 in Tokyo (UTC+9, no daylight saving) on the first of the month.
    return new Date(Date.UTC(year, month - 1, 1) - 9 * HOUR);
  }

  function monthWindows(count) {
    const now = tokyoParts(new Date());
    const windows = [];
    for (let i = 0; i < count; i++) {
      const index = now.year * 12 + (now.month - 1) + i;
      const year = Math.floor(index / 12), month = (index % 12) + 1;
      const nextIndex = index + 1;
      windows.push({
        year, month,
        start: monthStart(year, month),
        end: monthStart(Math.floor(nextIndex / 12), (nextIndex % 12) + 1),
      });
    }
    return windows;
  }

  function clampInt(value, low, high, fallback) {
    const n = Number.parseInt(value, 10);
    return Number.isFinite(n) ? Math.min(high, Math.max(low, n)) : fallback;
  }

  function safeHref(url) {
    try {
      const parsed = new URL(url, ORIGIN);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (_) {
      return null;
    }
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  class IgrenEvents extends HTMLElement {
    static get observedAttributes() {
      return ["salon", "project", "category", "months", "limit", "lang", "endpoint"];
    }

    constructor() {
      super();
      this.root = this.attachShadow({ mode: "open" });
      this.generation = 0;
    }

    connectedCallback() { this.load(); }

    attributeChangedCallback() { if (this.isConnected) this.load(); }

    get lang2() { return this.getAttribute("lang") === "en" ? "en" : "ja"; }

    get endpoint() {
      const given = this.getAttribute("endpoint");
      return given ? new URL(given, window.location.href).href : DEFAULT_ENDPOINT;
    }

    async load() {
      const generation = ++this.generation;
      const words = WORDS[this.lang2];
      const months = clampInt(this.getAttribute("months"), 1, 12, 2);
      const limit = clampInt(this.getAttribute("limit"), 1, 100, 10);
      const windows = monthWindows(months);
      const first = windows[0];
      const variables = {
        month: `${first.year}-${String(first.month).padStart(2, "0")}`,
        months, limit,
        salon: this.getAttribute("salon") || null,
        project: this.getAttribute("project") || null,
        category: this.getAttribute("category") || null,
        lang: this.lang2.toUpperCase(),
      };
      this.show(el("p", { class: "message", role: "status" }, words.loading), true);
      let items;
      try {
        const url = this.endpoint + "?" + new URLSearchParams({
          query: QUERY, variables: JSON.stringify(variables),
        });
        const response = await fetch(url, {
          headers: { Accept: "application/graphql-response+json, application/json" },
        });
        const body = await response.json();
        if (!body.data || !body.data.events) throw new Error("no data");
        items = body.data.events.items;
      } catch (_) {
        if (generation === this.generation) {
          this.show(el("p", { class: "message", role: "alert" }, words.failed), false);
        }
        return;
      }
      if (generation === this.generation) this.render(items, windows, words);
    }

    show(node, busy) {
      const style = el("style", {}, STYLE);
      const region = el("div", { "aria-busy": busy ? "true" : "false", "aria-live": "polite" }, node);
      this.root.replaceChildren(style, region);
    }

    render(items, windows, words) {
      const lang = this.lang2;
      const region = el("div", { role: "region", "aria-label": words.label });
      const monthName = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "ja-JP", {
        timeZone: TOKYO, year: "numeric", month: "long",
      });
      for (const w of windows) {
        const inMonth = items.filter((e) => new Date(e.start) < w.end && new Date(e.end) > w.start);
        const headingId = `igren-${w.year}-${w.month}`;
        const section = el("section", { "aria-labelledby": headingId },
          el("h2", { id: headingId }, monthName.format(new Date(w.start.getTime() + 12 * HOUR))));
        if (inMonth.length === 0) {
          section.append(el("p", { class: "message" }, words.empty));
        } else {
          section.append(el("ol", {}, ...inMonth.map((e) => this.item(e, words))));
        }
        region.append(section);
      }
      this.root.replaceChildren(el("style", {}, STYLE), region);
    }

    item(event, words) {
      // The API's enums are upper case (CANCELLED); the widget's CSS classes are lower case.
      const status = String(event.status).toLowerCase();
      const when = el("div", { class: "when" }, el("time", { datetime: event.start }, event.when));
      if (event.statusLabel) {
        when.append(el("span", { class: `badge ${status}` }, event.statusLabel));
      }
      const href = safeHref(event.url);
      const title = href
        ? el("a", { class: "title", href, target: "_blank", rel: "noopener" }, event.title)
        : el("span", { class: "title" }, event.title);
      const ics = safeHref(event.icsUrl);
      return el("li", { class: `event ${status}` },
        when,
        el("div", {}, title),
        event.location ? el("div", { class: "where" }, event.location) : null,
        ics ? el("div", {}, el("a", { class: "add", href: ics }, words.add)) : null);
    }
  }

  customElements.define("igren-events", IgrenEvents);
})();
