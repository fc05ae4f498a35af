"""The demo tutorials: six city and everyday services, explained step by step.

Each step is (instruction, details, device, hint kind, hint text, Screen). The screens are drawn
by `courses.demo_screens`; device "" means the step is the same on every device.
"""

from __future__ import annotations

import datetime

from courses.demo_screens import Screen

S = Screen

TUTORIALS = [
    {
        "slug": "termin-buergerbuero-online-buchen",
        "title": "Termin im Bürgerbüro online buchen",
        "summary": "Buchen Sie Ihren Termin für Personalausweis, Reisepass oder Ummeldung "
        "bequem von zu Hause – ohne Warteschlange am Telefon.",
        "service": "online-terminvergabe-buergerbuero",
        "level": 1,
        "duration": 10,
        "competences": ["2.3", "1.1"],
        "requirements": "Einen Computer, ein Tablet oder ein Smartphone mit Internet\n"
        "Ihre E-Mail-Adresse",
        "featured": True,
        "last_checked": datetime.date(2026, 9, 14),
        "version": "Terminvergabe der Stadt Datteln, Stand September 2026",
        "steps": [
            (
                "Öffnen Sie die Website der Stadt Datteln und klicken Sie auf „Termin buchen“.",
                "Den Knopf finden Sie auf der Startseite oben.",
                "",
                "",
                "",
                S(
                    "www.datteln.de",
                    ["Aktuelles", "Rathaus & Service", "Termin buchen"],
                    "Termin buchen",
                    kind="browser",
                ),
            ),
            (
                "Wählen Sie Ihr Anliegen aus, zum Beispiel „Personalausweis beantragen“.",
                "",
                "",
                "tip",
                "Sie haben mehrere Anliegen? Wählen Sie alle aus – dann plant das Bürgerbüro "
                "genug Zeit für Sie ein.",
                S(
                    "Terminvergabe – Anliegen",
                    [
                        "Personalausweis beantragen",
                        "Reisepass beantragen",
                        "Wohnsitz ummelden",
                        "Führungszeugnis beantragen",
                    ],
                    "Personalausweis beantragen",
                    kind="browser",
                ),
            ),
            (
                "Geben Sie an, für wie viele Personen Sie den Termin brauchen, und klicken Sie "
                "auf „Weiter“.",
                "Kommen Sie mit Ihrem Ehepartner? Dann wählen Sie 2 Personen.",
                "",
                "",
                "",
                S(
                    "Terminvergabe – Personen",
                    ["Anzahl der Personen: 1", "Weiter"],
                    "Weiter",
                    kind="browser",
                ),
            ),
            (
                "Wählen Sie im Kalender einen Tag aus.",
                "Nur Tage mit freien Terminen lassen sich anklicken.",
                "",
                "",
                "",
                S(
                    "Terminvergabe – Tag",
                    ["Montag, 9. November", "Dienstag, 10. November", "Mittwoch, 11. November"],
                    "Mittwoch, 11. November",
                    kind="browser",
                ),
            ),
            (
                "Wählen Sie eine Uhrzeit aus.",
                "",
                "",
                "",
                "",
                S(
                    "Terminvergabe – Uhrzeit",
                    ["08:30 Uhr", "09:15 Uhr", "10:45 Uhr", "14:00 Uhr"],
                    "09:15 Uhr",
                    kind="browser",
                ),
            ),
            (
                "Tragen Sie Ihren Namen und Ihre E-Mail-Adresse ein.",
                "",
                "",
                "tip",
                "Sie haben keine E-Mail-Adresse? Rufen Sie das Bürgerbüro an – dort bucht man den "
                "Termin gern für Sie.",
                S(
                    "Terminvergabe – Ihre Angaben",
                    ["Vorname", "Nachname", "E-Mail-Adresse", "Weiter"],
                    "E-Mail-Adresse",
                    kind="browser",
                ),
            ),
            (
                "Prüfen Sie Ihre Angaben und klicken Sie auf „Termin verbindlich buchen“.",
                "",
                "",
                "",
                "",
                S(
                    "Terminvergabe – Zusammenfassung",
                    [
                        "Personalausweis beantragen",
                        "Mittwoch, 11. November, 09:15 Uhr",
                        "Termin verbindlich buchen",
                    ],
                    "Termin verbindlich buchen",
                    kind="browser",
                ),
            ),
            (
                "Öffnen Sie die E-Mail vom Bürgerbüro und klicken Sie auf „Termin bestätigen“.",
                "Danach bekommen Sie eine zweite E-Mail mit allen Angaben. Bringen Sie sie zum "
                "Termin mit, ausgedruckt oder auf dem Smartphone.",
                "",
                "warning",
                "Erst mit der Bestätigung ist der Termin fest gebucht. Keine E-Mail da? Schauen "
                "Sie auch im Spam-Ordner nach.",
                S(
                    "E-Mail",
                    [
                        "Von: Bürgerbüro Datteln",
                        "Bitte bestätigen Sie Ihren Termin",
                        "Termin bestätigen",
                    ],
                    "Termin bestätigen",
                    kind="browser",
                ),
            ),
        ],
    },
    {
        "slug": "stadt-wlan-verbinden",
        "title": "Mit dem Stadt-WLAN verbinden",
        "summary": "Im Rathaus, in der Stadtbibliothek und am Neumarkt surfen Sie kostenlos "
        "im Stadt-WLAN. So verbinden Sie Ihr Smartphone.",
        "service": "stadt-wlan",
        "level": 1,
        "duration": 5,
        "competences": ["5.1", "2.3"],
        "requirements": "Ihr Smartphone\nEinen Ort mit Stadt-WLAN in der Nähe",
        "featured": True,
        "last_checked": datetime.date(2026, 10, 2),
        "version": "Android 14 und iOS 18",
        "easy_language": True,
        "steps": [
            (
                "Gehen Sie an einen Ort mit Stadt-WLAN, zum Beispiel ins Rathaus oder in die "
                "Stadtbibliothek.",
                "Dort hängt ein blaues Schild mit dem Namen „Datteln-WLAN“.",
                "",
                "",
                "",
                S(
                    "Hier gibt es Datteln-WLAN",
                    ["Kostenlos surfen", "Kein Passwort nötig"],
                    kind="sign",
                ),
            ),
            (
                "Öffnen Sie die „Einstellungen“.",
                "Das Zeichen sieht aus wie ein Zahnrad.",
                "android",
                "",
                "",
                S(
                    "Startbildschirm",
                    ["Telefon", "Nachrichten", "Einstellungen", "Kamera"],
                    "Einstellungen",
                ),
            ),
            (
                "Tippen Sie auf „Netzwerk und Internet“.",
                "Bei manchen Geräten heißt es „Verbindungen“.",
                "android",
                "",
                "",
                S(
                    "Einstellungen",
                    ["Netzwerk und Internet", "Verbundene Geräte", "Apps", "Akku"],
                    "Netzwerk und Internet",
                ),
            ),
            (
                "Tippen Sie auf „Internet“ und schalten Sie „WLAN“ ein.",
                "",
                "android",
                "",
                "",
                S("Internet", ["WLAN: Ein", "Datteln-WLAN", "Café am Markt"], "WLAN: Ein"),
            ),
            (
                "Tippen Sie in der Liste auf „Datteln-WLAN“.",
                "",
                "android",
                "",
                "",
                S("Internet", ["WLAN: Ein", "Datteln-WLAN", "Café am Markt"], "Datteln-WLAN"),
            ),
            (
                "Öffnen Sie die App „Einstellungen“.",
                "Das Zeichen ist ein graues Zahnrad.",
                "iphone",
                "",
                "",
                S(
                    "Home-Bildschirm",
                    ["Telefon", "Nachrichten", "Einstellungen", "Kamera"],
                    "Einstellungen",
                ),
            ),
            (
                "Tippen Sie auf „WLAN“.",
                "",
                "iphone",
                "",
                "",
                S("Einstellungen", ["Flugmodus", "WLAN", "Bluetooth", "Mobilfunk"], "WLAN"),
            ),
            (
                "Schalten Sie „WLAN“ ein, falls der Schalter grau ist.",
                "Eingeschaltet ist der Schalter grün.",
                "iphone",
                "",
                "",
                S("WLAN", ["WLAN: Ein", "Datteln-WLAN", "Café am Markt"], "WLAN: Ein"),
            ),
            (
                "Tippen Sie in der Liste auf „Datteln-WLAN“.",
                "",
                "iphone",
                "",
                "",
                S("WLAN", ["WLAN: Ein", "Datteln-WLAN", "Café am Markt"], "Datteln-WLAN"),
            ),
            (
                "Lesen Sie die Nutzungsbedingungen und tippen Sie auf „Akzeptieren und verbinden“.",
                "Diese Seite öffnet sich von selbst. Wenn nicht, öffnen Sie den Browser.",
                "",
                "tip",
                "Das Stadt-WLAN ist kostenlos und braucht kein Passwort.",
                S(
                    "Datteln-WLAN",
                    [
                        "Willkommen im Stadt-WLAN",
                        "Nutzungsbedingungen lesen",
                        "Akzeptieren und verbinden",
                    ],
                    "Akzeptieren und verbinden",
                ),
            ),
            (
                "Fertig: Oben am Bildschirm sehen Sie jetzt das WLAN-Zeichen.",
                "",
                "",
                "warning",
                "Im offenen WLAN können Fremde unverschlüsselte Daten mitlesen. Erledigen Sie "
                "Bankgeschäfte lieber zu Hause oder über das Mobilfunknetz.",
                S("Verbunden", ["WLAN verbunden: Datteln-WLAN"], "WLAN verbunden: Datteln-WLAN"),
            ),
        ],
    },
    {
        "slug": "online-ausweis-mit-dem-smartphone",
        "title": "Online-Ausweis mit dem Smartphone nutzen",
        "summary": "Mit dem Personalausweis und der AusweisApp weisen Sie sich im Internet "
        "sicher aus – zum Beispiel für Anträge bei der Stadt.",
        "service": "online-ausweis",
        "level": 2,
        "duration": 20,
        "competences": ["2.6", "2.3", "4.2"],
        "requirements": "Ihren Personalausweis\nIhre sechsstellige PIN (oder die Transport-PIN "
        "aus dem PIN-Brief)\nEin Smartphone mit NFC-Funktion",
        "featured": True,
        "last_checked": datetime.date(2025, 6, 20),
        "version": "AusweisApp 2.2",
        "steps": [
            (
                "Installieren Sie die „AusweisApp“ aus dem Google Play Store.",
                "Die App ist kostenlos. Sie wird im Auftrag des Bundes angeboten.",
                "android",
                "",
                "",
                S(
                    "Play Store",
                    ["Suche: AusweisApp", "AusweisApp", "Installieren"],
                    "Installieren",
                ),
            ),
            (
                "Schalten Sie NFC ein: „Einstellungen“, dann „Verbundene Geräte“, dann „NFC“.",
                "",
                "android",
                "tip",
                "Bei vielen Android-Smartphones ist NFC schon eingeschaltet.",
                S("Verbundene Geräte", ["Bluetooth", "NFC: Ein", "Drucken"], "NFC: Ein"),
            ),
            (
                "Installieren Sie die „AusweisApp“ aus dem App Store.",
                "Die App ist kostenlos. Sie wird im Auftrag des Bundes angeboten.",
                "iphone",
                "",
                "",
                S("App Store", ["Suche: AusweisApp", "AusweisApp", "Laden"], "Laden"),
            ),
            (
                "Öffnen Sie die AusweisApp und tippen Sie auf „Prüfen“.",
                "Die App prüft, ob Ihr Smartphone den Ausweis lesen kann.",
                "",
                "",
                "",
                S(
                    "AusweisApp",
                    ["Ausweisen", "Prüfen", "Meine Daten einsehen", "Einstellungen"],
                    "Prüfen",
                ),
            ),
            (
                "Legen Sie Ihren Ausweis flach auf die Rückseite des Smartphones, etwa in die "
                "Mitte.",
                "",
                "android",
                "tip",
                "Bewegen Sie den Ausweis langsam, bis die App ihn erkennt. Eine dicke Hülle kann "
                "stören.",
                S(
                    "AusweisApp",
                    ["Ausweis suchen …", "Legen Sie den Ausweis auf die Rückseite"],
                    "Legen Sie den Ausweis auf die Rückseite",
                ),
            ),
            (
                "Halten Sie Ihren Ausweis an die obere Kante der Rückseite, nahe der Kamera.",
                "",
                "iphone",
                "tip",
                "Bewegen Sie den Ausweis langsam, bis die App ihn erkennt. Eine dicke Hülle kann "
                "stören.",
                S(
                    "AusweisApp",
                    ["Ausweis suchen …", "Halten Sie den Ausweis oben an das iPhone"],
                    "Halten Sie den Ausweis oben an das iPhone",
                ),
            ),
            (
                "Tippen Sie auf „Meine Daten einsehen“ und geben Sie Ihre sechsstellige PIN ein.",
                "Sie haben nur die fünfstellige Transport-PIN aus dem PIN-Brief? Dann legen Sie "
                "in der App zuerst unter „PIN ändern“ Ihre eigene PIN fest.",
                "",
                "warning",
                "Geben Sie Ihre PIN niemals weiter – auch nicht am Telefon. Nach drei falschen "
                "Versuchen brauchen Sie die PUK aus dem PIN-Brief.",
                S(
                    "PIN-Eingabe",
                    ["Bitte geben Sie Ihre PIN ein", "● ● ● ● ● ●", "Weiter"],
                    "Weiter",
                ),
            ),
            (
                "Prüfen Sie Ihre Daten und tippen Sie auf „Fertig“.",
                "Das hat geklappt? Dann können Sie sich jetzt bei Online-Diensten mit Ihrem "
                "Ausweis anmelden, zum Beispiel mit der BundID.",
                "",
                "",
                "",
                S(
                    "Meine Daten",
                    [
                        "Vorname: Erika",
                        "Name: Mustermann",
                        "Anschrift: Genthiner Straße 8, Datteln",
                        "Fertig",
                    ],
                    "Fertig",
                ),
            ),
        ],
    },
    {
        "slug": "videoanruf-mit-der-familie",
        "title": "Videoanruf mit der Familie",
        "summary": "Sehen Sie Ihre Kinder und Enkel beim Telefonieren: So starten Sie einen "
        "Videoanruf mit WhatsApp.",
        "service": "",
        "level": 1,
        "duration": 10,
        "competences": ["2.1"],
        "requirements": "Ihr Smartphone mit der App WhatsApp\nDie Telefonnummer Ihrer Familie "
        "in Ihren Kontakten",
        "featured": True,
        "last_checked": datetime.date(2026, 8, 5),
        "version": "WhatsApp, Stand August 2026",
        "steps": [
            (
                "Setzen Sie sich mit dem Gesicht zum Fenster, damit man Sie gut sieht.",
                "Licht von hinten macht Ihr Gesicht dunkel.",
                "",
                "",
                "",
                S(
                    "Gutes Licht",
                    ["Gesicht zum Fenster", "Smartphone auf Augenhöhe halten"],
                    kind="sign",
                ),
            ),
            (
                "Öffnen Sie WhatsApp.",
                "Das Zeichen ist eine grüne Sprechblase mit einem Telefonhörer.",
                "",
                "",
                "",
                S(
                    "Startbildschirm",
                    ["Telefon", "WhatsApp", "Kamera", "Einstellungen"],
                    "WhatsApp",
                ),
            ),
            (
                "Tippen Sie unten auf „Anrufe“.",
                "",
                "",
                "",
                "",
                S("WhatsApp", ["Chats", "Aktuelles", "Communities", "Anrufe"], "Anrufe"),
            ),
            (
                "Tippen Sie auf „Neuer Anruf“ – das Zeichen mit dem Plus.",
                "",
                "",
                "",
                "",
                S(
                    "Anrufe",
                    ["Neuer Anruf (+)", "Anna – gestern", "Peter – Montag"],
                    "Neuer Anruf (+)",
                ),
            ),
            (
                "Tippen Sie neben dem Namen auf das Kamera-Zeichen.",
                "Das Telefon-Zeichen startet einen Anruf ohne Bild.",
                "",
                "",
                "",
                S(
                    "Neuer Anruf",
                    ["Anna (Tochter) – Videoanruf", "Peter (Sohn) – Videoanruf"],
                    "Anna (Tochter) – Videoanruf",
                ),
            ),
            (
                "Beim ersten Mal: Tippen Sie auf „Erlauben“, damit WhatsApp Kamera und Mikrofon "
                "nutzen darf.",
                "",
                "",
                "tip",
                "Diese Frage kommt nur einmal. Später geht es sofort los.",
                S(
                    "Zugriff erlauben",
                    ["WhatsApp möchte auf die Kamera zugreifen", "Nicht erlauben", "Erlauben"],
                    "Erlauben",
                ),
            ),
            (
                "Zum Auflegen tippen Sie auf den roten Knopf.",
                "",
                "",
                "",
                "",
                S(
                    "Videoanruf",
                    ["Anna", "Dauer: 12:42", "Auflegen (roter Knopf)"],
                    "Auflegen (roter Knopf)",
                ),
            ),
        ],
    },
    {
        "slug": "betrugs-nachrichten-erkennen",
        "title": "Betrugs-Nachrichten erkennen",
        "summary": "„Hallo Mama, das ist meine neue Nummer“ oder „Ihr Paket wartet“: So "
        "erkennen Sie betrügerische Nachrichten und schützen sich.",
        "service": "internetwache-polizei-nrw",
        "level": 1,
        "duration": 15,
        "competences": ["4.3", "4.2", "1.2"],
        "requirements": "Ihr Smartphone",
        "featured": True,
        "last_checked": datetime.date(2026, 7, 1),
        "version": "Hinweise der Polizei NRW, Stand Juli 2026",
        "steps": [
            (
                "Lesen Sie die Nachricht in Ruhe und antworten Sie noch nicht.",
                "Betrüger machen Druck, damit Sie schnell handeln. Nehmen Sie sich Zeit.",
                "",
                "",
                "",
                S(
                    "Nachrichten",
                    [
                        "Unbekannte Nummer",
                        "Hallo Mama, mein Handy ist kaputt. Das ist meine neue Nummer.",
                        "Kannst du heute noch eine Rechnung für mich bezahlen?",
                    ],
                    "Hallo Mama, mein Handy ist kaputt. Das ist meine neue Nummer.",
                ),
            ),
            (
                "Prüfen Sie den Absender: Kennen Sie die Nummer?",
                "",
                "",
                "warning",
                "Eine „neue Nummer“ Ihres Kindes und eine Bitte um Geld sind typische Zeichen "
                "für Betrug.",
                S(
                    "Nachrichten",
                    ["Unbekannte Nummer", "+49 157 …", "Nicht in Ihren Kontakten"],
                    "Unbekannte Nummer",
                ),
            ),
            (
                "Rufen Sie Ihr Kind unter der alten, bekannten Nummer an und fragen Sie nach.",
                "So klären Sie in einer Minute, ob die Nachricht echt ist.",
                "",
                "",
                "",
                S("Telefon", ["Kontakte", "Anna (Tochter)", "Anrufen"], "Anrufen"),
            ),
            (
                "Tippen Sie nicht auf Links in SMS zu Paketen, Konten oder Gewinnen.",
                "Echte Paketdienste und Banken schicken Ihnen keine solchen Links per SMS.",
                "",
                "",
                "",
                S(
                    "SMS",
                    [
                        "Ihr Paket wartet: Zustellung bestätigen",
                        "paket-info.example",
                        "Nicht antippen – löschen",
                    ],
                    "Nicht antippen – löschen",
                ),
            ),
            (
                "Blockieren Sie den Absender und löschen Sie die Nachricht.",
                "",
                "",
                "",
                "",
                S(
                    "Chat-Info",
                    ["Kontakt blockieren", "Melden", "Chat löschen"],
                    "Kontakt blockieren",
                ),
            ),
            (
                "Sie haben schon Geld überwiesen oder Daten eingegeben? Rufen Sie sofort Ihre "
                "Bank an.",
                "Lassen Sie Konto und Karte sperren, zum Beispiel über den Sperr-Notruf 116 116.",
                "",
                "warning",
                "Erstatten Sie Anzeige bei der Polizei – vor Ort oder online über die "
                "Internetwache der Polizei NRW.",
                S(
                    "Im Notfall",
                    ["Sperr-Notruf 116 116", "Bank anrufen", "Anzeige erstatten"],
                    kind="sign",
                ),
            ),
        ],
    },
    {
        "slug": "sichere-passwoerter",
        "title": "Sichere Passwörter erstellen und merken",
        "summary": "Ein gutes Passwort ist lang, für jedes Konto anders – und trotzdem leicht "
        "zu merken. So geht es mit einem Merksatz.",
        "service": "bundid",
        "level": 2,
        "duration": 15,
        "competences": ["4.2", "4.1"],
        "requirements": "Stift und Papier",
        "featured": False,
        "last_checked": datetime.date(2026, 5, 11),
        "version": "Empfehlungen des BSI, Stand Mai 2026",
        "steps": [
            (
                "Denken Sie sich einen Satz aus, den nur Sie kennen.",
                "Zum Beispiel: „Im Sommer 2019 waren wir 3 Wochen an der Ostsee!“",
                "",
                "",
                "",
                S("Merksatz", ["Im Sommer 2019 waren wir 3 Wochen an der Ostsee!"], kind="sign"),
            ),
            (
                "Nehmen Sie von jedem Wort den ersten Buchstaben und behalten Sie Zahlen und "
                "Satzzeichen.",
                "Aus dem Satz wird „IS2019ww3WadO!“: 14 Zeichen mit Groß- und Kleinbuchstaben, "
                "Zahlen und einem Sonderzeichen.",
                "",
                "tip",
                "Nehmen Sie nicht genau dieses Beispiel – es steht ja jetzt im Internet.",
                S(
                    "Aus dem Satz wird das Passwort",
                    ["Im Sommer 2019 waren wir 3 Wochen an der Ostsee!", "IS2019ww3WadO!"],
                    kind="sign",
                ),
            ),
            (
                "Verwenden Sie für jedes Konto ein eigenes Passwort.",
                "Wird ein Passwort gestohlen, bleiben Ihre anderen Konten sicher.",
                "",
                "",
                "",
                S(
                    "Für jedes Konto ein eigenes Passwort",
                    [
                        "E-Mail: eigenes Passwort",
                        "Bürgerkonto: eigenes Passwort",
                        "Online-Shop: eigenes Passwort",
                    ],
                    kind="sign",
                ),
            ),
            (
                "Schreiben Sie Ihre Passwörter in ein Notizbuch, das zu Hause bleibt – oder "
                "nutzen Sie einen Passwort-Manager.",
                "",
                "",
                "",
                "",
                S(
                    "Passwörter aufbewahren",
                    ["Notizbuch zu Hause, nicht im Portemonnaie", "Oder: Passwort-Manager"],
                    kind="sign",
                ),
            ),
            (
                "Schalten Sie die Zwei-Faktor-Anmeldung ein, wo es geht.",
                "Dann brauchen Sie zum Anmelden zusätzlich einen Code vom Smartphone. Ein "
                "gestohlenes Passwort allein reicht dann nicht.",
                "",
                "",
                "",
                S(
                    "Sicherheit",
                    ["Passwort ändern", "Zwei-Faktor-Anmeldung: Aus", "Einschalten"],
                    "Einschalten",
                ),
            ),
            (
                "Geben Sie Ihr Passwort niemals am Telefon oder per E-Mail weiter.",
                "",
                "",
                "warning",
                "Ihre Bank, die Stadt oder ein Paketdienst fragen nie nach Ihrem Passwort.",
                S(
                    "Niemals weitergeben",
                    ["Nicht am Telefon", "Nicht per E-Mail", "Nicht per SMS"],
                    kind="sign",
                ),
            ),
        ],
    },
]

SERVICES = [
    {
        "slug": "online-terminvergabe-buergerbuero",
        "name": "Online-Terminvergabe Bürgerbüro",
        "provider": "Stadt Datteln",
        "description": "Termine im Bürgerbüro für Ausweis, Pass, Ummeldung und Führungszeugnis "
        "online buchen.",
        "url": "https://www.datteln.de/",
    },
    {
        "slug": "bundid",
        "name": "Bürgerkonto (BundID)",
        "provider": "Bund",
        "description": "Ein Konto für Anträge bei Bund, Land und Stadt – mit Passwort oder "
        "Online-Ausweis.",
        "url": "https://id.bund.de/",
    },
    {
        "slug": "stadt-wlan",
        "name": "Stadt-WLAN Datteln",
        "provider": "Stadt Datteln",
        "description": "Kostenloses WLAN im Rathaus, in der Stadtbibliothek und am Neumarkt.",
        "url": "https://www.datteln.de/",
    },
    {
        "slug": "cityapp-datteln",
        "name": "CityApp Datteln",
        "provider": "Stadt Datteln",
        "description": "Nachrichten, Termine, Abfallkalender und Mängelmelder der Stadt in "
        "einer App.",
        "url": "https://www.datteln.de/",
    },
    {
        "slug": "online-ausweis",
        "name": "Online-Ausweis (eID)",
        "provider": "Bund",
        "description": "Mit Personalausweis und AusweisApp sicher im Internet ausweisen.",
        "url": "https://www.ausweisapp.bund.de/",
    },
    {
        "slug": "internetwache-polizei-nrw",
        "name": "Internetwache der Polizei NRW",
        "provider": "Land NRW",
        "description": "Anzeigen und Hinweise online an die Polizei Nordrhein-Westfalen.",
        "url": "https://polizei.nrw/internetwache",
    },
]

# Slugs an earlier demo seeded for the same services under shorter names ("CityApp" next to
# "CityApp Datteln"); seeding merges them into the service named on the right.
MERGED_SERVICE_SLUGS = {
    "online-terminvergabe": "online-terminvergabe-buergerbuero",
    "buergerkonto": "bundid",
    "cityapp": "cityapp-datteln",
}

TOPICS = [
    ("smartphone", "Smartphone & Tablet"),
    ("sicherheit", "Sicherheit im Netz"),
    ("online-dienste", "Online-Dienste der Stadt"),
    ("medienkompetenz", "Medienkompetenz"),
    ("kommunikation", "Kommunikation & Familie"),
]
