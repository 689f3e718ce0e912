"""Text stages: normalization with an offset map, sentence segmentation, tokenization."""
