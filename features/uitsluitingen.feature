# language: nl
Functionaliteit: Wat geen jeugdhulp is (uitsluitingen van de werkgroep)
  De werkgroep rekent niet tot jeugdhulp: hulp op grond van andere wetten (Wmo 2015, Passend
  onderwijs) of via een (aanvullende) verzekering; hulpvormen die wet of verordening bij naam
  uitsluit; hulp aan volwassenen die niet op de situatie van het kind gericht is (volwassenen-ggz,
  bestaanszekerheid); hulp zonder effect of met onaanvaardbaar risico; hulp waarvan het resultaat
  niet vast te stellen is (004_82bfb980c5993adb.txt r. 3159-3215). Dit is een voorstel. De gemeente
  kan uitgesloten hulp in een individueel geval toch toekennen (r. 3225-3228). Een uitsluiting
  geldt pas als haar grond is vastgesteld.

  Achtergrond:
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 11     |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen              | nee    |

  # Bron: 004 r. 3161-3165 (Wmo 2015)
  Scenario: Ondersteuning uit de Wmo 2015 gaat voor
    Gegeven een casus met:
      | feit                      | waarde |
      | andere_wetten.recht_op_wmo | ja    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "wmo" voor
    En is de toegang "geen"
    En is regel "JHP-10" niet toegepast

  # Bron: 004 r. 3161-3165 (Passend onderwijs)
  Scenario: Ondersteuning die de school via Passend onderwijs moet bieden
    Gegeven een casus met:
      | feit                          | waarde |
      | andere_wetten.passend_onderwijs | ja   |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "passend_onderwijs" voor

  # Bron: 004 r. 3161-3165 ((aanvullende) verzekering)
  Scenario: Hulp die via de aanvullende verzekering van het gezin te krijgen is
    Gegeven een casus met:
      | feit                                 | waarde |
      | andere_wetten.aanvullende_verzekering | ja    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "verzekering" voor

  # Bron: 004 r. 3167-3169 (bij naam uitgesloten in wet- en regelgeving)
  Scenario: Een hulpvorm die in wet- of regelgeving bij naam is uitgesloten
    Gegeven een casus met:
      | feit                           | waarde |
      | hulpvraag.bij_naam_uitgesloten | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "uitgesloten_hulpvorm" voor
    En bevatten de signalen "individuele_toekenning_mogelijk"

  # Bron: 004 r. 3167-3169; Verordening jeugdhulp Voorbeeldstad art. 3 (rules/gemeenten/voorbeeldstad.yaml)
  Scenario: De verordening van Voorbeeldstad sluit paardencoaching bij naam uit
    Gegeven een casus met:
      | feit           | waarde          |
      | hulpvraag.naam | paardencoaching |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "uitgesloten_hulpvorm" voor
    En is regel "UIT-NAAM-02" toegepast
    En noemt de motivering "paardencoaching"

  Scenario: Zonder gemeentelijke uitsluiting valt dezelfde hulpvorm binnen de reikwijdte
    Gegeven een casus met:
      | feit           | waarde          |
      | hulpvraag.naam | paardencoaching |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "UIT-NAAM-02" niet toegepast

  # Voorbeeld uitsluiting - 004 r. 3175-3179 (volwassenen-ggz)
  Scenario: Ggz-behandeling van een ouder is geen jeugdhulp
    Gegeven een casus met:
      | feit                         | waarde         |
      | situatie.oorzaak_bij_ouders  | volwassenen_ggz |
      | hulpvraag.soort              | volwassenen_ggz |
      | situatie.bedreiging_ontwikkelingsklimaat | nee |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "volwassenenhulp" voor
    En is regel "UIT-VOL-02" toegepast

  # Voorbeeld uitsluiting - 004 r. 3181-3192 (bestaanszekerheid van de ouders)
  Scenario: Hulp bij de schulden en huisvesting van de ouders is geen jeugdhulp
    Gegeven een casus met:
      | feit                          | waarde              |
      | situatie.oorzaak_bij_ouders   | schulden,huisvesting |
      | hulpvraag.soort               | bestaanszekerheid   |
      | hulpvraag.gericht_op_jeugdige | nee                 |
      | situatie.bedreiging_ontwikkelingsklimaat | nee |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "volwassenenhulp" voor
    En bevatten de signalen "combinatie_andere_domeinen"
    En is regel "UIT-VOL-03" toegepast

  # Bron: 004 r. 3171-3174 (hulp aan volwassenen die niet op de situatie van het kind is gericht)
  Scenario: Hulp die niet gericht is op de situatie van het kind of de opvoeding
    Gegeven een casus met:
      | feit                          | waarde |
      | hulpvraag.soort               | overig |
      | hulpvraag.gericht_op_jeugdige | nee    |
      | situatie.bedreiging_ontwikkelingsklimaat | nee |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "volwassenenhulp" voor
    En is regel "UIT-VOL-01" toegepast

  # Voorbeeld uitsluiting - 004 r. 3194-3200 (uithuisplaatsing met traumatiserende werking)
  Scenario: Een uithuisplaatsing met een onaanvaardbaar risico op trauma is uitgesloten
    Gegeven een casus met:
      | feit                           | waarde   |
      | hulpvraag.soort                | verblijf |
      | hulpvraag.onaanvaardbaar_risico | ja      |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "uitgesloten_hulpvorm" voor
    En is regel "UIT-EFF-01" toegepast

  # Bron: 004 r. 3194-3197 (geen effect)
  Scenario: Een hulpvorm waarvan geen effect is aangetoond of aannemelijk
    Gegeven een casus met:
      | feit                                      | waarde |
      | hulpvraag.effect_aangetoond_of_aannemelijk | nee   |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "uitgesloten_hulpvorm" voor

  # Voorbeeld uitsluiting - 004 r. 3201-3202 (survivaltocht zonder inbedding)
  Scenario: Een survivaltocht in het buitenland zonder inbedding in de eigen omgeving
    Gegeven een casus met:
      | feit                             | waarde                   |
      | jeugdige.leeftijd                | 16                       |
      | hulpvraag.soort                  | survivaltocht_buitenland |
      | hulpvraag.ingebed_in_hulptraject | nee                      |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "uitgesloten_hulpvorm" voor
    En is regel "UIT-EFF-02" toegepast

  Scenario: Een survivaltocht die goed is ingebed in een hulptraject is niet uitgesloten
    Gegeven een casus met:
      | feit                             | waarde                   |
      | jeugdige.leeftijd                | 16                       |
      | hulpvraag.soort                  | survivaltocht_buitenland |
      | hulpvraag.ingebed_in_hulptraject | ja                       |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "UIT-EFF-02" niet toegepast

  # Voorbeeld uitsluiting - 004 r. 3209-3213 (doel alleen als activiteit: 'ondersteuning bieden aan')
  Scenario: Hulp met doelen die alleen als activiteiten zijn beschreven
    Gegeven een casus met:
      | feit                       | waarde |
      | hulpvraag.doelen_toetsbaar | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "uitgesloten_hulpvorm" voor
    En is regel "UIT-RES-01" toegepast

  # Voorbeeld uitsluiting - 004 r. 3214-3215 (geen monitoring van de waardetoevoeging)
  Scenario: Hulp waarvan de waarde nergens wordt gevolgd
    Gegeven een casus met:
      | feit                 | waarde |
      | hulpvraag.monitoring | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "uitgesloten_hulpvorm" voor

  # Bron: 004 r. 3225-3228 - individuele toekenning van uitgesloten hulp
  Scenario: Voorbeeldstad kent paardencoaching in dit individuele geval toch toe, met een reden
    Gegeven een casus met:
      | feit                                   | waarde |
      | hulpvraag.naam                         | paardencoaching |
      | hulpvraag.individueel_toegekend        | ja     |
      | hulpvraag.reden_individuele_toekenning | alle andere hulp is vastgelopen |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "UIT-OVR-01" toegepast
    En is regel "UIT-NAAM-02" niet toegepast
    En bevatten de signalen "individuele_toekenning_mogelijk"
    En noemt de motivering "alle andere hulp is vastgelopen"

  Scenario: Een individuele toekenning zonder vastgelegde reden doorbreekt de uitsluiting niet
    Gegeven een casus met:
      | feit                            | waarde          |
      | hulpvraag.naam                  | paardencoaching |
      | hulpvraag.individueel_toegekend | ja              |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "uitgesloten_hulpvorm" voor
    En moet de professional afwegen "Leg de reden"

  # Rangorde: een recht uit de Wlz (Jeugdwet art. 1.2, rang 3) gaat voor op gebruikelijke zorg (rang 5)
  Scenario: Bij een Wlz-recht en gebruikelijke zorg tegelijk noemt de beoordeling de Wlz
    Gegeven een casus met:
      | feit                                      | waarde |
      | andere_wetten.recht_op_wlz                | ja     |
      | andere_wetten.meerdere_oorzaken           | nee    |
      | zorg_door_ouders.boven_gebruikelijke_zorg | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "wlz" voor
    En is regel "UIT-GZ-01" niet toegepast

  # Rangorde: de leeftijd (rang 1) gaat voor op een uitgesloten hulpvorm (rang 6)
  Scenario: Voor een meerderjarige zonder voortzetting noemt de beoordeling de leeftijd, niet de hulpvorm
    Gegeven een casus met:
      | feit                               | waarde |
      | jeugdige.leeftijd                  | 19     |
      | jeugdige.jeugdhulp_voor_18_gestart | nee    |
      | hulpvraag.monitoring               | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "meerderjarig" voor
    En is regel "UIT-RES-01" niet toegepast

  # Twee gronden van dezelfde rang: de bron kent geen voorrang, dus een conflict over het domein
  Scenario: Wmo en een aanvullende verzekering tegelijk - buiten, maar welk domein voorgaat blijft open
    Gegeven een casus met:
      | feit                                  | waarde |
      | andere_wetten.recht_op_wmo            | ja     |
      | andere_wetten.aanvullende_verzekering | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En is de toegang "geen"
    En is er een conflict over "uitkomst.buiten_domein"
