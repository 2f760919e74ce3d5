# language: nl
Functionaliteit: De grens met het onderwijs - grijze zone, niet uitsluiten
  Huiswerk- en stagebegeleiding, dyslexiezorg, dyscalculie, hoogbegaafdheid en educatieve
  dagbesteding zouden misschien beter vanuit het onderwijs geregeld worden
  (004_82bfb980c5993adb.txt r. 2810-2815), maar er blijft een grijs gebied en een te scherpe
  afbakening laat kinderen tussen wal en schip vallen (r. 2860-2866). Daarom: signaleren en
  afstemmen, niet standaard uitsluiten.

  Achtergrond:
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 9      |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen              | nee    |

  # Bron: 004 r. 2810-2815 (dyslexiezorg)
  Scenario: Dyslexie wordt gesignaleerd als grijze zone en niet uitgesloten
    Gegeven een casus met:
      | feit                    | waarde    |
      | situatie.onderwijsvraag | dyslexie  |
      | hulpvraag.soort         | behandeling |
      | hulpvraag.kwalificatie_eisen | ja   |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is de toegang "beschikking"
    En bevatten de signalen "grijze_zone_onderwijs"
    En moet de professional afwegen "Afstemming met school"

  # Bron: 004 r. 2810-2815 (dyscalculie, hoogbegaafdheid)
  Scenario: Dyscalculie en hoogbegaafdheid samen - grijze zone
    Gegeven een casus met:
      | feit                    | waarde                      |
      | situatie.onderwijsvraag | dyscalculie,hoogbegaafdheid |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "grijze_zone_onderwijs"
    En noemt de motivering "dyscalculie, hoogbegaafdheid"

  # Bron: 004 r. 2810-2815 (huiswerkbegeleiding) - landelijk geen uitsluiting
  Scenario: Huiswerkbegeleiding is landelijk niet uitgesloten
    Gegeven een casus met:
      | feit                    | waarde              |
      | situatie.onderwijsvraag | huiswerkbegeleiding |
      | hulpvraag.soort         | onderwijsondersteuning |
      | hulpvraag.naam          | huiswerkbegeleiding |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "grijze_zone_onderwijs"
    En is regel "OND-02" toegepast

  # Bron: 004 r. 3167-3169: een verordening kan een hulpvorm bij naam uitsluiten (Verordening
  # jeugdhulp Rivierdal art. 4, rules/gemeenten/rivierdal.yaml)
  Scenario: Rivierdal sluit huiswerkbegeleiding in de verordening bij naam uit
    Gegeven een casus met:
      | feit                    | waarde              |
      | situatie.onderwijsvraag | huiswerkbegeleiding |
      | hulpvraag.hulpvorm      | huiswerkbegeleiding |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "uitgesloten_hulpvorm" voor
    En bevatten de signalen "grijze_zone_onderwijs"

  # Bron: 004 r. 3167-3169: de verordening sluit een soort hulp uit ("bij naam en toenaam"), geen
  # woord; hoe de aanbieder de hulp noemt, beslist niet (issue 20 par. 2)
  Scenario: Rivierdal sluit huiswerkbegeleiding ook uit als de aanbieder haar anders noemt
    Gegeven een casus met:
      | feit                    | waarde                          |
      | situatie.onderwijsvraag | huiswerkbegeleiding             |
      | hulpvraag.naam          | huiswerkbegeleiding met plannen |
      | hulpvraag.hulpvorm      | huiswerkbegeleiding             |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En is regel "UIT-NAAM-02" toegepast
    En noemt de motivering "hoe de aanbieder haar ook noemt"

  Scenario: Hulp van een andere soort valt niet onder Rivierdals uitsluiting, ook met een gelijkende naam
    Gegeven een casus met:
      | feit                    | waarde                                    |
      | situatie.onderwijsvraag | stagebegeleiding                          |
      | hulpvraag.naam          | huiswerkbegeleiding en plannen bij stage  |
      | hulpvraag.hulpvorm      | stagebegeleiding                          |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is regel "UIT-NAAM-02" niet toegepast
    En is regel "UIT-00-HV" toegepast

  # Bron: 004 r. 3161-3165: vaststaat dat de school dit onder Passend onderwijs moet bieden
  Scenario: Stagebegeleiding die onder de zorgplicht Passend onderwijs valt
    Gegeven een casus met:
      | feit                            | waarde           |
      | jeugdige.leeftijd               | 17               |
      | situatie.onderwijsvraag         | stagebegeleiding |
      | andere_wetten.passend_onderwijs | ja               |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "passend_onderwijs" voor
    En bevatten de signalen "grijze_zone_onderwijs"

  # Bron: 004 r. 2810-2815 (educatieve dagbesteding); onbekend of Passend onderwijs voorgaat
  Scenario: Educatieve dagbesteding zonder vastgestelde zorgplicht van de school blijft binnen
    Gegeven een casus met:
      | feit                    | waarde                  |
      | situatie.onderwijsvraag | educatieve_dagbesteding |
      | hulpvraag.soort         | dagbehandeling          |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "grijze_zone_onderwijs"
    En is regel "UIT-PO-01" niet toegepast
