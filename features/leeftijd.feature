# language: nl
Functionaliteit: Leeftijd - de overgang rond 18 jaar en de gemeentelijke keuze voor 18 of 21
  Met 18 jaar is een jongere formeel volwassen en wisselt het wettelijk regime
  (004_82bfb980c5993adb.txt r. 6544-6550). Soms vraagt de ontwikkelingsfase na het 18e jaar om
  voortzetting van de zorg (r. 6632-6640); de wens 'tot 25' is geen verruiming van de Jeugdwet
  (r. 1788-1791). Pleegzorg loopt tot 21 jaar: "niet om een mogelijkheid maar om een nieuwe
  standaard" (002_0680381583c8719a.txt r. 128-132), en de raad adviseert hetzelfde voor wonen (r.
  134-138); een lagere grens is een lokale keuze. Voor ambulante hulp en respijtzorg kiest de
  gemeente 18 of 21 jaar (r. 123-127). Wie na 18 met een strafrechtelijke beslissing nog jeugdige is
  (Jeugdwet art. 1.1), zeggen de bronnen niet.

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

  # Bron: 002 r. 128-132 - pleegzorg tot 21 is de landelijke standaard, in elke gemeente die niet
  # lager kiest
  Scenario: Landelijk loopt pleegzorg standaard door tot 21 jaar
    Gegeven een casus met:
      | feit                                          | waarde    |
      | jeugdige.leeftijd                             | 19        |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja        |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | nee      |
      | hulpvraag.soort                               | pleegzorg |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "voortzetting_na_18"
    En is regel "LFT-04" toegepast
    En noemt de motivering "de landelijke standaard is 21 jaar"

  # Bron: 002 r. 134-138 - de raad adviseert 21 ook voor wonen (hulpsoort verblijf)
  Scenario: Landelijk loopt wonen in een woonvorm door tot 21 jaar
    Gegeven een casus met:
      | feit                                          | waarde   |
      | jeugdige.leeftijd                             | 20       |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja       |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | nee     |
      | hulpvraag.soort                               | verblijf |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "LFT-04" toegepast

  # Bron: 002 r. 123-127 - voor ambulante hulp is 21 een mogelijkheid, geen standaard
  Scenario: Landelijk stopt ambulante hulp op 18 jaar zonder reden voor voortzetting
    Gegeven een casus met:
      | feit                                          | waarde         |
      | jeugdige.leeftijd                             | 19             |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja             |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | nee           |
      | hulpvraag.soort                               | ambulante_hulp |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "meerderjarig" voor

  # Bron: 002 r. 123-127; Voorbeeldstad kiest 21 jaar voor ambulante hulp en respijtzorg
  Scenario: In Voorbeeldstad loopt ambulante hulp door tot 21 jaar
    Gegeven een casus met:
      | feit                                          | waarde         |
      | jeugdige.leeftijd                             | 19             |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja             |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | nee           |
      | hulpvraag.soort                               | ambulante_hulp |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "LFT-03" toegepast
    En noemt de motivering "tot 21 jaar"

  # Bron: 002 r. 128-132; ook Voorbeeldstad volgt de landelijke standaard voor pleegzorg
  Scenario: In Voorbeeldstad loopt pleegzorg door tot 21 jaar
    Gegeven een casus met:
      | feit                                          | waarde    |
      | jeugdige.leeftijd                             | 19        |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja        |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | nee      |
      | hulpvraag.soort                               | pleegzorg |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "voortzetting_na_18"
    En is regel "LFT-04" toegepast
    En noemt de motivering "tot 21 jaar"

  # Bron: 002 r. 128-132 - Rivierdal kiest 18 jaar (rules/gemeenten/rivierdal.yaml): een lokale keuze
  # onder de landelijke standaard van 21, die de beoordeling zo noemt
  Scenario: Rivierdal kiest lokaal om pleegzorg op 18 te stoppen, onder de landelijke standaard van 21
    Gegeven een casus met:
      | feit                                          | waarde    |
      | jeugdige.leeftijd                             | 19        |
      | jeugdige.jeugdhulp_voor_18_gestart            | ja        |
      | jeugdige.ontwikkelingsfase_vraagt_voortzetting | nee      |
      | hulpvraag.soort                               | pleegzorg |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "meerderjarig" voor
    En is regel "LFT-04" niet toegepast
    En is regel "LFT-06" toegepast
    En bevatten de signalen "lokale_keuze_onder_landelijke_standaard"
    En noemt de motivering "Dat is een lokale keuze: de landelijke standaard is 21 jaar"
    En moet de professional afwegen "eerder dan de landelijke standaard"

  # Bron: 004 r. 6363-6364 (strafrechtelijke beslissing: de gemeente betaalt) en r. 6544-6550 (met 18
  # formeel volwassen). Wie daarna nog jeugdige is, staat in Jeugdwet art. 1.1 - niet in de bronnen.
  Scenario: Een jongere van 19 met een strafrechtelijke beslissing - de professional weegt art. 1.1
    Gegeven een casus met:
      | feit                                   | waarde    |
      | jeugdige.leeftijd                      | 19        |
      | hulpvraag.soort                        | behandeling |
      | verwijzing.verwijzer                   | gecertificeerde_instelling |
      | verwijzing.aanbieder_gecontracteerd    | nee       |
      | verwijzing.strafrechtelijke_beslissing | ja        |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "onbeslist"
    En is regel "LFT-05" toegepast
    En is regel "LFT-02" niet toegepast
    En is regel "VW-STR-01" niet toegepast
    En moet de professional afwegen "Jeugdwet art. 1.1"
    En is bij de verwijzing "gemeente_moet_betalen" "onbekend"

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
