"""Answering: understand the question, find candidates, score them, render a cited answer."""
