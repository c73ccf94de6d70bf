"""aqwal in Slack: answers app mentions, DMs and ``/aqwal`` with verbatim quotes, in the question's thread.

``server.run`` is what ``aqwal slack`` calls; ``app.create_app`` builds the bolt app around any
object with ``ask(question, history) -> Answer``; ``blocks`` renders answers as Block Kit.
"""
