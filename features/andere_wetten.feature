# language: nl
Functionaliteit: Voorliggende wetten (Jeugdwet art. 1.2)
  De gemeente is niet gehouden een voorziening te treffen als er voor de problematiek recht op
  zorg bestaat uit de Wlz, de Beginselenwet justitiele jeugdinrichtingen of de Zvw
  (004_82bfb980c5993adb.txt r. 3434-3440). Bij meerdere oorzaken moet zij wel de vergelijkbare
  jeugdhulpvoorziening treffen (voetnoot 10, r. 3478-3481). Verwijst de Zvw zelf naar de
  Jeugdwet, dan is er geen recht uit de zorgverzekering en kan de gemeente daarop niet weigeren
  (r. 3442-3446).

  Achtergrond:
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 12     |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.stoornis_of_beperking          | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen              | nee    |

  # Bron: 004 r. 3434-3440 (Wlz)
  Scenario: Recht op zorg uit de Wlz gaat voor
    Gegeven een casus met:
      | feit                            | waarde |
      | andere_wetten.recht_op_wlz      | ja     |
      | andere_wetten.meerdere_oorzaken | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "wlz" voor
    En is de toegang "geen"
    En is regel "AW-WLZ-01" toegepast

  # Grensgeval: voor de weigering moet vaststaan dat er geen meerdere oorzaken zijn
  Scenario: Een Wlz-recht zonder duidelijkheid over meerdere oorzaken houdt de reikwijdte open
    Gegeven een casus met:
      | feit                       | waarde |
      | andere_wetten.recht_op_wlz | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "onbeslist"
    En ontbreekt het gegeven "andere_wetten.meerdere_oorzaken"

  # Bron: 004 r. 3478-3481 (meerdere oorzaken, Wlz)
  Scenario: Bij meerdere oorzaken treft de gemeente ondanks het Wlz-recht een vergelijkbare jeugdhulpvoorziening
    Gegeven een casus met:
      | feit                            | waarde |
      | andere_wetten.recht_op_wlz      | ja     |
      | andere_wetten.meerdere_oorzaken | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "vergelijkbare_jeugdwetvoorziening"
    En is regel "AW-MO-01" toegepast
    En is regel "AW-WLZ-01" niet toegepast

  # Bron: 004 r. 3434-3440 (Zvw); vgl. POH-GGZ bij de huisarts (Zvw), r. 6055-6057 voetnoot 13
  Scenario: Recht op zorg uit de zorgverzekering gaat voor
    Gegeven een casus met:
      | feit                                     | waarde |
      | andere_wetten.recht_op_zvw               | ja     |
      | andere_wetten.meerdere_oorzaken          | nee    |
      | andere_wetten.zvw_verwijst_naar_jeugdwet | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "zvw" voor

  # Bron: 004 r. 3478-3481 (meerdere oorzaken, Zvw)
  Scenario: Bij meerdere oorzaken gaat de zorgverzekering niet voor
    Gegeven een casus met:
      | feit                                     | waarde |
      | andere_wetten.recht_op_zvw               | ja     |
      | andere_wetten.meerdere_oorzaken          | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de signalen "vergelijkbare_jeugdwetvoorziening"

  # Bron: 004 r. 3442-3446 (patstelling: Besluit zorgverzekering art. 2.1 lid 1)
  Scenario: Verwijst de Zvw zelf naar de Jeugdwet, dan kan de gemeente niet op de Zvw weigeren
    Gegeven een casus met:
      | feit                                     | waarde |
      | andere_wetten.recht_op_zvw               | ja     |
      | andere_wetten.meerdere_oorzaken          | nee    |
      | andere_wetten.zvw_verwijst_naar_jeugdwet | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "AW-ZVW-02" toegepast
    En is regel "AW-ZVW-01" niet toegepast

  # Bron: 004 r. 3434-3440 (Bjj)
  Scenario: Recht op zorg uit de Beginselenwet justitiele jeugdinrichtingen gaat voor
    Gegeven een casus met:
      | feit                       | waarde |
      | jeugdige.leeftijd          | 16     |
      | andere_wetten.recht_op_bjj | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "bjj" voor

  # Bron: 004 r. 3478-3481 - de uitzondering voor meerdere oorzaken noemt alleen Wlz en Zvw
  Scenario: Meerdere oorzaken doorbreken een Bjj-recht niet
    Gegeven een casus met:
      | feit                            | waarde |
      | jeugdige.leeftijd               | 16     |
      | andere_wetten.recht_op_bjj      | ja     |
      | andere_wetten.meerdere_oorzaken | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "bjj" voor
    En is regel "AW-MO-01" niet toegepast

  # Bron: 004 r. 3434-3440 - wie weigert moet het andere recht vaststellen
  Scenario: Zolang de voorliggende wetten niet zijn nagegaan, blijft de jeugdhulpplicht staan
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En moet de professional afwegen "Ga na of een andere wet voorgaat"

  Scenario: Zijn de voorliggende wetten nagegaan, dan vervalt die afweging
    Gegeven een casus met:
      | feit                       | waarde |
      | andere_wetten.recht_op_wlz | nee    |
      | andere_wetten.recht_op_zvw | nee    |
      | andere_wetten.recht_op_bjj | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "AW-00" niet toegepast
    En is regel "AW-GEEN" toegepast

  # Bron: 004 r. 3225-3228 en art. 1.2 ("niet gehouden", r. 3434-3438): de gemeente mag toch
  # toekennen. Het Wlz-recht bestaat hier (toegekend); de reden is een wachtlijst bij de Wlz-aanbieder,
  # niet een indicatie die nog loopt (een aangevraagd recht is nog geen recht, r. 3436: "bestaat").
  # De Wlz-grond blijft genoemd; alleen de gevolgtrekking 'buiten' wijkt.
  Scenario: De gemeente kent ondanks een bestaand Wlz-recht in een individueel geval toch jeugdhulp toe
    Gegeven een casus met:
      | feit                                   | waarde |
      | andere_wetten.recht_op_wlz             | ja     |
      | andere_wetten.meerdere_oorzaken        | nee    |
      | hulpvraag.individueel_toegekend        | ja     |
      | hulpvraag.reden_individuele_toekenning | de Wlz-aanbieder heeft een wachtlijst van een half jaar |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "UIT-OVR-01" toegepast
    En is regel "UIT-BUITEN" niet toegepast
    En zijn de buiten-gronden "wlz"
    En berust de grond "wlz" op "wet"

  # Issue 9: durable-rules vuurde AW-00 eenmaal per vervulde tak van zijn een_van (driemaal bij
  # drie onbekende rechten); de adapter belooft een regel hoogstens eenmaal (art. 1.2, r. 3434-3440)
  Scenario: Drie onbekende rechten - AW-00 staat eenmaal in afwegingen, toelichting en motivering
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 9      |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
    Als de casus wordt beoordeeld
    Dan staat regel "AW-00" eenmaal in de afwegingen, de toelichting en de motivering

  # Issue 20 §2: art. 1.2 vraagt dat het recht "bestaat" (r. 3435-3436); een aangevraagde indicatie
  # is nog geen recht, de jeugdhulpplicht blijft staan
  Scenario: Een aangevraagde Wlz-indicatie sluit jeugdhulp niet uit
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 9      |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen              | nee    |
      | andere_wetten.wlz_aangevraagd           | ja     |
      | andere_wetten.recht_op_zvw              | nee    |
      | andere_wetten.recht_op_bjj              | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "AW-WLZ-01" niet toegepast
    En is regel "AW-WLZ-02" toegepast
    En moet de professional afwegen "Wlz aangevraagd, nog geen recht"
