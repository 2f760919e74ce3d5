# language: nl
Functionaliteit: Kostendrempel tussen vrij toegankelijke hulp en beschikking
  De werkgroep noemt de kostengrens als enige mogelijk scherpe regel
  (004_82bfb980c5993adb.txt r. 3103-3108, 3140-3149). De gemeente stelt de drempel vast. Het bedrag
  staat niet in de bronnen: de landelijke standaard van 1500 euro is een gekozen voorbeeldwaarde (het
  enige bedrag in de bronnen is de grens van 4500 gulden uit 1998, r. 7764-7770).

  Achtergrond:
    Gegeven een casus met:
      | feit                                   | waarde |
      | situatie.opgroei_opvoedvragen          | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen             | nee    |
      | jeugdige.woont_in_gemeente             | ja     |
      | hulpvraag.kwalificatie_eisen           | nee    |
      | hulpvraag.ingrijpend                   | nee    |

  Scenario: Kosten precies op de gekozen standaarddrempel blijven vrij toegankelijk
    Gegeven een casus met:
      | feit                        | waarde |
      | hulpvraag.verwachte_kosten  | 1500   |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is de toegang "vrij_toegankelijk"
    En noemt de motivering geen bezwaar en beroep

  Scenario: Kosten net boven de drempel vragen een beschikking
    Gegeven een casus met:
      | feit                        | waarde |
      | hulpvraag.verwachte_kosten  | 1500.01 |
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En is regel "TOE-BS-01" toegepast
    En noemt de motivering bezwaar en beroep

  Scenario: Kosten net onder de drempel blijven vrij toegankelijk
    Gegeven een casus met:
      | feit                        | waarde  |
      | hulpvraag.verwachte_kosten  | 1499.99 |
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En is regel "TOE-VT-01" toegepast
    En is regel "TOE-BS-01" niet toegepast

  Scenario: Een gemeente met een hogere drempel houdt dezelfde hulp vrij toegankelijk
    Gegeven een casus met:
      | feit                        | waarde |
      | hulpvraag.verwachte_kosten  | 2000   |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En is regel "TOE-VT-01" toegepast

  Scenario: Een gemeente met een lagere drempel vraagt al eerder een beschikking
    # heidedorp stelt de kostendrempel op 1000 euro (rules/gemeenten/heidedorp.yaml)
    Gegeven een casus met:
      | feit                        | waarde |
      | hulpvraag.verwachte_kosten  | 1200   |
    En de gemeente "heidedorp"
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En noemt de motivering "kostendrempel van 1000 euro"

  Scenario: Onbekende kosten van een behandeling houden de toegang open
    Gegeven een casus met:
      | feit             | waarde     |
      | hulpvraag.soort  | behandeling |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is de toegang "onbeslist"
    En ontbreekt het gegeven "hulpvraag.verwachte_kosten"

  Scenario: Eigen mogelijkheden toereikend: geen jeugdhulp nodig
    # Bron: 004 r. 2913-2919 ("voorzover" geeft de gemeente ruimte om nee te zeggen)
    Gegeven een casus met:
      | feit                                    | waarde |
      | situatie.eigen_mogelijkheden_toereikend | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "geen_jeugdhulp_nodig" voor
    En is de toegang "geen"
