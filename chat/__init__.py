"""aqwal chat: the answer chain and its faces (CLI, web app, Slack bot)."""
