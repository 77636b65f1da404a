"""The fixed question set and its scorer."""
