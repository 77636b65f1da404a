"""Ingest: read documents, repair PDF damage, find tables and the outline, cut chunks."""
