"""Stage 1, records: the curated YAML files read into records that know their file and line, the
record specification (every section, field and sub-record key), country names and dates."""

from mig_graph.records.reading import (
    MAX_ALIASES,
    MAX_DEPTH,
    MAX_EXPANDED_SIZE,
    MAX_FILE_BYTES,
    MAX_VALUE_CHARS,
    DataFile,
    data_files_in,
    read_data_file,
    read_data_files,
)
from mig_graph.records.record import LineList, Record, as_list, item_locations

__all__ = [
    "MAX_ALIASES",
    "MAX_DEPTH",
    "MAX_EXPANDED_SIZE",
    "MAX_FILE_BYTES",
    "MAX_VALUE_CHARS",
    "DataFile",
    "LineList",
    "Record",
    "as_list",
    "data_files_in",
    "item_locations",
    "read_data_file",
    "read_data_files",
]
