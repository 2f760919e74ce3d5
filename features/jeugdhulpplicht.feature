# language: nl
Functionaliteit: Jeugdhulpplicht (Jeugdwet art. 2.3) en de toets van de werkgroep
  Jeugdhulp bij opgroei- en opvoedingsproblemen, psychische problemen en stoornissen,
  voorzover de eigen mogelijkheden ontoereikend zijn, voor een jeugdige die in de gemeente
  woont, met als doel gezond en veilig opgroeien, groeien naar zelfstandigheid en zelfredzaam
  zijn en meedoen (004_82bfb980c5993adb.txt r. 2882-2894). De werkgroep toetst de situatie en
  het doel van de hulp (r. 3028-3053).

  Achtergrond:
    Gegeven een casus met:
      | feit                       | waarde |
      | jeugdige.leeftijd          | 10     |
      | jeugdige.woont_in_gemeente | ja     |
      | situatie.veiligheidszorgen | nee    |

  # Bron: 004 r. 2882-2894 (art. 2.3 lid 1)
  Scenario: Opvoedvragen waarbij de eigen mogelijkheden tekortschieten vallen binnen de reikwijdte
    Gegeven een casus met:
      | feit                                    | waarde |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "JHP-01" toegepast
    En is regel "JHP-10" toegepast
    En moet de professional afwegen "Leeftijd en ontwikkelingsniveau"
    En is direct handelen "nee"

  # Bron: 004 r. 2882-2886 (psychische problemen en stoornissen)
  Scenario: Psychische problemen zonder opvoedvraag vallen ook onder de jeugdhulpplicht
    Gegeven een casus met:
      | feit                                    | waarde |
      | situatie.opgroei_opvoedvragen           | nee    |
      | situatie.psychische_problemen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"

  # Bron: 004 r. 2913-2919; onbekend is niet hetzelfde als "niet toereikend"
  Scenario: Zolang onbekend is of het gezin het zelf redt, blijft de reikwijdte open
    Gegeven een casus met:
      | feit                          | waarde |
      | situatie.opgroei_opvoedvragen | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "onbeslist"
    En ontbreekt het gegeven "situatie.eigen_mogelijkheden_toereikend"

  # Bron: 004 r. 2882-2887 (art. 2.3 lid 1: "de jeugdige die zijn woonplaats heeft binnen zijn
  # gemeente"): elders wonen is zeker "niet deze gemeente", geen open vraag
  Scenario: Een jeugdige die elders woont valt onder de gemeente van zijn woonplaats
    Gegeven een casus met:
      | feit                                    | waarde   |
      | jeugdige.woont_in_gemeente              | nee      |
      | jeugdige.woonplaats_gemeente            | Heidedorp |
      | situatie.opgroei_opvoedvragen           | ja       |
      | situatie.eigen_mogelijkheden_toereikend | nee      |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "andere_gemeente" voor
    En is de toegang "geen"
    En is regel "JHP-03" toegepast
    En moet de professional afwegen "Woonplaatsbeginsel"
    En noemt de motivering "Heidedorp"
    En noemt de motivering "niet onder de jeugdhulpplicht van deze gemeente"

  # Bron: 004 r. 2882-2887 en r. 6030-6032: bij zorgen over de veiligheid eerst handelen, ook als
  # de jeugdige elders woont; daarna overdragen
  Scenario: Een jeugdige die elders woont en onveilig is, krijgt eerst hulp en wordt daarna overgedragen
    Gegeven een casus met:
      | feit                                    | waarde   |
      | jeugdige.woont_in_gemeente              | nee      |
      | jeugdige.woonplaats_gemeente            | Heidedorp |
      | situatie.veiligheidszorgen              | ja       |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is direct handelen "ja"
    En is regel "JHP-03" niet toegepast
    En is regel "JHP-05" toegepast
    En moet de professional afwegen "Woonplaatsbeginsel bij zorgen over de veiligheid"

  # Bron: 004 r. 2882-2886 ("naar het oordeel van het college", "voorzover"), r. 2899-2901,
  # r. 3072-3073 (eigen kracht niet in een algemene regel te vatten), r. 3140-3144 (draagkracht en
  # draaglast): het oordeel is van de professional, en het is graduëel
  Scenario: Als de professional de eigen mogelijkheden toereikend vindt, blijft het een afweging
    Gegeven een casus met:
      | feit                                    | waarde |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "geen_jeugdhulp_nodig" voor
    En is regel "JHP-02" toegepast
    En moet de professional afwegen "voorzover"
    En noemt de motivering "voor een deel tekort"

  # Bron: 004 r. 2882-2887: het gezin redt het niet zelf; dat er geen probleem is aangevinkt, maakt
  # jeugdhulp niet overbodig
  Scenario: Eigen mogelijkheden ontoereikend zonder benoemd probleem - geen "geen jeugdhulp nodig"
    Gegeven een casus met:
      | feit                                    | waarde |
      | situatie.opgroei_opvoedvragen           | nee    |
      | situatie.psychische_problemen           | nee    |
      | situatie.stoornis_of_beperking          | nee    |
      | situatie.zorgen_ontwikkelingskansen     | nee    |
      | situatie.bedreigt_veiligheid            | nee    |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "onbeslist"
    En is regel "JHP-06" niet toegepast
    En is regel "JHP-07" toegepast
    En moet de professional afwegen "Hulpvraag zonder benoemd"

  # Bron: 004 r. 2882-2887 en r. 3521-3529 (ernstig/acuut zieke kinderen extra goed borgen)
  Scenario: Een ernstig ziek kind zonder aangevinkt probleem valt niet stil buiten de reikwijdte
    Gegeven een casus met:
      | feit                                    | waarde |
      | situatie.opgroei_opvoedvragen           | nee    |
      | situatie.psychische_problemen           | nee    |
      | situatie.stoornis_of_beperking          | nee    |
      | situatie.zorgen_ontwikkelingskansen     | nee    |
      | situatie.bedreigt_veiligheid            | nee    |
      | situatie.ernstig_acuut_ziek             | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "onbeslist"
    En is regel "JHP-06" niet toegepast
    En is regel "JHP-07" toegepast
    En moet de professional afwegen "Extra waarborgen"

  # Bron: 004 r. 2882-2887 en 3031-3040: geen van de situaties doet zich voor
  Scenario: Zonder opgroei-, opvoed-, psychische of veiligheidsproblemen is geen jeugdhulp nodig
    Gegeven een casus met:
      | feit                               | waarde |
      | situatie.opgroei_opvoedvragen      | nee    |
      | situatie.psychische_problemen      | nee    |
      | situatie.stoornis_of_beperking     | nee    |
      | situatie.zorgen_ontwikkelingskansen | nee   |
      | situatie.bedreigt_veiligheid       | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "geen_jeugdhulp_nodig" voor
    En is regel "JHP-06" toegepast

  # Bron: 004 r. 2888-2894 (doelen a, b en c) en r. 3042-3053
  Scenario: Hulp die geen van de doelen van de Jeugdwet dient valt buiten de reikwijdte
    Gegeven een casus met:
      | feit                                    | waarde |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | hulpvraag.doel_gezond_veilig            | nee    |
      | hulpvraag.doel_zelfstandigheid          | nee    |
      | hulpvraag.doel_participatie             | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "buiten"
    En gaat het domein "geen_jeugdwetdoel" voor
    En is de toegang "geen"
    En bevatten de signalen "individuele_toekenning_mogelijk"

  # Grensgeval: een doel dat nog onbekend is sluit de hulp niet uit
  # Twee doelen vastgesteld afwezig, het derde onbekend: dient de hulp ook dat niet, dan sluit
  # JHP-04 haar uit. Het advies blijft dus open (vroeger: binnen, op een stil vermoeden).
  Scenario: Als een van de doelen nog onbekend is, blijft open of de doeltoets de hulp uitsluit
    Gegeven een casus met:
      | feit                                    | waarde |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | hulpvraag.doel_gezond_veilig            | nee    |
      | hulpvraag.doel_zelfstandigheid          | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "onbeslist"
    En is regel "JHP-04" niet toegepast
    En ontbreekt het gegeven "hulpvraag.doel_participatie"

  # Bron: 004 r. 3031-3053 (situatie: zorgen over ontwikkelingskansen; doel: gezond en veilig opgroeien)
  Scenario: Toets van de werkgroep - zorgen over de ontwikkelingskansen en een jeugdhulpdoel
    Gegeven een casus met:
      | feit                                    | waarde |
      | situatie.opgroei_opvoedvragen           | nee    |
      | situatie.psychische_problemen           | nee    |
      | situatie.stoornis_of_beperking          | nee    |
      | situatie.zorgen_ontwikkelingskansen     | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | hulpvraag.doel_gezond_veilig            | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is regel "WG-01" toegepast
    En is regel "JHP-01" niet toegepast
    En zijn de grondslagen "ontwikkelingskansen"

  # Bron: 004 r. 3038-3040 (de jongere benadeelt de veiligheid van zichzelf of de omgeving)
  Scenario: Toets van de werkgroep - een jongere die zichzelf of anderen in gevaar brengt
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 15     |
      | situatie.opgroei_opvoedvragen           | nee    |
      | situatie.psychische_problemen           | nee    |
      | situatie.stoornis_of_beperking          | nee    |
      | situatie.bedreigt_veiligheid            | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | hulpvraag.doel_zelfstandigheid          | ja     |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En bevatten de grondslagen "veiligheid"
    En is regel "WG-03" toegepast

  # Bron: 004 r. 3028-3053: de toets vraagt situatie EN doel; het doel is nog onbekend
  # Vermoeden (rules/vermoedens.yaml): zolang het doel onbekend is, gaat het advies uit van hulp
  # voor gezond en veilig opgroeien, en zegt dat het daarop rust.
  Scenario: Toets van de werkgroep - zonder bekend doel rust het advies op het vermoede doel
    Gegeven een casus met:
      | feit                                    | waarde |
      | situatie.opgroei_opvoedvragen           | nee    |
      | situatie.psychische_problemen           | nee    |
      | situatie.stoornis_of_beperking          | nee    |
      | situatie.zorgen_ontwikkelingskansen     | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
    Als de casus wordt beoordeeld
    Dan is regel "WG-01" toegepast
    En rust het advies op de aanname "hulpvraag.doel_gezond_veilig"

  # Bron: 004 r. 3521-3534 (leefwereldtoets: chronische en ernstig/acute groepen)
  Scenario: Bij een chronisch ziek kind vraagt de werkgroep extra waarborgen
    Gegeven een casus met:
      | feit                                    | waarde |
      | situatie.stoornis_of_beperking          | ja     |
      | situatie.levenslang_of_chronisch        | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En moet de professional afwegen "Extra waarborgen"
