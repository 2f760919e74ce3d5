# language: nl
Functionaliteit: Leeftijd - de overgang rond 18 jaar en de gemeentelijke keuze voor 18 of 21
  Met 18 jaar is een jongere formeel volwassen en wisselt het wettelijk regime
  (004_82bfb980c5993adb.txt r. 6544-6550). Soms vraagt de ontwikkelingsfase na het 18e jaar om
  voortzetting van de zorg (r. 6632-6640); de wens 'tot 25' is geen verruiming van de Jeugdwet
  (r. 1788-1791). Voor ambulante hulp, respijtzorg en pleegzorg kiest de gemeente 18 of 21 jaar
  (002_0680381583c8719a.txt r. 123-138).

  Achtergrond:
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.psychische_problemen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen              | nee    |

  Scenario: Een jongere van 17 valt binnen de reikwijdte
    Gegeven een casus met:
      | feit              | waarde |
      | jeugdige.leeftijd | 17     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "LFT-02" niet toegepast

  Scenario: Een onbekende leeftijd houdt de jeugdhulpplicht niet tegen
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "LFT-00" toegepast

  # Bron: 004 r. 6632-6640 (ontwikkelingsfase vraagt continuering na 18)
  Scenario: Op 18 loopt de jeugd-ggz door als de ontwikkelingsfase daarom vraagt
    Gegeven een casus met:
      | feit                                          | waarde |
      | jeugdige.leeftijd                             | 18     |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja     |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | ja    |
      | hulpvraag.soort                               | behandeling |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "voortzetting_na_18"
    En is regel "LFT-01" toegepast

  # Bron: 004 r. 6544-6550 (overstap naar zorg voor volwassenen)
  Scenario: Op 18 zonder reden voor voortzetting gaat de hulp over naar zorg voor volwassenen
    Gegeven een casus met:
      | feit                                          | waarde |
      | jeugdige.leeftijd                             | 18     |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja     |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | nee   |
      | hulpvraag.soort                               | behandeling |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "meerderjarig" voor
    En is de toegang "geen"
    En moet de professional afwegen "Warme overdracht"

  Scenario: Op 18 zonder bekende ontwikkelingsfase blijft de reikwijdte open
    Gegeven een casus met:
      | feit                               | waarde |
      | jeugdige.leeftijd                  | 18     |
      | jeugdige.jeugdhulp_voor_18_gestart | ja     |
      | hulpvraag.soort                    | behandeling |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "onbeslist"
    En ontbreekt het gegeven "jeugdige.ontwikkelingsfase_vraagt_voortzetting"

  # Bron: 002 r. 123-138; Voorbeeldstad kiest 21 jaar (rules/gemeenten/voorbeeldstad.yaml)
  Scenario: In Voorbeeldstad loopt pleegzorg standaard door tot 21 jaar
    Gegeven een casus met:
      | feit                                          | waarde    |
      | jeugdige.leeftijd                             | 19        |
      | jeugdige.pleegkind                            | ja        |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja        |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | nee      |
      | hulpvraag.soort                               | pleegzorg |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "voortzetting_na_18"
    En is regel "LFT-03" toegepast
    En noemt de motivering "tot 21 jaar"

  # Rivierdal kiest 18 jaar (rules/gemeenten/rivierdal.yaml)
  Scenario: In Rivierdal stopt dezelfde pleegzorg op 18 jaar
    Gegeven een casus met:
      | feit                                          | waarde    |
      | jeugdige.leeftijd                             | 19        |
      | jeugdige.pleegkind                            | ja        |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja        |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | nee      |
      | hulpvraag.soort                               | pleegzorg |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "meerderjarig" voor
    En is regel "LFT-03" niet toegepast

  # Heidedorp kiest 21 jaar: respijtzorg loopt door tot (niet tot en met) 21
  Scenario: In Heidedorp loopt respijtzorg door voor een jongere van 20
    Gegeven een casus met:
      | feit                                          | waarde      |
      | jeugdige.leeftijd                             | 20          |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja          |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | nee        |
      | hulpvraag.soort                               | respijtzorg |
    En de gemeente "heidedorp"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "voortzetting_na_18"

  Scenario: In Heidedorp stopt respijtzorg op 21 jaar
    Gegeven een casus met:
      | feit                                          | waarde      |
      | jeugdige.leeftijd                             | 21          |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja          |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | nee        |
      | hulpvraag.soort                               | respijtzorg |
    En de gemeente "heidedorp"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "meerderjarig" voor

  Scenario: Een jongere van 22 bij wie de ontwikkelingsfase om voortzetting vraagt houdt jeugdhulp
    Gegeven een casus met:
      | feit                                          | waarde      |
      | jeugdige.leeftijd                             | 22          |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja          |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | ja         |
      | hulpvraag.soort                               | behandeling |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"

  # Bron: 004 r. 1788-1791: 'tot 25 jaar' is geen verruiming van de Jeugdwet
  Scenario: Een jongvolwassene van 24 valt buiten de Jeugdwet, ook als voortzetting gewenst is
    Gegeven een casus met:
      | feit                                          | waarde      |
      | jeugdige.leeftijd                             | 24          |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja          |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | ja         |
      | hulpvraag.soort                               | behandeling |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "meerderjarig" voor
    En is regel "LFT-01" niet toegepast
