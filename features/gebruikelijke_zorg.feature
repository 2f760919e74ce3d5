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
  # De gevraagde hulp (toezicht) is wat ouders van een peuter gewoonlijk geven (r. 3161-3162)
  Scenario: Toezicht dat bij een peuter van die leeftijd hoort is gebruikelijke zorg
    Gegeven een casus met:
      | feit                                      | waarde |
      | jeugdige.leeftijd                         | 2      |
      | zorg_door_ouders.boven_gebruikelijke_zorg | nee    |
      | zorg_door_ouders.permanent_toezicht       | ja     |
      | hulpvraag.gebruikelijke_hulp_netwerk      | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "gebruikelijke_zorg" voor
    En is de toegang "geen"
    En is regel "UIT-GZ-01" toegepast
    En berust de grond "gebruikelijke_zorg" op "voorstel"
    En moet de professional afwegen "Draagkracht en draaglast bij gebruikelijke zorg"

  # Issue 9: de uitsluiting gaat over de gevraagde hulp ("gebruikelijke hulp van ouders en van andere
  # personen in het netwerk", r. 3161), niet over hoeveel zorg de ouders geven. Ouders die gewone zorg
  # geven, en een kind dat een behandeling vraagt die ouders niet gewoonlijk geven: geen uitsluiting.
  Scenario: Ouders geven gewone zorg, het kind vraagt een behandeling - geen uitsluiting als gebruikelijke zorg
    Gegeven een casus met:
      | feit                                      | waarde      |
      | jeugdige.leeftijd                         | 8           |
      | zorg_door_ouders.boven_gebruikelijke_zorg | nee         |
      | hulpvraag.gebruikelijke_hulp_netwerk      | nee         |
      | hulpvraag.soort                           | behandeling |
    Als de casus wordt beoordeeld
    Dan is regel "UIT-GZ-01" niet toegepast
    En zijn er geen buiten-gronden

  # 004 r. 2978-2980: permanent toezicht en ernstige meervoudige beperkingen zijn voorbeelden
  # ("bijv."), geen voorwaarden: ook zonder die voorbeelden weegt de professional de compensatie
  Scenario: Zonder permanent toezicht of ernstige meervoudige beperkingen is compensatie toch een afweging
    Gegeven een casus met:
      | feit                                        | waarde     |
      | jeugdige.leeftijd                           | 10         |
      | zorg_door_ouders.boven_gebruikelijke_zorg   | ja         |
      | zorg_door_ouders.permanent_toezicht         | nee        |
      | zorg_door_ouders.ernstig_meervoudig_beperkt | nee        |
      | zorg_door_ouders.ouders_kunnen_nauwelijks_deelnemen | ja |
      | hulpvraag.soort                             | respijtzorg |
    Als de casus wordt beoordeeld
    Dan is regel "GZ-02" toegepast
    En moet de professional afwegen "Compensatie van niet-gebruikelijke, intensieve zorg"

  # 004 r. 2972-2980: de zorg gaat boven het gebruikelijke uit, maar de ouders kunnen nog werken;
  # compensatie is "na zorgvuldige afweging samen met de professional" - de bron beslist niet
  Scenario: Zorg boven het gebruikelijke terwijl de ouders nog kunnen werken - compensatie blijft een afweging
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
    En moet de professional afwegen "Compensatie van de ouders na zorgvuldige afweging"

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
