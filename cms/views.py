from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.static import serve as static_serve
from wagtail.admin.views.account import LogoutView, PasswordResetView
from wagtail.models import Page

from cms.display import COOKIE_MAX_AGE, DisplayPreferences, Motion, TextSize, Theme
from cms.i18n import active_locale_id
from cms.ratelimits import rate_limited

SEARCH_RESULTS_PER_PAGE = 10


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Suchbegriff"), max_length=200, required=False)


def search_terms(query: str) -> str:
    """Only the words of a query: quotes, brackets and operators are full-text syntax on
    SQLite (FTS5) and PostgreSQL, and a stray one would end in a database error."""
    words = re.findall(r"\w+", query)
    # Upper-case AND/OR/NOT/NEAR are FTS5 operators; lower case they are just words.
    return " ".join(word.lower() if word in FTS_OPERATORS else word for word in words)


FTS_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = None
    if query:
        terms = search_terms(query)
        # Pages in the language the visitor reads (the URL's prefix), searched with its stemming.
        pages = (
            Page.objects.live()
            .public()
            .filter(locale_id=active_locale_id())
            .specific()
            .search(terms)
            if terms
            else []
        )
        paginator = Paginator(pages, SEARCH_RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("seite", 1))
        except (PageNotAnInteger, EmptyPage):
            results = paginator.page(1)
        describe_results(results.object_list)
    return render(request, "cms/search.html", {"form": form, "query": query, "results": results})


# What a visitor calls the general page types; the apps' page types by their verbose name
# ("Anleitung", "Kurs", "Lektion", "Workshop"), or a page class's own `search_result_kind`.
RESULT_KINDS = {
    "homepage": _("Startseite"),
    "contentpage": _("Information"),
    "formpage": _("Formular"),
}
# Below a section (depth 3, e.g. /kurse/) a page belongs to another page worth naming: a lesson
# to its course. Pages on the same topic then read "Lektion – im Kurs „…“" and "Workshop".
PART_OF_DEPTH = 5


def describe_results(pages: list[Page]) -> None:
    """Give each search result what tells near-identical titles apart: its kind, its summary
    and, for a page inside another one, that page's title (one query for all of them)."""
    parent_paths = {page.path[: -Page.steplen] for page in pages if page.depth >= PART_OF_DEPTH}
    parents = (
        dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
        if parent_paths
        else {}
    )
    for page in pages:
        model = type(page)
        page.result_kind = getattr(
            model, "search_result_kind", RESULT_KINDS.get(model._meta.model_name)
        ) or str(model._meta.verbose_name)
        page.result_teaser = next(
            (
                " ".join(str(text).split())
                for text in (
                    getattr(page, "search_description", ""),
                    getattr(page, "summary", ""),
                    getattr(page, "intro", ""),
                )
                if text and str(text).strip()
            ),
            "",
        )
        page.result_part_of = parents.get(page.path[: -Page.steplen], "")


class DisplayForm(forms.Form):
    theme = forms.ChoiceField(label=_("Farben"), choices=Theme.choices, widget=forms.RadioSelect)
    text_size = forms.ChoiceField(
        label=_("Schriftgröße"), choices=TextSize.choices, widget=forms.RadioSelect
    )
    motion = forms.ChoiceField(
        label=_("Bewegung"), choices=Motion.choices, widget=forms.RadioSelect
    )


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@require_http_methods(["GET", "POST"])
def display_settings(request: HttpRequest) -> HttpResponse:
    current = DisplayPreferences.from_request(request)
    if request.method == "POST":
        form = DisplayForm(request.POST)
        if form.is_valid():
            prefs = DisplayPreferences(**form.cleaned_data)
            response = HttpResponseRedirect(_safe_next(request))
            response.set_cookie(
                settings.LERNHAFEN_DISPLAY_COOKIE,
                prefs.to_cookie(),
                max_age=COOKIE_MAX_AGE,
                samesite="Lax",
                secure=request.is_secure(),
                httponly=True,
            )
            return response
        status = 400
    else:
        form = DisplayForm(
            initial={
                "theme": current.theme,
                "text_size": current.text_size,
                "motion": current.motion,
            }
        )
        status = 200
    return render(
        request,
        "cms/display_settings.html",
        {"form": form, "next": _safe_next(request)},
        status=status,
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /darstellung/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=86400)
    return response


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """For the load balancer: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploads, for the demo and tests only (see LERNHAFEN_SERVE_MEDIA)."""
    return static_serve(request, path, document_root=settings.MEDIA_ROOT)


class RateLimitedPasswordResetView(PasswordResetView):
    """Wagtail's password reset, with a limit per address and per account.

    Every address and every entered e-mail counts the same whether an account exists or not,
    so the limit tells nobody which addresses have one.
    """

    def form_valid(self, form):
        account = form.cleaned_data["email"].strip().lower()
        by_address = rate_limited(self.request, "password-reset:address")
        by_account = rate_limited(
            self.request, "password-reset:account", key=account, per_client=False
        )
        if by_address or by_account:
            form.add_error(
                None,
                "Für diese Adresse wurden in kurzer Zeit zu viele Links angefordert. Bitte "
                "versuchen Sie es in einer Stunde noch einmal.",
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PostOnlyLogoutView(LogoutView):
    """Wagtail's logout, which for a GET answered 405 yet dropped the browser's cookie and left
    the session valid on the server. Now GET acts on nothing; POST ends the session."""

    http_method_names = ["post", "options"]

    def dispatch(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)
