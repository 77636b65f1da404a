"""Index: embeddings, the vector store, lexical indexes and versioned chunk sets."""
