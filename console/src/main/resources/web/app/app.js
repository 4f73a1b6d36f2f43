// htmx only enhances: every link and form also works as plain HTML (hx-boost on <body>).
import htmx from 'htmx.org';

window.htmx = htmx;

// "Select all" on the queue: a progressive enhancement, the rows can be ticked one by one without it.
document.addEventListener('change', (event) => {
  const all = event.target.closest('[data-select-all]');
  if (all) {
    document.querySelectorAll('input[name="ids"]').forEach((box) => { box.checked = all.checked; });
  }
});

// A boosted request that cannot complete in place (the session ended and the sign-in page is on
// Keycloak, another origin; or the network failed) is retried as an ordinary page load.
document.addEventListener('htmx:sendError', (event) => {
  window.location.assign(event.detail.pathInfo.requestPath);
});
