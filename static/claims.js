// claims.js: the filter of the claims index by verdict and claimant. Without
// JavaScript the per-verdict pages (/claims/VERDICT/) do the same.
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
  function initClaimsFilter() {
    var list = document.getElementById("claim-list");
    if (!list) return;
    var W = words(list);
    var items = Array.prototype.slice.call(list.querySelectorAll(".claim-item"));
    var claimants = {}, order = [];
    items.forEach(function (li) {
      var id = li.getAttribute("data-claimant");
      if (claimants[id]) return;
      var a = li.querySelector(".claim-meta a");
      claimants[id] = id === "article" || !a ? W.t("filter-article", "The article itself") : a.textContent;
      order.push(id);
    });
    order.sort(function (a, b) { return claimants[a].localeCompare(claimants[b]); });
    var form = el("form", "claims-filter");
    form.setAttribute("aria-label", W.t("filter-claims", "Filter claims"));
    var verdict = select("filter-verdict", W.t("filter-verdict", "Verdict"), W.t("filter-all", "All"), form);
    document.querySelectorAll(".legend-list .badge").forEach(function (b) {
      verdict.appendChild(new Option(b.textContent.trim(), b.getAttribute("data-status")));
    });
    var who = select("filter-claimant", W.t("filter-claimant", "Claimed by"), W.t("filter-all", "All"), form);
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
      status.textContent = W.n("filter-shown", "%[2]d of %[1]d claim shown|%[2]d of %[1]d claims shown", items.length, [shown]);
    }
    verdict.addEventListener("change", apply);
    who.addEventListener("change", apply);
    list.parentNode.insertBefore(form, list);
    apply();
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
