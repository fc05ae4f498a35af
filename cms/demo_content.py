"""Demo content of the general pages: a living site for the city of Datteln.

Texts are written for real residents; an editor can keep or adapt them.
"""

from __future__ import annotations

from wagtail.rich_text import RichText

from cms.demo import DemoSite
from cms.models import ContentPage, FormField, FormPage, HomePage, SiteSettings


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _callout(kind: str, title: str, text: str) -> tuple:
    return ("callout", {"kind": kind, "title": title, "text": RichText(text)})


def _text(html: str) -> tuple:
    return ("paragraph", RichText(html))


def seed_general_pages(demo: DemoSite) -> None:
    home = demo.home
    audience_seniors = demo.ensure_page(
        home,
        ContentPage,
        "senioren",
        title="Für Senior*innen",
        show_in_menus=True,
        intro="Schritt für Schritt das Smartphone, das Internet und die Online-Angebote der "
        "Stadt kennenlernen – in Ihrem Tempo, zu Hause oder mit Hilfe in Ihrem Stadtteil.",
        body=[
            _text(
                "<h2>So lernen Sie bei uns</h2>"
                + _ul(
                    "<b>Anleitungen:</b> Jede Anleitung zeigt immer nur einen Schritt, mit Bild und "
                    "großer Schrift. Sie können sie ausdrucken oder sich vorlesen lassen.",
                    "<b>Hilfe vor Ort:</b> Digitallotsen erklären Ihnen alles in Ruhe – in der "
                    "Stadtbibliothek, im Bürgerhaus und in den Stadtteiltreffs.",
                    "<b>Kein Konto nötig:</b> Sie müssen sich nicht anmelden, um zu lernen.",
                )
            ),
            _callout(
                "tip",
                "Lieber am Telefon?",
                "Rufen Sie uns an. Wir melden Sie gern für einen Termin in Ihrer Nähe an.",
            ),
        ],
    )
    audience_schools = demo.ensure_page(
        home,
        ContentPage,
        "schulen",
        title="Für Schulen & Lehrkräfte",
        show_in_menus=True,
        intro="Unterrichtsmaterial mit offenen Lizenzen, Übungen für die Klasse und Workshops "
        "mit Digitallotsen – passend zum Medienkompetenzrahmen NRW.",
        body=[
            _text(
                "<h2>Was wir Schulen anbieten</h2>"
                + _ul(
                    "Arbeitsblätter und Lehrkräfte-Hinweise zum Herunterladen (CC BY 4.0)",
                    "Übungen, die Schülerinnen und Schüler ohne Anmeldung mit einem Spitznamen machen",
                    "Einen Überblick über den Lernstand Ihrer Klasse – ohne personenbezogene Daten",
                    "Workshops für ganze Klassen, die Sie online buchen",
                )
            ),
        ],
    )
    audience_guides = demo.ensure_page(
        home,
        ContentPage,
        "digitallotsen",
        title="Digitallotse werden",
        show_in_menus=True,
        intro="Sie erklären gern? Als ehrenamtliche Digitallotsin oder ehrenamtlicher "
        "Digitallotse helfen Sie Menschen in Ihrem Stadtteil, digital sicher unterwegs zu sein.",
        body=[
            _text(
                "<h2>Was Digitallotsen tun</h2>"
                + _ul(
                    "Sie planen Workshops in Ihrem Stadtteil – so oft, wie es Ihnen passt.",
                    "Sie nehmen Anmeldungen entgegen, auch am Telefon, und führen die Teilnehmerliste.",
                    "Die Koordinationsstelle der Stadt unterstützt Sie mit Schulungen, Material und "
                    "Räumen.",
                )
            ),
            _callout(
                "info",
                "Interesse?",
                'Schreiben Sie an <a href="mailto:digitallotsen@datteln.example">'
                "digitallotsen@datteln.example</a> oder rufen Sie uns an.",
            ),
        ],
    )

    accessibility = demo.ensure_page(
        home,
        FormPage,
        "barrierefreiheit",
        title="Erklärung zur Barrierefreiheit",
        intro="Die Stadt Datteln möchte, dass alle Menschen den Lernhafen nutzen können. Hier "
        "steht, wie barrierefrei die Website ist und wie Sie uns Barrieren melden.",
        body=[
            _text(
                "<h2>Wie barrierefrei ist diese Website?</h2>"
                + _p(
                    "Diese Erklärung gilt für lernhafen.datteln.example. Sie wurde am "
                    "2. November 2026 erstellt und beruht auf einer Selbstbewertung sowie "
                    "automatischen Prüfungen jeder Seite nach WCAG 2.2 Stufe AA.",
                    "Die Website ist <b>weitgehend vereinbar</b> mit der "
                    "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0).",
                )
                + "<h2>Was noch nicht barrierefrei ist</h2>"
                + _ul(
                    "Ältere PDF-Arbeitsblätter sind noch nicht vollständig barrierefrei. Wir "
                    "überarbeiten sie bis Ende 2027. Bis dahin schicken wir Ihnen gern eine "
                    "barrierefreie Fassung.",
                    "Videos in Deutscher Gebärdensprache folgen.",
                )
                + "<h2>Schlichtungsverfahren</h2>"
                + _p(
                    "Wenn wir Ihnen nicht zufriedenstellend antworten, können Sie sich an die "
                    "Ombudsstelle für barrierefreie Informationstechnik des Landes "
                    "Nordrhein-Westfalen wenden. Das Verfahren ist kostenlos."
                )
            ),
        ],
        privacy_note=_p(
            "Ihre Angaben nutzen wir nur, um Ihre Meldung zu bearbeiten und Ihnen "
            "zu antworten. Wir löschen sie spätestens nach 6 Monaten. Mehr dazu "
            "in unserer Datenschutzerklärung."
        ),
        thank_you_text=_p(
            "Wir melden uns innerhalb von 14 Tagen bei Ihnen, wenn Sie uns "
            "eine E-Mail-Adresse genannt haben."
        ),
        submit_label="Barriere melden",
        form_heading="Barriere melden",
        to_address="barrierefreiheit@datteln.example",
        from_address="lernhafen@datteln.example",
        subject="Lernhafen: Meldung einer Barriere",
        form_fields=[
            FormField(
                sort_order=0,
                label="Beschreibung",
                field_type="multiline",
                required=True,
                help_text="Was hat nicht funktioniert? Auf welcher Seite war das?",
            ),
            FormField(sort_order=1, label="Ihr Name", field_type="singleline", required=False),
            FormField(
                sort_order=2,
                label="Ihre E-Mail-Adresse",
                field_type="email",
                required=False,
                help_text="Nur nötig, wenn Sie eine Antwort möchten.",
            ),
        ],
    )
    easy = demo.ensure_page(
        home,
        ContentPage,
        "leichte-sprache",
        title="Leichte Sprache",
        intro="Hier erklären wir den Lernhafen in Leichter Sprache.",
        body=[
            _text(
                "<h2>Was ist der Lernhafen?</h2>"
                + _p(
                    "Der Lernhafen ist eine Internet-Seite.",
                    "Die Stadt Datteln hat die Seite gemacht.",
                    "Hier lernen Sie Dinge im Internet.",
                    "Zum Beispiel:",
                )
                + _ul(
                    "Wie mache ich einen Termin beim Bürger-Büro?",
                    "Wie komme ich ins Internet von der Stadt?",
                    "Wie erkenne ich eine falsche Nachricht?",
                )
                + "<h2>Wie lerne ich hier?</h2>"
                + _p(
                    "Es gibt Anleitungen.",
                    "Eine Anleitung hat viele Schritte.",
                    "Sie sehen immer nur einen Schritt.",
                    "Zu jedem Schritt gibt es ein Bild.",
                    "Sie können die Anleitung auch aus-drucken.",
                )
                + "<h2>Ich möchte Hilfe von einem Menschen.</h2>"
                + _p(
                    "Das geht.",
                    "Es gibt Treffen in Ihrem Stadt-Teil.",
                    "Dort hilft Ihnen ein Digital-Lotse.",
                    "Ein Digital-Lotse erklärt Ihnen alles.",
                    "Das kostet nichts.",
                    "Sie können auch anrufen.",
                    "Die Telefon-Nummer ist: 02363 107 0.",
                )
            )
        ],
    )
    sign = demo.ensure_page(
        home,
        ContentPage,
        "gebaerdensprache",
        title="Gebärdensprache",
        intro="Informationen in Deutscher Gebärdensprache (DGS).",
        body=[
            _text(
                _p(
                    "Hier erklären wir bald in Videos in Deutscher Gebärdensprache, was der "
                    "Lernhafen ist und wie Sie ihn nutzen. Die Videos werden gerade gedreht und "
                    "folgen im Frühjahr 2027.",
                    "Bis dahin erreichen Sie uns per E-Mail an "
                    '<a href="mailto:lernhafen@datteln.example">lernhafen@datteln.example</a>. '
                    "Für Termine vor Ort vermitteln wir auf Wunsch eine Gebärdensprach­dolmetscherin.",
                )
            ),
        ],
    )
    privacy = demo.ensure_page(
        home,
        ContentPage,
        "datenschutz",
        title="Datenschutzerklärung",
        intro="Wir erheben nur die Daten, die wir für unsere Angebote wirklich brauchen, und "
        "löschen sie, sobald wir sie nicht mehr brauchen.",
        body=[
            _text(
                "<h2>Verantwortlich</h2>"
                + _p(
                    "Stadt Datteln, Der Bürgermeister, Genthiner Straße 8, 45711 Datteln, "
                    "E-Mail: lernhafen@datteln.example"
                )
                + "<h2>Beim Besuch der Website</h2>"
                + _p(
                    "Unser Server speichert für 7 Tage Protokolle mit der aufgerufenen Adresse, Datum "
                    "und Uhrzeit. Ihre IP-Adresse wird darin gekürzt. Wir laden keine Inhalte von "
                    "anderen Anbietern: keine Schriften, keine Karten, keine Videos, keine "
                    "Statistik-Dienste."
                )
                + "<h2>Ihre Einstellungen zur Darstellung</h2>"
                + _p(
                    "Wenn Sie Farben oder Schriftgröße ändern, speichern wir Ihre Wahl in einem "
                    "Cookie in Ihrem Browser, ein Jahr lang. Es enthält nur diese Wahl und wird nicht "
                    "ausgewertet."
                )
                + "<h2>Meldungen über das Formular</h2>"
                + _p(
                    "Wenn Sie uns eine Barriere melden, speichern wir Ihre Nachricht und – wenn Sie "
                    "sie angeben – Ihren Namen und Ihre E-Mail-Adresse. Wir löschen die Meldung "
                    "automatisch nach 6 Monaten."
                )
                + "<h2>Ihre Rechte</h2>"
                + _p(
                    "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
                    "Verarbeitung sowie auf Beschwerde bei der Landesbeauftragten für Datenschutz "
                    "und Informationsfreiheit Nordrhein-Westfalen."
                )
                + "<h2>Datenschutzbeauftragte</h2>"
                + _p(
                    "Sie erreichen unsere Datenschutzbeauftragte unter datenschutz@datteln.example."
                )
            )
        ],
    )
    imprint = demo.ensure_page(
        home,
        ContentPage,
        "impressum",
        title="Impressum",
        body=[
            _text(
                _p(
                    "<b>Herausgeberin</b><br>Stadt Datteln<br>Genthiner Straße 8<br>45711 Datteln",
                    "Die Stadt Datteln ist eine Körperschaft des öffentlichen Rechts. Sie wird "
                    "vertreten durch den Bürgermeister.",
                    "Telefon: 02363 107 0<br>E-Mail: lernhafen@datteln.example",
                    "<b>Verantwortlich für den Inhalt</b><br>Koordinationsstelle Digitale Teilhabe, "
                    "Anschrift wie oben.",
                    "<b>Quelltext</b><br>Der Lernhafen ist freie Software unter der EUPL 1.2.",
                )
            )
        ],
    )
    contact = demo.ensure_page(
        home,
        ContentPage,
        "kontakt",
        title="Kontakt",
        intro="Sie haben eine Frage oder möchten sich für einen Termin anmelden? Wir helfen gern.",
        body=[
            _text(
                "<h2>Koordinationsstelle Digitale Teilhabe</h2>"
                + _p(
                    "Telefon: 02363 107 0 (Montag bis Freitag, 9 bis 12 Uhr)",
                    "E-Mail: lernhafen@datteln.example",
                    "Rathaus Datteln, Genthiner Straße 8, 45711 Datteln, Zimmer 112 – "
                    "stufenlos erreichbar über den Eingang am Parkplatz.",
                )
            )
        ],
    )

    if home.audience_entries:
        return  # the home page and settings were seeded before; keep what editors changed
    home.intro = (
        "Lernen Sie in Ruhe, wie Sie die digitalen Angebote der Stadt Datteln nutzen – "
        "mit Anleitungen Schritt für Schritt, Kursen und Hilfe in Ihrem Stadtteil."
    )
    home.audience_entries = [
        (
            "entry",
            {
                "audience": "seniors",
                "title": "Für Senior*innen",
                "text": "Anleitungen mit großer Schrift, ein Schritt nach dem anderen, und "
                "Termine mit Hilfe in Ihrer Nähe.",
                "page": audience_seniors,
                "link_label": "Angebote für Senior*innen",
            },
        ),
        (
            "entry",
            {
                "audience": "schools",
                "title": "Für Schulen & Lehrkräfte",
                "text": "Arbeitsblätter mit offener Lizenz, Übungen für die Klasse und "
                "Workshops für ganze Klassen.",
                "page": audience_schools,
                "link_label": "Angebote für Schulen",
            },
        ),
        (
            "entry",
            {
                "audience": "guides",
                "title": "Für Digitallotsen",
                "text": "Ehrenamtlich Wissen teilen: Workshops im eigenen Stadtteil planen "
                "und durchführen.",
                "page": audience_guides,
                "link_label": "Digitallotse werden",
            },
        ),
    ]
    home.save_revision().publish()

    site_settings = SiteSettings.for_site(demo.site)
    site_settings.site_name = "Lernhafen"
    site_settings.city_name = "Datteln"
    site_settings.contact_email = "lernhafen@datteln.example"
    site_settings.contact_phone = "02363 107 0"
    site_settings.contact_hours = "Mo–Fr 9–12 Uhr"
    site_settings.contact_address = "Rathaus Datteln\nGenthiner Straße 8\n45711 Datteln"
    site_settings.privacy_contact = (
        "Datenschutzbeauftragte der Stadt Datteln, datenschutz@datteln.example"
    )
    site_settings.accessibility_page = accessibility
    site_settings.easy_language_page = easy
    site_settings.sign_language_page = sign
    site_settings.privacy_page = privacy
    site_settings.imprint_page = imprint
    site_settings.contact_page = contact
    site_settings.save()


def ensure_home(site_log) -> DemoSite:
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    site = Site.objects.filter(is_default_site=True).first()
    root = Page.get_first_root_node()
    if root is None:  # an emptied database: Wagtail's migrations made these once
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.add_root(instance=Page(title="Alle Seiten", slug="root"))
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title="Willkommen im Lernhafen", slug="lernhafen", intro="Digital lernen in Datteln."
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site_log("  + Startseite")
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Lernhafen",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Lernhafen"
        site.save()
        if not isinstance(old_root.specific, HomePage) and old_root.depth == 2:
            old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
    return DemoSite(site=site, home=home, log=site_log)
