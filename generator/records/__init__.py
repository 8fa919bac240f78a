"""Records: YAML files read strictly, validated against their schema and the rules across files."""
