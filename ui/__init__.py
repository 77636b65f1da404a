"""Thin shells over rag.Engine: the HTTP API (FastAPI) and the chat (Gradio)."""
