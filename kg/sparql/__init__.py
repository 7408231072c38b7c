"""SPARQL: queries on a graph, a store or an endpoint, named queries, loading into a store, statistics."""
