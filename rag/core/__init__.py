"""Types, settings and Chinese text handling shared by every stage."""
