"""Shared fixtures: heavy resources are loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"


@pytest.fixture(scope="session")
def pipeline():
    from newsledger.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def extract(pipeline):
    """extract(text, published='2024-05-10') → the ledger as a dict."""
    from newsledger.article import Article, parse_published

    def run(text: str, published: str | None = "2024-05-10", **meta) -> dict:
        article = Article(text, published=parse_published(published), **meta)
        return pipeline.extract(article).to_dict()

    return run


def dev_corpus_or_skip() -> Path:
    if not DEV.is_dir():
        pytest.skip(f"the shared dev corpus is not beside this checkout ({DEV}): "
                    "it is not distributed with the project")
    return DEV
