"""Demo content of the courses app: the catalogue with four courses and six tutorials.

Called by `manage.py seed_demo` through the `lernhafen_seed_demo` hook (order 10). Idempotent:
everything is looked up by slug or title and only created when missing.
"""

from __future__ import annotations

from wagtail.models import Page
from wagtail.rich_text import RichText

from cms.demo import DemoSite
from cms.models import ContentPage
from courses.demo_screens import Screen, screenshot, worksheet
from courses.demo_tutorials import MERGED_SERVICE_SLUGS, SERVICES, TOPICS, TUTORIALS
from courses.devices import DEVICES
from courses.models import (
    CourseIndexPage,
    CourseMaterial,
    CoursePage,
    CourseTutorial,
    DigCompCompetence,
    DigitalService,
    LessonPage,
    Topic,
    TutorialIndexPage,
    TutorialPage,
    TutorialStep,
)
from courses.services import ensure_digcomp_framework, merge_digital_services


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _text(html: str) -> tuple:
    return ("paragraph", RichText(html))


def _callout(kind: str, title: str, text: str) -> tuple:
    return ("callout", {"kind": kind, "title": title, "text": RichText(text)})


def _steps(heading: str, *steps: tuple[str, str]) -> tuple:
    return ("steps", {"heading": heading, "steps": [{"title": t, "text": x} for t, x in steps]})


def _image(title: str, screen: Screen, caption: str = "") -> tuple:
    return (
        "image",
        {
            "image": screenshot(title, screen),
            "alt_text": screen.alt_text(),
            "decorative": False,
            "caption": caption,
        },
    )


def _downloads(heading: str, *items: tuple) -> tuple:
    return (
        "downloads",
        {"heading": heading, "items": [{"document": d, "description": x} for d, x in items]},
    )


def seed_courses_and_tutorials(demo: DemoSite) -> None:
    ensure_digcomp_framework()
    services = {
        spec["slug"]: DigitalService.objects.get_or_create(
            slug=spec["slug"], defaults={k: v for k, v in spec.items() if k != "slug"}
        )[0]
        for spec in SERVICES
    }
    for old_slug, slug in MERGED_SERVICE_SLUGS.items():
        duplicate = DigitalService.objects.filter(slug=old_slug).first()
        if duplicate is not None:
            merge_digital_services(duplicate, into=services[slug])
            demo.log(
                f"  ~ Digitales Angebot „{duplicate.name}“ in „{services[slug].name}“ übernommen"
            )
    topics = {
        slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in TOPICS
    }
    competences = {c.code: c for c in DigCompCompetence.objects.all()}

    tutorial_index = demo.ensure_page(
        demo.home,
        TutorialIndexPage,
        "anleitungen",
        title="Anleitungen",
        show_in_menus=True,
        intro="Schritt für Schritt erklärt, mit Bildern und in großer Schrift: So nutzen Sie "
        "die digitalen Angebote der Stadt – in Ihrem Tempo, auch zum Ausdrucken.",
    )
    tutorials = {
        spec["slug"]: _ensure_tutorial(demo, tutorial_index, spec, services, competences)
        for spec in TUTORIALS
    }
    _feature_on_home(demo, [tutorials[spec["slug"]] for spec in TUTORIALS if spec["featured"]])
    course_index = demo.ensure_page(
        demo.home,
        CourseIndexPage,
        "kurse",
        title="Kurse",
        show_in_menus=True,
        intro="Kurse für Senior*innen, für Schulklassen und für alle Generationen – online im "
        "eigenen Tempo oder mit Workshops in Ihrem Stadtteil.",
    )
    for spec in _courses(services, topics, competences, tutorials):
        lessons = spec.pop("lessons")
        course = demo.ensure_page(course_index, CoursePage, spec.pop("slug"), **spec)
        for slug, fields in lessons:
            demo.ensure_page(course, LessonPage, slug, **fields)
    _point_home_entries_at(demo, tutorial_index, course_index)


def _ensure_tutorial(demo, index, spec, services, competences) -> TutorialPage:
    existing = TutorialPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if existing:
        demo.pages[existing.url_path] = existing
        return existing
    steps = []
    for number, (instruction, details, device, hint_kind, hint_text, screen) in enumerate(
        spec["steps"], start=1
    ):
        suffix = f" ({device})" if device else ""
        image = screenshot(f"Anleitung {spec['title']}: Schritt {number}{suffix}", screen)
        steps.append(
            TutorialStep(
                sort_order=number,
                instruction=instruction,
                details=details,
                device=device,
                hint_kind=hint_kind,
                hint_text=hint_text,
                screenshot=image,
                screenshot_alt=screen.alt_text(device),
            )
        )
    devices = {device for _i, _d, device, *_rest in spec["steps"] if device}
    easy = None
    if spec.get("easy_language"):
        easy = _easy_language_wlan(demo)
    return demo.ensure_page(
        index,
        TutorialPage,
        spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        digital_service=services.get(spec["service"]),
        level=spec["level"],
        duration_minutes=spec["duration"],
        competences=[competences[code] for code in spec["competences"]],
        requirements=spec["requirements"],
        devices=[key for key, _label in DEVICES if key in devices],
        last_checked=spec["last_checked"],
        service_version=spec["version"],
        easy_language_page=easy,
        steps=steps,
    )


def _feature_on_home(demo: DemoSite, tutorials: list[TutorialPage]) -> None:
    """Fill „Beliebte Anleitungen“ once; a list the editors have chosen is left alone."""
    home = demo.home.specific_class.objects.get(pk=demo.home.pk)  # fresh: editors' changes
    if not hasattr(home, "featured_tutorials") or home.featured_tutorials.exists():
        return
    for position, tutorial in enumerate(tutorials):
        home.featured_tutorials.create(tutorial=tutorial, sort_order=position)
    home.save_revision().publish()


def _easy_language_wlan(demo: DemoSite) -> Page | None:
    parent = ContentPage.objects.child_of(demo.home).filter(slug="leichte-sprache").first()
    if parent is None:
        return None
    return demo.ensure_page(
        parent,
        ContentPage,
        "stadt-wlan",
        title="Ins Internet mit dem Stadt-WLAN",
        intro="Hier steht in Leichter Sprache: So kommen Sie mit dem Handy ins Internet von "
        "der Stadt.",
        body=[
            _text(
                _p(
                    "Die Stadt Datteln hat Internet für alle.",
                    "Das Internet heißt: Datteln-WLAN.",
                    "Das Internet kostet nichts.",
                    "Sie brauchen kein Pass-Wort.",
                )
                + "<h2>Wo gibt es das Internet?</h2>"
                + _ul("Im Rat-Haus.", "In der Stadt-Bibliothek.", "Am Neu-Markt.")
                + "<h2>So geht es</h2>"
                + _p(
                    "Sie öffnen am Handy die Einstellungen.",
                    "Sie tippen auf: WLAN.",
                    "Sie tippen auf: Datteln-WLAN.",
                    "Eine Seite geht auf.",
                    "Sie tippen auf: Akzeptieren und verbinden.",
                    "Jetzt haben Sie Internet.",
                )
            )
        ],
    )


def _point_home_entries_at(demo: DemoSite, tutorial_index: Page, course_index: Page) -> None:
    """Seniors go to the tutorials, schools to the catalogue – unless an editor changed it."""
    home = demo.home.specific_class.objects.get(pk=demo.home.pk)  # fresh: editors' changes
    targets = {"seniors": ("senioren", tutorial_index), "schools": ("schulen", course_index)}
    changed = False
    for block in home.audience_entries:
        audience = block.value.get("audience")
        if audience not in targets:
            continue
        original_slug, target = targets[audience]
        page = block.value.get("page")
        if page is not None and page.slug == original_slug and page.depth == home.depth + 1:
            block.value["page"] = target
            block.value["link_label"] = (
                "Zu den Anleitungen" if audience == "seniors" else "Zum Kurskatalog"
            )
            changed = True
    if changed:
        home.save_revision().publish()


def _courses(services, topics, competences, tutorials) -> list[dict]:
    def pick(mapping, *keys):
        return [mapping[key] for key in keys]

    def links(*slugs):
        return [CourseTutorial(sort_order=i, tutorial=tutorials[s]) for i, s in enumerate(slugs)]

    fake_news_sheet = worksheet(
        "Arbeitsblatt 1: Ist diese Nachricht echt?",
        "Arbeitsblatt 1: Ist diese Nachricht echt?",
        [
            "Lies die drei Nachrichten auf der Rückseite. Prüfe jede mit den vier Fragen:",
            "1. Wer hat die Nachricht geschrieben? Gibt es ein Impressum?",
            "2. Wann ist sie erschienen? Ist sie vielleicht alt?",
            "3. Berichten auch andere, bekannte Quellen darüber?",
            "4. Passt das Bild zum Text? Suche es mit der Bildersuche.",
            "Kreuze an: echt – falsch – weiß nicht. Begründe in einem Satz.",
        ],
        "arbeitsblatt-1-ist-diese-nachricht-echt.pdf",
    )
    scam_sheet = worksheet(
        "Arbeitsblatt 2: Betrugsmaschen im Netz",
        "Arbeitsblatt 2: Betrugsmaschen im Netz",
        [
            "Ordne die Beispiele den Maschen zu: Phishing-Mail, falscher Gewinn, "
            "„Hallo Mama“-Nachricht, Fake-Shop.",
            "Schreibe zu jeder Masche ein Warnzeichen auf, an dem man sie erkennt.",
            "Gestaltet zu zweit ein Plakat: „So schützt ihr euch und eure Großeltern“.",
        ],
        "arbeitsblatt-2-betrugsmaschen.pdf",
    )
    solutions = worksheet(
        "Lösungen zu den Arbeitsblättern 1 und 2",
        "Lösungen zu den Arbeitsblättern 1 und 2",
        [
            "Arbeitsblatt 1: Nachricht A ist echt (mehrere Quellen, aktuelles Datum). "
            "Nachricht B ist falsch (Bild von 2015, kein Impressum). Nachricht C lässt sich "
            "nicht sicher prüfen – dann nicht weiterleiten.",
            "Arbeitsblatt 2: Warnzeichen sind Zeitdruck, unbekannte Absender, Links zu "
            "fremden Adressen, Bitten um Geld oder Passwörter und zu gute Angebote.",
        ],
        "loesungen-arbeitsblaetter-1-und-2.pdf",
    )
    tandem_sheet = worksheet(
        "Tandem-Karte: Gemeinsam lernen",
        "Tandem-Karte: Gemeinsam lernen",
        [
            "Die jüngere Person erklärt, die ältere Person tippt selbst.",
            "Fragen sind immer erlaubt – es gibt keine dummen Fragen.",
            "Am Ende schreibt jede Person auf, was sie Neues gelernt hat.",
        ],
        "tandem-karte-gemeinsam-lernen.pdf",
    )
    safety_leaflet = worksheet(
        "Merkblatt: Betrug am Telefon und im Internet erkennen",
        "Merkblatt: Betrug erkennen",
        [
            "Unbekannte Nummer und eine Bitte um Geld? Erst bei der bekannten Nummer zurückrufen.",
            "Keine Links in SMS antippen, die zu Paketen, Konten oder Gewinnen führen.",
            "Niemals PIN, TAN oder Passwort weitergeben.",
            "Im Notfall: Sperr-Notruf 116 116 und Polizei.",
        ],
        "merkblatt-betrug-erkennen.pdf",
    )

    return [
        {
            "slug": "sicher-mit-dem-smartphone",
            "title": "Sicher unterwegs mit dem Smartphone",
            "summary": "Der Einstieg für Senior*innen: Sie lernen Ihr Smartphone kennen, "
            "telefonieren per Video mit der Familie und schützen sich vor Betrug.",
            "audience": "seniors",
            "level": 1,
            "duration_minutes": 180,
            "delivery": "workshop",
            "topics": pick(topics, "smartphone", "sicherheit"),
            "competences": pick(competences, "2.1", "4.1", "4.2", "4.3"),
            "digital_services": pick(services, "stadt-wlan"),
            "learning_goals": "Sie bedienen Ihr Smartphone mit Tippen, Wischen und Zoomen.\n"
            "Sie halten Ihr Smartphone mit Updates sicher.\n"
            "Sie führen einen Videoanruf mit Ihrer Familie.\n"
            "Sie erkennen betrügerische Nachrichten und wissen, was dann zu tun ist.",
            "prerequisites": "Ein eigenes Smartphone (Android oder iPhone)",
            "related_tutorials": links(
                "videoanruf-mit-der-familie",
                "betrugs-nachrichten-erkennen",
                "sichere-passwoerter",
                "stadt-wlan-verbinden",
            ),
            "lessons": [
                (
                    "smartphone-kennenlernen",
                    {
                        "title": "Das Smartphone kennenlernen",
                        "summary": "Tippen, wischen, zoomen: die wichtigsten Handgriffe.",
                        "duration_minutes": 45,
                        "competences": pick(competences, "5.1"),
                        "body": [
                            _text(
                                _p(
                                    "Ein Smartphone bedienen Sie mit den Fingern direkt auf dem "
                                    "Bildschirm. Drei Handgriffe reichen für fast alles.",
                                )
                            ),
                            _steps(
                                "Die drei wichtigsten Handgriffe",
                                (
                                    "Tippen",
                                    "Einmal kurz mit der Fingerkuppe auf ein Zeichen "
                                    "drücken öffnet es.",
                                ),
                                (
                                    "Wischen",
                                    "Mit dem Finger über den Bildschirm streichen blättert weiter.",
                                ),
                                (
                                    "Zoomen",
                                    "Zwei Finger auseinanderziehen macht Text und Bilder größer.",
                                ),
                            ),
                            _image(
                                "Lektion Smartphone: Startbildschirm",
                                Screen(
                                    "Startbildschirm",
                                    ["Telefon", "Nachrichten", "Kamera", "Einstellungen"],
                                ),
                                "So sieht ein aufgeräumter Startbildschirm aus.",
                            ),
                            _callout(
                                "tip",
                                "Schrift größer stellen",
                                _p(
                                    "In den Einstellungen unter „Anzeige“ machen Sie die "
                                    "Schrift auf dem ganzen Smartphone größer."
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "sicher-im-internet",
                    {
                        "title": "Sicher im Internet",
                        "summary": "Updates, Sperrbildschirm und ein Blick für Betrug.",
                        "duration_minutes": 60,
                        "competences": pick(competences, "4.1", "4.2"),
                        "body": [
                            _text(
                                _p(
                                    "Ein Smartphone ist so sicher wie seine Einstellungen. Mit drei "
                                    "Dingen sind Sie gut geschützt.",
                                )
                            ),
                            _steps(
                                "So schützen Sie Ihr Smartphone",
                                (
                                    "Updates installieren",
                                    "Wenn das Smartphone ein Update "
                                    "anbietet: installieren, am besten über Nacht im WLAN.",
                                ),
                                (
                                    "Bildschirmsperre einschalten",
                                    "Mit einer PIN oder Ihrem "
                                    "Fingerabdruck kommt niemand Fremdes an Ihre Daten.",
                                ),
                                (
                                    "Apps nur aus dem offiziellen Store",
                                    "Laden Sie Apps nur aus "
                                    "dem Google Play Store oder dem App Store.",
                                ),
                            ),
                            _callout(
                                "warning",
                                "Niemand fragt nach Ihrer PIN",
                                _p(
                                    "Ihre Bank, die Polizei und die Stadt fragen nie am "
                                    "Telefon nach PIN, TAN oder Passwort. Legen Sie auf."
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "nachrichten-und-videoanrufe",
                    {
                        "title": "Nachrichten und Videoanrufe",
                        "summary": "In Kontakt bleiben mit Familie und Freunden.",
                        "duration_minutes": 75,
                        "competences": pick(competences, "2.1", "4.3"),
                        "body": [
                            _text(
                                _p(
                                    "Mit Nachrichten-Apps schreiben Sie kostenlos Nachrichten, "
                                    "schicken Fotos und telefonieren mit Bild. Wie das geht, zeigt "
                                    "die Anleitung „Videoanruf mit der Familie“.",
                                    "Leider nutzen auch Betrüger diese Apps. Das Merkblatt fasst "
                                    "zusammen, woran Sie sie erkennen.",
                                )
                            ),
                            _downloads(
                                "Zum Ausdrucken",
                                (
                                    safety_leaflet,
                                    "Merkblatt für die Pinnwand, 1 Seite",
                                ),
                            ),
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "fake-news-und-betrug-erkennen",
            "title": "Fake News und Betrug im Netz erkennen",
            "summary": "Für die Klassen 7 bis 10: Schülerinnen und Schüler prüfen Quellen, "
            "entlarven falsche Nachrichten und lernen die häufigsten Betrugsmaschen kennen.",
            "audience": "youth",
            "level": 3,
            "duration_minutes": 90,
            "delivery": "online",
            "topics": pick(topics, "medienkompetenz", "sicherheit"),
            "competences": pick(competences, "1.1", "1.2", "2.5", "4.3"),
            "learning_goals": "Die Schülerinnen und Schüler prüfen eine Nachricht mit vier "
            "Fragen.\nSie finden mit der Bildersuche heraus, woher ein Foto stammt.\n"
            "Sie erkennen die vier häufigsten Betrugsmaschen und ihre Warnzeichen.",
            "prerequisites": "Ein Tablet oder Computer für je zwei Schülerinnen und Schüler\n"
            "Grundkenntnisse im Umgang mit einer Suchmaschine",
            "grade_levels": "7–10",
            "lesson_units": 2,
            "teacher_notes": _p(
                "<b>Stunde 1 – Quellen prüfen:</b> Einstieg mit einer bekannten Falschmeldung "
                "(10 Minuten), dann Arbeitsblatt 1 in Partnerarbeit (25 Minuten), Auswertung im "
                "Plenum (10 Minuten).",
                "<b>Stunde 2 – Betrugsmaschen:</b> Arbeitsblatt 2 in Gruppen, Plakate im "
                "Galeriegang. Die Plakate eignen sich für einen Besuch im Seniorentreff.",
                "<b>Differenzierung:</b> Schnellere Gruppen prüfen eine selbst gewählte "
                "Nachricht aus den sozialen Medien.",
            ),
            "related_tutorials": links("betrugs-nachrichten-erkennen", "sichere-passwoerter"),
            "materials": [
                CourseMaterial(
                    sort_order=0,
                    document=fake_news_sheet,
                    title="Arbeitsblatt 1: Ist diese Nachricht echt?",
                    description="Vier Fragen zum Prüfen von Nachrichten, 1 Seite",
                    licence="cc-by-4.0",
                    attribution="Stadt Datteln, Lernhafen",
                ),
                CourseMaterial(
                    sort_order=1,
                    document=scam_sheet,
                    title="Arbeitsblatt 2: Betrugsmaschen im Netz",
                    description="Zuordnungsaufgabe und Plakatauftrag, 1 Seite",
                    licence="cc-by-sa-4.0",
                    attribution="Stadt Datteln, Lernhafen",
                ),
                CourseMaterial(
                    sort_order=2,
                    document=solutions,
                    title="Lösungen zu den Arbeitsblättern",
                    description="Für Lehrkräfte, 1 Seite",
                    licence="cc0-1.0",
                    attribution="",
                ),
            ],
            "lessons": [
                (
                    "quellen-pruefen",
                    {
                        "title": "Quellen prüfen",
                        "summary": "Vier Fragen, mit denen ihr jede Nachricht prüft.",
                        "duration_minutes": 45,
                        "competences": pick(competences, "1.1", "1.2"),
                        "body": [
                            _text(
                                "<h2>Wer steckt dahinter?</h2>"
                                + _p(
                                    "Nicht alles, was im Netz steht, stimmt. Manche Nachrichten "
                                    "sind ein Irrtum, andere sind absichtlich falsch – sie sollen "
                                    "Angst machen oder Klicks bringen.",
                                )
                            ),
                            _steps(
                                "So prüft ihr eine Nachricht",
                                (
                                    "Absender prüfen",
                                    "Gibt es ein Impressum? Ist die Seite bekannt?",
                                ),
                                ("Datum prüfen", "Alte Nachrichten werden oft neu geteilt."),
                                ("Andere Quellen suchen", "Berichten bekannte Medien darüber?"),
                                (
                                    "Bild prüfen",
                                    "Mit der Bildersuche findet ihr heraus, wann "
                                    "ein Foto zum ersten Mal erschienen ist.",
                                ),
                            ),
                            _callout(
                                "tip",
                                "Im Zweifel nicht teilen",
                                _p(
                                    "Ihr seid nicht sicher? Dann leitet die Nachricht nicht weiter."
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "betrugsmaschen",
                    {
                        "title": "Betrugsmaschen im Netz",
                        "summary": "Phishing, Fake-Shops und falsche Gewinne erkennen.",
                        "duration_minutes": 45,
                        "competences": pick(competences, "4.2", "4.3", "2.5"),
                        "body": [
                            _text(
                                _p(
                                    "Betrüger im Netz arbeiten mit Tricks, die immer gleich sind: "
                                    "Sie machen Druck, versprechen zu viel oder geben sich als "
                                    "jemand anderes aus.",
                                )
                                + _ul(
                                    "<b>Phishing:</b> E-Mails, die wie von der Bank aussehen und "
                                    "nach dem Passwort fragen.",
                                    "<b>Fake-Shops:</b> Sehr billige Angebote, bezahlt wird nur "
                                    "per Vorkasse.",
                                    "<b>Falsche Gewinne:</b> Sie sollen eine Gebühr zahlen, um "
                                    "einen Preis zu bekommen.",
                                    "<b>„Hallo Mama“-Nachrichten:</b> Angeblich ein Kind mit neuer "
                                    "Nummer, das dringend Geld braucht.",
                                )
                            ),
                            _callout(
                                "warning",
                                "Nie Passwörter weitergeben",
                                _p(
                                    "Kein echtes Unternehmen fragt per Nachricht nach eurem "
                                    "Passwort."
                                ),
                            ),
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "online-dienste-der-stadt",
            "title": "Online-Dienste der Stadt nutzen",
            "summary": "Termine buchen, Anträge stellen, sich online ausweisen: So erledigen "
            "Sie Behördengänge von zu Hause aus.",
            "audience": "adults",
            "level": 2,
            "duration_minutes": 120,
            "delivery": "workshop",
            "topics": pick(topics, "online-dienste"),
            "competences": pick(competences, "2.3", "2.6", "4.2"),
            "digital_services": pick(
                services,
                "online-terminvergabe-buergerbuero",
                "bundid",
                "online-ausweis",
                "cityapp-datteln",
            ),
            "learning_goals": "Sie buchen einen Termin im Bürgerbüro online.\n"
            "Sie legen ein Bürgerkonto (BundID) an.\n"
            "Sie weisen sich mit dem Online-Ausweis aus.",
            "prerequisites": "Eine eigene E-Mail-Adresse\nFür Lektion 3: Ihr Personalausweis "
            "und Ihre PIN",
            "related_tutorials": links(
                "termin-buergerbuero-online-buchen",
                "online-ausweis-mit-dem-smartphone",
                "sichere-passwoerter",
            ),
            "lessons": [
                (
                    "buergerkonto-bundid",
                    {
                        "title": "Das Bürgerkonto (BundID)",
                        "summary": "Ein Konto für Anträge bei Bund, Land und Stadt.",
                        "duration_minutes": 40,
                        "competences": pick(competences, "2.6"),
                        "body": [
                            _text(
                                _p(
                                    "Mit der BundID melden Sie sich bei vielen Online-Anträgen an – "
                                    "zum Beispiel für das Elterngeld, den Wohngeldantrag oder "
                                    "Bescheide, die Ihnen die Stadt digital schickt.",
                                    "Sie können die BundID mit Benutzername und Passwort anlegen. "
                                    "Für manche Anträge brauchen Sie zusätzlich den "
                                    "Online-Ausweis.",
                                )
                            ),
                            _callout(
                                "tip",
                                "Ein sicheres Passwort",
                                _p(
                                    "Wie Sie ein sicheres Passwort finden, zeigt die "
                                    "Anleitung „Sichere Passwörter erstellen und merken“."
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "termine-online-buchen",
                    {
                        "title": "Termine online buchen",
                        "summary": "Ohne Warteschlange ins Bürgerbüro.",
                        "duration_minutes": 30,
                        "competences": pick(competences, "2.3"),
                        "body": [
                            _text(
                                _p(
                                    "Für fast alle Anliegen im Bürgerbüro buchen Sie vorher einen "
                                    "Termin. Online sehen Sie alle freien Zeiten auf einen Blick.",
                                )
                            ),
                            _steps(
                                "Das brauchen Sie zum Termin",
                                (
                                    "Bestätigung",
                                    "Die E-Mail mit Ihrem Termin, ausgedruckt "
                                    "oder auf dem Smartphone.",
                                ),
                                (
                                    "Unterlagen",
                                    "Zum Beispiel Ihren alten Ausweis und ein "
                                    "biometrisches Passfoto.",
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "online-ausweis",
                    {
                        "title": "Der Online-Ausweis",
                        "summary": "Sich im Internet so sicher ausweisen wie am Schalter.",
                        "duration_minutes": 50,
                        "competences": pick(competences, "2.6", "4.2"),
                        "body": [
                            _text(
                                _p(
                                    "Ihr Personalausweis hat einen Chip. Mit der kostenlosen "
                                    "AusweisApp und Ihrer sechsstelligen PIN weisen Sie sich damit "
                                    "online aus.",
                                )
                            ),
                            _callout(
                                "warning",
                                "PIN geheim halten",
                                _p(
                                    "Ihre PIN ist wie die PIN Ihrer Bankkarte: Sie gehört "
                                    "nur Ihnen."
                                ),
                            ),
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "jung-und-alt-lernen-gemeinsam",
            "title": "Digital gemeinsam – Jung und Alt lernen voneinander",
            "summary": "Enkel und Großeltern, Schulklassen und Seniorentreffs: Im Tandem "
            "lernen zwei Generationen gemeinsam – und beide lernen etwas Neues.",
            "audience": "all",
            "level": 1,
            "duration_minutes": 120,
            "delivery": "workshop",
            "topics": pick(topics, "kommunikation", "smartphone"),
            "competences": pick(competences, "2.1", "2.2", "2.5", "5.4"),
            "learning_goals": "Sie teilen Fotos sicher mit der Familie.\n"
            "Sie finden gemeinsam ein sicheres Passwort.\n"
            "Sie erklären einander, was Sie schon können – und lernen Neues dazu.",
            "prerequisites": "",
            "grade_levels": "5–13",
            "lesson_units": 2,
            "teacher_notes": _p(
                "Der Kurs eignet sich für Besuche einer Klasse im Seniorentreff oder im "
                "Altenheim. Bilden Sie feste Tandems aus einer Schülerin oder einem Schüler und "
                "einer älteren Person. Die Tandem-Karte legt die Regeln fest.",
            ),
            "related_tutorials": links("videoanruf-mit-der-familie", "sichere-passwoerter"),
            "materials": [
                CourseMaterial(
                    sort_order=0,
                    document=tandem_sheet,
                    title="Tandem-Karte: Gemeinsam lernen",
                    description="Regeln für die Tandems, 1 Seite",
                    licence="cc-by-4.0",
                    attribution="Stadt Datteln, Lernhafen",
                ),
            ],
            "lessons": [
                (
                    "fotos-sicher-teilen",
                    {
                        "title": "Fotos sicher teilen",
                        "summary": "Fotos an die Familie schicken – und an wen lieber nicht.",
                        "duration_minutes": 60,
                        "competences": pick(competences, "2.2", "2.5"),
                        "body": [
                            _text(
                                _p(
                                    "Fotos von Familienfesten machen Freude. Bevor Sie ein Foto "
                                    "teilen, fragen Sie die Menschen darauf, ob sie einverstanden "
                                    "sind.",
                                )
                            ),
                            _steps(
                                "Ein Foto in einer Nachricht schicken",
                                ("Chat öffnen", "Öffnen Sie den Chat mit der Person."),
                                (
                                    "Büroklammer antippen",
                                    "Tippen Sie auf die Büroklammer oder "
                                    "das Plus und dann auf „Galerie“ oder „Fotos“.",
                                ),
                                (
                                    "Foto wählen und senden",
                                    "Tippen Sie auf das Foto und dann auf den Pfeil zum Senden.",
                                ),
                            ),
                            _callout(
                                "tip",
                                "Erst fragen, dann teilen",
                                _p(
                                    "Auf Fotos von Kindern achten Sie besonders: Teilen Sie "
                                    "sie nur in der Familie, nicht öffentlich."
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "passwort-gemeinsam-finden",
                    {
                        "title": "Gemeinsam ein sicheres Passwort finden",
                        "summary": "Mit einem Merksatz zum starken Passwort.",
                        "duration_minutes": 60,
                        "competences": pick(competences, "4.2", "5.4"),
                        "body": [
                            _text(
                                _p(
                                    "Überlegen Sie im Tandem gemeinsam einen Merksatz. Jede Person "
                                    "macht daraus ihr eigenes Passwort – und verrät es niemandem, "
                                    "auch nicht dem Tandem-Partner.",
                                )
                            ),
                            _downloads("Material", (tandem_sheet, "Regeln für die Tandems")),
                        ],
                    },
                ),
            ],
        },
    ]
