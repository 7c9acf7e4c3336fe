// Search without regard to accents, also for a word that the handbook writes only without them:
// each query goes to Material's search worker with its words also without accents ("reünie" is
// sent as "reünie reunie"). The index holds every word without its accents too (macros/search.py),
// so "clienten" finds "cliënten" without this script; this adds the other direction.
(function () {
  "use strict";

  var SEARCH_QUERY = 2; // Material's SearchMessageType.QUERY (integrations/search/worker/message)

  function withoutAccents(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function foldedQuery(query) {
    var folded = withoutAccents(query);
    return folded === query ? query : query + " " + folded;
  }

  window.hbSearch = { foldedQuery: foldedQuery };

  // Worker is the iframe-worker shim in the offline build; both send through their prototype.
  var send = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && message.type === SEARCH_QUERY && typeof message.data === "string") {
      args[0] = Object.assign({}, message, { data: foldedQuery(message.data) });
    }
    return send.apply(this, args);
  };
})();
