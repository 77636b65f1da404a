"""The Gradio chat shell."""
