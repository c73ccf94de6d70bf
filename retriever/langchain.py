"""LangChain face of the passage search: a ``BaseRetriever`` returning ``Document``s."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from retriever.search import HybridSearcher


class PassageRetriever(BaseRetriever):
    """Chunks for a question, with ``article_id, title, start, end, score`` metadata."""

    searcher: Any
    k: int = 5

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun | None = None
    ) -> list[Document]:
        searcher: HybridSearcher = self.searcher
        return [
            Document(
                page_content=p.text,
                id=p.id,
                metadata={"article_id": p.article_id, "title": p.title, "start": p.start,
                          "end": p.end, "score": p.score},
            )
            for p in searcher.search(query, self.k)
        ]
