"""A Lotse's own profile: what they keep up to date themselves."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from events.workspace import forms
from events.workspace.views.base import render_page


def profile(request: HttpRequest) -> HttpResponse:
    lotse = getattr(request.user, "lotse_profile", None)
    if lotse is None:
        return render_page(
            request, "events/workspace/profile.html", "Mein Lotsenprofil", {"form": None}
        )
    form = forms.ProfileForm(request.POST or None, instance=lotse)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Ihr Profil ist gespeichert.")
        return redirect("events_workspace:profile")
    return render_page(
        request,
        "events/workspace/profile.html",
        "Mein Lotsenprofil",
        {"form": form, "lotse": lotse},
    )
