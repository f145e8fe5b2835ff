"""Qt item models over the plain data the services return."""
