"""The extractor's stages: a Doc in, spans, events, quotes, entities and claims out."""
