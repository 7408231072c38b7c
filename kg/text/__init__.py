"""Text stages: reflowing PDF line breaks, sentences, and the one jieba tokenizer."""
