# language: nl
Functionaliteit: Verwijzingen en niet-gecontracteerd aanbod (maatregel B12)
  Wettelijke verwijzers: huisarts, jeugdarts, medisch specialist, GI en het lokale team
  (004_82bfb980c5993adb.txt r. 5811-5812, 5901-5909; routes r. 1022-1026). Verwijzen naar
  gecontracteerd aanbod is de standaard; een afwijking legt de verwijzer of het gezin aan de gemeente
  voor (r. 6353-6356). De zeven redenen (r. 6388-6405) zijn redenen waarom niet-gecontracteerd aanbod
  vaak nodig is (r. 6374-6375), geen gesloten lijst. De gemeente kiest: goedkeuring vooraf of toetsing
  achteraf; achteraf kijkt zij altijd mee (r. 6421, 6457-6459). De gemeente hoeft niet-gecontracteerde
  hulp alleen te betalen als de GI het protocol volgde (art. 3.5 lid 3, r. 6359-6362), maar bij een
  strafrechtelijke beslissing moet zij betalen (r. 6363-6364). De GI vindt een goedkeuring vooraf niet
  acceptabel (haar standpunt, r. 6442-6445).

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
    Dan staat de verwijzing op "toegestaan"
    En is bij de verwijzing "toegestaan" "ja"
    En is bij de verwijzing "toestemming_vooraf" "nee"
    En is bij de verwijzing "toetsing_achteraf" "nee"
    En is bij de verwijzing "gemeente_moet_betalen" "ja"
    En is bij de verwijzing "gemeente_niet_verplicht" "nee"

  # Bron: 004 r. 5901-5909 en 2908-2911: ouders zijn geen wettelijke verwijzer; hulp met een
  # beschikking vraagt een beoordeling door de gemeente, dus de weg loopt via het lokale team
  Scenario: Ouders die zichzelf naar een behandeling met een beschikking verwijzen gaan via het lokale team
    Gegeven een casus met:
      | feit                       | waarde      |
      | verwijzing.verwijzer       | ouders_zelf |
      | hulpvraag.soort            | behandeling |
      | hulpvraag.verwachte_kosten | 6000        |
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En staat de verwijzing op "via_gemeentelijke_toegang"
    En is bij de verwijzing "toegestaan" "nee"
    En moet de professional afwegen "Toeleiding via het lokale team"
    En noemt de motivering "U kunt zich zelf melden bij de gemeentelijke toegang"

  # Bron: 004 r. 3055-3060: vrij toegankelijke hulp is zonder beschikking beschikbaar; wie zich zelf
  # aanmeldt voor een oudercursus is geen geweigerde verwijzing
  Scenario: Ouders die zich zelf aanmelden voor een oudercursus hebben geen verwijzing nodig
    Gegeven een casus met:
      | feit                 | waarde      |
      | verwijzing.verwijzer | ouders_zelf |
      | hulpvraag.soort      | cursus      |
    Als de casus wordt beoordeeld
    Dan is de toegang "vrij_toegankelijk"
    En staat de verwijzing op "geen_verwijsvraag"
    En is bij de verwijzing "toegestaan" "onbekend"
    En is regel "VW-10" toegepast
    En is regel "VW-02" niet toegepast
    En noemt de motivering "geen verwijzing nodig"

  # Bron: 004 r. 8904-8905 (voorbeeld: "Geen verwijzing nodig voor specialistische zorg"); Heidedorp
  # kiest daarvoor in zijn eigen bestand
  Scenario: In Heidedorp kunnen ouders zonder verwijzing terecht voor specialistische hulp
    Gegeven een casus met:
      | feit                       | waarde      |
      | verwijzing.verwijzer       | ouders_zelf |
      | hulpvraag.soort            | behandeling |
      | hulpvraag.verwachte_kosten | 6000        |
    En de gemeente "heidedorp"
    Als de casus wordt beoordeeld
    Dan is de toegang "beschikking"
    En staat de verwijzing op "geen_verwijsvraag"
    En is regel "VW-11" toegepast
    En is regel "VW-02" niet toegepast

  # Reden 1 - 004 r. 6389-6391: hulp buiten de regio waarvoor de gemeente (woonplaatsbeginsel) betaalt
  Scenario: Reden 1 - jeugdhulp buiten de regio onder het woonplaatsbeginsel, toetsing achteraf
    Gegeven een casus met:
      | feit                                | waarde                          |
      | verwijzing.verwijzer                | jeugdarts                       |
      | verwijzing.aanbieder_gecontracteerd | nee                             |
      | verwijzing.reden_niet_gecontracteerd | buiten_regio_woonplaatsbeginsel |
    Als de casus wordt beoordeeld
    Dan staat de verwijzing op "goedkeuring_achteraf"
    En noemt de motivering "de gemeente toetst de verwijzing achteraf"
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
    Dan staat de verwijzing op "goedkeuring_vooraf_nodig"
    En is bij de verwijzing "toegestaan" "onbekend"
    En is bij de verwijzing "toestemming_vooraf" "ja"
    En is bij de verwijzing "toetsing_achteraf" "ja"
    En is bij de verwijzing "start_niet_blokkeren" "nee"
    En noemt de motivering "Dit is nog geen weigering"
    En noemt de motivering "zorgmakelaar"

  # Reden 3 - 004 r. 6395: wachtlijsten bij gecontracteerde zorg; r. 6421: achteraf is er altijd zicht
  Scenario: Reden 3 - wachtlijst bij gecontracteerde zorg, in Heidedorp achteraf getoetst
    Gegeven een casus met:
      | feit                                | waarde     |
      | verwijzing.verwijzer                | huisarts   |
      | verwijzing.aanbieder_gecontracteerd | nee        |
      | verwijzing.reden_niet_gecontracteerd | wachtlijst |
    En de gemeente "heidedorp"
    Als de casus wordt beoordeeld
    Dan staat de verwijzing op "goedkeuring_achteraf"
    En is bij de verwijzing "toestemming_vooraf" "nee"
    En is bij de verwijzing "toetsing_achteraf" "ja"
    En is regel "VW-04" toegepast

  # Reden 4 - 004 r. 6396-6398: specifieke expertise (nichezorg) of identiteit (geloof, taal, cultuur)
  Scenario: Reden 4 - nichezorg bij genderdysforie, in Voorbeeldstad achteraf getoetst door de lokale toegang
    Gegeven een casus met:
      | feit                                | waarde               |
      | verwijzing.verwijzer                | medisch_specialist   |
      | verwijzing.aanbieder_gecontracteerd | nee                  |
      | verwijzing.reden_niet_gecontracteerd | specifieke_expertise |
    En de gemeente "voorbeeldstad"
    Als de casus wordt beoordeeld
    Dan staat de verwijzing op "goedkeuring_achteraf"
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
    Dan staat de verwijzing op "goedkeuring_achteraf"
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
    Dan staat de verwijzing op "goedkeuring_vooraf_nodig"
    En is bij de verwijzing "toestemming_vooraf" "ja"

  # Reden 7 - 004 r. 6405: een zorg-onderwijsarrangement dat de gemeente niet heeft ingekocht
  Scenario: Reden 7 - een zorg-onderwijsarrangement dat de gemeente niet inkocht
    Gegeven een casus met:
      | feit                                | waarde                    |
      | verwijzing.verwijzer                | huisarts                  |
      | verwijzing.aanbieder_gecontracteerd | nee                       |
      | verwijzing.reden_niet_gecontracteerd | zorg_onderwijsarrangement |
    Als de casus wordt beoordeeld
    Dan staat de verwijzing op "goedkeuring_achteraf"
    En is bij de verwijzing "toetsing_achteraf" "ja"

  # Bron: 004 r. 6353-6356 (afwijken gaat ter goedkeuring naar de gemeente), 6374-6375 (vaak nodig),
  # 6430-6431 en 6447-6462 (geen verbod): een andere reden wordt niet geweigerd
  Scenario: Een niet-gecontracteerde aanbieder om een andere reden dan de zeven - goedkeuring, geen weigering
    Gegeven een casus met:
      | feit                                | waarde       |
      | verwijzing.verwijzer                | huisarts     |
      | verwijzing.aanbieder_gecontracteerd | nee          |
      | verwijzing.reden_niet_gecontracteerd | andere_reden |
    Als de casus wordt beoordeeld
    Dan staat de verwijzing op "goedkeuring_achteraf"
    En is bij de verwijzing "toegestaan" "onbekend"
    En moet de professional afwegen "Afwijken van het gecontracteerde aanbod"
    En noemt de motivering "geen gesloten lijst"

  Scenario: In Rivierdal vraagt een andere reden goedkeuring vooraf, geen weigering
    Gegeven een casus met:
      | feit                                | waarde       |
      | verwijzing.verwijzer                | jeugdarts    |
      | verwijzing.aanbieder_gecontracteerd | nee          |
      | verwijzing.reden_niet_gecontracteerd | andere_reden |
    En de gemeente "rivierdal"
    Als de casus wordt beoordeeld
    Dan staat de verwijzing op "goedkeuring_vooraf_nodig"
    En is bij de verwijzing "toegestaan" "onbekend"
    En is regel "VW-05" toegepast

  # Bron: 004 r. 6353-6356: elke afwijking gaat naar de gemeente, welke reden ook
  Scenario: Een niet-gecontracteerde aanbieder zonder bekende reden - de gemeente beoordeelt volgens haar keuze
    Gegeven een casus met:
      | feit                                | waarde   |
      | verwijzing.verwijzer                | huisarts |
      | verwijzing.aanbieder_gecontracteerd | nee      |
    Als de casus wordt beoordeeld
    Dan staat de verwijzing op "goedkeuring_achteraf"
    En is bij de verwijzing "toegestaan" "onbekend"
    En is regel "VW-04" niet toegepast

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

  # Bron: 004 r. 6359-6362 (art. 3.5 lid 3): het protocol volgen is noodzakelijk, niet voldoende
  # ("bijvoorbeeld enkel na overleg en voor zover de gemeente geen geschikte vergelijkbare alternatieven
  # heeft ingekocht")
  Scenario: De GI volgde het protocol - of de gemeente betaalt, weegt zij af
    Gegeven een casus met:
      | feit                                | waarde                    |
      | verwijzing.verwijzer                | gecertificeerde_instelling |
      | verwijzing.aanbieder_gecontracteerd | nee                       |
      | verwijzing.protocol_gevolgd         | ja                        |
      | verwijzing.gemeente_geconsulteerd   | ja                        |
    Als de casus wordt beoordeeld
    Dan is bij de verwijzing "gemeente_moet_betalen" "onbekend"
    En is bij de verwijzing "gemeente_niet_verplicht" "onbekend"
    En is regel "VW-GI-02" toegepast
    En moet de professional afwegen "Betaalt de gemeente"
    En noemt de motivering "vooraf overlegd met de gemeente: ja"

  # Bron: 004 r. 6442-6445: het standpunt van de GI - goedkeuring vooraf mag de start niet tegenhouden
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
    En ontbreekt het gegeven "verwijzing.strafrechtelijke_beslissing"

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
    En staat de verwijzing op "toegestaan"
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
