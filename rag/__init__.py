"""Policy-document question answering: structured ingest, hybrid retrieval, grounded extractive answers."""
