/*
 * <igren-events>: this month's and next month's Igren events on any web page.
 *
 *   <script src="https://HOST/embed/events.js" defer></script>
 *   <igren-events salon="kawasaki" months="2" limit="10"></igren-events>
 *
 * Attributes: salon, project, category (slugs), months (1-12, default 2), limit (1-100,
 * default 10; the embed page's limits, checked by the API), lang (ja or en), endpoint (the GraphQL URL; default: beside this script, so
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
    .holiday { margin-left: .4em; font-size: .8em; color: var(--igren-holiday, #b42318); }
    .badge { display: inline-block; margin-left: .4em; padding: 0 .4em; border-radius: .2em; font-size: .8em; font-weight: 700; color: #fff;
      background: var(--igren-cancelled, #b42318); }
    .badge.POSTPONED { background: var(--igren-postponed, #b54708); }
    .badge.RESCHEDULED { background: var(--igren-accent, #175cd3); }
    .CANCELLED .title { text-decoration: line-through; }
    a:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .message { color: var(--igren-muted, #52606d); }
  `;

  // Everything the widget shows comes from the server, as every Igren output shows it: the
  // months (in Tokyo), their labels, which events fall in each, status label, place and time in
  // words. Months and limit are checked by the API with the embed page's limits and errors.
  const QUERY = `query IgrenEmbed($months: Int, $salon: String, $project: String,
    $category: String, $limit: Int, $lang: Language) {
    eventMonths(months: $months, salon: $salon, project: $project, category: $category,
      limit: $limit) {
      month label(lang: $lang)
      events { id title url start status statusLabel(lang: $lang) location(lang: $lang)
        when(lang: $lang, era: true) holiday icsUrl }
    }
  }`;

  function whole(value) {
    // Digits go as a number; anything else goes as written, for the API to refuse.
    if (value === null || value === "") return null;
    return /^[0-9]+$/.test(value) ? Number(value) : value;
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
      const variables = {
        months: whole(this.getAttribute("months")),
        limit: whole(this.getAttribute("limit")),
        salon: this.getAttribute("salon") || null,
        project: this.getAttribute("project") || null,
        category: this.getAttribute("category") || null,
        lang: this.lang2 === "en" ? "EN" : "JA",
      };
      this.show(el("p", { class: "message", role: "status" }, words.loading), true);
      let months;
      try {
        const url = this.endpoint + "?" + new URLSearchParams({
          query: QUERY, variables: JSON.stringify(variables),
        });
        const response = await fetch(url, {
          headers: { Accept: "application/graphql-response+json, application/json" },
        });
        const body = await response.json();
        if (!body.data || !body.data.eventMonths) {
          const reason = body.errors && body.errors[0] ? body.errors[0].message : "no data";
          throw new Error(reason);
        }
        months = body.data.eventMonths;
      } catch (error) {
        if (generation === this.generation) {
          console.warn("<igren-events>:", error.message);
          this.show(el("p", { class: "message", role: "alert" }, words.failed), false);
        }
        return;
      }
      if (generation === this.generation) this.render(months, words);
    }

    show(node, busy) {
      const style = el("style", {}, STYLE);
      const region = el("div", { "aria-busy": busy ? "true" : "false", "aria-live": "polite" }, node);
      this.root.replaceChildren(style, region);
    }

    render(months, words) {
      const region = el("div", { role: "region", "aria-label": words.label });
      for (const month of months) {
        const headingId = `igren-${month.month}`;
        const section = el("section", { "aria-labelledby": headingId },
          el("h2", { id: headingId }, month.label));
        if (month.events.length === 0) {
          section.append(el("p", { class: "message" }, words.empty));
        } else {
          section.append(el("ol", {}, ...month.events.map((e) => this.item(e, words))));
        }
        region.append(section);
      }
      this.root.replaceChildren(el("style", {}, STYLE), region);
    }

    item(event, words) {
      // The status is the API's enum value (CANCELLED …), the same class the embed page uses.
      const when = el("div", { class: "when" }, el("time", { datetime: event.start }, event.when));
      if (event.holiday) when.append(el("span", { class: "holiday" }, event.holiday));
      if (event.statusLabel) {
        when.append(el("span", { class: `badge ${event.status}` }, event.statusLabel));
      }
      const href = safeHref(event.url);
      const title = href
        ? el("a", { class: "title", href, target: "_blank", rel: "noopener" }, event.title)
        : el("span", { class: "title" }, event.title);
      const ics = safeHref(event.icsUrl);
      return el("li", { class: `event ${event.status}` },
        when,
        el("div", {}, title),
        event.location ? el("div", { class: "where" }, event.location) : null,
        ics ? el("div", {}, el("a", { class: "add", href: ics }, words.add)) : null);
    }
  }

  customElements.define("igren-events", IgrenEvents);
})();
