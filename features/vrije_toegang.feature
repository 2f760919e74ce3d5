# language: nl
Functionaliteit: De gemeente trekt de lijn tussen vrij toegankelijk en beschikking
  Vrij toegankelijke hulp vraagt geen beschikking en geen beoordeling van de persoonlijke situatie
  (004_82bfb980c5993adb.txt r. 2896-2911, 3055-3060). De gemeente bepaalt zelf welke hulp vrij
  toegankelijk is (r. 2908, 3148-3151): welke soorten hulp haar brede wijkteams zelf geven, of het
  zorgteam op school specialistische hulp zonder beschikking geeft (voorbeeld r. 7991-8020). Een
  kostengrens is het enige mogelijk scherpe criterium (r. 3140-3141); het bedrag staat niet in de
  bronnen (alleen de grens uit 1998, r. 7764-7770), en de duur hoort bij het criterium (r. 3104-3106).

  Achtergrond:
    Gegeven een casus met:
      | feit                          | waarde |
      | jeugdige.leeftijd             | 9      |
      | jeugdige.woont_in_gemeente    | ja     |
      | situatie.opgroei_opvoedvragen | ja     |
      | situatie.veiligheidszorgen    | nee    |

  # Bron: 004 r. 2896-2911 (MvT: alleen niet vrij toegankelijke voorzieningen veronderstellen een
  # beoordeling van de persoonlijke situatie) en r. 3055-3060 (een cursus is vrij toegankelijk)
  Scenario: Een oudercursus is vrij toegankelijk zonder toets van de eigen mogelijkheden
    Gegeven een casus met:
      | feit            | waarde |
      | hulpvraag.soort | cursus |
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En is regel "TOE-VT-02" toegepast
    En noemt de motivering "geen beoordeling van de persoonlijke situatie nodig"
    En moet de professional afwegen "Draagkracht en draaglast"

  # Bron: 004 r. 2899-2901 en 3145-3147: voor een individuele voorziening telt de eigen kracht wel
  Scenario: Een behandeling met een beschikking wacht wel op de toets van de eigen mogelijkheden
    Gegeven een casus met:
      | feit                       | waarde      |
      | hulpvraag.soort            | behandeling |
      | hulpvraag.verwachte_kosten | 6000        |
    Als de casus wordt beoordeeld
    Dan is de reikwijdte "onbeslist"
    En is de toegang "onbeslist"
    En ontbreekt het gegeven "situatie.eigen_mogelijkheden_toereikend"

  # Bron: 004 r. 3148-3151: in gemeenten met brede wijkteams geven die wijkteams een deel van de
  # niet vrij toegankelijke hulp zelf; Voorbeeldstad noemt ambulante gezinsbehandeling in zijn eigen bestand
  Scenario: In Voorbeeldstad geeft het brede wijkteam ambulante gezinsbehandeling zelf, zonder beschikking
    Gegeven een casus met:
      | feit                                    | waarde      |
      | situatie.eigen_mogelijkheden_toereikend | nee         |
      | hulpvraag.soort                         | ambulante_gezinsbehandeling |
      | hulpvraag.verwachte_kosten              | 4000        |
      | hulpvraag.ingrijpend                    | nee         |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En is regel "TOE-WT-01" toegepast
    En bevatten de signalen "breed_wijkteam"

  Scenario: In Rivierdal, zonder brede wijkteams, vraagt dezelfde gezinsbehandeling een beschikking
    Gegeven een casus met:
      | feit                                    | waarde      |
      | situatie.eigen_mogelijkheden_toereikend | nee         |
      | hulpvraag.soort                         | ambulante_gezinsbehandeling |
      | hulpvraag.verwachte_kosten              | 4000        |
      | hulpvraag.ingrijpend                    | nee         |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En is regel "TOE-WT-01" niet toegepast

  # Bron: 004 r. 7991-8020 (Amsterdam/Diemen, specialistische jeugdzorg op speciaal onderwijs):
  # "Specialisten kunnen meteen, beschikkingsvrij en in een vaste omgeving ... interventies uitvoeren"
  Scenario: In Voorbeeldstad geeft het zorgteam op school specialistische hulp zonder beschikking
    Gegeven een casus met:
      | feit                                    | waarde      |
      | situatie.eigen_mogelijkheden_toereikend | nee         |
      | hulpvraag.soort                         | behandeling |
      | hulpvraag.op_school                     | ja          |
      | hulpvraag.specialistische_expertise     | ja          |
      | hulpvraag.kwalificatie_eisen            | ja          |
      | hulpvraag.ingrijpend                    | nee         |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En is regel "TOE-SCH-01" toegepast
    En is regel "TOE-BS-02" niet toegepast
    En noemt de motivering geen bezwaar en beroep

  Scenario: Landelijk vraagt dezelfde specialistische hulp op school een beschikking
    Gegeven een casus met:
      | feit                                    | waarde      |
      | situatie.eigen_mogelijkheden_toereikend | nee         |
      | hulpvraag.soort                         | behandeling |
      | hulpvraag.op_school                     | ja          |
      | hulpvraag.specialistische_expertise     | ja          |
      | hulpvraag.kwalificatie_eisen            | ja          |
      | hulpvraag.ingrijpend                    | nee         |
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En is regel "TOE-SCH-01" niet toegepast

  # Bron: 004 r. 3104-3106: de kosten liggen boven de grens "vanwege de mate van intensiteit van de
  # hulp, de duur en/of de benodigde expertise" - intensiteit alleen zegt niets over de kosten
  Scenario: Een paar weken intensieve hulp met onbekende kosten geeft geen beschikking
    Gegeven een casus met:
      | feit                                    | waarde           |
      | situatie.eigen_mogelijkheden_toereikend | nee              |
      | hulpvraag.soort                         | ambulante_hulp   |
      | hulpvraag.intensief                     | ja               |
      | hulpvraag.duur_weken                    | 6                |
      | hulpvraag.specialistische_expertise     | nee              |
      | hulpvraag.kwalificatie_eisen            | nee              |
      | hulpvraag.ingrijpend                    | nee              |
    Als de casus wordt beoordeeld
    Dan is de toegang "onbeslist"
    En is regel "TOE-BS-04" niet toegepast
    En ontbreekt het gegeven "hulpvraag.verwachte_kosten"

  # Bron: 004 r. 3104-3106 en 3133-3138 ("een langdurige vorm" van begeleiding)
  Scenario: Intensieve hulp die langer duurt dan de duurgrens geeft een beschikking, ook met onbekende kosten
    Gegeven een casus met:
      | feit                                    | waarde         |
      | situatie.eigen_mogelijkheden_toereikend | nee            |
      | hulpvraag.soort                         | ambulante_hulp |
      | hulpvraag.intensief                     | ja             |
      | hulpvraag.duur_weken                    | 40             |
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En is regel "TOE-BS-04" toegepast
    En noemt de motivering "duurt 40 weken"
    En moet de professional afwegen "Raam de gemiddelde kosten"

  # Bron: 004 r. 3140-3141 en 7764-7770: het bedrag is een keuze; de standaard is een gekozen waarde
  Scenario: Kosten boven de gekozen standaarddrempel maar onder die van Voorbeeldstad geven daar geen beschikking
    Gegeven een casus met:
      | feit                                    | waarde      |
      | situatie.eigen_mogelijkheden_toereikend | nee         |
      | hulpvraag.soort                         | behandeling |
      | hulpvraag.verwachte_kosten              | 1800        |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is de toegang "onbeslist"
    En is regel "TOE-BS-01" niet toegepast
