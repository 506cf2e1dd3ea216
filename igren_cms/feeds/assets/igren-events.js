/*
 * <igren-events>: this month's and next month's Igren events on any web page.
 *
 *   <script src="https://HOST/embed/events.js" defer></script>
 *   <igren-events salon="kawasaki" months="2" limit="10"></igren-events>
 *
 * Attributes: salon, project, category (slugs), months (1-12, default 2), limit (1-100,
 * default 10; the embed page's limits, checked by the API), lang (ja or en), endpoint (the GraphQL URL; default: beside this script, so
 * https://HOST/PREFIX/embed/events.js reads https://HOST/PREFIX/graphql/). No dependencies; the list lives in a shadow root, so the host
 * page's styles do not leak in; its styles are a constructed stylesheet, which a strict CSP
 * allows. Theme it with CSS custom properties on the element:
 *   --igren-accent, --igren-text, --igren-muted, --igren-background, --igren-border,
 *   --igren-cancelled, --igren-postponed, --igren-rescheduled, --igren-holiday, --igren-font,
 *   --igren-font-size. It follows the page's color-scheme (light or dark).
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

  // Applied as a constructed stylesheet (adoptedStyleSheets), which a partner's strict CSP
  // (style-src 'self', no 'unsafe-inline') allows: no <style> element, no style attribute.
  // Colours follow the page's color-scheme (light-dark(); the light ones where a browser lacks
  // it), on the widget's own background, so
  // text keeps its contrast on light and dark pages alike; `!important` on :host wins over
  // the page's own rules for the element (even `* { all: unset }`), as shadow trees' do.
  // Logical properties (margin-inline-start …) keep the layout right on right-to-left pages.
  const STYLE = `
    :host { display: block !important; box-sizing: border-box !important;
      color-scheme: inherit; min-inline-size: 12em !important; }
    :host([hidden]) { display: none !important; }
    .igren { --text: #1f2933; --background: #ffffff; --accent: #0b6e4f; --border: #d9dee3; --muted: #475462; --holiday: #b42318; }
    @supports (color: light-dark(#000, #fff)) { .igren { --text: light-dark(#1f2933, #f5f7fa); --background: light-dark(#ffffff, #16191d); --accent: light-dark(#0b6e4f, #5fd3a5); --border: light-dark(#d9dee3, #3a4149); --muted: light-dark(#475462, #c2cad3); --holiday: light-dark(#b42318, #ffa39e); } }
    .igren { display: block; font-family: var(--igren-font, system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif);
      font-size: var(--igren-font-size, 1rem); line-height: 1.6; text-align: start;
      color: var(--igren-text, var(--text));
      background: var(--igren-background, var(--background));
      padding-block: .25em; padding-inline: .75em; border-radius: .4em; }
    h2 { display: block; font-size: 1em; font-weight: 700; margin-block: 1em .25em; margin-inline: 0; padding-block-end: .2em;
      border-block-end: 2px solid var(--igren-accent, var(--accent)); }
    ol { display: block; list-style: none; margin: 0; padding: 0; }
    li { display: block; padding-block: .5em; border-block-end: 1px solid var(--igren-border, var(--border)); }
    div, p, section { display: block; }
    p { margin-block: .5em; }
    .when { font-size: .9em; color: var(--igren-muted, var(--muted)); }
    a { text-decoration: underline; cursor: pointer; }
    .title { font-weight: 600; color: var(--igren-accent, var(--accent)); }
    .where { font-size: .9em; }
    .add { font-size: .85em; color: var(--igren-accent, var(--accent)); }
    .holiday { margin-inline-start: .4em; font-size: .8em; color: var(--igren-holiday, var(--holiday)); }
    .badge { display: inline-block; margin-inline-start: .4em; padding-inline: .4em; border-radius: .2em; font-size: .8em;
      font-weight: 700; color: #fff; background: var(--igren-cancelled, #b42318); }
    .badge.POSTPONED { background: var(--igren-postponed, #a3400a); }
    .badge.RESCHEDULED { background: var(--igren-rescheduled, #175cd3); }
    .CANCELLED .title { text-decoration: line-through; }
    a:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .message { color: var(--igren-muted, var(--muted)); }
  `;
  let SHEET = null;
  function sheet() {
    if (SHEET === null) {
      SHEET = new CSSStyleSheet();
      SHEET.replaceSync(STYLE);
    }
    return SHEET;
  }

  // Everything the widget shows comes from the server, as every Igren output shows it: the
  // months (in Tokyo), their labels, which events fall in each, status label, place and time in
  // words. Months and limit are checked by the API with the embed page's limits and errors.
  const QUERY = `query IgrenEmbed($months: Int, $salon: String, $project: String,
    $category: String, $limit: Int, $lang: Language, $locale: String) {
    eventMonths(months: $months, salon: $salon, project: $project, category: $category,
      limit: $limit, locale: $locale) {
      month label(lang: $lang)
      events { id title locale url start status statusLabel(lang: $lang) location(lang: $lang)
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
      this.root.adoptedStyleSheets = [sheet()];
      this.generation = 0;
      this.pending = false;
    }

    connectedCallback() { this.schedule(); }

    attributeChangedCallback() { if (this.isConnected) this.schedule(); }

    // An element upgraded with five attributes hears five changes and a connection at once:
    // they make one request, in the microtask after the last of them.
    schedule() {
      if (this.pending) return;
      this.pending = true;
      queueMicrotask(() => {
        this.pending = false;
        if (this.isConnected) this.load();
      });
    }

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
        // The content in the widget's language where it is translated (the rest in Japanese).
        locale: this.lang2,
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
      const region = el("div", {
        class: "igren", lang: this.lang2, "aria-busy": busy ? "true" : "false", "aria-live": "polite",
      }, node);
      this.root.replaceChildren(region);
    }

    render(months, words) {
      // The content's own language: Japanese stays Japanese on an English page (screen
      // readers, fonts, line breaking).
      const region = el("div", { class: "igren", lang: this.lang2, role: "region", "aria-label": words.label });
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
      this.root.replaceChildren(region);
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
      // An untranslated title (Japanese in an English widget) says its own language.
      const titleBox = event.locale && event.locale !== this.lang2
        ? el("div", { lang: event.locale }, title) : el("div", {}, title);
      return el("li", { class: `event ${event.status}` },
        when,
        titleBox,
        event.location ? el("div", { class: "where" }, event.location) : null,
        ics ? el("div", {}, el("a", { class: "add", href: ics }, words.add)) : null);
    }
  }

  customElements.define("igren-events", IgrenEvents);
})();
