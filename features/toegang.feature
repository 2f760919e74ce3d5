# language: nl
Functionaliteit: Vrij toegankelijke hulp of een beschikking
  Vrij toegankelijk: voorlichting en advies, cursussen, kortdurende opvoedondersteuning en
  kortdurende ambulante hulp (004_82bfb980c5993adb.txt r. 3055-3062). Een beschikking als de
  gemiddelde kosten boven de gemeentelijke grens liggen (intensiteit, duur, expertise), als er
  eisen gelden voor de professional, of als de hulp diep ingrijpt (r. 3103-3110). De aard en
  omvang van de hulp beslist, niet de aard van het probleem (r. 3218-3223). Geen getrapte zorg
  (r. 3230-3236). Brede wijkteams bieden een deel zelf vrij toegankelijk (r. 3148-3151).

  Achtergrond:
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 8      |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.opgroei_opvoedvragen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen              | nee    |

  # Voorbeeld vrij toegankelijk 1 - 004 r. 3078-3084: fase-problematiek (koppig gedrag, grenzen
  # opzoeken); informatie met tips and tricks volstaat
  Scenario: Voorbeeld vrij toegankelijk 1a - ouders met vragen over fase-problematiek krijgen informatie en advies
    Gegeven een casus met:
      | feit                       | waarde            |
      | jeugdige.leeftijd          | 3                 |
      | situatie.fase_problematiek | ja                |
      | hulpvraag.soort            | informatie_advies |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is de toegang "vrij_toegankelijk"
    En is regel "TOE-VT-02" toegepast
    En noemt de motivering geen bezwaar en beroep

  # Voorbeeld vrij toegankelijk 1 - 004 r. 3082-3084: voor sommige groepen werkt een oudercursus beter
  Scenario: Voorbeeld vrij toegankelijk 1b - een oudercursus zonder bekende kosten is vrij toegankelijk
    Gegeven een casus met:
      | feit                       | waarde |
      | jeugdige.leeftijd          | 3      |
      | situatie.fase_problematiek | ja     |
      | hulpvraag.soort            | cursus |
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En is regel "TOE-00" toegepast

  # Voorbeeld vrij toegankelijk 2 - 004 r. 3085-3089: angstig of opstandig kind, handelingsverlegenheid
  # bij ouders en leerkracht, met een paar ambulante gesprekken op te lossen
  Scenario: Voorbeeld vrij toegankelijk 2 - een paar ambulante gesprekken bij handelingsverlegenheid
    Gegeven een casus met:
      | feit                        | waarde              |
      | hulpvraag.soort             | ambulante_hulp_kort |
      | hulpvraag.aantal_gesprekken | 3                   |
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En is regel "TOE-BS-05" niet toegepast

  # Voorbeeld vrij toegankelijk 3 - 004 r. 3090-3094: jongere met schoolkeuze, scheiding van de
  # ouders, een paar gesprekken en een maatje
  Scenario: Voorbeeld vrij toegankelijk 3 - een jongere bij de scheiding van zijn ouders
    Gegeven een casus met:
      | feit                        | waarde              |
      | jeugdige.leeftijd           | 15                  |
      | situatie.scheiding_ouders   | ja                  |
      | hulpvraag.soort             | ambulante_hulp_kort |
      | hulpvraag.aantal_gesprekken | 2                   |
      | hulpvraag.verwachte_kosten  | 300                 |
      | hulpvraag.kwalificatie_eisen | nee                |
      | hulpvraag.ingrijpend        | nee                 |
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En is regel "TOE-VT-01" toegepast

  # Voorbeeld beschikking 1 - 004 r. 3116-3122: ingesleten negatieve patronen thuis en op school;
  # een intensief, samenhangend traject (oudertraining, behandeling, vrije tijd, netwerk)
  Scenario: Voorbeeld beschikking 1 - een intensief samenhangend traject voor gedragsproblemen
    Gegeven een casus met:
      | feit                       | waarde      |
      | hulpvraag.soort            | behandeling |
      | hulpvraag.intensief        | ja          |
      | hulpvraag.verwachte_kosten | 9000        |
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En is regel "TOE-BS-01" toegepast
    En noemt de motivering bezwaar en beroep

  # Voorbeeld beschikking 2 - 004 r. 3123-3127: terugkerende stemmingsproblemen, dreigend
  # schoolverzuim; intensieve behandeling
  Scenario: Voorbeeld beschikking 2 - een intensieve behandeling bij stemmingsproblemen
    Gegeven een casus met:
      | feit                              | waarde      |
      | jeugdige.leeftijd                 | 14          |
      | situatie.opgroei_opvoedvragen     | nee         |
      | situatie.psychische_problemen     | ja          |
      | situatie.participatie_zonder_hulp | nee         |
      | hulpvraag.soort                   | behandeling |
      | hulpvraag.kwalificatie_eisen      | ja          |
      | hulpvraag.intensief               | ja          |
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En is regel "TOE-BS-02" toegepast
    En bevatten de grondslagen "participatie"

  # Voorbeeld beschikking 3 - 004 r. 3128-3132: stress door schulden; zorgen over de ontwikkeling;
  # intensieve (invasieve) ambulante gezinsbehandeling naast aanpak van de financiele problemen
  Scenario: Voorbeeld beschikking 3 - invasieve gezinsbehandeling naast de aanpak van schulden
    Gegeven een casus met:
      | feit                                   | waarde                      |
      | situatie.zorgen_ontwikkelingskansen    | ja                          |
      | situatie.oorzaak_bij_ouders            | schulden                    |
      | situatie.problemen_vooral_door_ouders  | ja                          |
      | situatie.bedreiging_ontwikkelingsklimaat | ja                        |
      | hulpvraag.soort                        | ambulante_gezinsbehandeling |
      | hulpvraag.intensief                    | ja                          |
      | hulpvraag.ingrijpend                   | ja                          |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "binnen"
    En is de toegang "beschikking"
    En is regel "TOE-BS-03" toegepast
    En bevatten de signalen "combinatie_andere_domeinen"
    En bevatten de signalen "motivering_verwijzer_vereist"
    En bevatten de grondslagen "ontwikkelingskansen"

  # Voorbeeld beschikking 4 - 004 r. 3133-3139: autisme, zwaar belast gezin, langdurige lichte
  # begeleiding met veel expertise, en respijtzorg
  Scenario: Voorbeeld beschikking 4 - langdurige begeleiding met specialistische kennis bij autisme
    Gegeven een casus met:
      | feit                                 | waarde     |
      | situatie.stoornis_of_beperking       | ja         |
      | situatie.sociale_omgeving_toereikend | nee        |
      | hulpvraag.soort                      | begeleiding |
      | hulpvraag.duur_weken                 | 104        |
      | hulpvraag.intensief                  | nee        |
      | hulpvraag.specialistische_expertise  | ja         |
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En is regel "TOE-BS-04" toegepast
    En bevatten de grondslagen "stoornis_beperking"
    En moet de professional afwegen "Raam de gemiddelde kosten"

  # Bron: 004 r. 3218-3223 - niet de aard van het probleem, maar de aard en omvang van de hulp
  Scenario: Een ernstig probleem met lichte hulp is vrij toegankelijk
    Gegeven een casus met:
      | feit                                 | waarde            |
      | situatie.stoornis_of_beperking       | ja                |
      | situatie.sociale_omgeving_toereikend | nee               |
      | hulpvraag.soort                      | informatie_advies |
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En bevatten de grondslagen "stoornis_beperking"

  # Bron: 004 r. 3218-3223 - dezelfde alledaagse opvoedvraag, maar zware hulp
  Scenario: Een alledaagse opvoedvraag met zware hulp vraagt een beschikking
    Gegeven een casus met:
      | feit                       | waarde      |
      | situatie.fase_problematiek | ja          |
      | hulpvraag.soort            | behandeling |
      | hulpvraag.verwachte_kosten | 4000        |
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"

  # Bron: 004 r. 3230-3236 - geen 'stepped care'
  Scenario: Beschikte hulp is meteen inzetbaar, ook als vrij toegankelijke hulp nog niet is geprobeerd
    Gegeven een casus met:
      | feit                                          | waarde |
      | hulpvraag.soort                               | verblijf |
      | hulpvraag.ingrijpend                          | ja     |
      | hulpvraag.eerder_vrij_toegankelijk_geprobeerd | nee    |
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En bevatten de signalen "geen_getrapte_zorg"
    En noemt de motivering "niet eerst vrij toegankelijke hulp te proberen"

  Scenario: Is vrij toegankelijke hulp al geprobeerd, dan vervalt het signaal over getrapte zorg
    Gegeven een casus met:
      | feit                                          | waarde |
      | hulpvraag.soort                               | behandeling |
      | hulpvraag.verwachte_kosten                    | 6000   |
      | hulpvraag.eerder_vrij_toegankelijk_geprobeerd | ja     |
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En bevatten de signalen niet "geen_getrapte_zorg"

  # Bron: 004 r. 3148-3151 - in gemeenten met brede wijkteams is een deel wel vrij toegankelijk
  Scenario: In een gemeente met brede wijkteams biedt het wijkteam duurdere hulp zelf vrij toegankelijk
    Gegeven een casus met:
      | feit                          | waarde         |
      | hulpvraag.soort               | ambulante_hulp |
      | hulpvraag.verwachte_kosten    | 4000           |
      | hulpvraag.door_breed_wijkteam | ja             |
      | hulpvraag.ingrijpend          | nee            |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En bevatten de signalen "breed_wijkteam"
    En is regel "TOE-WT-01" toegepast
    En is regel "TOE-BS-01" niet toegepast

  Scenario: Dezelfde hulp in een gemeente zonder brede wijkteams vraagt een beschikking
    Gegeven een casus met:
      | feit                          | waarde         |
      | hulpvraag.soort               | ambulante_hulp |
      | hulpvraag.verwachte_kosten    | 4000           |
      | hulpvraag.door_breed_wijkteam | ja             |
      | hulpvraag.ingrijpend          | nee            |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En bevatten de signalen niet "breed_wijkteam"

  Scenario: Ook met brede wijkteams blijft ingrijpende hulp een beschikking vragen
    Gegeven een casus met:
      | feit                          | waarde |
      | hulpvraag.soort               | pleegzorg |
      | hulpvraag.door_breed_wijkteam | ja     |
      | hulpvraag.ingrijpend          | ja     |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En is regel "TOE-BS-03" toegepast
    En is regel "TOE-WT-01" niet toegepast

  Scenario: Brede wijkteams en onbekend of de hulp ingrijpt - de toegang blijft open
    Gegeven een casus met:
      | feit                          | waarde         |
      | hulpvraag.soort               | ambulante_hulp |
      | hulpvraag.verwachte_kosten    | 4000           |
      | hulpvraag.door_breed_wijkteam | ja             |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de toegang "onbeslist"
    En ontbreekt het gegeven "hulpvraag.ingrijpend"

  # Bron: 004 r. 8102-8108 - de werkwijze van één gemeente, waar de toegang tot 5 gesprekken zelf
  # voert (vergelijk r. 8228-8236); geen landelijk maximum, wel de standaardwaarde van de parameter
  Scenario: Vier gesprekken blijven vrij toegankelijk bij de standaard van vijf, overgenomen uit één gemeente
    Gegeven een casus met:
      | feit                        | waarde                   |
      | hulpvraag.soort             | opvoedondersteuning_kort |
      | hulpvraag.aantal_gesprekken | 4                        |
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"

  Scenario: Vier gesprekken vragen een beschikking in een gemeente die er drie zonder beschikking toestaat
    Gegeven een casus met:
      | feit                        | waarde                   |
      | hulpvraag.soort             | opvoedondersteuning_kort |
      | hulpvraag.aantal_gesprekken | 4                        |
      | hulpvraag.verwachte_kosten  | 400                      |
      | hulpvraag.kwalificatie_eisen | nee                     |
      | hulpvraag.ingrijpend        | nee                      |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En is regel "TOE-BS-05" toegepast
    En is regel "TOE-VT-01" niet toegepast
    En noemt de motivering "hoogstens 3"
