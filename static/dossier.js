// dossier.js: small enhancements; every page reads fine without it.
// Preview cards for marked claims, quotes and names; the claims filter; search.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? script.src.replace(/dossier\.js(\?.*)?$/, "") : "/";

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
  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  // ---- Preview cards -------------------------------------------------------
  // A card shows the verdict and reasoning of a claim, the speaker of a quote,
  // or the role of a person or organization, taken from the linked page. It
  // opens on hover and on keyboard focus, stays while the pointer is over it,
  // and closes on Escape, on blur and when the pointer leaves.
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
  function fillCard(doc) {
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
  }
  function place(t) {
    var r = t.getBoundingClientRect();
    var w = Math.min(352, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - w - 8));
    card.style.width = w + "px";
    card.style.left = left + "px";
    card.style.top = r.bottom + window.scrollY + 6 + "px";
  }
  function showCard(t) {
    clearTimeout(hideTimer);
    if (cardFor === t && !card.hidden) return;
    if (!card) {
      card = el("div", "card");
      card.id = "dossier-card";
      card.setAttribute("role", "tooltip");
      card.hidden = true;
      card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      card.addEventListener("mouseleave", hideSoon);
      document.body.appendChild(card);
    }
    cardFor = t;
    fetchPage(targetURL(t)).then(function (doc) {
      if (cardFor !== t) return;
      fillCard(doc);
      place(t);
      card.hidden = false;
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
    if (!n || !n.closest) return null;
    return n.closest("main mark.claim, main mark.quote, main a.badge-claim, main a.badge-quote, main a.mention");
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
      if (t) showCard(t); else if (cardFor) hideCard();
    });
    document.addEventListener("focusout", function (e) {
      if (previewTarget(e.target) === cardFor) hideSoon();
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && card && !card.hidden) hideCard();
    });
  }

  // ---- Claims filter -------------------------------------------------------
  function initClaimsFilter() {
    var list = document.getElementById("claim-list");
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll(".claim-item"));
    var claimants = {}, order = [];
    items.forEach(function (li) {
      var id = li.getAttribute("data-claimant");
      if (claimants[id]) return;
      var a = li.querySelector(".claim-meta a");
      claimants[id] = id === "article" || !a ? "The article itself" : a.textContent;
      order.push(id);
    });
    order.sort(function (a, b) { return claimants[a].localeCompare(claimants[b]); });
    var form = el("form", "claims-filter");
    form.setAttribute("aria-label", "Filter claims");
    var verdict = select("filter-verdict", "Verdict", form);
    document.querySelectorAll(".legend-list .badge").forEach(function (b) {
      verdict.appendChild(new Option(b.textContent.trim(), b.getAttribute("data-status")));
    });
    var who = select("filter-claimant", "Claimed by", form);
    order.forEach(function (id) { who.appendChild(new Option(claimants[id], id)); });
    var status = el("p", "filter-status");
    status.setAttribute("role", "status");
    form.appendChild(status);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    function apply() {
      var shown = 0;
      items.forEach(function (li) {
        var ok = (!verdict.value || li.getAttribute("data-status") === verdict.value) &&
          (!who.value || li.getAttribute("data-claimant") === who.value);
        li.hidden = !ok;
        if (ok) shown++;
      });
      status.textContent = shown + " of " + items.length + " claims shown";
    }
    verdict.addEventListener("change", apply);
    who.addEventListener("change", apply);
    list.parentNode.insertBefore(form, list);
    apply();
  }
  function select(id, label, parent) {
    var wrap = el("div", "field");
    var l = el("label", null, label);
    l.htmlFor = id;
    var s = el("select");
    s.id = id;
    s.appendChild(new Option("All", ""));
    wrap.appendChild(l);
    wrap.appendChild(s);
    parent.appendChild(wrap);
    return s;
  }

  // ---- Search --------------------------------------------------------------
  // The index format is described in internal/render/search.go.
  var DIRS = { article: "articles/", claim: "claims/", quote: "quotes/", actor: "actors/", organization: "organizations/" };
  var KIND_NAMES = { article: "Articles", claim: "Claims", quote: "Quotes", actor: "Actors", organization: "Organizations" };

  // tokens splits text like the Go indexer: lower-cased runs of letters and digits.
  function tokens(s) {
    return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  function shardKey(term, n) {
    var p = Array.from(term).slice(0, n).join("");
    if (/^[a-z0-9]+$/.test(p)) return p;
    var hex = "";
    new TextEncoder().encode(p).forEach(function (b) { hex += (b < 16 ? "0" : "") + b.toString(16); });
    return "x" + hex;
  }

  function Search(root) {
    this.root = root;
    this.dir = root.getAttribute("data-index");
    this.shards = {};
    this.chunks = {};
    this.shown = 0;
    this.seq = 0;
  }
  Search.prototype.manifest = function () {
    var s = this;
    if (!s.man) {
      s.man = getJSON(s.dir + "index.json").then(function (m) {
        m.shardSet = {};
        m.shards.forEach(function (k) { m.shardSet[k] = true; });
        return m;
      });
    }
    return s.man;
  };
  Search.prototype.shard = function (m, key) {
    if (!m.shardSet[key]) return Promise.resolve({});
    if (!this.shards[key]) this.shards[key] = getJSON(this.dir + "t/" + key + ".json");
    return this.shards[key];
  };
  Search.prototype.chunk = function (n) {
    if (!this.chunks[n]) this.chunks[n] = getJSON(this.dir + "d/" + n + ".json");
    return this.chunks[n];
  };
  // lookup returns doc → score for one word, every term starting with it when prefix is set.
  Search.prototype.lookup = function (m, word, prefix) {
    return this.shard(m, shardKey(word, m.p)).then(function (shard) {
      var scores = {}, n = m.k.length;
      Object.keys(shard).forEach(function (term) {
        if (term !== word && !(prefix && term.lastIndexOf(word, 0) === 0)) return;
        var list = shard[term], doc = 0, df = list.length / 2;
        var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        var exact = term === word ? 1 : 0.7;
        for (var i = 0; i < list.length; i += 2) {
          doc += list[i];
          var w = list[i + 1];
          scores[doc] = Math.max(scores[doc] || 0, exact * idf * (w * 2.2) / (w + 1.2));
        }
      });
      return scores;
    });
  };
  // run finds the documents matching every word of q and the chosen facets.
  Search.prototype.run = function (q, f) {
    var s = this;
    return s.manifest().then(function (m) {
      var words = tokens(q);
      var last = words.length - 1;
      return Promise.all(words.map(function (w, i) {
        return s.lookup(m, w, i === last && !/\s$/.test(q) && Array.from(w).length >= m.p);
      })).then(function (lists) {
        var hits = [];
        if (!lists.length) {
          if (!f.any) return { m: m, hits: [], facets: null };
          for (var d = 0; d < m.k.length; d++) hits.push({ doc: d, score: 0 });
        } else {
          Object.keys(lists[0]).forEach(function (d) {
            var score = 0;
            for (var j = 0; j < lists.length; j++) {
              if (!(d in lists[j])) return;
              score += lists[j][d];
            }
            hits.push({ doc: +d, score: score });
          });
          hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        }
        var facets = countFacets(m, hits);
        return { m: m, hits: hits.filter(function (h) { return matchFacets(m, h.doc, f); }), facets: facets };
      });
    });
  };
  function matchFacets(m, d, f) {
    if (f.kind.length && f.kind.indexOf(m.kinds[+m.k[d]]) < 0) return false;
    if (f.verdict.length && !m.vf[d].some(function (v) { return f.verdict.indexOf(m.verdicts[v][0]) >= 0; })) return false;
    if (f.actor && !m.af[d].some(function (a) { return m.actors[a][0] === f.actor; })) return false;
    if (f.org && !m.of[d].some(function (o) { return m.orgs[o][0] === f.org; })) return false;
    return true;
  }
  function countFacets(m, hits) {
    var c = { kind: {}, verdict: {}, actor: {}, org: {} };
    function inc(o, k) { o[k] = (o[k] || 0) + 1; }
    hits.forEach(function (h) {
      inc(c.kind, m.kinds[+m.k[h.doc]]);
      m.vf[h.doc].forEach(function (v) { inc(c.verdict, m.verdicts[v][0]); });
      m.af[h.doc].forEach(function (a) { inc(c.actor, m.actors[a][0]); });
      m.of[h.doc].forEach(function (o) { inc(c.org, m.orgs[o][0]); });
    });
    return c;
  }
  // docs loads the [kind, id, title, snippet] records of some hits.
  Search.prototype.docs = function (m, hits) {
    var s = this;
    return Promise.all(hits.map(function (h) {
      return s.chunk(Math.floor(h.doc / m.c)).then(function (chunk) { return chunk[h.doc % m.c]; });
    }));
  };

  function initSearch() {
    var root = document.getElementById("search");
    if (!root) return;
    var s = new Search(root);
    var input = document.getElementById("search-q");
    var facetBox = document.getElementById("search-facets");
    var status = document.getElementById("search-status");
    var results = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    document.getElementById("search-nojs").hidden = true;
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    var state = { hits: [], m: null }, timer;

    function facetValues() {
      var f = { kind: [], verdict: [], actor: "", org: "" };
      facetBox.querySelectorAll("input:checked").forEach(function (c) { f[c.name].push(c.value); });
      facetBox.querySelectorAll("select").forEach(function (sel) { f[sel.name] = sel.value; });
      f.any = !!(f.kind.length || f.verdict.length || f.actor || f.org);
      return f;
    }
    function update() {
      var seq = ++s.seq;
      var f = facetValues();
      if (!tokens(input.value).length && !f.any) {
        results.textContent = "";
        more.hidden = true;
        status.textContent = "";
        return;
      }
      s.run(input.value, f).then(function (r) {
        if (seq !== s.seq) return;
        state = r;
        buildFacets(r.m, r.facets, f);
        results.textContent = "";
        s.shown = 0;
        status.textContent = r.hits.length === 1 ? "1 result" : r.hits.length + " results";
        return showMore();
      }).catch(function () {
        status.textContent = "The search index could not be loaded.";
      });
    }
    function showMore() {
      var page = state.hits.slice(s.shown, s.shown + 20);
      s.shown += page.length;
      more.hidden = s.shown >= state.hits.length;
      var seq = s.seq;
      return s.docs(state.m, page).then(function (docs) {
        if (seq !== s.seq) return;
        docs.forEach(function (d, i) { results.appendChild(resultItem(state.m, d, page[i].doc)); });
      });
    }
    function resultItem(m, d, n) {
      var kind = m.kinds[d[0]];
      var li = el("li", "search-result");
      li.setAttribute("data-kind", kind);
      li.appendChild(el("span", "result-kind", kind));
      li.appendChild(document.createTextNode(" "));
      var a = el("a", "result-title", kind === "claim" || kind === "quote" ? "“" + d[2] + "”" : d[2]);
      a.href = base + DIRS[kind] + d[1] + "/";
      li.appendChild(a);
      if (kind === "claim") m.vf[n].forEach(function (v) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(badge(m.verdicts[v][0], m.verdicts[v][1], m.verdicts[v][2]));
      });
      if (d[3]) li.appendChild(el("p", "result-snippet", d[3]));
      return li;
    }
    // buildFacets draws the facet controls once, then updates their counts.
    function buildFacets(m, counts, f) {
      if (!facetBox.firstChild) {
        facetBox.appendChild(checkboxes("kind", "Kind of page", m.kinds.map(function (k) { return [k, KIND_NAMES[k]]; })));
        facetBox.appendChild(checkboxes("verdict", "Verdict", m.verdicts));
        facetBox.appendChild(facetSelect("actor", "Actor", m.actors));
        facetBox.appendChild(facetSelect("org", "Organization", m.orgs));
        facetBox.hidden = false;
      }
      if (!counts) return;
      facetBox.querySelectorAll("[data-count]").forEach(function (n) {
        var k = n.getAttribute("data-count").split("|");
        var c = counts[k[0]][k[1]] || 0;
        if (n.tagName === "OPTION") n.textContent = n.getAttribute("data-label") + " (" + c + ")";
        else n.textContent = "(" + c + ")";
      });
    }
    function checkboxes(name, legend, values) {
      var fs = el("fieldset", "facet");
      fs.appendChild(el("legend", null, legend));
      values.forEach(function (v) {
        var id = "facet-" + name + "-" + v[0];
        var wrap = el("span", "facet-option");
        var c = el("input");
        c.type = "checkbox";
        c.name = name;
        c.value = v[0];
        c.id = id;
        var l = el("label");
        l.htmlFor = id;
        if (name === "verdict") l.appendChild(badge(v[0], v[1], v[2]));
        else l.appendChild(document.createTextNode(v[1]));
        l.appendChild(document.createTextNode(" "));
        var n = el("span", "count");
        n.setAttribute("data-count", name + "|" + v[0]);
        l.appendChild(n);
        wrap.appendChild(c);
        wrap.appendChild(l);
        fs.appendChild(wrap);
      });
      fs.addEventListener("change", update);
      return fs;
    }
    function facetSelect(name, label, values) {
      var wrap = el("div", "facet field");
      var l = el("label", null, label);
      l.htmlFor = "facet-" + name;
      var sel = el("select");
      sel.id = "facet-" + name;
      sel.name = name;
      sel.appendChild(new Option("Any", ""));
      values.forEach(function (v) {
        var o = new Option(v[1], v[0]);
        o.setAttribute("data-label", v[1]);
        o.setAttribute("data-count", name + "|" + v[0]);
        sel.appendChild(o);
      });
      sel.addEventListener("change", update);
      wrap.appendChild(l);
      wrap.appendChild(sel);
      return wrap;
    }

    root.querySelector("form").addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      update();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 150);
    });
    more.addEventListener("click", function () { showMore(); });
    s.manifest().then(function (m) { buildFacets(m, null); }).catch(function () {});
    if (input.value) update();
  }

  function init() {
    initCards();
    initClaimsFilter();
    initSearch();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
