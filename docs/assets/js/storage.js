// The one place that names this handbook's keys in localStorage (favourites.js, planner.js).
// Keys are scoped to the site's path the way Material scopes its own: Material's head script sets
// __md_scope from the site's base URL (or `extra.scope` in mkdocs.yml), so two handbooks under one
// origin, such as GitHub Pages project sites, keep their own favourites and plans.
(() => {
  "use strict";

  const scope = window.__md_scope instanceof URL ? window.__md_scope.pathname : "/";

  function key(name) {
    return `${scope}.${name}`;
  }

  // The stored text, or null when nothing is stored; throws when the browser blocks storage.
  // Earlier versions stored under the bare name, shared by every handbook on the origin. While the
  // scoped key is empty, the old value is copied into it, so a reader keeps what they saved. It is
  // copied, not moved: the old key may hold what the reader saved in another handbook on this origin
  // that has not copied it yet, and deleting it would lose that. Once copied, this handbook only reads
  // and writes its scoped key, so the old value is never read here again.
  function read(name) {
    const storage = window.localStorage;
    const value = storage.getItem(key(name));
    if (value !== null) {
      return value;
    }
    const old = storage.getItem(name);
    if (old !== null) {
      write(name, old);
    }
    return old;
  }

  // False when the browser does not let the page keep it (blocked storage, private window, full).
  function write(name, text) {
    try {
      window.localStorage.setItem(key(name), text);
      return true;
    } catch (error) {
      return false;
    }
  }

  window.hbStorage = Object.freeze({ key, read, write });
})();
