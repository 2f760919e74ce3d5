# language: nl
Functionaliteit: Problemen van ouders in andere domeinen
  Veel problemen van kinderen ontstaan door problemen van ouders. Kinderen worden dan niet
  uitgesloten van jeugdhulp, maar die hulp wordt gecombineerd met hulp aan de ouders uit het
  andere domein (armoede, wonen, schulden); de bedreiging van het ontwikkelingsklimaat is het
  haakje (004_82bfb980c5993adb.txt r. 3402-3421). Wie bij gezinsproblemen die vooral in andere
  domeinen liggen toch voor jeugdhulp kiest, onderbouwt dat goed (r. 3464-3466). Jongeren van 16
  jaar en ouder mogen in hun eigen bestaanszekerheid begeleid worden (r. 3184-3186).

  Achtergrond:
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen              | nee    |

  # Bron: 004 r. 3402-3421 en r. 3464-3466 (een individuele jeugdhulpinterventie, met beschikking)
  Scenario: Schulden en woonproblemen bedreigen het ontwikkelingsklimaat - jeugdhulp plus hulp aan de ouders
    Gegeven een casus met:
      | feit                                     | waarde               |
      | jeugdige.leeftijd                        | 8                    |
      | hulpvraag.verwachte_kosten               | 6000                 |
      | situatie.oorzaak_bij_ouders              | schulden,huisvesting |
      | situatie.problemen_vooral_door_ouders    | ja                   |
      | situatie.bedreiging_ontwikkelingsklimaat | ja                   |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "combinatie_andere_domeinen"
    En bevatten de signalen "motivering_verwijzer_vereist"
    En bevatten de grondslagen "ontwikkelingskansen"
    En moet de professional afwegen "Hulp richting de ouders opstarten of versnellen"

  # Bron: 004 r. 3405-3412 (ouders met een psychiatrisch of verslavingsprobleem), voetnoot 9
  # r. 3423-3424 (KOPP/KOV) en r. 3464-3466 (individuele behandeling: onderbouwing door de verwijzer)
  Scenario: Een kind van een ouder met een verslaving houdt recht op jeugdhulp
    Gegeven een casus met:
      | feit                                     | waarde    |
      | jeugdige.leeftijd                        | 13        |
      | hulpvraag.soort                          | behandeling |
      | hulpvraag.verwachte_kosten               | 4000      |
      | situatie.oorzaak_bij_ouders              | verslaving |
      | situatie.problemen_vooral_door_ouders    | ja        |
      | situatie.bedreiging_ontwikkelingsklimaat | nee       |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "combinatie_andere_domeinen"
    En bevatten de signalen "motivering_verwijzer_vereist"
    En is regel "AND-03" niet toegepast
    En is regel "AND-04" toegepast
    En moet de professional afwegen "KOPP/KOV"

  # Bron: 004 r. 3464-3466 gaat over het inzetten van een jeugdhulpinterventie; een KOPP-groep is
  # vrij toegankelijk (r. 3055-3060) en juist wat de werkgroep wil (r. 3405-3410, voetnoot 9)
  Scenario: Een vrij toegankelijke KOPP-groep vraagt geen onderbouwing door een verwijzer
    Gegeven een casus met:
      | feit                                     | waarde          |
      | jeugdige.leeftijd                        | 10              |
      | situatie.oorzaak_bij_ouders              | volwassenen_ggz |
      | situatie.problemen_vooral_door_ouders    | ja              |
      | situatie.bedreiging_ontwikkelingsklimaat | nee             |
      | hulpvraag.soort                          | cursus          |
      | hulpvraag.verwachte_kosten               | 350             |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is de toegang "vrij_toegankelijk"
    En bevatten de signalen niet "motivering_verwijzer_vereist"
    En is regel "AND-02" niet toegepast
    En moet de professional afwegen "KOPP/KOV"

  # Bron: 004 r. 3418-3421: de bedreiging van het ontwikkelingsklimaat is het haakje om hulp
  # richting de ouders vanuit de Jeugdwet op te starten of te versnellen; r. 3413-3417: die hulp
  # wordt niet uit de Jeugdwet betaald. Dus geen platte uitsluiting als volwassenenhulp: een afweging.
  Scenario: Hulp aan de ouders bij een bedreigd ontwikkelingsklimaat wordt niet als volwassenenhulp uitgesloten
    Gegeven een casus met:
      | feit                                     | waarde          |
      | jeugdige.leeftijd                        | 7               |
      | situatie.oorzaak_bij_ouders              | volwassenen_ggz |
      | situatie.problemen_vooral_door_ouders    | ja              |
      | situatie.bedreiging_ontwikkelingsklimaat | ja              |
      | hulpvraag.soort                          | volwassenen_ggz |
      | hulpvraag.gericht_op_jeugdige            | nee             |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "onbeslist"
    En is regel "UIT-VOL-02" niet toegepast
    En is regel "AND-03" toegepast
    En bevatten de grondslagen "ontwikkelingskansen"
    En moet de professional afwegen "Hulp richting de ouders opstarten of versnellen"

  # Tegenhanger: zonder bedreiging van het ontwikkelingsklimaat blijft ggz voor de ouder volwassenenhulp
  # (r. 3175-3179)
  Scenario: Ggz voor een ouder zonder bedreiging van het ontwikkelingsklimaat blijft volwassenenhulp
    Gegeven een casus met:
      | feit                                     | waarde          |
      | jeugdige.leeftijd                        | 7               |
      | situatie.oorzaak_bij_ouders              | volwassenen_ggz |
      | situatie.problemen_vooral_door_ouders    | ja              |
      | situatie.bedreiging_ontwikkelingsklimaat | nee             |
      | hulpvraag.soort                          | volwassenen_ggz |
      | hulpvraag.gericht_op_jeugdige            | nee             |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "volwassenenhulp" voor
    En is regel "AND-03" niet toegepast

  # Bron: 004 r. 3402-3418: ook zonder dat de problemen vooral bij de ouders liggen, vraagt een
  # probleem van de ouders om combinatie
  Scenario: Armoede in het gezin zonder dat die de hoofdoorzaak is - wel combineren, geen extra motivering
    Gegeven een casus met:
      | feit                                  | waarde  |
      | jeugdige.leeftijd                     | 10      |
      | situatie.oorzaak_bij_ouders           | armoede |
      | situatie.problemen_vooral_door_ouders | nee     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "combinatie_andere_domeinen"
    En bevatten de signalen niet "motivering_verwijzer_vereist"

  # Bron: 004 r. 3184-3186 (voetnoot 5: 16 jaar en ouder)
  Scenario: Een jongere van 17 wordt begeleid in zijn eigen bestaanszekerheid
    Gegeven een casus met:
      | feit                          | waarde            |
      | jeugdige.leeftijd             | 17                |
      | hulpvraag.soort               | bestaanszekerheid |
      | hulpvraag.gericht_op_jeugdige | ja                |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "bestaanszekerheid_16_plus"
    En is regel "UIT-VOL-03" niet toegepast

  # Issue 20 §3: 'volwassenen' zijn de ouders (voetnoot 5, r. 3184-3186); de eigen vraag van een
  # jongere van 15 is geen 'volwassenenhulp'. Onder de 16 zegt de bron niets: de professional weegt.
  Scenario: Een jongere van 15 met een vraag over de eigen bestaanszekerheid - geen volwassenenhulp, een afweging
    Gegeven een casus met:
      | feit                          | waarde            |
      | situatie.bedreiging_ontwikkelingsklimaat | nee |
      | jeugdige.leeftijd             | 15                |
      | hulpvraag.soort               | bestaanszekerheid |
      | hulpvraag.gericht_op_jeugdige | ja                |
    Als de casus wordt beoordeeld
    Dan is regel "UIT-VOL-03" niet toegepast
    En zijn er geen buiten-gronden
    En bevatten de signalen niet "bestaanszekerheid_16_plus"
    En moet de professional afwegen "Eigen bestaanszekerheid van een jongere onder de 16"

  # De eigen vraag van de jongere is nooit 'volwassenenhulp' (voetnoot 5, r. 3184-3186), welke leeftijd
  # ook; alleen de afweging onder de 16 (UIT-VOL-05) en het signaal vanaf 16 (AND-16) wachten op de leeftijd
  Scenario: Een eigen vraag over bestaanszekerheid zonder bekende leeftijd - geen volwassenenhulp, de leeftijd ontbreekt
    Gegeven een casus met:
      | feit                          | waarde            |
      | hulpvraag.soort               | bestaanszekerheid |
      | hulpvraag.gericht_op_jeugdige | ja                |
    Als de casus wordt beoordeeld
    Dan is regel "UIT-VOL-03" niet toegepast
    En is regel "UIT-VOL-05" niet toegepast
    En zijn er geen buiten-gronden
    # Vermoeden (rules/vermoedens.yaml): zonder bekende leeftijd gaat het advies uit van een
    # jeugdige onder de 18 en zegt het dat; de leeftijd is de vraag die het kan bevestigen.
    En rust het advies op de aanname "jeugdige.leeftijd"
