"""Records: YAML files read strictly and validated against their schema and the rules across files."""
