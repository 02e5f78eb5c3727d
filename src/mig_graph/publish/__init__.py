"""Stage 9, publish: the static linked-data site, its dumps and catalogue, and pushes to stores."""

from mig_graph.publish.site import ENTITY_FORMATS, PublishReport, publish

__all__ = ["ENTITY_FORMATS", "PublishReport", "publish"]
