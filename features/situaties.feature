# language: nl
Functionaliteit: De drie typen situaties van de Commissie van Wijzen
  De Commissie van Wijzen bakent af vanuit drie typen situaties: vastgestelde zorgen over de
  veiligheid; een vastgestelde stoornis of beperking waarbij de sociale omgeving tekortschiet;
  overige opvoedvragen alleen als het kind zonder hulp niet kan meedoen
  (004_82bfb980c5993adb.txt r. 3002-3014). De werkgroep heeft bezwaar tegen het
  stoorniscriterium (labeling, medicalisering; r. 3016-3019) en twijfelt of het derde type
  genoeg houvast geeft (r. 3020-3021). Deze situaties geven grondslagen, geen voorwaarden.

  Achtergrond:
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 9      |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |

  # Bron: 004 r. 3005-3006 (situatie 1)
  Scenario: Situatie 1 - vastgestelde zorgen over de veiligheid geven de grondslag veiligheid
    Gegeven een casus met:
      | feit                          | waarde |
      | situatie.veiligheidszorgen    | ja     |
      | situatie.opgroei_opvoedvragen | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de grondslagen "veiligheid"
    En is regel "SIT-01" toegepast

  # Bron: 004 r. 3008-3010 (situatie 2); bezwaar werkgroep r. 3016-3019
  Scenario: Situatie 2 - een stoornis die de omgeving niet kan opvangen geeft de grondslag stoornis_beperking
    Gegeven een casus met:
      | feit                                   | waarde |
      | situatie.veiligheidszorgen             | nee    |
      | situatie.stoornis_of_beperking         | ja     |
      | situatie.sociale_omgeving_toereikend   | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En zijn de grondslagen "stoornis_beperking"
    En is regel "SIT-02" toegepast

  # Bezwaar van de werkgroep (r. 3016-3019): zonder diagnose geen uitsluiting
  Scenario: Zonder vastgestelde stoornis valt een opvoedvraag toch binnen de reikwijdte
    Gegeven een casus met:
      | feit                                 | waarde |
      | situatie.veiligheidszorgen           | nee    |
      | situatie.stoornis_of_beperking       | nee    |
      | situatie.opgroei_opvoedvragen        | ja     |
      | situatie.participatie_zonder_hulp    | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "SIT-02" niet toegepast
    En zijn de grondslagen "participatie"

  # Bron: 004 r. 3008-3010: de omgeving vangt de gevolgen van de stoornis zelf op
  Scenario: Een stoornis die de omgeving zelf opvangt geeft geen grondslag stoornis_beperking
    Gegeven een casus met:
      | feit                                 | waarde |
      | situatie.veiligheidszorgen           | nee    |
      | situatie.stoornis_of_beperking       | ja     |
      | situatie.sociale_omgeving_toereikend | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "SIT-02" niet toegepast

  # Bron: 004 r. 3012-3014 (situatie 3)
  Scenario: Situatie 3 - zonder hulp kan het kind niet naar school of met vrienden meedoen
    Gegeven een casus met:
      | feit                              | waarde |
      | situatie.veiligheidszorgen        | nee    |
      | situatie.psychische_problemen     | ja     |
      | situatie.participatie_zonder_hulp | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de grondslagen "participatie"
    En is regel "SIT-03" toegepast

  # Bron: 004 r. 3012-3021: de Commissie ziet hier geen plicht, de wet (art. 2.3) wel
  Scenario: Situatie 3 niet vervuld - geen uitsluiting, wel de vraag of een algemene voorziening volstaat
    Gegeven een casus met:
      | feit                              | waarde |
      | situatie.veiligheidszorgen        | nee    |
      | situatie.opgroei_opvoedvragen     | ja     |
      | situatie.participatie_zonder_hulp | ja     |
      | situatie.stoornis_of_beperking    | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En moet de professional afwegen "Volstaat een algemene voorziening?"
    En is regel "SIT-04" toegepast

  # Bron: 004 r. 3074-3083 (voorbeeld): fase-problematiek laat zich vaak, niet altijd, met
  # voorlichting, een oudercursus of een paar gesprekken beantwoorden - een afweging, geen uitsluiting
  Scenario: Fase-problematiek - de professional weegt of lichte hulp volstaat
    Gegeven een casus met:
      | feit                          | waarde |
      | situatie.opgroei_opvoedvragen | ja     |
      | situatie.fase_problematiek    | ja     |
      | situatie.veiligheidszorgen    | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "SIT-05" toegepast
    En moet de professional afwegen "Fase-problematiek"

  # Bron: 004 r. 3090-3093 (voorbeeld: steun bij de scheiding van de ouders), r. 6208-6209
  Scenario: Scheiding van de ouders - de professional bekijkt met de jeugdige wat nodig is
    Gegeven een casus met:
      | feit                          | waarde |
      | jeugdige.leeftijd             | 15     |
      | situatie.opgroei_opvoedvragen | ja     |
      | situatie.scheiding_ouders     | ja     |
      | situatie.veiligheidszorgen    | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "SIT-06" toegepast
    En moet de professional afwegen "scheiding van de ouders"
