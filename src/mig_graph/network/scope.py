"""What the network includes: states and the inter-State consultation mechanisms they belong to,
unless a reader asks for more.

By default the bipartite graph links **states** to **consultation mechanisms** (regional
consultative processes, inter-regional forums, global processes) through memberships (member,
observer, chair, co-chair…).  The wider readings join only when asked, each by its name:

``organisations``
    organisations as actors (IOM as a secretariat, UNHCR as an observer);
``meetings``
    participations in meetings, counted for the meeting;
``declarations``
    signatures of declarations;
``programmes``
    joint programmes (their target governments, funders and partners);
``organisations-with-members``
    organisations that have members (IOM and its member states, ECOWAS) as processes.

``all`` names them all.  A meeting is never counted as a mechanism: the 2006 Lima ministerial
meeting is a meeting, not a process.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["INCLUSIONS", "MECHANISM_KINDS", "Scope", "parse_scope", "unknown_name_message"]

INCLUSIONS: tuple[str, ...] = (
    "organisations",
    "meetings",
    "declarations",
    "programmes",
    "organisations-with-members",
)
"""The names ``--include`` accepts (beside ``all``), in the order outputs list them."""

MECHANISM_KINDS = frozenset(
    {"global-process", "inter-regional-forum", "regional-consultative-process", "consultation-mechanism"}
)
"""The node kinds (:data:`~mig_graph.network.labels.KINDS`) of a consultation mechanism."""

_MEETING_KINDS = frozenset({"meeting", "meeting-series"})
_DOCUMENT_KINDS = frozenset({"declaration", "document"})


@dataclass(frozen=True)
class Scope:
    """The wider readings a network includes (none: states and mechanisms only).

    Examples
    --------
    >>> Scope().description
    'states; consultation mechanisms (memberships)'
    >>> Scope(frozenset({"meetings", "organisations"})).description
    'states, organisations; consultation mechanisms (memberships), meetings (participations)'
    """

    included: frozenset[str] = frozenset()

    @property
    def names(self) -> str:
        """The included readings, space-separated in :data:`INCLUSIONS` order (``""``: none)."""
        return " ".join(name for name in INCLUSIONS if name in self.included)

    @property
    def description(self) -> str:
        """What the network links, in words (English; the report has its own translations)."""
        actors = ["states"] + (["organisations"] if "organisations" in self.included else [])
        processes = ["consultation mechanisms (memberships)"]
        words = {
            "meetings": "meetings (participations)",
            "declarations": "declarations (signatures)",
            "programmes": "joint programmes",
            "organisations-with-members": "organisations with members (memberships)",
        }
        processes += [words[name] for name in INCLUSIONS if name in self.included and name in words]
        return f"{', '.join(actors)}; {', '.join(processes)}"

    def keeps_actor(self, attributes: Mapping[str, Any]) -> bool:
        """Whether an actor node (its attributes) is in the network: a state always, an
        organisation when ``organisations`` is included."""
        return attributes.get("kind") == "state" or "organisations" in self.included

    def keeps_process(self, relation: str, attributes: Mapping[str, Any]) -> bool:
        """Whether a link of ``relation`` to a process node (its attributes) is in the network.

        Parameters
        ----------
        relation
            ``membership``, ``participation`` or ``signature``.
        attributes
            The process node's attributes (``kinds``: all its kinds, space-separated).

        Examples
        --------
        >>> Scope().keeps_process("membership", {"kinds": "regional-consultative-process"})
        True
        >>> Scope().keeps_process("participation", {"kinds": "meeting"})
        False
        >>> Scope().keeps_process("membership", {"kinds": "intergovernmental-organisation"})
        False
        """
        kinds = set(str(attributes.get("kinds", "")).split()) or {str(attributes.get("kind", ""))}
        if relation == "participation":
            return "meetings" in self.included
        if relation == "signature":
            return "declarations" in self.included
        if kinds & MECHANISM_KINDS:
            return True
        if "joint-programme" in kinds:
            return "programmes" in self.included
        if kinds & (_MEETING_KINDS | _DOCUMENT_KINDS):
            return bool({"meetings", "declarations"} & self.included)
        return "organisations-with-members" in self.included


def parse_scope(names: Iterable[str] | str | None) -> Scope:
    """The scope named by ``--include`` values (comma- or space-separated, repeatable).

    Parameters
    ----------
    names
        Names among :data:`INCLUSIONS`, or ``all``; ``None`` or empty: the default scope.

    Returns
    -------
    Scope

    Raises
    ------
    ValueError
        For an unknown name, with the nearest valid ones.

    Examples
    --------
    >>> parse_scope("meetings,declarations").names
    'meetings declarations'
    >>> parse_scope(["all"]).names == " ".join(INCLUSIONS)
    True
    >>> try:
    ...     parse_scope("meeting")
    ... except ValueError as error:
    ...     print(str(error).split(";")[0])
    unknown --include 'meeting' (did you mean 'meetings'?)
    """
    if names is None:
        return Scope()
    texts = [names] if isinstance(names, str) else list(names)
    wanted = {part for text in texts for part in text.replace(",", " ").split()}
    if "all" in wanted:
        return Scope(frozenset(INCLUSIONS))
    for name in sorted(wanted - set(INCLUSIONS)):
        raise ValueError(unknown_name_message("--include", name, ("all", *INCLUSIONS)))
    return Scope(frozenset(wanted))


def unknown_name_message(option: str, name: str, known: Iterable[str]) -> str:
    """The message for a name that is not one of ``known``: the nearest valid ones first.

    >>> unknown_name_message("--role", "membre", ["member", "observer", "chair"])
    "unknown --role 'membre' (did you mean 'member'?); known: member, observer, chair"
    """
    known = list(known)
    nearest = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    hint = f" (did you mean {' or '.join(map(repr, nearest))}?)" if nearest else ""
    return f"unknown {option} {name!r}{hint}; known: {', '.join(known)}"
