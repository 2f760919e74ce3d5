# language: nl
Functionaliteit: Een parameterwaarde met een eigen geldigheid: de kostendrempel wijzigt op 1 juli
  De gemeente stelt de kostendrempel zelf vast (004_82bfb980c5993adb.txt r. 3103-3108, 3140-3141:
  "anders dan misschien de kostengrens") en kan haar midden in het jaar wijzigen, zonder de regels
  te kopiëren: een waarde met `perioden` geldt van geldig_vanaf tot en met geldig_tot. Een casus
  wordt beoordeeld met de waarde die op haar peildatum gold. Waar de gemeente voor een datum geen
  waarde geeft, geldt de landelijke waarde (1500 euro), en de toelichting zegt dat. Zomerdorp is een
  gemeente van dit scenario, geen gemeente van de meegeleverde regels.

  Achtergrond:
    Gegeven de regels met dit gemeentebestand "zomerdorp":
      """
      gemeente: {code: zomerdorp, naam: Zomerdorp}
      parameters:
        kostendrempel:
          perioden:
            - {waarde: 1000, geldig_vanaf: 2026-01-01, geldig_tot: 2026-06-30}
            - {waarde: 2000, geldig_vanaf: 2026-07-01}
      """
    En de gemeente "zomerdorp"
    En een casus met:
      | feit                                    | waarde |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen              | nee    |
      | jeugdige.woont_in_gemeente              | ja     |
      | hulpvraag.kwalificatie_eisen            | nee    |
      | hulpvraag.ingrijpend                    | nee    |
      | hulpvraag.verwachte_kosten              | 1500   |

  Scenario: Op 30 juni geldt nog de drempel van 1000 euro: de hulp vraagt een beschikking
    Gegeven de peildatum "2026-06-30"
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En is regel "TOE-BS-01" toegepast
    En noemt de motivering "kostendrempel van 1000 euro"
    En geldt geen landelijke waarde in plaats van een gemeentelijke

  Scenario: Vanaf 1 juli geldt de drempel van 2000 euro: dezelfde hulp is vrij toegankelijk
    Gegeven de peildatum "2026-07-01"
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En is regel "TOE-VT-01" toegepast
    En is regel "TOE-BS-01" niet toegepast
    En noemt de motivering "kostendrempel van 2000 euro"

  Scenario: Voor de eerste periode geeft de gemeente geen waarde: de landelijke drempel geldt
    Gegeven de peildatum "2025-12-31"
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En noemt de motivering "kostendrempel van 1500 euro"
    En geldt de landelijke waarde 1500 voor "kostendrempel"
    En noemt de motivering "geen die op 2025-12-31 geldt; daarom geldt de landelijke waarde (1500)"
