"""The public Python API: :func:`load` a dataset, then ``.query(…)``, ``.to_pandas()``, ``.network(…)``.

Its names are re-exported by the package's top level (``mig_graph.load``), which imports this
module only when one of them is first used, so that ``import mig_graph`` stays fast.
"""

from mig_graph.api.dataset import Dataset, load
from mig_graph.api.rows import QueryRows

__all__ = ["Dataset", "QueryRows", "load"]
