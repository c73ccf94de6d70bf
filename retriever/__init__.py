"""aqwal retriever: reads what ingest wrote; query understanding and hybrid search."""
