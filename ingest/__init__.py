"""aqwal ingest: articles in, exact text kept, chunks, statements and vectors out to Chroma."""
