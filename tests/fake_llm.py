"""Deterministic fake chat models: tests never call a real LLM (also used by the web test's server)."""

from __future__ import annotations

import json


def make_fake_llm(*replies: str):
    """A deterministic chat model that records the prompts it sees and returns canned replies."""
    from langchain_core.language_models.chat_models import BaseChatModel
    from langchain_core.messages import AIMessage
    from langchain_core.outputs import ChatGeneration, ChatResult

    class RecordingChatModel(BaseChatModel):
        replies: list[str]
        seen: list = []

        @property
        def _llm_type(self) -> str:
            return "recording-fake"

        def _generate(self, messages, stop=None, run_manager=None, **kwargs):
            self.seen.append(messages)
            text = self.replies[min(len(self.seen) - 1, len(self.replies) - 1)]
            return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

        def _stream(self, messages, stop=None, run_manager=None, **kwargs):
            from langchain_core.messages import AIMessageChunk
            from langchain_core.outputs import ChatGenerationChunk

            self.seen.append(messages)
            text = self.replies[min(len(self.seen) - 1, len(self.replies) - 1)]
            for i in range(0, len(text), 7):  # small pieces, as a real model streams
                yield ChatGenerationChunk(message=AIMessageChunk(content=text[i : i + 7]))

    return RecordingChatModel(replies=list(replies), seen=[])


CSTO_FRAMING = ("The CSTO secretariat rejected the use of force to settle the disputes [S1]. "
                "It said «we will bomb them» and pointed to the leaders' statements.")


def web_assistant(settings):
    """AQWAL_WEB_ASSISTANT factory: the real assistant with a fake streaming LLM composer."""
    from chat.assistant import Assistant
    from chat.llm import LLMComposer

    reply = json.dumps({"answer": CSTO_FRAMING, "cited": ["S1"],
                        "glosses": {"S1": "It considers the use of force unacceptable for settling disputes."}})
    return Assistant(settings, composer=LLMComposer(make_fake_llm(reply)))
