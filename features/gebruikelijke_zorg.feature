# language: nl
Functionaliteit: Gebruikelijke zorg en zorg die daar ver bovenuit gaat
  Gebruikelijke hulp van ouders en netwerk is geen jeugdhulp (004_82bfb980c5993adb.txt
  r. 3161-3165). Zorg die niet meer gebruikelijk is vergeleken met een gezond kind van dezelfde
  leeftijd (permanent toezicht, zorg bij ernstige meervoudige beperkingen), waardoor ouders
  nauwelijks nog kunnen werken of meedoen, kan na zorgvuldige afweging met de professional
  gecompenseerd worden (advies van de werkgroep, r. 2972-2981).

  Achtergrond:
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.stoornis_of_beperking          | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen              | nee    |

  # Voorbeeld - 004 r. 2972-2981: permanente begeleiding of toezicht of zorg bij een kind met
  # ernstige meervoudige beperkingen; ouders kunnen nauwelijks nog maatschappelijk participeren
  Scenario: Ouders van een kind met ernstige meervoudige beperkingen kunnen gecompenseerd worden
    Gegeven een casus met:
      | feit                                        | waarde     |
      | jeugdige.leeftijd                           | 7          |
      | zorg_door_ouders.boven_gebruikelijke_zorg   | ja         |
      | zorg_door_ouders.permanent_toezicht         | ja         |
      | zorg_door_ouders.ernstig_meervoudig_beperkt | ja         |
      | zorg_door_ouders.ouders_kunnen_nauwelijks_deelnemen | ja |
      | hulpvraag.soort                             | respijtzorg |
      | hulpvraag.verwachte_kosten                  | 800        |
      | hulpvraag.kwalificatie_eisen                | nee        |
      | hulpvraag.ingrijpend                        | nee        |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is de toegang "beschikking"
    En is regel "GZ-02" toegepast
    En is regel "TOE-VT-01" niet toegepast
    En moet de professional afwegen "Compensatie van niet-gebruikelijke, intensieve zorg"

  # Tegenvoorbeeld - 004 r. 2976-2978: de maatstaf is een gezond kind van dezelfde leeftijd;
  # toezicht op een peuter is gewone ouderzorg
  Scenario: Toezicht dat bij een peuter van die leeftijd hoort is gebruikelijke zorg
    Gegeven een casus met:
      | feit                                      | waarde |
      | jeugdige.leeftijd                         | 2      |
      | zorg_door_ouders.boven_gebruikelijke_zorg | nee    |
      | zorg_door_ouders.permanent_toezicht       | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "gebruikelijke_zorg" voor
    En is de toegang "geen"
    En is regel "UIT-GZ-01" toegepast

  # Tegenvoorbeeld - 004 r. 2972-2976: de zorg gaat boven het gebruikelijke uit, maar de ouders
  # kunnen nog werken en meedoen: geen compensatie van de ouders, wel hulp voor het kind
  Scenario: Zorg boven het gebruikelijke terwijl de ouders nog kunnen werken leidt niet tot compensatie
    Gegeven een casus met:
      | feit                                        | waarde |
      | jeugdige.leeftijd                           | 9      |
      | zorg_door_ouders.boven_gebruikelijke_zorg   | ja     |
      | zorg_door_ouders.permanent_toezicht         | nee    |
      | zorg_door_ouders.ouders_kunnen_nauwelijks_deelnemen | nee |
      | hulpvraag.soort                             | begeleiding |
      | hulpvraag.verwachte_kosten                  | 1200   |
      | hulpvraag.kwalificatie_eisen                | nee    |
      | hulpvraag.ingrijpend                        | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is de toegang "vrij_toegankelijk"
    En is regel "GZ-02" niet toegepast
    En moet de professional afwegen "Geen compensatie van de ouders"

  # Grensgeval: staat vast dat de zorg boven het gebruikelijke uitgaat, dan eerst de compensatievraag
  Scenario: Zolang onbekend is of de ouders nog kunnen meedoen, blijft de toegang open
    Gegeven een casus met:
      | feit                                      | waarde |
      | jeugdige.leeftijd                         | 6      |
      | zorg_door_ouders.boven_gebruikelijke_zorg | ja     |
      | zorg_door_ouders.permanent_toezicht       | ja     |
      | hulpvraag.soort                           | begeleiding |
      | hulpvraag.verwachte_kosten                | 900    |
      | hulpvraag.kwalificatie_eisen              | nee    |
      | hulpvraag.ingrijpend                      | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is de toegang "onbeslist"
    En ontbreekt het gegeven "zorg_door_ouders.ouders_kunnen_nauwelijks_deelnemen"
