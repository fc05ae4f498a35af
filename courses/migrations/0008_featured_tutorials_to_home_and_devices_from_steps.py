"""Move „Beliebte Anleitungen“ from the per-tutorial flag into the home page's ordered list,
and make each tutorial's device variants explicit.

Flagged tutorials join the list of the home page above them, in the order the site showed them
(by title) and without the old cap of six. A tutorial whose steps name two or more devices keeps
exactly the variants it offered; one whose steps name a single device now offers every device
(the single device step was meant as one step of a general tutorial, not as the whole page).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    TutorialPage = apps.get_model("courses", "TutorialPage")
    TutorialStep = apps.get_model("courses", "TutorialStep")
    HomePage = apps.get_model("cms", "HomePage")
    Featured = apps.get_model("cms", "HomePageFeaturedTutorial")
    Revision = apps.get_model("wagtailcore", "Revision")

    homes = list(HomePage.objects.order_by("path"))
    for tutorial in TutorialPage.objects.filter(featured=True).order_by("title"):
        home = next((h for h in homes if tutorial.path.startswith(h.path)), None)
        if home is None or Featured.objects.filter(home=home, tutorial=tutorial).exists():
            continue
        position = Featured.objects.filter(home=home).count()
        Featured.objects.create(home=home, tutorial=tutorial, sort_order=position)

    order = ["android", "iphone", "computer"]
    for tutorial in TutorialPage.objects.all():
        devices = set(
            TutorialStep.objects.filter(page=tutorial).exclude(device="").values_list(
                "device", flat=True
            )
        )
        if len(devices) >= 2:
            tutorial.devices = [key for key in order if key in devices]
            tutorial.save(update_fields=["devices"])
            # The edit form loads the latest revision: without the key it would show no
            # variants chosen and the next publish would silently change them.
            revision = Revision.objects.filter(pk=tutorial.latest_revision_id).first()
            if revision is not None:
                revision.content["devices"] = tutorial.devices
                revision.save(update_fields=["content"])


def backwards(apps, schema_editor):
    TutorialPage = apps.get_model("courses", "TutorialPage")
    Featured = apps.get_model("cms", "HomePageFeaturedTutorial")
    TutorialPage.objects.filter(
        pk__in=Featured.objects.values_list("tutorial_id", flat=True)
    ).update(featured=True)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_tutorial_device_variants"),
        ("cms", "0004_home_page_featured_tutorials"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
