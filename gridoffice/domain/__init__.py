"""Pure rules of the domain: no SQL, no Qt."""
