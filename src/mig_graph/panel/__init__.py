"""Panel datasets in the layout researchers already use (the Correlates of War IGO data, Pevehouse
et al. 2020, JPR 57(3)): state-year, mechanism-year and dyad-year tables of membership in
inter-State consultation mechanisms, the long membership table, a codebook and a Frictionless
data package.

Modules, in the order data flows: :mod:`~mig_graph.panel.reading` (the memberships and the
years with complete lists), :mod:`~mig_graph.panel.coding` (a state's code in a mechanism in a
year), :mod:`~mig_graph.panel.cow` (COW country codes), :mod:`~mig_graph.panel.tables` (the
tables), :mod:`~mig_graph.panel.files` (the files).
"""

from mig_graph.panel.coding import CODE_LABELS, ROLE_CODES, mechanism_exists, year_code
from mig_graph.panel.cow import cow_codes
from mig_graph.panel.files import PANEL_FILES, datapackage, write_panel_files
from mig_graph.panel.reading import PanelInput, read_panel_input
from mig_graph.panel.tables import Panels, build_panels, column_name, year_range

__all__ = [
    "CODE_LABELS",
    "PANEL_FILES",
    "ROLE_CODES",
    "PanelInput",
    "Panels",
    "build_panels",
    "column_name",
    "cow_codes",
    "datapackage",
    "mechanism_exists",
    "read_panel_input",
    "write_panel_files",
    "year_code",
    "year_range",
]
