"""Stage 9, serve: the SPARQL endpoint (query check, isolated workers) and the linked-data server."""

from mig_graph.serve.endpoint import MAX_BODY_BYTES, create_app, serve

__all__ = ["MAX_BODY_BYTES", "create_app", "serve"]
