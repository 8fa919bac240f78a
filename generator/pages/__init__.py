"""Pages: the Jinja environment and one module per page family."""
