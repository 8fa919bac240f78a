"""Site: the engines that build the staged pages, their MkDocs hooks and the search spellings."""
