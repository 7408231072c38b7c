"""Reading reports (text, web pages, Word, PDF), atomic writes, and merges of sorted line files."""
