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

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initClaimsFilter);
  else initClaimsFilter();
})();
