"""The web face of aqwal: a Chainlit chat over :class:`chat.assistant.Assistant`.

``server.run`` prepares a Chainlit app root inside the store (config, public assets, auth
secret, uploads) and starts Chainlit's own runner on ``app.py``; ``render`` builds the quote
cards and the source panel from stored offsets; ``feedback`` keeps thumbs up/down in SQLite.
"""
