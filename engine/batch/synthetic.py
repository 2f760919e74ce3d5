"""A synthetic caseload: seeded, reproducible, with every proportion written down.

THE CASELOAD IS SYNTHETIC. No real family is in it, and its proportions are not a picture of any
municipality: they exist so that a what-if run has a caseload of realistic shape and size to
work on (every case field exercised, many facts unknown, costs spread around the thresholds).
`PROPORTIONS` lists every proportion with where it comes from: a passage of the sources
(`bron`), or an assumption of this generator (`aanname`), which most of them are. The same seed
and count give the same caseload, byte for byte (numpy's PCG64 generator).

The proportions per fact are drawn independently; real facts are correlated (a child with a
lifelong condition more often has specialised help), which this generator does not model.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from engine.batch.caseload import GEMEENTE, GROEPEN, PEILDATUM
from engine.batch.compile import case_dtype
from engine.facts import CASE_FACTS
from engine.rule_model import BronPassage


@dataclass(frozen=True)
class Proportion:
    what: str
    value: str
    herkomst: str  # "bron: <what it says>" or "aanname: <why>"
    #: the passage a "bron" rests on, by its id in the source register (`rules/bronnen.yaml`);
    #: shown with the document's title (`engine.bronnen.citeer`), never a file name
    passage: BronPassage | None = None


#: Help of the district team against specialist help: 80 % against 20 % of the clients
#: (Incluzio's "80-20 regel", quoted in the sources as one provider's experience: an example).
LIGHT_HELP = ("informatie_advies", "cursus", "opvoedondersteuning_kort", "ambulante_hulp_kort")
LIGHT_SHARE = 0.8

#: Share of cases in which a fact is known (the rest unknown: intake data is incomplete).
KNOWN = 0.7
#: Share of `true` among known yes/no facts, unless `TRUE_SHARE` names the fact.
TRUE_DEFAULT = 0.3
TRUE_SHARE = {
    "situatie.veiligheidszorgen": 0.08,
    "situatie.bedreigt_veiligheid": 0.05,
    "situatie.levenslang_of_chronisch": 0.1,
    "situatie.ernstig_acuut_ziek": 0.03,
    "andere_wetten.recht_op_wlz": 0.03,
    "andere_wetten.recht_op_zvw": 0.1,
    "andere_wetten.recht_op_bjj": 0.02,
    "maatregel.kinderbeschermingsmaatregel": 0.04,
    "maatregel.jeugdreclassering": 0.02,
    "verwijzing.strafrechtelijke_beslissing": 0.02,
    "jeugdige.woont_in_gemeente": 0.95,
    "situatie.opgroei_opvoedvragen": 0.6,
    "hulpvraag.gericht_op_jeugdige": 0.85,
}
#: Expected costs: log-normal with this median (euro) and spread (sigma of the logarithm).
COST_MEDIAN = 1_500.0
COST_SIGMA = 1.0
#: Share of cases that carry a referral (a known `verwijzing.verwijzer`).
REFERRAL = 0.6

_STUKKEN = "hervormingsagenda-jeugd-stukken-2021-2022"  # the released Hervormingsagenda Jeugd papers

PROPORTIONS: tuple[Proportion, ...] = (
    Proportion("gemeente", "gelijk verdeeld over de opgegeven gemeenten", "aanname: geen bron geeft de verdeling"),
    Proportion(
        "elk feit bekend", f"{KNOWN:.0%}", "aanname: intakegegevens zijn onvolledig; geen bron geeft een aandeel"
    ),
    Proportion(
        "hulpvraag.soort: lichte hulp (informatie en advies, cursus, korte opvoedondersteuning, korte ambulante hulp)",
        f"{LIGHT_SHARE:.0%} (de rest specialistisch)",
        "bron: de 80-20-regel van één aanbieder, Incluzio: een voorbeeld, geen landelijk cijfer",
        BronPassage(document=_STUKKEN, regels="7663-7666", status="voorbeeld"),
    ),
    Proportion("ja/nee-feiten: ja", f"{TRUE_DEFAULT:.0%}, tenzij hieronder anders", "aanname"),
    *(Proportion(f"{path}: ja", f"{share:.0%}", "aanname") for path, share in TRUE_SHARE.items()),
    Proportion(
        "hulpvraag.verwachte_kosten",
        f"log-normaal, mediaan {COST_MEDIAN:.0f} euro, sigma {COST_SIGMA}",
        "aanname: rond de landelijke kostendrempel, zodat een drempelwijziging zichtbaar wordt",
    ),
    Proportion("jeugdige.leeftijd", "gelijk verdeeld over 0 tot en met 22 jaar", "aanname"),
    Proportion("verwijzing.verwijzer bekend", f"{REFERRAL:.0%}", "aanname"),
    Proportion("keuzes en lijsten", "gelijk verdeeld over de toegestane waarden; lijsten van 0 tot 2 leden", "aanname"),
    Proportion(
        "beschermde_groepen",
        "afgeleid uit de feiten: levenslang_chronisch, ernstig_acuut_ziek, veiligheid (veiligheidszorgen), "
        "gi_client (verwijzer gecertificeerde instelling)",
        "bron: de groepen die de leefwereldtoets beschermt; hun aandelen volgen uit de aannames hierboven",
        BronPassage(document=_STUKKEN, regels="3513-3535", status="advies"),
    ),
)


def _column(rng: np.random.Generator, path: str, count: int) -> pl.Series:
    ft = CASE_FACTS[path]
    known = rng.random(count) < KNOWN
    if ft.kind == "bool":
        values = pl.Series(path, rng.random(count) < TRUE_SHARE.get(path, TRUE_DEFAULT))
    elif ft.kind == "int":
        top = 23 if path.endswith("leeftijd") else 60
        values = pl.Series(path, rng.integers(0, top, count), dtype=pl.Int64)
    elif ft.kind == "float":
        values = pl.Series(path, np.round(rng.lognormal(np.log(COST_MEDIAN), COST_SIGMA, count), 2))
    elif ft.kind == "enum":
        if path == "hulpvraag.soort":
            light = rng.random(count) < LIGHT_SHARE
            heavy = [v for v in ft.values if v not in LIGHT_HELP]
            pick = np.where(
                light,
                np.array(LIGHT_HELP)[rng.integers(0, len(LIGHT_HELP), count)],
                np.array(heavy)[rng.integers(0, len(heavy), count)],
            )
        else:
            pick = np.array(ft.values)[rng.integers(0, len(ft.values), count)]
        if path == "verwijzing.verwijzer":
            known = rng.random(count) < REFERRAL
        values = pl.Series(path, pick)
    elif ft.kind == "list":
        sizes = rng.integers(0, 3, count)
        first = np.array(ft.values)[rng.integers(0, len(ft.values), count)]
        second = np.array(ft.values)[rng.integers(0, len(ft.values), count)]
        frame = pl.DataFrame({"a": first, "b": second, "n": sizes})
        values = frame.select(
            pl.when(pl.col("n") == 0)
            .then(pl.lit([], dtype=pl.List(pl.String)))
            .when(pl.col("n") == 1)
            .then(pl.concat_list("a"))
            .otherwise(pl.concat_list("a", "b").list.unique(maintain_order=True))
            .alias(path)
        )[path]
    else:  # free text: a short label
        values = pl.Series(path, np.array(["a", "b", "c"])[rng.integers(0, 3, count)])
    return pl.select(pl.when(pl.Series(known)).then(values).alias(path)).to_series().cast(case_dtype(path))


def synthetic_caseload(count: int, seed: int = 2015, gemeenten: list[str | None] | None = None) -> pl.DataFrame:
    """`count` synthetic cases (see the module docstring), each in one of `gemeenten` (None:
    no municipality, evaluated in every configuration), with its protected groups."""
    rng = np.random.default_rng(seed)
    columns = [_column(rng, path, count) for path in CASE_FACTS]
    frame = pl.DataFrame(columns)
    codes = gemeenten or [None]
    picks = pl.Series("i", rng.integers(0, len(codes), count), dtype=pl.UInt32)
    frame = frame.with_columns(
        pl.Series(GEMEENTE, codes, dtype=pl.String).gather(picks).alias(GEMEENTE),
        pl.lit(None, dtype=pl.Date).alias(PEILDATUM),
    )
    groups = [
        pl.when(pl.col("situatie.levenslang_of_chronisch").fill_null(False)).then(pl.lit("levenslang_chronisch")),
        pl.when(pl.col("situatie.ernstig_acuut_ziek").fill_null(False)).then(pl.lit("ernstig_acuut_ziek")),
        pl.when(pl.col("situatie.veiligheidszorgen").fill_null(False)).then(pl.lit("veiligheid")),
        pl.when(pl.col("verwijzing.verwijzer") == "gecertificeerde_instelling").then(pl.lit("gi_client")),
    ]
    frame = frame.with_columns(pl.concat_list(groups).list.drop_nulls().alias(GROEPEN))
    return frame.with_row_index("kenmerk", offset=1).with_columns(
        pl.format("synthetisch-{}", pl.col("kenmerk")).alias("kenmerk")
    )
