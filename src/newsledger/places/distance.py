"""Great-circle distance between two points: one function for every stage that asks how far
apart two places are (the extractor's nearby incidents and namesakes, the corpus merge, the
geoparsing benchmark)."""
from __future__ import annotations

import math

EARTH_KM = 6371.0


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Kilometres between (lat1, lon1) and (lat2, lon2) on a spherical Earth."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))
