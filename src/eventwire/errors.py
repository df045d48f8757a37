"""Error types. Messages say what was wrong and what is allowed."""


class EventwireError(Exception):
    """Base class for errors the user can act on (shown as one line, never a traceback)."""


class InputError(EventwireError):
    """An input file or document that cannot be read."""


class SettingError(EventwireError):
    """A setting with a value that is not allowed."""


class PipelineError(EventwireError):
    """The NLP pipeline could not be loaded or a stage returned something unexpected."""


class StoreError(EventwireError):
    """The event store cannot be opened, read or written."""


class QueryError(EventwireError):
    """A query with a parameter that is not allowed."""
