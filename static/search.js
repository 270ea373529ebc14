// search.js: the static search of /search/, over the index that dossier
// builds in Go (its format is described in internal/render/search.go).
// Without JavaScript the page links to the indexes instead.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? new URL("./", script.src).pathname : "/";

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

  // words reads the theme's words in the site's language from a data-words
  // attribute (a JSON object by key); a theme without it keeps the English
  // fallbacks. A word for a count has one form per plural category,
  // separated by "|" (see docs/theming.md), and %d, %s or %[n]d for its
  // arguments.
  function words(node) {
    var w = {};
    try { w = JSON.parse((node && node.getAttribute("data-words")) || "{}"); } catch (e) { w = {}; }
    var order = { one: 0, few: 1, many: 2 };
    function format(s, args) {
      var i = 0;
      return s.replace(/%(?:\[(\d+)\])?[dsv]/g, function (_, n) { return String(args[n ? n - 1 : i++]); });
    }
    return {
      t: function (key, fallback, args) { return format(w[key] || fallback, args || []); },
      n: function (key, fallback, count, args) {
        var forms = (w[key] || fallback).split("|");
        var cat = window.Intl && Intl.PluralRules ? new Intl.PluralRules(w.lang || "en").select(count) : (count === 1 ? "one" : "other");
        var i = cat in order ? order[cat] : forms.length - 1;
        return format(forms[Math.min(i, forms.length - 1)], [count].concat(args || []));
      }
    };
  }

  var DIRS = { article: "articles/", claim: "claims/", quote: "quotes/", actor: "actors/", organization: "organizations/" };
  var KIND_NAMES = { article: "Articles", claim: "Claims", quote: "Quotes", actor: "Actors", organization: "Organizations" };
  var KIND_KEYS = { article: "articles", claim: "claims", quote: "quotes", actor: "actors", organization: "organizations" };
  var KIND_ONE = { article: ["entry-article", "article"], claim: ["entry-claim", "claim"], quote: ["entry-quote", "quote"],
    actor: ["kind-actor", "actor"], organization: ["kind-organization", "organization"] };

  // tokens splits text like the Go indexer (internal/render/side_terms.go):
  // lower-cased runs of letters and digits, ё read as е, and each part in a
  // script written without spaces (Chinese, Japanese kana, Thai, Lao, Khmer,
  // Myanmar) cut into overlapping pairs of characters: "王文斌" is 王文, 文斌.
  var UNSPACED = /([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}ー々]+)/u;
  function tokens(s) {
    var out = [];
    s.toLowerCase().replace(/ё/g, "е").split(/[^\p{L}\p{N}]+/u).forEach(function (field) {
      field.split(UNSPACED).forEach(function (part, i) {
        if (!part) return;
        var cs = Array.from(part);
        if (i % 2 === 0 || cs.length === 1) { out.push(part); return; }
        for (var j = 0; j + 1 < cs.length; j++) out.push(cs[j] + cs[j + 1]);
      });
    });
    return out;
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
  // docs loads the [kind, id, title, snippet, headline, paraphrase] records
  // of some hits; paraphrase (1) marks a quote whose words are not verbatim;
  // headline, when there, is the verdicts of the title of the article the
  // hit is or is in, shown wherever that title is.
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
    var W = words(root);
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
        status.textContent = W.n("search-n-results", "%d result|%d results", r.hits.length);
        return showMore();
      }).catch(function () {
        status.textContent = W.t("search-failed", "The search index could not be loaded.");
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
      li.appendChild(el("span", "result-kind", W.t(KIND_ONE[kind][0], KIND_ONE[kind][1])));
      li.appendChild(document.createTextNode(" "));
      // A paraphrase (d[5]) is never shown in quotation marks.
      if (kind === "quote" && d[5]) li.appendChild(el("span", "paraphrase-label", W.t("paraphrase-label", "Paraphrase:") + " "));
      var a = el("a", "result-title", kind === "claim" || (kind === "quote" && !d[5]) ? W.t("quote-open", "“") + d[2] + W.t("quote-close", "”") : d[2]);
      a.href = base + DIRS[kind] + d[1] + "/";
      li.appendChild(a);
      if (kind === "claim") m.vf[n].forEach(function (v) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(badge(m.verdicts[v][0], m.verdicts[v][1], m.verdicts[v][2]));
      });
      var headline = function (to) {
        (d[4] || []).forEach(function (v) {
          to.appendChild(document.createTextNode(" "));
          to.appendChild(badge(m.verdicts[v][0], m.verdicts[v][1], m.verdicts[v][2]));
        });
      };
      if (kind === "article") headline(li);
      if (d[3]) {
        var snippet = el("p", "result-snippet", d[3]);
        if (kind !== "article") headline(snippet);
        li.appendChild(snippet);
      }
      return li;
    }
    // buildFacets draws the facet controls once, then updates their counts.
    function buildFacets(m, counts, f) {
      if (!facetBox.firstChild) {
        // A disclosure, open on wide screens, so that on phones the results
        // are not pushed below the first screen.
        var box = el("details", "search-filters");
        box.open = window.matchMedia("(min-width: 40rem)").matches;
        box.appendChild(el("summary", null, W.t("search-filter", "Filter results")));
        var inner = el("div", "search-facet-list");
        inner.appendChild(checkboxes("kind", W.t("search-kind", "Kind of page"), m.kinds.map(function (k) { return [k, W.t(KIND_KEYS[k], KIND_NAMES[k])]; })));
        inner.appendChild(checkboxes("verdict", W.t("search-verdict", "Verdict"), m.verdicts));
        inner.appendChild(facetSelect("actor", W.t("search-actor", "Actor"), m.actors));
        inner.appendChild(facetSelect("org", W.t("search-organization", "Organization"), m.orgs));
        box.appendChild(inner);
        facetBox.appendChild(box);
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
      sel.appendChild(new Option(W.t("search-any", "Any"), ""));
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

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initSearch);
  else initSearch();
})();
