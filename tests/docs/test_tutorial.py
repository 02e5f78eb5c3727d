"""The tutorial notebook runs from top to bottom (nbclient, a real kernel) and its key figures
hold: the states in the most mechanisms, the Colombo–Abu Dhabi overlap, the growth of regional
consultative processes since 1996, all read from ``Dataset.network()``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import mig_graph

NOTEBOOK = Path(__file__).resolve().parents[2] / "docs" / "tutorial.ipynb"


@pytest.fixture(scope="module")
def executed() -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    # the kernel imports the package these tests import (an installed one, or the source tree)
    source = str(Path(mig_graph.__file__).resolve().parents[1])
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
    client = NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute(env=environment)
    return notebook


def _printed(cell: nbformat.NotebookNode) -> str:
    return "".join(output.get("text", "") for output in cell.outputs if output.output_type == "stream")


def test_the_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)


def test_every_cell_runs_and_both_plots_are_drawn(executed):
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert not [output for cell in code for output in cell.outputs if output.output_type == "error"]
    images = [cell for cell in code if any("image/png" in output.get("data", {}) for output in cell.outputs)]
    assert len(images) == 2


def test_the_key_figures(executed):
    last = executed.cells[-1]
    figures = json.loads(_printed(last))
    assert figures == {
        "states_in_a_mechanism": 189,
        "most_mechanisms": 8,
        "states_with_the_most": ["ESP"],
        "colombo_members": 12,
        "abu_dhabi_members": 18,
        "members_of_both": 11,
        "jaccard": 0.579,
        "regional_confirmed_1996": 16,
        "regional_confirmed_2015": 107,
        "regional_unknown_2015": 142,
        "regional_processes_2015": 9,
    }


def test_the_overlap_names_the_states(executed):
    (cell,) = [cell for cell in executed.cells if "colombo = set(" in cell.source]
    assert _printed(cell).splitlines() == [
        "Jaccard similarity (shared members over all members of either): 0.579",
        "in both: Afghanistan, Bangladesh, China, India, Indonesia, Nepal, Pakistan, Philippines, "
        "Sri Lanka, Thailand, Viet Nam",
        "Colombo Process only: Cambodia",
        "Abu Dhabi Dialogue only: Bahrain, Kuwait, Malaysia, Oman, Qatar, Saudi Arabia, United Arab Emirates",
    ]


def test_the_figures_agree_with_the_query_library():
    """The same overlap from the SPARQL library, without the network: the member states of each."""
    dataset = mig_graph.load()

    def member_states(process: str) -> set[str]:
        frame = dataset.query("process-members", process=process).to_pandas()
        return set(frame[(frame["role"] == "member") & frame["iso3"].notna()]["iso3"])

    colombo, abu_dhabi = member_states("process/colombo-process"), member_states("process/abu-dhabi-dialogue")
    assert (len(colombo), len(abu_dhabi), len(colombo & abu_dhabi)) == (12, 18, 11)
    assert colombo - abu_dhabi == {"KHM"}
