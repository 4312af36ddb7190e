/* Registers the service worker (sw.js at the site's root) that keeps the program, the agenda
 * and the pages visited for use offline. Under `confsite serve` the site is rebuilt on every
 * save and must never come from a cache: there the worker is not registered, and one left
 * from a built site on the same address is removed.
 */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var OFFLINE = "@OFFLINE@";
  // The site root, from this script's own address (assets/confsite/offline.js): right under
  // any base path.
  var script = document.currentScript;
  var ROOT = new URL("../../", script ? script.src : location.href);

  if (!OFFLINE) {
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) {
        if (registration.scope.indexOf(ROOT.href) === 0) registration.unregister();
      });
    });
    return;
  }
  function register() {
    navigator.serviceWorker.register(new URL("sw.js", ROOT).href, { scope: ROOT.pathname })
      .catch(function () { /* no worker (private mode, blocked): the site works online */ });
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
