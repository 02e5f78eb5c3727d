"""RDF itself, below every stage: formats, terms between rdflib and Oxigraph, deterministic writers,
content negotiation."""
