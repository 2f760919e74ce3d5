# language: nl
Functionaliteit: Verwijzingen en niet-gecontracteerd aanbod (maatregel B12)
  Wettelijke verwijzers: huisarts, jeugdarts, medisch specialist, GI en het lokale team
  (004_82bfb980c5993adb.txt r. 5901-5909). Verwijzen naar gecontracteerd aanbod is de standaard;
  afwijken kan met een van zeven redenen (r. 6353-6356, 6388-6405). Het college maakt afspraken
  met de verwijzers (Jeugdwet art. 2.7 lid 4, r. 6357-6359). De gemeente hoeft niet-gecontracteerde
  hulp alleen te betalen als de GI het protocol volgde (art. 3.5 lid 3, r. 6359-6362), maar bij een
  strafrechtelijke beslissing moet zij altijd betalen (r. 6363-6364). Voor GI-clienten is een
  goedkeuring vooraf niet acceptabel (r. 6442-6446).

  Achtergrond:
    Gegeven een casus met:
      | feit                                    | waarde |
      | jeugdige.leeftijd                       | 12     |
      | jeugdige.woont_in_gemeente              | ja     |
      | situatie.psychische_problemen           | ja     |
      | situatie.eigen_mogelijkheden_toereikend | nee    |
      | situatie.veiligheidszorgen              | nee    |

  # Bron: 004 r. 6353-6359 (gecontracteerd aanbod, art. 2.7 lid 4)
  Scenario: De huisarts verwijst naar een gecontracteerde aanbieder
    Gegeven een casus met:
      | feit                              | waarde   |
      | verwijzing.verwijzer              | huisarts |
      | verwijzing.aanbieder_gecontracteerd | ja     |
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toegestaan" "ja"
    En is bij de verwijzing "toestemming_vooraf" "nee"
    En is bij de verwijzing "toetsing_achteraf" "nee"
    En is bij de verwijzing "gemeente_moet_betalen" "ja"
    En is bij de verwijzing "gemeente_niet_verplicht" "nee"

  # Bron: 004 r. 5901-5909: ouders zijn geen wettelijke verwijzer; de weg loopt via het lokale team
  Scenario: Ouders die zichzelf naar een aanbieder verwijzen gaan via het lokale team
    Gegeven een casus met:
      | feit                 | waarde      |
      | verwijzing.verwijzer | ouders_zelf |
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toegestaan" "nee"
    En moet de professional afwegen "Toeleiding via het lokale team"

  # Reden 1 - 004 r. 6389-6391: hulp buiten de regio waarvoor de gemeente (woonplaatsbeginsel) betaalt
  Scenario: Reden 1 - jeugdhulp buiten de regio onder het woonplaatsbeginsel, toetsing achteraf
    Gegeven een casus met:
      | feit                                | waarde                          |
      | verwijzing.verwijzer                | jeugdarts                       |
      | verwijzing.aanbieder_gecontracteerd | nee                             |
      | verwijzing.reden_niet_gecontracteerd | buiten_regio_woonplaatsbeginsel |
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toegestaan" "ja"
    En is bij de verwijzing "toestemming_vooraf" "nee"
    En is bij de verwijzing "toetsing_achteraf" "ja"
    En is regel "VW-07" toegepast

  # Reden 2 - 004 r. 6392-6394: verhuizing; in de nieuwe regio is de hulpverlener niet gecontracteerd
  Scenario: Reden 2 - na een verhuizing vraagt Rivierdal vooraf toestemming van de zorgmakelaar
    Gegeven een casus met:
      | feit                                | waarde     |
      | verwijzing.verwijzer                | huisarts   |
      | verwijzing.aanbieder_gecontracteerd | nee        |
      | verwijzing.reden_niet_gecontracteerd | verhuizing |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toegestaan" "ja"
    En is bij de verwijzing "toestemming_vooraf" "ja"
    En is bij de verwijzing "toetsing_achteraf" "nee"
    En is bij de verwijzing "start_niet_blokkeren" "nee"
    En noemt de motivering "zorgmakelaar"

  # Reden 3 - 004 r. 6395: wachtlijsten bij gecontracteerde zorg
  Scenario: Reden 3 - wachtlijst bij gecontracteerde zorg in een gemeente zonder aparte goedkeuring
    Gegeven een casus met:
      | feit                                | waarde     |
      | verwijzing.verwijzer                | huisarts   |
      | verwijzing.aanbieder_gecontracteerd | nee        |
      | verwijzing.reden_niet_gecontracteerd | wachtlijst |
    En de gemeente "heidedorp"
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toegestaan" "ja"
    En is bij de verwijzing "toestemming_vooraf" "nee"
    En is bij de verwijzing "toetsing_achteraf" "nee"
    En is regel "VW-08" toegepast

  # Reden 4 - 004 r. 6396-6398: specifieke expertise (nichezorg) of identiteit (geloof, taal, cultuur)
  Scenario: Reden 4 - nichezorg bij genderdysforie, in Voorbeeldstad achteraf getoetst door de lokale toegang
    Gegeven een casus met:
      | feit                                | waarde               |
      | verwijzing.verwijzer                | medisch_specialist   |
      | verwijzing.aanbieder_gecontracteerd | nee                  |
      | verwijzing.reden_niet_gecontracteerd | specifieke_expertise |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toegestaan" "ja"
    En is bij de verwijzing "toetsing_achteraf" "ja"
    En noemt de motivering "lokale_toegang"

  # Reden 5 - 004 r. 6399-6401: geografische bereikbaarheid (aangrenzende gemeente, andere inkoopregio)
  Scenario: Reden 5 - een aanbieder net over de grens van de inkoopregio is beter bereikbaar
    Gegeven een casus met:
      | feit                                | waarde                      |
      | verwijzing.verwijzer                | lokaal_team                 |
      | verwijzing.aanbieder_gecontracteerd | nee                         |
      | verwijzing.reden_niet_gecontracteerd | geografische_bereikbaarheid |
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toegestaan" "ja"
    En is regel "VW-04" toegepast

  # Reden 6 - 004 r. 6402-6404: voorkomen dat een niet passend PGB nodig is
  Scenario: Reden 6 - niet-gecontracteerde zorg in natura in plaats van een ongepast PGB
    Gegeven een casus met:
      | feit                                | waarde                 |
      | verwijzing.verwijzer                | jeugdarts              |
      | verwijzing.aanbieder_gecontracteerd | nee                    |
      | verwijzing.reden_niet_gecontracteerd | voorkomen_ongepast_pgb |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toegestaan" "ja"
    En is bij de verwijzing "toestemming_vooraf" "ja"

  # Reden 7 - 004 r. 6405: een zorg-onderwijsarrangement dat de gemeente niet heeft ingekocht
  Scenario: Reden 7 - een zorg-onderwijsarrangement dat de gemeente niet inkocht
    Gegeven een casus met:
      | feit                                | waarde                    |
      | verwijzing.verwijzer                | huisarts                  |
      | verwijzing.aanbieder_gecontracteerd | nee                       |
      | verwijzing.reden_niet_gecontracteerd | zorg_onderwijsarrangement |
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toegestaan" "ja"
    En is bij de verwijzing "toetsing_achteraf" "ja"

  # Bron: 004 r. 6353-6356: zonder een van de redenen blijft gecontracteerd aanbod de standaard
  Scenario: Een niet-gecontracteerde aanbieder zonder geaccepteerde reden
    Gegeven een casus met:
      | feit                                | waarde       |
      | verwijzing.verwijzer                | huisarts     |
      | verwijzing.aanbieder_gecontracteerd | nee          |
      | verwijzing.reden_niet_gecontracteerd | andere_reden |
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toegestaan" "nee"
    En moet de professional afwegen "Overleg met de gemeente"

  Scenario: Een niet-gecontracteerde aanbieder zonder bekende reden - de verwijzing blijft open
    Gegeven een casus met:
      | feit                                | waarde   |
      | verwijzing.verwijzer                | huisarts |
      | verwijzing.aanbieder_gecontracteerd | nee      |
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toegestaan" "onbekend"
    En ontbreekt het gegeven "verwijzing.reden_niet_gecontracteerd"

  # Bron: 004 r. 6359-6362 (art. 3.5 lid 3): GI hield zich niet aan het protocol
  Scenario: De GI volgde het protocol niet - de gemeente is niet verplicht te betalen
    Gegeven een casus met:
      | feit                                | waarde                    |
      | verwijzing.verwijzer                | gecertificeerde_instelling |
      | verwijzing.aanbieder_gecontracteerd | nee                       |
      | verwijzing.protocol_gevolgd         | nee                       |
      | verwijzing.strafrechtelijke_beslissing | nee                    |
      | maatregel.kinderbeschermingsmaatregel | ja                      |
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "gemeente_niet_verplicht" "ja"
    En is bij de verwijzing "gemeente_moet_betalen" "nee"
    En is bij de verwijzing "start_niet_blokkeren" "ja"
    En is er een gedwongen kader "ja"

  # Bron: 004 r. 6359-6362 (art. 3.5 lid 3): GI volgde het protocol
  Scenario: De GI volgde het protocol - de gemeente betaalt de niet-gecontracteerde hulp
    Gegeven een casus met:
      | feit                                | waarde                    |
      | verwijzing.verwijzer                | gecertificeerde_instelling |
      | verwijzing.aanbieder_gecontracteerd | nee                       |
      | verwijzing.protocol_gevolgd         | ja                        |
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "gemeente_moet_betalen" "ja"
    En is bij de verwijzing "gemeente_niet_verplicht" "nee"

  # Bron: 004 r. 6442-6446: voor GI-clienten mag goedkeuring vooraf de start niet tegenhouden
  Scenario: Ook waar Rivierdal vooraf toestemming vraagt, start de hulp voor een GI-client direct
    Gegeven een casus met:
      | feit                                | waarde                    |
      | verwijzing.verwijzer                | gecertificeerde_instelling |
      | verwijzing.aanbieder_gecontracteerd | nee                       |
      | verwijzing.reden_niet_gecontracteerd | wachtlijst               |
      | verwijzing.protocol_gevolgd         | ja                        |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toestemming_vooraf" "ja"
    En is bij de verwijzing "start_niet_blokkeren" "ja"
    En is regel "VW-09" niet toegepast

  # Grensgeval: de GI volgde het protocol niet, maar of er een strafrechtelijke beslissing is, is onbekend
  Scenario: Zonder duidelijkheid over een strafrechtelijke beslissing blijft de betaling open
    Gegeven een casus met:
      | feit                                | waarde                    |
      | verwijzing.verwijzer                | gecertificeerde_instelling |
      | verwijzing.aanbieder_gecontracteerd | nee                       |
      | verwijzing.protocol_gevolgd         | nee                       |
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "gemeente_moet_betalen" "onbekend"
    En is er een vervolgvraag over "verwijzing.strafrechtelijke_beslissing"

  # Bron: 004 r. 6363-6364: strafrechtelijke beslissing - betalen, gecontracteerd of niet, overlegd of niet
  Scenario: Bij een strafrechtelijke beslissing moet de gemeente betalen, ook zonder contract en zonder overleg
    Gegeven een casus met:
      | feit                                | waarde                    |
      | jeugdige.leeftijd                   | 16                        |
      | verwijzing.verwijzer                | gecertificeerde_instelling |
      | verwijzing.aanbieder_gecontracteerd | nee                       |
      | verwijzing.protocol_gevolgd         | nee                       |
      | verwijzing.gemeente_geconsulteerd   | nee                       |
      | verwijzing.strafrechtelijke_beslissing | ja                     |
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "gemeente_moet_betalen" "ja"
    En is bij de verwijzing "gemeente_niet_verplicht" "nee"
    En is bij de verwijzing "toegestaan" "ja"
    En is er een gedwongen kader "ja"
    En is regel "VW-GI-01" niet toegepast

  Scenario: Een strafrechtelijke beslissing wacht niet op de toestemming vooraf van Rivierdal
    Gegeven een casus met:
      | feit                                | waarde     |
      | jeugdige.leeftijd                   | 16         |
      | verwijzing.verwijzer                | anders     |
      | verwijzing.aanbieder_gecontracteerd | nee        |
      | verwijzing.reden_niet_gecontracteerd | wachtlijst |
      | verwijzing.strafrechtelijke_beslissing | ja      |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "toegestaan" "ja"
    En is bij de verwijzing "toestemming_vooraf" "nee"
    En is bij de verwijzing "start_niet_blokkeren" "ja"
    En is regel "VW-02" niet toegepast
