"""On what footing a ground stands: law, the working group's proposal, or local policy.

The Reikwijdte report's exclusions are a proposal ("De Werkgroep stelt ... voor",
004:3159) that municipalities may fill in locally (004:2916-2918, 3164-3165, 3251-3253); only
Jeugdwet art. 1.2 is law. A family must never read a proposal as law, so every ground in the
assessment carries its footing, and the motivation says it in plain Dutch.
"""

from __future__ import annotations

from engine.bronnen import Bronnenregister
from engine.rule_model import Bron

WET = "wet"
VOORSTEL = "voorstel"
GEMEENTELIJK_BELEID = "gemeentelijk_beleid"


def basis_of(bron: Bron) -> str:
    """The footing of a rule's main passage: law, proposal (also advice, a position, an example)
    or the municipality's own policy."""
    if bron.status in ("wet", "jurisprudentie"):
        return WET
    if bron.status == "beleid":
        return GEMEENTELIJK_BELEID
    return VOORSTEL


def in_words(bron: Bron, gemeente: str | None, register: Bronnenregister) -> str:
    """The footing as a family reads it, e.g. 'volgens het voorstel van de landelijke werkgroep,
    dat deze gemeente volgt'; a municipal ordinance by its title, never a file name or id."""
    basis = basis_of(bron)
    if basis == WET:
        return f"volgens de wet ({bron.artikel})" if bron.artikel else "volgens de wet"
    if basis == GEMEENTELIJK_BELEID:
        document = register.document(bron.document)
        where = bron.artikel or (document.naam if document is not None else bron.document)
        return f"volgens het eigen beleid van deze gemeente ({where})"
    if bron.status == "advies":
        follows = "dat deze gemeente volgt" if gemeente else "dat de landelijke regels volgen"
        return f"volgens een advies (geen wet), {follows}"
    follows = "dat deze gemeente volgt" if gemeente else "dat de landelijke regels volgen"
    return f"volgens het voorstel van de landelijke werkgroep (geen wet), {follows}"
