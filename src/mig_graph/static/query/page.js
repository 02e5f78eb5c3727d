// The endpoint's query page: YASGUI on this endpoint only, the library's queries as named examples,
// the view a query's "#view:" comment names, result IRIs linked to entity pages, shareable addresses.
"use strict";
(function () {
  const data = (id) => JSON.parse(document.getElementById(id).textContent);
  const examples = data("examples");
  const settings = data("settings");
  const Yasgui = window.Yasgui.default || window.Yasgui;
  const endpoint = new URL("sparql", document.baseURI).href;
  const VIEW = /^[ \t]*#[ \t]*view[ \t]*:[ \t]*([A-Za-z]+)/im;

  // Completion stays on the page: the remote vocabulary completers (LOV: classes, properties) are
  // left out, and prefixes come from the list bundled with YASQE (prefixCcApi stays null).
  const local = ["variables", "prefixes"];
  Yasgui.Yasqe.defaults.autocompleters = local.slice();
  Yasgui.defaults.yasqe = { ...Yasgui.defaults.yasqe, autocompleters: local.slice(), prefixCcApi: null };
  for (const remote of ["class", "property"]) delete Yasgui.Yasqe.Autocompleters[remote];

  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: {
      endpoint: endpoint,
      method: "POST",
      acceptHeaderGraph: "text/turtle,*/*;q=0.9",
    },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }], keys: [] },
    persistenceId: "mig-graph-query-page",
    yasr: { defaultPlugin: "table" },
  });
  window.yasgui = yasgui;

  function viewOf(query) {
    const match = VIEW.exec(query || "");
    const view = match ? match[1].toLowerCase() : "";
    return settings.views.includes(view) ? view : "";
  }

  // -- examples

  const select = document.getElementById("example");
  const description = document.getElementById("example-description");
  const byName = new Map(examples.map((example) => [example.name, example]));

  function describe(example) {
    description.replaceChildren();
    if (!example) return;
    description.append(example.description);
    for (const parameter of example.parameters) {
      const line = document.createElement("span");
      line.className = "example-parameter";
      const name = document.createElement("code");
      name.textContent = parameter.name + " = " + (parameter.value || "(free)");
      line.append(" ", name, " (" + parameter.description + ")");
      description.append(line);
    }
    if (example.note) description.append(" " + example.note);
  }

  select.addEventListener("change", () => {
    const example = byName.get(select.value);
    describe(example);
    if (!example) return;
    const tab = yasgui.getTab();
    tab.setQuery(example.query);
    tab.setName(example.title);
  });

  // -- views and shareable addresses

  yasgui.on("queryResponse", (instance, tab) => {
    const query = tab.getQuery();
    const view = viewOf(query) || "table";  // as Wikidata's service: the table unless a comment says
    const yasr = tab.getYasr();
    // the event comes before YASR reads the response: choose the view once it has drawn it
    yasr.once("drawn", () => {
      if (yasr.getSelectedPluginName() === view) return;
      if (yasr.plugins[view] && yasr.plugins[view].canHandleResults()) yasr.selectPlugin(view);
    });
    const address = new URL("sparql", document.baseURI);
    address.searchParams.set("query", query);
    if (address.href.length < 8000) history.replaceState(null, "", address.href);
  });

  // -- result IRIs under the graph's base link to the entity pages this server publishes

  function localise(root) {
    if (!settings.entityPages) return;
    for (const link of root.querySelectorAll("a[href]")) {
      const href = link.getAttribute("href");
      if (href.startsWith(settings.base)) {
        link.setAttribute("href", new URL(href.slice(settings.base.length), document.baseURI).href);
        link.dataset.iri = href;
      }
    }
  }
  const root = document.getElementById("yasgui");
  new MutationObserver(() => localise(root)).observe(root, { childList: true, subtree: true });
  localise(root);
})();
