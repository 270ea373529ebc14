// dossier.js: small enhancements; every page reads fine without it. Preview
// cards; on article pages margin notes, their pairing with marks and the
// plain-text toggle. claims.js and search.js load only on their own pages.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? new URL("./", script.src).pathname : "/";
  // The theme's words in the site's language (data-words, see layout.html).
  var words = {};
  try { words = JSON.parse((script && script.getAttribute("data-words")) || "{}"); } catch (e) { words = {}; }
  function t(key, fallback) { return words[key] || fallback; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function badge(id, label, icon) {
    var b = el("span", "badge");
    b.setAttribute("data-status", id);
    var i = el("span", "icon icon-" + icon);
    i.setAttribute("aria-hidden", "true");
    b.appendChild(i);
    b.appendChild(document.createTextNode(label));
    return b;
  }

  // ---- Preview cards -------------------------------------------------------
  // A card shows what the linked page says (a claim's verdict and reasoning,
  // a quote's speaker, an entity's role) and links to it. Hover or focus
  // opens it; Escape, blur or leaving closes it. It follows its target in the
  // document (Tab reaches its link next) and stays in the viewport.
  var card, cardFor, hideTimer, pages = {};

  function targetURL(t) {
    if (t.matches("mark.claim")) return base + "claims/" + t.getAttribute("data-claim") + "/";
    if (t.matches("mark.quote")) return base + "quotes/" + t.getAttribute("data-quote") + "/";
    return t.href;
  }
  function fetchPage(url) {
    if (!pages[url]) {
      pages[url] = fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      }).then(function (html) {
        return new DOMParser().parseFromString(html, "text/html");
      });
    }
    return pages[url];
  }
  function text(doc, sel) {
    var n = doc.querySelector(sel);
    return n ? n.textContent.replace(/\s+/g, " ").trim() : "";
  }
  // fillCard builds the card's content from a fetched page.
  function fillCard(doc, url) {
    card.textContent = "";
    var eyebrow = text(doc, "main .eyebrow");
    if (eyebrow) card.appendChild(el("p", "card-kind", eyebrow));
    var title = text(doc, "main h1");
    var quote = text(doc, "main .big-quote");
    card.appendChild(el("p", "card-title", quote || title));
    var b = doc.querySelector("main .verdict-line .badge");
    if (b) card.appendChild(badge(b.getAttribute("data-status"), b.textContent.trim(), (b.querySelector(".icon") || { className: "" }).className.replace(/.*icon-/, "")));
    var facts = doc.querySelectorAll("main .facts dt");
    for (var i = 0; i < facts.length && i < 2; i++) {
      var p = el("p", "card-fact");
      p.appendChild(el("span", "card-dt", facts[i].textContent + ": "));
      p.appendChild(document.createTextNode(facts[i].nextElementSibling ? facts[i].nextElementSibling.textContent.replace(/\s+/g, " ").trim() : ""));
      card.appendChild(p);
    }
    var summary = text(doc, "main .lede") || text(doc, "main section[aria-labelledby='why-h'] p") || text(doc, "main .profile p");
    if (summary) card.appendChild(el("p", "card-summary", summary.length > 260 ? summary.slice(0, 257) + "…" : summary));
    var more = el("p", "card-more");
    var a = el("a", null, t("read-more", "Read more"));
    a.href = url;
    a.appendChild(el("span", "sr-only", ": " + (quote || title)));
    more.appendChild(a);
    card.appendChild(more);
  }
  // place puts the card (position: fixed) next to t inside the viewport:
  // below t when it fits there, else above, else on the roomier side,
  // scrolling inside itself.
  function place(t) {
    var r = t.getBoundingClientRect();
    var vw = document.documentElement.clientWidth, vh = window.innerHeight, gap = 6, edge = 8;
    var w = Math.min(352, vw - 2 * edge);
    card.style.width = w + "px";
    card.style.left = Math.max(edge, Math.min(r.left, vw - w - edge)) + "px";
    card.style.maxHeight = "";
    var h = card.offsetHeight;
    var below = vh - r.bottom - gap - edge, above = r.top - gap - edge;
    var down = h <= below || (h > above && below >= above);
    if (h > Math.max(below, above)) {
      h = Math.max(below, above);
      card.style.maxHeight = h + "px";
    }
    card.style.top = (down ? r.bottom + gap : r.top - gap - h) + "px";
  }
  function showCard(t) {
    clearTimeout(hideTimer);
    if (cardFor === t && !card.hidden) return;
    if (!card) {
      card = el("div", "card");
      card.id = "dossier-card";
      card.hidden = true;
      card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      card.addEventListener("mouseleave", hideSoon);
      card.addEventListener("focusin", function () { clearTimeout(hideTimer); });
      card.addEventListener("focusout", function (e) {
        if (!card.contains(e.relatedTarget) && e.relatedTarget !== cardFor) hideSoon();
      });
    }
    cardFor = t;
    var url = targetURL(t);
    fetchPage(url).then(function (doc) {
      if (cardFor !== t) return;
      fillCard(doc, url);
      // After the link (never inside one: links do not nest).
      (t.matches("a") ? t : t.closest("a") || t).insertAdjacentElement("afterend", card);
      card.style.visibility = "hidden";
      card.hidden = false;
      place(t);
      card.style.visibility = "";
      if (t.matches("a")) t.setAttribute("aria-describedby", "dossier-card");
    }).catch(function () {});
  }
  function hideCard() {
    clearTimeout(hideTimer);
    if (card) card.hidden = true;
    if (cardFor && cardFor.removeAttribute) cardFor.removeAttribute("aria-describedby");
    cardFor = null;
  }
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideCard, 250);
  }
  // previewTarget maps an event target to the element a card is about: a
  // mark, a badge (its claim's or quote's page) or a name linked to its page.
  function previewTarget(n) {
    if (!n || !n.closest || n.closest(".plain") || (card && card.contains(n))) return null;
    var t = n.closest("main mark.claim, main mark.quote, main a.badge-claim, main a.badge-quote, main a.mention");
    return t && t.closest(".marks-key") ? null : t;
  }
  function initCards() {
    if (!document.querySelector("mark.claim, mark.quote, a.mention")) return;
    document.addEventListener("mouseover", function (e) {
      var t = previewTarget(e.target);
      if (t) showCard(t);
    });
    document.addEventListener("mouseout", function (e) {
      var t = previewTarget(e.target);
      if (t && t === cardFor && !(e.relatedTarget && t.contains(e.relatedTarget))) hideSoon();
    });
    document.addEventListener("focusin", function (e) {
      var t = previewTarget(e.target);
      if (t) showCard(t); else if (cardFor && !card.contains(e.target)) hideCard();
    });
    document.addEventListener("focusout", function (e) {
      if (previewTarget(e.target) === cardFor && !(card && card.contains(e.relatedTarget))) hideSoon();
    });
    var placing = false;
    function follow() {
      if (placing || !card || card.hidden || !cardFor) return;
      placing = true;
      requestAnimationFrame(function () {
        placing = false;
        if (card && !card.hidden && cardFor) place(cardFor);
      });
    }
    window.addEventListener("scroll", follow, { passive: true });
    window.addEventListener("resize", follow);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && card && !card.hidden) hideCard();
    });
  }

  // On phones the main navigation is one row that scrolls sideways:
  // scroll the current section's link into view.
  function showCurrentSection() {
    var cur = document.querySelector(".site-header nav [aria-current]");
    var row = cur && cur.closest("ul");
    if (row && row.scrollWidth > row.clientWidth) {
      row.scrollLeft = cur.offsetLeft - (row.clientWidth - cur.offsetWidth) / 2;
    }
  }

  // ---- Margin notes, pairing, plain text ----------------------------------
  // Wide screens: each note (the badge after a claim or quote) sits in the
  // margin, centred on the line where its words end; notes of one line share
  // a row while they fit, then stack. A mark and its note highlight each
  // other (.hl). The plain-text toggle hides marks and notes, remembered.
  var PLAIN = "dossier-plain";

  // pairKey names the annotation of a mark, or of a note from its link.
  function pairKey(n) {
    if (n.matches("mark")) return n.dataset.claim ? "claim " + n.dataset.claim : "quote " + n.dataset.quote;
    var p = (n.pathname || "").split("/");
    return p.length > 2 ? (p[p.length - 3] === "claims" ? "claim " : "quote ") + decodeURIComponent(p[p.length - 2]) : "";
  }
  // noteTop returns where a note of height h goes: centred on the line box
  // where the marks end (the line around the last mark's last box).
  function noteTop(marks, h) {
    var m = marks[marks.length - 1], rs = m.getClientRects(), cs = getComputedStyle(m), lh = parseFloat(cs.lineHeight);
    for (var i = rs.length - 1; i > 0 && !rs[i].width; i--);
    return rs[i].top + (rs[i].height - parseFloat(cs.borderBottomWidth) - lh) / 2 + Math.max(0, (lh - h) / 2);
  }
  function initNotes() {
    var body = document.querySelector(".article .body");
    if (!body) return;
    var art = body.parentNode, wide = matchMedia("(min-width: 60rem)"), pairs = {}, notes = [], queued;
    body.querySelectorAll("mark, .badge-claim, .badge-quote").forEach(function (n) {
      var k = pairKey(n), p = pairs[k] || (pairs[k] = { marks: [] });
      if (n.matches("mark")) p.marks.push(n);
      else if (k) { p.note = n; notes.push(n); }
    });
    function layout() {
      var on = wide.matches && !art.classList.contains("plain"), bottom = -1e9, row = null, room, top0;
      body.classList.toggle("notes", on);
      top0 = body.getBoundingClientRect().top;
      notes.map(function (n) {
        var p = pairs[pairKey(n)], h = n.offsetHeight;
        n.style.top = n.style.marginLeft = "";
        room = room || parseFloat(getComputedStyle(n).maxWidth);
        return { n: n, h: h, w: n.offsetWidth, top: on && p.marks.length ? noteTop(p.marks, h) - top0 : NaN };
      }).filter(function (x) { return x.top === x.top; }).sort(function (a, b) { return a.top - b.top; }).forEach(function (x) {
        if (row && Math.abs(x.top - row.top) < 2 && row.w + 8 + x.w <= room) {
          x.n.style.marginLeft = row.w + 8 + "px";
          row.w += 8 + x.w;
          x.top = row.top;
        } else {
          x.top = Math.max(x.top, bottom + 4);
          row = { top: x.top, w: x.w };
        }
        bottom = Math.max(bottom, x.top + x.h);
        x.n.style.top = x.top + "px";
      });
      body.style.minHeight = bottom > 0 ? bottom + "px" : "";
    }
    function pair(on) {
      return function (e) {
        var t = e.target.closest && e.target.closest("mark, .badge-claim, .badge-quote"), p = t && pairs[pairKey(t)];
        if (p) p.marks.concat(p.note || []).forEach(function (m) { m.classList.toggle("hl", on); });
      };
    }
    ["mouseover", "focusin", "mouseout", "focusout"].forEach(function (type, i) { body.addEventListener(type, pair(i < 2)); });
    initPlain(art, body, layout);
    layout();
    function relayout() {
      if (!queued) queued = requestAnimationFrame(function () { queued = 0; layout(); });
    }
    addEventListener("resize", relayout);
    addEventListener("load", relayout);
    if (document.fonts) document.fonts.ready.then(relayout);
  }
  // initPlain puts the plain-text toggle, labelled by the body's data-plain,
  // before the body.
  function initPlain(art, body, layout) {
    var label = body.getAttribute("data-plain"), button = el("button", "plain-toggle", label), tools = el("p", "plain-tools");
    function set(on) {
      art.classList.toggle("plain", on);
      button.setAttribute("aria-pressed", on);
    }
    if (!label) return;
    button.type = "button";
    button.addEventListener("click", function () {
      var on = !art.classList.contains("plain");
      set(on);
      try { if (on) localStorage.setItem(PLAIN, "1"); else localStorage.removeItem(PLAIN); } catch (e) {}
      layout();
    });
    tools.appendChild(button);
    art.insertBefore(tools, body);
    try { set(localStorage.getItem(PLAIN) === "1"); } catch (e) { set(false); }
  }

  function init() {
    initNotes();
    initCards();
    showCurrentSection();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
