// dossier serve: live reload and the build-error overlay.
// Served at BASE/_dossier/reload.js and added to HTML pages by `dossier serve`
// only; never part of a built site. Events come from ./events, found relative
// to this script's own URL, so it works through any proxy.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource) return;
  var url = new URL("events", me.src);
  url.searchParams.set("page", me.dataset.page || "");
  url.searchParams.set("hash", me.dataset.hash || "");

  var source = null;
  var host = null;          // the overlay's host element
  var lastFocus = null;     // focused before the overlay opened

  // connect opens the stream. Only visible pages hold one: browsers allow few
  // connections per server, and a page coming back into view catches up at
  // once, since it reports the hash of what it shows.
  function connect() {
    disconnect();
    source = new EventSource(url);
    source.addEventListener("reload", function () { location.reload(); });
    source.addEventListener("css", function (e) { swapStyles(JSON.parse(e.data)); });
    source.addEventListener("build-error", function (e) { showOverlay(JSON.parse(e.data).html); });
    source.addEventListener("ok", function () { hideOverlay(); });
    source.onerror = function () {
      // EventSource retries by itself unless the server answered with
      // something else than a stream (e.g. while restarting); then retry here.
      if (source && source.readyState === EventSource.CLOSED) {
        disconnect();
        setTimeout(function () { if (!source && !document.hidden) connect(); }, 1000);
      }
    };
  }

  function disconnect() {
    if (source) source.close();
    source = null;
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) disconnect();
    else if (!source) connect();
  });
  window.addEventListener("pagehide", disconnect);
  window.addEventListener("pageshow", function (e) {
    if (e.persisted && !document.hidden) connect(); // back from the back-forward cache
  });

  // swapStyles reloads the changed stylesheets in place, without a reload:
  // the new link is added next to the old one, which goes once it has loaded.
  function swapStyles(msg) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var u = new URL(link.href, location.href);
      var hit = msg.paths.some(function (p) {
        return u.pathname === "/" + p || u.pathname.slice(-(p.length + 1)) === "/" + p;
      });
      if (!hit) return;
      u.searchParams.set("dossier", String(msg.version));
      var next = link.cloneNode();
      next.href = u.href;
      next.addEventListener("load", function () { link.remove(); });
      next.addEventListener("error", function () { link.remove(); });
      link.after(next);
    });
  }

  function showOverlay(html) {
    if (!host) {
      host = document.createElement("div");
      host.id = "dossier-overlay";
      host.attachShadow({ mode: "open" });
      host.shadowRoot.addEventListener("keydown", function (e) {
        if (e.key === "Escape") hideOverlay();
        if (e.key === "Tab") { // the close button is the dialog's only control: keep focus on it
          e.preventDefault();
          var close = host.shadowRoot.querySelector("[data-close]");
          if (close) close.focus();
        }
      });
      lastFocus = document.activeElement;
    }
    host.shadowRoot.innerHTML = html;
    (document.body || document.documentElement).appendChild(host);
    var close = host.shadowRoot.querySelector("[data-close]");
    if (close) {
      close.addEventListener("click", hideOverlay);
      close.focus();
    }
  }

  function hideOverlay() {
    if (!host) return;
    host.remove();
    host = null;
    if (lastFocus && lastFocus.focus) lastFocus.focus();
    lastFocus = null;
  }

  if (!document.hidden) connect();
})();
