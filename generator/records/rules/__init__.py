"""Cross-file rules of the records, one module per subject, run by the registry."""
