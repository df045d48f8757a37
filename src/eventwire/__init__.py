"""eventwire: political event data (who did what to whom, when, as reported where) from news text."""

__version__ = "0.1.0"

from eventwire.coding.coder import Coder, code_text  # noqa: E402
from eventwire.model import Actor, Document, DocumentError, Event  # noqa: E402

__all__ = ["Actor", "Coder", "Document", "DocumentError", "Event", "__version__", "code_text"]
