// dossier.js: small enhancements; every page reads fine without it.
(function () {
  "use strict";
})();
