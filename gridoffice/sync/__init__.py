"""File-based sync with the street office (SYNC.md): keys, packages, merge."""
