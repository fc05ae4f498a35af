from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods
from django.views.static import serve as static_serve
from wagtail.models import Page

from cms.display import COOKIE_MAX_AGE, MOTIONS, TEXT_SIZES, THEMES, DisplayPreferences

SEARCH_RESULTS_PER_PAGE = 10


class SearchForm(forms.Form):
    q = forms.CharField(label="Suchbegriff", max_length=200, required=False)


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = None
    if query:
        pages = Page.objects.live().public().specific().search(query)
        paginator = Paginator(pages, SEARCH_RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("seite", 1))
        except (PageNotAnInteger, EmptyPage):
            results = paginator.page(1)
    return render(request, "cms/search.html", {"form": form, "query": query, "results": results})


class DisplayForm(forms.Form):
    theme = forms.ChoiceField(label="Farben", choices=THEMES.items(), widget=forms.RadioSelect)
    text_size = forms.ChoiceField(
        label="Schriftgröße", choices=TEXT_SIZES.items(), widget=forms.RadioSelect
    )
    motion = forms.ChoiceField(label="Bewegung", choices=MOTIONS.items(), widget=forms.RadioSelect)


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
