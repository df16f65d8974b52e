"""Detection stages: the language (per document and paragraph) and the publication date."""
from kronika.detect.language import detect_language
from kronika.detect.published import detect_published

__all__ = ["detect_language", "detect_published"]
