"""Building a corpus: the per-report task, its cache, the engines that run it, the merged outputs."""
