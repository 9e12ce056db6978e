"""The GeoNames gazetteer and the install-time build of its index."""
