"""Text stages: sentence segmentation and tokenization."""
