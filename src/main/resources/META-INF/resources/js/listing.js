/*
 * Listing filters and sort apply as soon as they change. The page works without this file: the filter form's Apply
 * button loads the filtered listing, and the chips are plain links. Here the same URLs are fetched and the listing's
 * filters and results are swapped in place, with the address bar and history kept in step, so that links can be
 * shared and Back shows the listing as it was. Focus stays on the control just changed, and the result count is a
 * status region, so screen readers announce the new count.
 */
(() => {
  'use strict';

  const listing = document.querySelector('.listing');
  if (!listing || !window.fetch || !window.DOMParser || !window.history.pushState) {
    return;
  }
  const wide = window.matchMedia('(min-width: 800px)');
  let shown = here();
  let pending = null;

  listing.classList.add('listing-live');
  openPanelWhereCssCannot();
  listing.addEventListener('change', onChange);
  listing.addEventListener('click', onClick);
  window.addEventListener('popstate', onPopState);

  function here() {
    return window.location.pathname + window.location.search;
  }

  /** site.css shows the closed panel's content on wide screens through ::details-content, where it exists. */
  function openPanelWhereCssCannot() {
    const panel = listing.querySelector('.filter-panel');
    if (panel && wide.matches && !CSS.supports('selector(::details-content)')) {
      panel.open = true;
    }
  }

  function onChange(event) {
    const control = event.target;
    const form = control.closest('form.filters');
    if (form) {
      // A box is found again by its name and value; the sort select by its name alone.
      const box = control.type === 'checkbox' || control.type === 'radio';
      show(formUrl(form), { push: true, focus: { name: control.name, value: box ? control.value : null } });
    }
  }

  function onClick(event) {
    if (event.target.closest('a.filter-done')) {
      event.preventDefault();
      listing.querySelector('.filter-panel').open = false;
      focusCount();
      return;
    }
    const link = event.target.closest('a.chip, a.chips-clear');
    // A click that asks for a new tab or window keeps the browser's own meaning.
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    show(link.href, { push: true, focus: null });
  }

  function onPopState() {
    // Following the skip link changes only the #fragment: the listing shown is still the right one.
    if (here() !== shown) {
      show(window.location.href, { push: false, focus: null });
    }
  }

  /** The URL the form's Apply button would load, without the empty values a GET form sends. */
  function formUrl(form) {
    const url = new URL(form.action);
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (value !== '') {
        params.append(name, value);
      }
    }
    url.search = params.toString();
    return url.href;
  }

  async function show(url, { push, focus }) {
    if (pending) {
      pending.abort();
    }
    const request = new AbortController();
    pending = request;
    const results = listing.querySelector('.results');
    results.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, { headers: { Accept: 'text/html' }, signal: request.signal });
      const page = response.ok ? new DOMParser().parseFromString(await response.text(), 'text/html') : null;
      const fresh = page && page.querySelector('.listing');
      if (!fresh) {
        throw new Error('No listing at ' + url);
      }
      if (push) {
        window.history.pushState(null, '', response.url);
      }
      shown = here();
      document.title = page.title;
      swap(fresh);
      restoreFocus(focus);
    } catch (error) {
      if (error.name === 'AbortError') {
        return;
      }
      // The server's own page says what went wrong (a parameter it refuses, a page that is gone).
      if (push) {
        window.location.assign(url);
      } else {
        window.location.replace(url);
      }
    } finally {
      if (pending === request) {
        pending = null;
        results.removeAttribute('aria-busy');
      }
    }
  }

  function swap(fresh) {
    const summary = listing.querySelector('.filter-panel > summary');
    const freshSummary = fresh.querySelector('.filter-panel > summary');
    if (summary && freshSummary) {
      summary.textContent = freshSummary.textContent;
    }
    listing.querySelector('form.filters').replaceWith(document.adoptNode(fresh.querySelector('form.filters')));

    const results = listing.querySelector('.results');
    const count = results.querySelector('.result-count');
    const freshResults = fresh.querySelector('.results');
    const freshCount = freshResults.querySelector('.result-count');
    // The count stays the same element: a live region announces changes to its text, not a replacement.
    for (const node of [...results.childNodes]) {
      if (node !== count) {
        node.remove();
      }
    }
    count.textContent = freshCount.textContent;
    let beforeCount = true;
    for (const node of [...freshResults.childNodes]) {
      if (node === freshCount) {
        beforeCount = false;
      } else if (beforeCount) {
        count.before(document.adoptNode(node));
      } else {
        results.append(document.adoptNode(node));
      }
    }
  }

  /** Onto the control just changed; after a chip or Back took away the focused element, onto the listing's top. */
  function restoreFocus(control) {
    const form = listing.querySelector('form.filters');
    const same = control && [...form.elements].find(
      (element) => element.name === control.name && (control.value === null || element.value === control.value));
    if (same) {
      same.focus();
    } else if (!document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected) {
      const chip = listing.querySelector('.chip');
      if (chip) {
        chip.focus();
      } else {
        focusCount();
      }
    }
  }

  function focusCount() {
    const count = listing.querySelector('.result-count');
    count.tabIndex = -1;
    count.focus();
  }
})();
