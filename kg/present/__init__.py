"""Presenting a graph: the part drawn, the offline HTML page, property-graph exports."""
