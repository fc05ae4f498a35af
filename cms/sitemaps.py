"""sitemap.xml in every language: each page's live translations, with hreflang alternates.

Wagtail's sitemap lists the descendants of the site's root page only, that is the German tree;
the translated trees hang beside it (one home page per locale). This sitemap lists the pages of
every live home page's tree and gives each page that exists in more than one language its
<xhtml:link rel="alternate" hreflang> entries (Django's sitemap template writes them), with
x-default pointing at the German page. Leichte Sprache keeps its tag "de-x-ls" (valid BCP 47).
"""

from __future__ import annotations

from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedPagesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = root.get_translations(inclusive=True).live()
        trees = reduce(
            or_,
            (Page.objects.descendant_of(home, inclusive=True) for home in homes),
            Page.objects.none(),
        )
        return trees.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        # Wagtail's _urls, plus the alternates of each page.
        pages = list(self.paginator.page(page).object_list)
        alternates = self._alternates(pages)
        urls, last_mods = [], set()
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                if url_info.get("location") in alternates:
                    url_info["alternates"] = alternates[url_info["location"]]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        # last_mods might be empty if the whole site is private
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _alternates(self, pages: list[Page]) -> dict[str, list[dict]]:
        """Location → alternates (each live translation, x-default) of pages in 2+ languages."""
        # One query per sitemap page for all translations, wherever the paginator put them.
        by_key = defaultdict(list)
        translations = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in pages})
            .select_related("locale")
        )
        for translation in translations:
            url = translation.get_full_url(self.request)
            if url:
                by_key[translation.translation_key].append((translation.locale.language_code, url))
        order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        alternates_by_location: dict[str, list[dict]] = {}
        for item in pages:
            versions = sorted(by_key[item.translation_key], key=lambda v: order.get(v[0], 99))
            if len(versions) < 2:
                continue
            alternates = [{"lang_code": code, "location": url} for code, url in versions]
            alternates += [
                {"lang_code": "x-default", "location": url}
                for code, url in versions
                if code == settings.LANGUAGE_CODE
            ]
            for _code, url in versions:
                alternates_by_location[url] = alternates
        return alternates_by_location
