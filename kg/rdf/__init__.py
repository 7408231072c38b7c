"""RDF: IRIs, vocabulary, a report's statements, N-Quads, the formats kg writes and reads, the ontology, the store."""
