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

  var cssURL = new URL("overlay.css", me.src).href;
  var stateKey = "dossier-reload:" + location.pathname + location.search;

  var source = null;
  var overlay = null;       // the error overlay: {host, body}
  var badge = null;         // the corner badge: {host, body}
  var failure = null;       // the latest "build-error" payload, while the build fails
  var warnings = null;      // the latest "warnings" payload
  var lastFocus = null;     // focused before the overlay opened

  restoreState();

  // connect opens the stream. Only visible pages hold one: browsers allow few
  // connections per server, and a page coming back into view catches up at
  // once, since it reports the hash of what it shows.
  function connect() {
    disconnect();
    source = new EventSource(url);
    source.addEventListener("reload", reload);
    source.addEventListener("css", function (e) { swapStyles(JSON.parse(e.data)); });
    source.addEventListener("build-error", function (e) {
      failure = JSON.parse(e.data);
      showOverlay();
    });
    source.addEventListener("ok", function () {
      failure = null;
      hideOverlay();
      lastFocus = null;
      showBadge();
    });
    source.addEventListener("warnings", function (e) {
      warnings = JSON.parse(e.data);
      showBadge();
    });
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

  // reload reloads the page where the editor is: the scroll position and the
  // focused element (the one focused before the overlay opened) come back.
  function reload() {
    try {
      var focused = overlay ? lastFocus : document.activeElement;
      sessionStorage.setItem(stateKey, JSON.stringify({
        x: window.scrollX, y: window.scrollY, focus: pathTo(focused), at: Date.now()
      }));
    } catch (err) { /* storage disabled: a plain reload */ }
    location.reload();
  }

  function restoreState() {
    var state = null;
    try {
      state = JSON.parse(sessionStorage.getItem(stateKey) || "null");
      sessionStorage.removeItem(stateKey);
    } catch (err) { return; }
    if (!state || Date.now() - state.at > 10000) return;
    window.scrollTo(state.x, state.y);
    // Images and fonts may still change the layout: once loaded, scroll
    // again, unless the editor has scrolled meanwhile.
    var x0 = window.scrollX, y0 = window.scrollY;
    if (document.readyState !== "complete") {
      window.addEventListener("load", function () {
        if (window.scrollX === x0 && window.scrollY === y0) window.scrollTo(state.x, state.y);
      }, { once: true });
    }
    var el = elementAt(state.focus);
    if (el && el.focus) el.focus({ preventScroll: true });
  }

  // pathTo names an element by its id, or by its child indexes from <body>.
  function pathTo(el) {
    if (!el || el === document.body || !document.body || !document.body.contains(el)) return null;
    if (el.id) return { id: el.id };
    var steps = [];
    for (; el && el !== document.body; el = el.parentElement) {
      steps.unshift(Array.prototype.indexOf.call(el.parentElement.children, el));
    }
    return { steps: steps };
  }

  function elementAt(p) {
    if (!p) return null;
    if (p.id) return document.getElementById(p.id);
    var el = document.body;
    for (var i = 0; el && i < p.steps.length; i++) el = el.children[p.steps[i]];
    return el;
  }

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

  // makeHost adds a shadow host for the overlay or the badge. Its styles come
  // from overlay.css, a same-origin stylesheet, as the site's policy requires;
  // the host stays hidden until they have loaded, then shown() runs.
  function makeHost(id, shown) {
    var host = document.createElement("div");
    host.id = id;
    host.hidden = true;
    var root = host.attachShadow({ mode: "open" });
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = cssURL;
    var body = document.createElement("div");
    var h = { host: host, body: body, ready: false };
    var show = function () {
      if (h.ready) return;
      h.ready = true;
      host.hidden = false;
      shown(h);
    };
    link.addEventListener("load", show);
    link.addEventListener("error", show);
    root.append(link, body);
    (document.body || document.documentElement).appendChild(host);
    return h;
  }

  function showOverlay() {
    if (!failure) return;
    if (!overlay) {
      // Reopened from the badge: focus goes back where it was before the
      // overlay first opened, not to the badge.
      if (!badge || document.activeElement !== badge.host) lastFocus = document.activeElement;
      overlay = makeHost("dossier-overlay", focusOverlay);
      overlay.body.addEventListener("click", function (e) {
        if (e.target.closest("[data-close]")) hideOverlay();
      });
      overlay.body.addEventListener("keydown", function (e) {
        if (e.key === "Tab") { // the close button is the dialog's only control: keep focus on it
          e.preventDefault();
          focusOverlay(overlay);
        }
      });
      document.addEventListener("keydown", onEscape, true);
    }
    overlay.body.innerHTML = failure.html;
    if (overlay.ready) focusOverlay(overlay);
    showBadge();
  }

  function focusOverlay(h) {
    var close = h.body.querySelector("[data-close]");
    if (close) close.focus({ preventScroll: true });
  }

  function onEscape(e) {
    if (e.key === "Escape" && overlay) {
      e.preventDefault();
      e.stopPropagation();
      hideOverlay();
    }
  }

  // hideOverlay closes the overlay and gives focus back; while the build
  // still fails, the badge offers to open it again.
  function hideOverlay() {
    if (!overlay) return;
    document.removeEventListener("keydown", onEscape, true);
    overlay.host.remove();
    overlay = null;
    showBadge();
    if (lastFocus && lastFocus.focus && document.contains(lastFocus)) lastFocus.focus({ preventScroll: true });
    if (!failure) lastFocus = null;
  }

  // showBadge shows, in a corner, the failure while its overlay is closed,
  // else the warnings (collapsed), else nothing.
  function showBadge() {
    var html = "";
    if (failure && !overlay) {
      html = '<div class="badge failed"><button type="button" data-open>Build failed: show the problems</button></div>';
    } else if (!failure && warnings && warnings.count > 0) {
      html = warnings.html;
    }
    if (!html) {
      if (badge) badge.host.remove();
      badge = null;
      return;
    }
    if (!badge) {
      badge = makeHost("dossier-badge", function () {});
      badge.body.addEventListener("click", function (e) {
        if (e.target.closest("[data-open]")) showOverlay();
      });
    }
    var open = badge.body.querySelector("details[open]");
    badge.body.innerHTML = html;
    var details = badge.body.querySelector("details");
    if (open && details) details.open = true;
  }

  if (!document.hidden) connect();
})();
