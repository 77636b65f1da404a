"""Retrieval: hybrid lexical + dense search and the LangChain retriever seam."""
