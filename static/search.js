// search.js: the static search of /search/, over the index that dossier
// builds in Go (its format is described in internal/render/search.go).
// The query and the facets live in the URL; back and forward restore them.
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

  var DIRS = { article: "articles/", claim: "claims/", quote: "quotes/", actor: "actors/", organization: "organizations/", event: "events/" };
  var KIND_NAMES = { article: "Articles", claim: "Claims", quote: "Quotes", actor: "Actors", organization: "Organizations", event: "Events" };
  var KIND_KEYS = { article: "articles", claim: "claims", quote: "quotes", actor: "actors", organization: "organizations", event: "events" };
  var KIND_ONE = { article: ["entry-article", "article"], claim: ["entry-claim", "claim"], quote: ["entry-quote", "quote"],
    actor: ["kind-actor", "actor"], organization: ["kind-organization", "organization"], event: ["entry-event", "event"] };

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
  // edits is the distance between two words in letters inserted, deleted,
  // replaced or swapped with their neighbour (optimal string alignment),
  // or max + 1 once it is over max.
  function edits(a, b, max) {
    a = Array.from(a);
    b = Array.from(b);
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var d = [];
    for (var i = 0; i <= a.length; i++) {
      d[i] = [i];
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { d[i][j] = j; continue; }
        var c = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return Math.min(d[a.length][b.length], max + 1);
  }
  // FUZZY is the length from which a word that matches nothing matches the
  // words one edit away.
  var FUZZY = 5;

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
        // Documents come kind by kind: the first of each.
        m.start = m.kinds.map(function (_, i) { var at = m.k.indexOf(String(i)); return at < 0 ? m.k.length : at; });
        return m;
      });
    }
    return s.man;
  };
  // entities loads every document's actors and organizations (search/f/),
  // needed only to filter or count by them.
  Search.prototype.entities = function (m) {
    if (!this.ents) {
      this.ents = Promise.all([getJSON(this.dir + "f/a.json"), getJSON(this.dir + "f/o.json")]).then(function (r) {
        m.af = r[0];
        m.of = r[1];
        return m;
      });
    }
    return this.ents;
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
  // near lists the shards where a word with a letter swapped or missing
  // among its first ones would be: one edit there moves a word to another shard.
  function nearKeys(m, word) {
    var cs = Array.from(word), keys = {}, own = shardKey(word, m.p);
    for (var i = 0; i < m.p && i < cs.length; i++) {
      var del = cs.slice(0, i).concat(cs.slice(i + 1)).join("");
      keys[shardKey(del, m.p)] = true;
      if (i + 1 < cs.length) {
        var sw = cs.slice();
        sw[i] = cs[i + 1];
        sw[i + 1] = cs[i];
        keys[shardKey(sw.join(""), m.p)] = true;
      }
    }
    delete keys[own];
    return Object.keys(keys);
  }
  // score adds one term's postings to scores.
  function score(m, scores, list, factor) {
    var doc = 0, n = m.k.length, df = list.length / 2;
    var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (var i = 0; i < list.length; i += 2) {
      doc += list[i];
      var w = list[i + 1];
      scores[doc] = Math.max(scores[doc] || 0, factor * idf * (w * 2.2) / (w + 1.2));
    }
  }
  // lookup finds one word: { scores: doc → score, fixed: the word it was
  // read as when it matched nothing as typed, near: the shards searched }.
  // With prefix, every term starting with the word matches; a word of
  // FUZZY letters or more that matches nothing matches the terms one edit
  // away, ranked lower.
  Search.prototype.lookup = function (m, word, prefix) {
    var s = this;
    return s.shard(m, shardKey(word, m.p)).then(function (shard) {
      var scores = {}, found = false;
      Object.keys(shard).forEach(function (term) {
        if (term !== word && !(prefix && term.lastIndexOf(word, 0) === 0)) return;
        found = true;
        score(m, scores, shard[term], term === word ? 1 : 0.7);
      });
      var r = { word: word, scores: scores, shards: [shard] };
      if (found || Array.from(word).length < FUZZY) return r;
      return Promise.all(nearKeys(m, word).map(function (k) { return s.shard(m, k); })).then(function (more) {
        r.shards = r.shards.concat(more);
        var best = null, bestDF = 0;
        r.shards.forEach(function (sh) {
          Object.keys(sh).forEach(function (term) {
            if (edits(word, term, 1) > 1) return;
            score(m, scores, sh[term], 0.5);
            if (sh[term].length > bestDF) { best = term; bestDF = sh[term].length; }
          });
        });
        r.fixed = best;
        return r;
      });
    });
  };
  // suggest is the word nearest to word (two edits at most, one for a
  // short word) in the shards already searched, the most frequent first.
  function suggest(r) {
    var len = Array.from(r.word).length, max = len >= FUZZY ? 2 : 1, best = null, bestD = max + 1, bestDF = 0;
    if (len < 3) return null;
    r.shards.forEach(function (sh) {
      Object.keys(sh).forEach(function (term) {
        var d = edits(r.word, term, max);
        if (d <= max && (d < bestD || d === bestD && sh[term].length > bestDF)) { best = term; bestD = d; bestDF = sh[term].length; }
      });
    });
    return best;
  }
  // entityDocs lists the actors and organizations whose name or short name
  // is the query: they rank first.
  function entityDocs(m, words) {
    var q = words.join(" "), out = {};
    if (!q) return out;
    m.actors.forEach(function (a, i) { if (tokens(a[1]).join(" ") === q) out[m.start[3] + i] = true; });
    m.orgs.forEach(function (o, i) {
      if (tokens(o[1]).join(" ") === q || (o[2] && tokens(o[2]).join(" ") === q)) out[m.start[4] + i] = true;
    });
    return out;
  }
  // run finds the documents matching every word of q and the chosen facets.
  Search.prototype.run = function (q, f) {
    var s = this;
    return s.manifest().then(function (m) {
      return f.actor || f.org ? s.entities(m) : m;
    }).then(function (m) {
      var words = tokens(q);
      var last = words.length - 1;
      return Promise.all(words.map(function (w, i) {
        return s.lookup(m, w, i === last && !/\s$/.test(q) && Array.from(w).length >= m.p);
      })).then(function (lists) {
        var hits = [], fixed = null;
        if (!lists.length) {
          if (!f.any) return { m: m, hits: [], facets: null };
          for (var d = 0; d < m.k.length; d++) hits.push({ doc: d, score: 0 });
        } else {
          var first = entityDocs(m, words);
          Object.keys(lists[0].scores).forEach(function (d) {
            var sc = first[d] ? 1000 : 0;
            for (var j = 0; j < lists.length; j++) {
              if (!(d in lists[j].scores)) return;
              sc += lists[j].scores[d];
            }
            hits.push({ doc: +d, score: sc });
          });
          hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
          if (lists.some(function (l) { return l.fixed; })) fixed = lists.map(function (l) { return l.fixed || l.word; }).join(" ");
        }
        var facets = countFacets(m, hits, f);
        var r = { m: m, hits: hits.filter(function (h) { return matchFacets(m, h.doc, f).all; }), facets: facets, fixed: fixed, lists: lists };
        return r;
      });
    });
  };
  // didYouMean is a query near q that finds something, or null.
  Search.prototype.didYouMean = function (r, f) {
    var changed = false, words = r.lists.map(function (l) {
      if (Object.keys(l.scores).length) return l.word;
      var w = suggest(l);
      if (w) changed = true;
      return w;
    }).filter(Boolean);
    if (!changed || !words.length) return Promise.resolve(null);
    var q = words.join(" ") + " ";
    return this.run(q, f).then(function (r2) { return r2.hits.length ? words.join(" ") : null; });
  };
  // matchFacets says which facet groups document d passes.
  function matchFacets(m, d, f) {
    var kind = m.kinds[+m.k[d]], v = m.vf[d];
    var r = {
      kind: !f.kind.length || f.kind.indexOf(kind) >= 0,
      verdict: !f.verdict.length || (v !== "-" && f.verdict.indexOf(m.verdicts[parseInt(v, 36)][0]) >= 0),
      actor: !f.actor || (m.af && m.af[d].some(function (a) { return m.actors[a][0] === f.actor; })),
      org: !f.org || (m.of && m.of[d].some(function (o) { return m.orgs[o][0] === f.org; }))
    };
    r.all = r.kind && r.verdict && r.actor && r.org;
    return r;
  }
  // countFacets counts, for each value of each facet, the hits that would
  // show if it were chosen with the other facets as they are: a verdict
  // counts the claims rated so, the only pages with a verdict of their own.
  function countFacets(m, hits, f) {
    var c = { kind: {}, verdict: {}, actor: {}, org: {}, entities: !!m.af };
    function inc(o, k) { o[k] = (o[k] || 0) + 1; }
    hits.forEach(function (h) {
      var ok = matchFacets(m, h.doc, f), v = m.vf[h.doc];
      if (ok.verdict && ok.actor && ok.org) inc(c.kind, m.kinds[+m.k[h.doc]]);
      if (ok.kind && ok.actor && ok.org && v !== "-") inc(c.verdict, m.verdicts[parseInt(v, 36)][0]);
      if (!m.af) return;
      if (ok.kind && ok.verdict && ok.org) m.af[h.doc].forEach(function (a) { inc(c.actor, m.actors[a][0]); });
      if (ok.kind && ok.verdict && ok.actor) m.of[h.doc].forEach(function (o) { inc(c.org, m.orgs[o][0]); });
    });
    return c;
  }
  // docs loads the records of some hits: [kind, id, title, snippet,
  // headline, paraphrase, …] (see internal/render/search.go); paraphrase (1)
  // marks a quote whose words are not verbatim; headline, when there, is the
  // verdicts of the title of the article the hit is or is in, shown wherever
  // that title is.
  Search.prototype.docs = function (m, hits) {
    var s = this;
    return Promise.all(hits.map(function (h) {
      return s.chunk(Math.floor(h.doc / m.c)).then(function (chunk) { return chunk[h.doc % m.c]; });
    }));
  };

  // The query and the facets live in the URL: q, kind and verdict (each
  // repeated), actor and org.
  function readURL() {
    var p = new URLSearchParams(location.search);
    return { q: p.get("q") || "", kind: p.getAll("kind"), verdict: p.getAll("verdict"), actor: p.get("actor") || "", org: p.get("org") || "" };
  }
  function writeURL(q, f) {
    var p = new URLSearchParams();
    if (q) p.set("q", q);
    f.kind.forEach(function (k) { p.append("kind", k); });
    f.verdict.forEach(function (v) { p.append("verdict", v); });
    if (f.actor) p.set("actor", f.actor);
    if (f.org) p.set("org", f.org);
    var s = p.toString();
    return s ? "?" + s : location.pathname;
  }

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
    var note = el("p", "search-note");
    note.id = "search-note";
    status.parentNode.insertBefore(note, status.nextSibling);
    document.getElementById("search-nojs").hidden = true;
    var wanted = readURL();
    input.value = wanted.q;
    var state = { hits: [], m: null }, timer, typing = false;

    function facetValues() {
      var f = { kind: [], verdict: [], actor: "", org: "" };
      if (!facetBox.firstChild) {
        f = { kind: wanted.kind, verdict: wanted.verdict, actor: wanted.actor, org: wanted.org };
      } else {
        facetBox.querySelectorAll("input:checked").forEach(function (c) { f[c.name].push(c.value); });
        facetBox.querySelectorAll("select").forEach(function (sel) { f[sel.name] = sel.value; });
      }
      f.any = !!(f.kind.length || f.verdict.length || f.actor || f.org);
      return f;
    }
    // setFacets puts the controls as the URL has them.
    function setFacets(w) {
      facetBox.querySelectorAll("input[type=checkbox]").forEach(function (c) { c.checked = w[c.name].indexOf(c.value) >= 0; });
      facetBox.querySelectorAll("select").forEach(function (sel) { sel.value = w[sel.name] || ""; });
    }
    // update runs the search and puts its query and facets in the URL:
    // how is "typing" when the query changed as the reader typed, which
    // replaces the history entry of the last keystrokes rather than adding
    // one per keystroke, and "restore" when the URL already says it.
    function update(how) {
      var seq = ++s.seq;
      var f = facetValues();
      if (how !== "restore") {
        var url = writeURL(input.value, f);
        if (url !== (location.search || location.pathname)) {
          if (how === "typing" && typing) history.replaceState(null, "", url);
          else history.pushState(null, "", url);
        }
        typing = how === "typing";
      }
      note.textContent = "";
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
        if (r.fixed && r.hits.length) note.textContent = W.t("search-fixed", "Showing results for “%s”.", [r.fixed]);
        if (!r.hits.length && r.lists) {
          s.didYouMean(r, f).then(function (q) {
            if (!q || seq !== s.seq) return;
            note.appendChild(document.createTextNode(W.t("search-did-you-mean", "Did you mean") + " "));
            var a = el("a", "search-suggestion", q);
            a.href = writeURL(q, f);
            a.addEventListener("click", function (e) {
              e.preventDefault();
              input.value = q;
              update();
            });
            note.appendChild(a);
            note.appendChild(document.createTextNode("?"));
          });
        }
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
      // A paraphrase (d[5]) is never shown in quotation marks; a claim's
      // title is its restatement, or its words already quoted.
      if (kind === "quote" && d[5]) li.appendChild(el("span", "paraphrase-label", W.t("paraphrase-label", "Paraphrase:") + " "));
      var a = el("a", "result-title", kind === "quote" && !d[5] ? W.t("quote-open", "“") + d[2] + W.t("quote-close", "”") : d[2]);
      a.href = base + DIRS[kind] + d[1] + "/";
      li.appendChild(a);
      if (kind === "claim" && m.vf[n] !== "-") {
        var v = m.verdicts[parseInt(m.vf[n], 36)];
        li.appendChild(document.createTextNode(" "));
        li.appendChild(badge(v[0], v[1], v[2]));
      }
      // The title's verdicts, labelled as the headline's (the
      // headline-verdicts partial): never read as the hit's own verdict.
      var headline = function (to) {
        if (!(d[4] || []).length) return;
        var span = el("span", "headline-verdicts", "(" + W.t("headline-rated", "headline rated"));
        d[4].forEach(function (v) {
          span.appendChild(document.createTextNode(" "));
          span.appendChild(badge(m.verdicts[v][0], m.verdicts[v][1], m.verdicts[v][2]));
        });
        span.appendChild(document.createTextNode(")"));
        to.appendChild(document.createTextNode(" "));
        to.appendChild(span);
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
        box.open = window.matchMedia("(min-width: 40rem)").matches || !!(wanted.kind.length || wanted.verdict.length || wanted.actor || wanted.org);
        box.appendChild(el("summary", null, W.t("search-filter", "Filter results")));
        var inner = el("div", "search-facet-list");
        inner.appendChild(checkboxes("kind", W.t("search-kind", "Kind of page"), m.kinds.map(function (k) { return [k, W.t(KIND_KEYS[k], KIND_NAMES[k])]; })));
        inner.appendChild(checkboxes("verdict", W.t("search-verdict", "Verdict"), m.verdicts));
        inner.appendChild(facetSelect(m, "actor", W.t("search-actor", "Actor"), m.actors));
        inner.appendChild(facetSelect(m, "org", W.t("search-organization", "Organization"), m.orgs));
        box.appendChild(inner);
        facetBox.appendChild(box);
        facetBox.hidden = false;
        setFacets(wanted);
      }
      if (!counts) return;
      facetBox.querySelectorAll("[data-count]").forEach(function (n) {
        var k = n.getAttribute("data-count").split("|");
        var known = counts.entities || (k[0] !== "actor" && k[0] !== "org");
        var c = counts[k[0]][k[1]] || 0;
        if (n.tagName === "OPTION") n.textContent = n.getAttribute("data-label") + (known ? " (" + c + ")" : "");
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
      fs.addEventListener("change", function () { update(); });
      return fs;
    }
    function facetSelect(m, name, label, values) {
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
      sel.addEventListener("change", function () { update(); });
      // The counts by actor and organization need their files: loaded
      // when the reader comes to these controls.
      sel.addEventListener("focus", function () {
        s.entities(m).then(function () { if (!m.counted && state.m) { m.counted = true; update("restore"); } });
      });
      wrap.appendChild(l);
      wrap.appendChild(sel);
      return wrap;
    }

    root.querySelector("form").addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      update();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { update("typing"); }, 150);
    });
    more.addEventListener("click", function () { showMore(); });
    // Back and forward restore the query and the facets of their entry.
    window.addEventListener("popstate", function () {
      clearTimeout(timer);
      typing = false;
      wanted = readURL();
      input.value = wanted.q;
      if (facetBox.firstChild) setFacets(wanted);
      update("restore");
    });
    s.manifest().then(function (m) {
      buildFacets(m, null);
      if (input.value || wanted.kind.length || wanted.verdict.length || wanted.actor || wanted.org) update("restore");
    }).catch(function () {
      status.textContent = W.t("search-failed", "The search index could not be loaded.");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initSearch);
  else initSearch();
})();
