"""newsledger: news text → a structured, source-linked ledger of conflict events."""
from .article import Article
from .errors import InputError, NewsledgerError

__version__ = "0.1.0"
__all__ = ["Article", "InputError", "NewsledgerError", "Pipeline", "__version__"]


def __getattr__(name: str):
    if name == "Pipeline":  # lazy: importing the package must not load spaCy
        from .pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
