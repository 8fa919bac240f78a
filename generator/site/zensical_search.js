/* om-netzwerke (generator/site/zensical_search.py): ASCII spellings of umlaut words, e.g. „Muenchen“ for
   München. Before Zensical's worker indexes the sections, a page entry's title_ascii joins its title and its
   text_ascii joins its path, in the worker's copy only: the result list shows the page's own text. */
(() => {
  const search = self.onmessage;
  self.onmessage = (event) => {
    const message = event.data;
    if (message && message.type === 0 && message.data && Array.isArray(message.data.items)) {
      for (const item of message.data.items) {
        if (item.title_ascii) item.title = `${item.title} ${item.title_ascii}`;
        if (item.text_ascii) item.path = [...(item.path || []), item.text_ascii];
      }
    }
    return search(event);
  };
})();
