"""MkDocs hooks: thin glue that mkdocs.yml names by path."""
