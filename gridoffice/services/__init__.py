"""Use cases, one module per area. Each call owns its transaction and returns plain data."""
