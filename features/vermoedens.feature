# language: nl
Functionaliteit: Advies bij een deels bekende casus - vermoedens, aannames en vervolgvragen
  Bij de intake weet de toegang maar een deel van de casus. Waar beleid een vermoeden vastlegt
  (rules/vermoedens.yaml), gaat het advies daarvan uit en zegt het dat; wat nog te vragen is,
  staat op volgorde van belang, veiligheid eerst.

  # Bron: 004 r. 3434-3440 (Jeugdwet art. 1.2: de gemeente is niet gehouden als er een recht op
  # Wlz-zorg bestaat); vermoeden: zolang geen Wlz-indicatie bekend is, geen recht op Wlz-zorg.
  Scenario: Een onbekende Wlz-indicatie - het advies gaat uit van geen Wlz en zegt dat
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 8      |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.stoornis_of_beperking          | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen              | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En rust het advies op de aanname "andere_wetten.recht_op_wlz"
    En noemt de motivering "Heeft het kind een Wlz-indicatie"

  # Bron: 004 r. 6544-6550 (Jeugdwet art. 1.1: een jeugdige is jonger dan 18)
  Scenario: Een onbekende leeftijd - het advies gaat uit van een jeugdige onder de 18
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen              | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En rust het advies op de aanname "jeugdige.leeftijd"

  # Bron: 004 r. 3002-3006 (veiligheid gaat altijd voor)
  Scenario: Bij een lege casus gaat de eerste vraag over de veiligheid
    Gegeven een casus met:
      | feit | waarde |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "onbeslist"
    En is de eerste vervolgvraag over "situatie.veiligheidszorgen"
