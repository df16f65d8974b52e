"""One event, many reports: merged events across documents (merge.py), their queries
(queries.py), and stories, documents grouped by shared events and actors (stories.py)."""
from kronika.stories.merge import attach_document, compare, detach_document, load_settings, rebuild
from kronika.stories.queries import count_merged, iter_merged_events, list_merged_events
from kronika.stories.stories import find_stories

__all__ = ["attach_document", "compare", "count_merged", "detach_document", "find_stories", "iter_merged_events",
           "list_merged_events", "load_settings", "rebuild"]
