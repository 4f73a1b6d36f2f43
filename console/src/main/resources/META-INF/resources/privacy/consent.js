/*
 * Steward consent script: lets a website record a visitor's consent choices in Steward.
 *
 *   <script src="https://<console>/privacy/consent.js" data-org="<your org>" defer></script>
 *
 * Then, from the website's own script:
 *   StewardConsent.get().then(function (state) { ... });            // {org, visitorId, gpc, choices: [...]}
 *   StewardConsent.set({ANALYTICS_SHARING: true, MARKETING: false}); // records the choices (source BANNER)
 *
 * The visitor id is random and kept in a first-party cookie of the website (SameSite=Lax; Secure on
 * https). A browser with Global Privacy Control on sends Sec-GPC: 1 with every call, and Steward keeps
 * sharing and advertising cookies off whatever is chosen. CSP-safe: no eval, no inline code, nothing
 * injected into the page; the website allows this origin in script-src and connect-src.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) {
    return;
  }
  var base = new URL(script.src).origin;
  var org = script.getAttribute('data-org') || 'steward';
  var COOKIE = 'steward_visitor';

  function readCookie() {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].substring(0, eq) === COOKIE) {
        return decodeURIComponent(parts[i].substring(eq + 1));
      }
    }
    return null;
  }

  function newId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function visitorId() {
    var id = readCookie();
    if (!id || !/^[A-Za-z0-9._-]{8,128}$/.test(id)) {
      id = newId();
      document.cookie = COOKIE + '=' + id + '; Path=/; Max-Age=31536000; SameSite=Lax'
        + (window.location.protocol === 'https:' ? '; Secure' : '');
    }
    return id;
  }

  function endpoint() {
    return base + '/privacy/consents/' + encodeURIComponent(org) + '/' + encodeURIComponent(visitorId());
  }

  function json(response) {
    return response.json().then(function (body) {
      if (!response.ok) {
        var error = new Error(body.detail || body.title || ('HTTP ' + response.status));
        error.problem = body;
        throw error;
      }
      return body;
    });
  }

  window.StewardConsent = {
    visitorId: visitorId,
    gpc: navigator.globalPrivacyControl === true,
    get: function () {
      return fetch(endpoint(), { credentials: 'omit', headers: { Accept: 'application/json' } }).then(json);
    },
    set: function (choices, source) {
      return fetch(endpoint(), {
        method: 'PUT',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ choices: choices, source: source || 'BANNER' })
      }).then(json);
    }
  };
  document.dispatchEvent(new CustomEvent('steward-consent:ready'));
}());
