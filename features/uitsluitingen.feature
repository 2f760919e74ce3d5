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
      | feit               | waarde          |
      | hulpvraag.hulpvorm | paardencoaching |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "uitgesloten_hulpvorm" voor
    En is regel "UIT-NAAM-02" toegepast
    En noemt de motivering "paardencoaching"

  # Bron: 004 r. 3167-3169: de verordening sluit een soort hulp uit, niet de naam van de aanbieder
  Scenario: Paardencoaching die de aanbieder anders noemt, valt onder de uitsluiting van Voorbeeldstad
    Gegeven een casus met:
      | feit               | waarde                            |
      | hulpvraag.naam     | coaching met paarden op de manege |
      | hulpvraag.hulpvorm | paardencoaching                   |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En is regel "UIT-NAAM-02" toegepast

  Scenario: Zonder gemeentelijke uitsluiting valt dezelfde hulpvorm binnen de reikwijdte
    Gegeven een casus met:
      | feit               | waarde          |
      | hulpvraag.hulpvorm | paardencoaching |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "UIT-NAAM-02" niet toegepast

  # Voorbeeld uitsluiting - 004 r. 3175-3179 (volwassenen-ggz), alleen als het recht op zorg vaststaat
  # en de ouder onder behandeling is (r. 3451-3456)
  Scenario: Ggz-behandeling van een ouder met vastgesteld recht en behandeling is geen jeugdhulp
    Gegeven een casus met:
      | feit                                      | waarde          |
      | situatie.oorzaak_bij_ouders               | volwassenen_ggz |
      | hulpvraag.soort                           | volwassenen_ggz |
      | andere_wetten.ouder_ggz_recht_vastgesteld | ja              |
      | andere_wetten.ouder_in_behandeling        | ja              |
      | situatie.bedreiging_ontwikkelingsklimaat  | nee             |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "volwassenenhulp" voor
    En is regel "UIT-VOL-02" toegepast

  # Issue 9: weigeren is rechtens onzeker zonder vastgesteld recht en behandeling (r. 3451-3456)
  Scenario: Ggz voor een ouder die nog niet in behandeling is - geen uitsluiting, de professional weegt
    Gegeven een casus met:
      | feit                                      | waarde          |
      | situatie.oorzaak_bij_ouders               | volwassenen_ggz |
      | hulpvraag.soort                           | volwassenen_ggz |
      | andere_wetten.ouder_ggz_recht_vastgesteld | ja              |
      | andere_wetten.ouder_in_behandeling        | nee             |
    Als de casus wordt beoordeeld
    Dan is regel "UIT-VOL-02" niet toegepast
    En zijn er geen buiten-gronden
    En moet de professional afwegen "Ggz-hulp aan een ouder zonder vastgesteld recht of behandeling"

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

  # Bron: 004 r. 3225-3228 - individuele toekenning van uitgesloten hulp; de grond (de verordening)
  # blijft genoemd, alleen de gevolgtrekking 'buiten' (UIT-BUITEN) wijkt
  Scenario: Voorbeeldstad kent paardencoaching in dit individuele geval toch toe, met een reden
    Gegeven een casus met:
      | feit                                   | waarde |
      | hulpvraag.hulpvorm                     | paardencoaching |
      | hulpvraag.individueel_toegekend        | ja     |
      | hulpvraag.reden_individuele_toekenning | alle andere hulp is vastgelopen |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "UIT-OVR-01" toegepast
    En is regel "UIT-BUITEN" niet toegepast
    En zijn de buiten-gronden "uitgesloten_hulpvorm"
    En berust de grond "uitgesloten_hulpvorm" op "gemeentelijk_beleid"
    En bevatten de signalen "individuele_toekenning_mogelijk"
    En noemt de motivering "alle andere hulp is vastgelopen"

  Scenario: Een individuele toekenning zonder vastgelegde reden doorbreekt de uitsluiting niet
    Gegeven een casus met:
      | feit                            | waarde          |
      | hulpvraag.hulpvorm              | paardencoaching |
      | hulpvraag.individueel_toegekend | ja              |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "uitgesloten_hulpvorm" voor
    En moet de professional afwegen "Leg de reden"

  # Alleen de wet rangschikt: een recht uit de Wlz gaat voor (Jeugdwet art. 1.2, r. 3434-3438); de
  # gebruikelijke zorg (voorstel, r. 3159-3165) blijft als grond zichtbaar
  Scenario: Bij een Wlz-recht en gebruikelijke zorg tegelijk gaat de Wlz voor en staan beide gronden er
    Gegeven een casus met:
      | feit                                      | waarde |
      | andere_wetten.recht_op_wlz                | ja     |
      | andere_wetten.meerdere_oorzaken           | nee    |
      | hulpvraag.gebruikelijke_hulp_netwerk      | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "wlz" voor
    En zijn de buiten-gronden "wlz, gebruikelijke_zorg"
    En berust de grond "wlz" op "wet"
    En berust de grond "gebruikelijke_zorg" op "voorstel"
    En is er geen conflict
    En noemt de motivering "volgens de wet (Jeugdwet art. 1.2)"
    En noemt de motivering "volgens het voorstel van de landelijke werkgroep (geen wet), dat de landelijke regels volgen"

  # Zonder jeugdige is er niets uit te sluiten: de leeftijd (Jeugdwet art. 1.1, LFT-02) komt eerst
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

  # Twee gronden zonder wettelijke rangorde (r. 3161-3165): geen conflict, elke grond wordt genoemd
  # en de professional weegt, met draagkracht en draaglast (r. 3142-3144, 3218-3221)
  Scenario: Wmo en een aanvullende verzekering tegelijk - buiten, beide gronden genoemd, de professional weegt
    Gegeven een casus met:
      | feit                                  | waarde |
      | andere_wetten.recht_op_wmo            | ja     |
      | andere_wetten.aanvullende_verzekering | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En is de toegang "geen"
    En blijft het voorgaande domein open
    En zijn de buiten-gronden "wmo, verzekering"
    En is er geen conflict
    En moet de professional afwegen "Meerdere gronden"
    En noemt de motivering "geen wet bepaalt welke voorgaat"
    # r. 3217-3223: de bepalingen zijn niet absoluut en limitatief; altijd draagkracht en draaglast
    En moet de professional afwegen "De uitsluitingen zijn niet absoluut en limitatief"

  # Ook een grond van een andere soort wacht niet meer op een 'hogere rang' (de rangorde was van ons)
  Scenario: Hulp bij de bestaanszekerheid van de ouders en een Wmo-recht tegelijk - beide gronden, geen rangorde
    Gegeven een casus met:
      | feit                          | waarde            |
      | andere_wetten.recht_op_wmo    | ja                |
      | hulpvraag.soort               | bestaanszekerheid |
      | hulpvraag.gericht_op_jeugdige | nee               |
      | situatie.bedreiging_ontwikkelingsklimaat | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En blijft het voorgaande domein open
    En zijn de buiten-gronden "wmo, volwassenenhulp"
    En is regel "UIT-VOL-03" toegepast
    En is regel "UIT-VOL-01" toegepast

  # Issue 20 §1: de uitsluitingen zijn een voorstel (r. 3159), de invulling is aan de gemeente
  # (r. 2916-2918, 3251-3253). Heidedorp volgt UIT-RES-01 (r. 3204-3215) niet: de professional weegt.
  Scenario: Heidedorp volgt het voorstel over niet toetsbare doelen niet - geen uitsluiting, wel een afweging
    Gegeven de gemeente "heidedorp"
    En een casus met:
      | feit                     | waarde |
      | hulpvraag.doelen_toetsbaar | nee  |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En zijn er geen buiten-gronden
    En is regel "UIT-RES-01" toegepast
    En moet de professional afwegen "Voorstel niet gevolgd door de gemeente"
    En noemt de motivering "deze gemeente volgt dat voorstel niet"

  # Dezelfde casus in een gemeente die het voorstel volgt: de grond berust op het voorstel, niet op de wet
  Scenario: Voorbeeldstad volgt het voorstel - de motivering zegt dat het een voorstel is, geen wet
    Gegeven de gemeente "voorbeeldstad"
    En een casus met:
      | feit                       | waarde |
      | hulpvraag.doelen_toetsbaar | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En berust de grond "uitgesloten_hulpvorm" op "voorstel"
    En noemt de motivering "volgens het voorstel van de landelijke werkgroep (geen wet), dat deze gemeente volgt"
    En noemt de motivering "doelen als verandering"

  # Een verordening (gemeentelijk beleid, r. 3164-3165) is de basis van een uitsluiting bij naam
  Scenario: Paardencoaching in Voorbeeldstad berust op de eigen verordening van de gemeente
    Gegeven de gemeente "voorbeeldstad"
    En een casus met:
      | feit               | waarde          |
      | hulpvraag.hulpvorm | paardencoaching |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En berust de grond "uitgesloten_hulpvorm" op "gemeentelijk_beleid"
    En noemt de motivering "volgens het eigen beleid van deze gemeente (Verordening jeugdhulp Voorbeeldstad art. 3)"
