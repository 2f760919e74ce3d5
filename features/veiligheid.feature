# language: nl
Functionaliteit: Veiligheid is de ondergrens
  Vastgestelde zorgen over de veiligheid van een kind brengen de hulpvraag altijd binnen de
  reikwijdte, vragen om direct handelen en worden nooit uitgesteld tot ontbrekende gegevens of
  goedkeuringen er zijn ("Veiligheid van jeugdigen is ondergrens", 004_82bfb980c5993adb.txt
  r. 5558, 5564; Commissie van Wijzen r. 3005-3006; Toegang r. 6029-6049). Voor het gezin is
  altijd duidelijk of het om een vrijwillig of gedwongen kader gaat (r. 6048-6049).

  # Bron: 004 r. 6029-6044
  Scenario: Zorgen over de veiligheid - binnen de reikwijdte en direct handelen
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 6      |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.veiligheidszorgen              | ja     |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is direct handelen "ja"
    En bevatten de grondslagen "veiligheid"
    En moet de professional afwegen "Veiligheid eerst"
    En noemt de motivering "direct gehandeld"

  # Veiligheid wacht niet op andere gegevens: alleen de zorgen zelf zijn bekend
  Scenario: Veiligheid wordt niet uitgesteld tot de andere gegevens er zijn
    Gegeven een casus met:
      | feit                       | waarde |
      | situatie.veiligheidszorgen | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is direct handelen "ja"
    En is regel "VEI-01" toegepast

  # Veiligheid geeft de grond en het direct handelen (004 r. 6029-6044); de wettelijke voorrang van
  # de Wlz (Jeugdwet art. 1.2, r. 3434-3438) blijft zichtbaar voor de verdere zorg (issue 9)
  Scenario: Zorgen over de veiligheid en een recht op Wlz-zorg - direct handelen, de Wlz-grond blijft staan
    Gegeven een casus met:
      | feit                            | waarde |
      | jeugdige.leeftijd               | 12     |
      | situatie.veiligheidszorgen      | ja     |
      | andere_wetten.recht_op_wlz      | ja     |
      | andere_wetten.meerdere_oorzaken | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is direct handelen "ja"
    En is regel "AW-WLZ-01" toegepast
    En zijn de buiten-gronden "wlz"
    En berust de grond "wlz" op "wet"
    En is er geen conflict
    En moet de professional afwegen "Veiligheid gaat voor, maar de uitsluitingsgronden blijven gelden"
    En noemt de motivering "ze staan de hulp nu niet in de weg"

  # Lex specialis: veiligheid gaat voor "eigen mogelijkheden toereikend" (r. 2913-2919)
  Scenario: Ook als het gezin zegt het zelf te redden, gaan zorgen over de veiligheid voor
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 4      |
      | situatie.veiligheidszorgen              | ja     |
      | situatie.eigen_mogelijkheden_toereikend | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "JHP-02" niet toegepast

  # Veiligheid gaat voor de gevolgtrekking 'buiten' (UIT-BUITEN); de schadegrond (r. 3196-3200)
  # wordt naast de veiligheid gemeld: zo'n hulpvorm wordt ook nu niet ingezet
  Scenario: Zorgen over de veiligheid en een hulpvorm met onaanvaardbaar risico - beide zichtbaar
    Gegeven een casus met:
      | feit                              | waarde |
      | jeugdige.leeftijd                 | 2      |
      | situatie.veiligheidszorgen        | ja     |
      | hulpvraag.onaanvaardbaar_risico   | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is direct handelen "ja"
    En is regel "UIT-BUITEN" niet toegepast
    En zijn de buiten-gronden "uitgesloten_hulpvorm"
    En moet de professional afwegen "Veiligheid gaat voor"

  # Ondergrens: een uitsluiting sluit de zaak niet zolang de veiligheid onbekend is
  Scenario: Een uitsluiting wacht op de vraag of er zorgen over de veiligheid zijn
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 10     |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | andere_wetten.aanvullende_verzekering   | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "onbeslist"
    En ontbreekt het gegeven "situatie.veiligheidszorgen"

  # Bron: 004 r. 6442-6446 en r. 5558: een goedkeuring vooraf mag de start niet tegenhouden
  Scenario: Bij zorgen over de veiligheid houdt de toestemming vooraf van Rivierdal de start niet tegen
    Gegeven een casus met:
      | feit                                | waarde     |
      | jeugdige.leeftijd                   | 8          |
      | situatie.veiligheidszorgen          | ja         |
      | verwijzing.verwijzer                | huisarts   |
      | verwijzing.aanbieder_gecontracteerd | nee        |
      | verwijzing.reden_niet_gecontracteerd | wachtlijst |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toestemming_vooraf" "ja"
    En is bij de verwijzing "start_niet_blokkeren" "ja"
    En is regel "VW-09" niet toegepast

  Scenario: Zonder zorgen over de veiligheid is direct handelen niet nodig
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 10     |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.veiligheidszorgen              | nee    |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
    Als de casus wordt beoordeeld
    Dan is direct handelen "nee"
    En is regel "VEI-02" toegepast

  # Bron: 003 r. 883-888 (gedwongen kader: uitspraak en maatregel van de rechter)
  Scenario: Een ondertoezichtstelling brengt de hulp in het gedwongen kader
    Gegeven een casus met:
      | feit                                  | waarde |
      | jeugdige.leeftijd                     | 9      |
      | situatie.veiligheidszorgen            | ja     |
      | maatregel.kinderbeschermingsmaatregel | ja     |
    Als de casus wordt beoordeeld
    Dan is er een gedwongen kader "ja"
    En is direct handelen "ja"

  # Bron: 004 r. 6046-6049 (altijd duidelijk: vrijwillig of gedwongen)
  Scenario: Hulp zonder maatregel van de rechter is geen gedwongen kader
    Gegeven een casus met:
      | feit                                  | waarde |
      | jeugdige.leeftijd                     | 9      |
      | maatregel.kinderbeschermingsmaatregel | nee    |
      | maatregel.jeugdreclassering           | nee    |
      | verwijzing.strafrechtelijke_beslissing | nee   |
    Als de casus wordt beoordeeld
    Dan is er een gedwongen kader "nee"
    En is regel "MAA-02" toegepast

  # Bron: 004 r. 6029-6049: ook bij een jongvolwassene wordt direct gehandeld
  Scenario: Zorgen over de veiligheid van een jongvolwassene - direct handelen, ook buiten de Jeugdwet
    Gegeven een casus met:
      | feit                                         | waarde |
      | jeugdige.leeftijd                            | 19     |
      | situatie.veiligheidszorgen                   | ja     |
      | jeugdige.jeugdhulp_voor_18_gestart           | nee    |
    Als de casus wordt beoordeeld
    Dan is direct handelen "ja"
    En is de reikwijdte "buiten"
    En gaat het domein "meerderjarig" voor
    En is regel "VEI-04" toegepast
    En moet de professional afwegen "Veiligheid van een jongvolwassene"
