// claims.js: the filter of the claims index by verdict, claimant and actor, over
// every claim of the dossier (not only the page's), read from the search
// index. Without JavaScript the per-verdict pages (/claims/VERDICT/) do the same.
(function () {
  "use strict";
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
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
  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }
  // badge is verdict v's badge: a copy of the legend's, which the theme's
  // verdict-badge partial drew, or one drawn here like the default.
  function badge(base, v) {
    var drawn = document.querySelector('.legend-list .badge[data-status="' + v[0] + '"]');
    if (drawn) return drawn.cloneNode(true);
    var b = el("a", "badge");
    b.setAttribute("data-status", v[0]);
    b.href = base + "claims/" + v[0] + "/";
    var i = el("span", "icon icon-" + v[2]);
    i.setAttribute("aria-hidden", "true");
    b.appendChild(i);
    b.appendChild(document.createTextNode(v[1]));
    return b;
  }
  function link(href, text) {
    var a = el("a", null, text);
    a.href = href;
    return a;
  }

  // The filter reads the search index (internal/render/search.go): the
  // manifest gives every claim's verdict, search/f/ every document's actors
  // and organizations and each claim's article (each file loaded only when a
  // filter needs it), and the records of search/d/ what an entry shows,
  // loaded as the reader scrolls. A claim involves an actor who made it or
  // is one of its article's actors. Its state lives in the URL
  // (?verdict=…&claimant=…&actor=…).
  var PAGE = 50;
  function initClaimsFilter() {
    var list = document.getElementById("claim-list");
    if (!list) return;
    var W = words(list);
    var dir = list.getAttribute("data-index"), base = list.getAttribute("data-base");
    var own = Array.prototype.slice.call(list.children);
    var pager = list.parentNode.querySelector(".pager");
    var form = el("form", "claims-filter");
    form.setAttribute("aria-label", W.t("filter-claims", "Filter claims"));
    var verdict = select("filter-verdict", W.t("filter-verdict", "Verdict"), W.t("filter-all", "All"), form);
    document.querySelectorAll(".legend-list [data-label]").forEach(function (li) {
      verdict.appendChild(new Option(li.getAttribute("data-label"), li.getAttribute("data-status")));
    });
    var who = select("filter-claimant", W.t("filter-claimant", "Claimed by"), W.t("filter-all", "All"), form);
    var actor = select("filter-actor", W.t("filter-actor", "Actor"), W.t("filter-all", "All"), form);
    var status = el("p", "filter-status");
    status.setAttribute("role", "status");
    form.appendChild(status);
    var reset = el("button", "filter-reset", W.t("filter-reset", "Show all claims"));
    reset.type = "button";
    reset.hidden = true;
    form.appendChild(reset);
    var more = el("button", "filter-more", W.t("filter-more", "More claims"));
    more.type = "button";
    more.hidden = true;
    list.parentNode.insertBefore(form, list);
    list.parentNode.insertBefore(more, list.nextSibling);
    form.addEventListener("submit", function (e) { e.preventDefault(); });

    var man, facets = {}, chunks = {}, matches = [], shown = 0, seq = 0;
    function manifest() {
      if (!man) {
        man = getJSON(dir + "index.json").then(function (m) {
          m.first = m.k.indexOf("1");
          m.count = m.first < 0 ? 0 : m.k.split("1").length - 1;
          return m;
        });
      }
      return man;
    }
    // facet loads search/f/NAME.json once: "a" each document's actors, "o"
    // its organizations, "c" each claim's article.
    function facet(name) {
      if (!facets[name]) facets[name] = getJSON(dir + "f/" + name + ".json");
      return facets[name];
    }
    // articleOf lists each claim's article document, from the runs of f/c.json.
    function articleOf(runs) {
      var out = [];
      for (var i = 0; i + 1 < runs.length; i += 2) {
        for (var n = 0; n < runs[i + 1]; n++) out.push(runs[i]);
      }
      return out;
    }
    function record(m, d) {
      var n = Math.floor(d / m.c);
      if (!chunks[n]) chunks[n] = getJSON(dir + "d/" + n + ".json");
      return chunks[n].then(function (c) { return c[d % m.c]; });
    }
    // entry is a claim's list entry, as the claim-item partial draws it.
    function entry(m, d, r) {
      var v = m.verdicts[parseInt(m.vf[d], 36)];
      var li = el("li", "claim-item");
      li.setAttribute("data-status", v[0]);
      li.setAttribute("data-claimant", r[8] ? r[8].split("/")[1] : "article");
      li.appendChild(badge(base, v));
      li.appendChild(document.createTextNode(" "));
      var a = link(base + "claims/" + r[1] + "/", r[2]);
      a.className = "claim-text";
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      var meta = el("span", "claim-meta");
      if (r[8]) {
        meta.appendChild(document.createTextNode("— "));
        meta.appendChild(link(base + r[8], r[9]));
        meta.appendChild(document.createTextNode(", "));
      }
      meta.appendChild(document.createTextNode(W.t("in", "in") + " "));
      meta.appendChild(link(base + "articles/" + r[6] + "/", r[7]));
      // The article title's verdicts, labelled as the headline's (the
      // headline-verdicts partial): never read as this claim's verdict.
      if ((r[4] || []).length) {
        var rated = el("span", "headline-verdicts", "(" + W.t("headline-rated", "headline rated"));
        r[4].forEach(function (i) {
          rated.appendChild(document.createTextNode(" "));
          rated.appendChild(badge(base, m.verdicts[i]));
        });
        rated.appendChild(document.createTextNode(")"));
        meta.appendChild(document.createTextNode(" "));
        meta.appendChild(rated);
      }
      li.appendChild(meta);
      return li;
    }
    function showMore(m) {
      var page = matches.slice(shown, shown + PAGE), at = seq;
      shown += page.length;
      more.hidden = shown >= matches.length;
      return Promise.all(page.map(function (d) { return record(m, d); })).then(function (recs) {
        if (at !== seq) return;
        recs.forEach(function (r, i) { list.appendChild(entry(m, page[i], r)); });
      });
    }
    // apply filters every claim of the dossier; how is "restore" when the
    // URL already holds the filter.
    function apply(how) {
      var at = ++seq, v = verdict.value, c = who.value, ac = actor.value;
      if (how !== "restore") {
        var p = new URLSearchParams();
        if (v) p.set("verdict", v);
        if (c) p.set("claimant", c);
        if (ac) p.set("actor", ac);
        var url = p.toString() ? "?" + p : location.pathname;
        if (url !== (location.search || location.pathname)) history.pushState(null, "", url);
      }
      return manifest().then(function (m) {
        if (!v && !c && !ac) {
          list.textContent = "";
          own.forEach(function (li) { list.appendChild(li); });
          if (pager) pager.style.display = "";
          more.hidden = reset.hidden = true;
          status.textContent = W.n("filter-shown", "%[2]d of %[1]d claim shown|%[2]d of %[1]d claims shown", m.count, [own.length]);
          return;
        }
        var kind = c && who.selectedOptions[0] ? who.selectedOptions[0].getAttribute("data-kind") : "";
        var need = [c === "article" || kind === "a" || ac ? facet("a") : null, c === "article" || kind === "o" ? facet("o") : null, ac ? facet("c") : null];
        return Promise.all(need).then(function (e) {
          if (at !== seq) return;
          var ids = kind === "a" ? m.actors : m.orgs;
          var ai = -1, art = ac ? articleOf(e[2]) : null;
          m.actors.forEach(function (a, i) { if (a[0] === ac) ai = i; });
          matches = [];
          for (var d = m.first; d < m.first + m.count; d++) {
            if (v && (m.vf[d] === "-" || m.verdicts[parseInt(m.vf[d], 36)][0] !== v)) continue;
            if (c === "article" && (e[0][d].length || e[1][d].length)) continue;
            if (c && c !== "article" && !(kind === "a" ? e[0][d] : e[1][d]).some(function (i) { return ids[i][0] === c; })) continue;
            if (ac && e[0][d].indexOf(ai) < 0 && e[0][art[d - m.first]].indexOf(ai) < 0) continue;
            matches.push(d);
          }
          list.textContent = "";
          shown = 0;
          if (pager) pager.style.display = "none";
          reset.hidden = matches.length > 0;
          status.textContent = W.n("filter-shown", "%[2]d of %[1]d claim shown|%[2]d of %[1]d claims shown", m.count, [matches.length]);
          return showMore(m);
        });
      });
    }
    function fromURL() {
      var p = new URLSearchParams(location.search);
      verdict.value = p.get("verdict") || "";
      who.value = p.get("claimant") || "";
      actor.value = p.get("actor") || "";
      if (verdict.value !== (p.get("verdict") || "")) verdict.value = "";
      if (who.value !== (p.get("claimant") || "")) who.value = "";
      if (actor.value !== (p.get("actor") || "")) actor.value = "";
    }
    verdict.addEventListener("change", function () { apply(); });
    who.addEventListener("change", function () { apply(); });
    actor.addEventListener("change", function () { apply(); });
    reset.addEventListener("click", function () {
      verdict.value = who.value = actor.value = "";
      apply();
      verdict.focus();
    });
    more.addEventListener("click", function () { manifest().then(showMore); });
    // The rest of the matches loads as the reader scrolls to their end.
    if (window.IntersectionObserver) {
      new IntersectionObserver(function (es) {
        if (es[0].isIntersecting && !more.hidden) more.click();
      }).observe(more);
    }
    window.addEventListener("popstate", function () {
      fromURL();
      apply("restore");
    });
    manifest().then(function (m) {
      var names = [["article", W.t("filter-article", "The article itself"), ""]];
      m.ca.forEach(function (i) { names.push([m.actors[i][0], m.actors[i][1], "a"]); });
      m.co.forEach(function (i) { names.push([m.orgs[i][0], m.orgs[i][1], "o"]); });
      names.slice(1).sort(function (a, b) { return a[1].localeCompare(b[1]); }).forEach(function (n, i) { names[i + 1] = n; });
      names.forEach(function (n) {
        var o = new Option(n[1], n[0]);
        o.setAttribute("data-kind", n[2]);
        who.appendChild(o);
      });
      m.actors.slice().sort(function (a, b) { return a[1].localeCompare(b[1]); }).forEach(function (a) {
        actor.appendChild(new Option(a[1], a[0]));
      });
      fromURL();
      apply("restore");
    }).catch(function () {
      status.textContent = W.t("filter-failed", "The filter could not load the list of claims.");
    });
  }
  function select(id, label, all, parent) {
    var wrap = el("div", "field");
    var l = el("label", null, label);
    l.htmlFor = id;
    var s = el("select");
    s.id = id;
    s.appendChild(new Option(all, ""));
    wrap.appendChild(l);
    wrap.appendChild(s);
    parent.appendChild(wrap);
    return s;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initClaimsFilter);
  else initClaimsFilter();
})();
