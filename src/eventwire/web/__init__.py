"""The HTTP API (and, to come, the dashboard) over the event store."""
